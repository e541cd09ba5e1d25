import { ModelguardError } from "../../errors.js";
import { didYouMean } from "../../schema/didYouMean.js";
import { getColumn, type Column, type Table } from "../../data/table.js";

export type BuiltinTrainer = "logistic" | "linear";

export interface TrainFeature {
  readonly name: string;
  readonly column: Column;
  readonly kind: "numeric" | "categorical";
}

export interface TrainColumns {
  readonly target: Column;
  /** In the order of --features, else of the table. */
  readonly features: readonly TrainFeature[];
}

export interface TrainColumnChoice {
  trainer: BuiltinTrainer;
  target: string;
  /** Default: every column but the target and `exclude`. */
  features?: readonly string[];
  /** Left out of the default features (row ids, leaky columns); may not be combined with `features`. */
  exclude?: readonly string[];
  /** Added to the default categorical set: text (category/string) and boolean columns. */
  categorical?: readonly string[];
}

/**
 * Names of the graph outputs. With categorical features the model has one input per feature, named like the column,
 * so a feature may not carry one of these names.
 */
export const MODEL_OUTPUT_NAMES: readonly string[] = ["label", "probabilities", "variable"];

/**
 * Picks the target and feature columns and decides how each feature is encoded. Text and boolean columns are
 * categorical (booleans have no meaningful mean and standard deviation, and skl2onnx users pass them as strings);
 * numeric columns are numeric unless --categorical names them (small integer codes such as a region id).
 * Datetime columns are refused: a raw epoch-millisecond feature extrapolates badly and makes a model depend on when
 * it runs, and which derived feature fits (age in days, day of week) is the modeller's call.
 *
 * Every mistake is a ModelguardError "usage" naming the flag and the available columns.
 */
export function resolveTrainColumns(table: Table, choice: TrainColumnChoice): TrainColumns {
  const names = table.columns.map((c) => c.name);
  const target = getColumn(table, choice.target);
  if (!target) throw unknownColumn(table, names, choice.target, "the target", "--target");
  // A column with no value at all loads as text; it is reported as "no rows left" later, not as the wrong type.
  const empty = target.kind === "dictionary" && target.codes.every((c) => c < 0);
  if (
    choice.trainer === "linear" &&
    !empty &&
    (target.kind !== "numeric" || (target.type !== "integer" && target.type !== "number"))
  )
    throw new ModelguardError(
      "usage",
      `--builtin linear needs a numeric target, but '${target.name}' in ${table.source} is a ${target.type} column`,
      target.kind === "dictionary" || target.type === "boolean"
        ? "For class labels use --builtin logistic; for a regression, make the target column numbers."
        : "Make the target a number column (e.g. a duration in seconds instead of a datetime).",
      { file: table.source, column: target.name },
    );

  if (choice.exclude && choice.features)
    throw new ModelguardError(
      "usage",
      "--exclude and --features cannot be combined",
      "--features lists the feature columns; --exclude leaves columns out of the default (every column but the target).",
    );
  for (const name of choice.exclude ?? [])
    if (!getColumn(table, name)) throw unknownColumn(table, names, name, "the excluded column", "--exclude");
  const excluded = new Set(choice.exclude ?? []);
  const featureNames = choice.features ?? names.filter((n) => n !== target.name && !excluded.has(n));
  if (featureNames.length === 0)
    throw new ModelguardError(
      "usage",
      choice.features
        ? "--features is empty"
        : `${table.source} has no column besides the target '${target.name}'${excluded.size ? " and --exclude" : ""}`,
      "A model needs at least one feature column.",
      { file: table.source },
    );
  const seen = new Set<string>();
  for (const name of featureNames) {
    if (seen.has(name))
      throw new ModelguardError("usage", `--features names '${name}' twice`, "List each column once.");
    seen.add(name);
    if (name === target.name)
      throw new ModelguardError(
        "usage",
        `--features includes the target '${name}'`,
        "A model cannot take its own target as input: leave the target out of --features.",
      );
    if (!getColumn(table, name)) throw unknownColumn(table, names, name, "the feature", "--features");
  }

  const forced = new Set<string>();
  for (const name of choice.categorical ?? []) {
    if (!getColumn(table, name)) throw unknownColumn(table, names, name, "the categorical feature", "--categorical");
    if (!seen.has(name))
      throw new ModelguardError(
        "usage",
        `--categorical names '${name}', which is not one of the features`,
        name === target.name
          ? "The target is never a feature; remove it from --categorical."
          : `Add it to --features, or remove it from --categorical. Features: ${featureNames.join(", ")}.`,
        { column: name },
      );
    forced.add(name);
  }

  const features = featureNames.map((name): TrainFeature => {
    const column = getColumn(table, name)!;
    if (column.kind === "numeric" && column.type === "datetime")
      throw new ModelguardError(
        "usage",
        `feature '${name}' in ${table.source} is a datetime column, which the built-in trainers cannot use`,
        `Derive numeric features from it (age in days, day of week, ...) in columns of their own, and leave '${name}' out with --features.`,
        { file: table.source, column: name },
      );
    const categorical = column.kind === "dictionary" || column.type === "boolean" || forced.has(name);
    return { name, column, kind: categorical ? "categorical" : "numeric" };
  });

  if (features.some((f) => f.kind === "categorical")) {
    const clash = features.find((f) => MODEL_OUTPUT_NAMES.includes(f.name));
    if (clash)
      throw new ModelguardError(
        "usage",
        `feature '${clash.name}' has the name of a model output`,
        `With categorical features the ONNX model has one input per column, named like it, and its outputs are ${MODEL_OUTPUT_NAMES.join(", ")}: rename the column.`,
        { column: clash.name },
      );
  }
  return { target, features };
}

function unknownColumn(table: Table, names: string[], name: string, what: string, flag: string): ModelguardError {
  const suggestion = didYouMean(name, names);
  const shown =
    names.length > 40 ? `${names.slice(0, 40).join(", ")}, ... (${names.length} columns)` : names.join(", ");
  return new ModelguardError(
    "usage",
    `${what} '${name}' (${flag}) is not a column of ${table.source}${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
    `The columns are: ${shown}.`,
    { file: table.source, column: name },
  );
}
