/** The Action's inputs, read through a getter so tests and `@actions/core` supply them alike. */
export const COMMANDS = ["validate", "train", "evaluate", "compare", "report", "promote"] as const;
export type ActionCommand = (typeof COMMANDS)[number];
export type FailOn = "fail" | "warn" | "never";

export interface ActionInputs {
  command: ActionCommand;
  data: string;
  schema: string;
  reference: string;
  holdout: string;
  target: string;
  /** validate: the schema environment to check as (its excluded columns are not expected); "" for none. */
  environment: string;
  run: string;
  builtin: string;
  model: string;
  baselineModel: string;
  baseline: string;
  metrics: string;
  gates: string;
  /** compare: "" (the gates file's on_inconclusive, default fail), fail, warn or pass. */
  onInconclusive: string;
  /** compare: "" (the gates file's interval, default auto), auto, bootstrap or analytic. */
  interval: string;
  /** compare: a column to compare slices by ("" for none). */
  sliceBy: string;
  config: string;
  /** promote: the model's name in the registry. */
  name: string;
  /** promote (and a `registry:` baseline): where versions live; empty: this repository's releases. */
  registry: string;
  /** promote: the reference profile stored with the version (what the monitor follows). */
  profile: string;
  /** promote: data to build that profile from (modelguard profile), when no profile file is given. */
  profileData: string;
  reportId: string;
  /** "auto" (on pull requests, for compare and report), "true" or "false". */
  comment: "auto" | "true" | "false";
  githubToken: string;
  /** A GitHub App instead of the token: its id, private key (PEM) and installation id ("" when unset). */
  appId: string;
  appPrivateKey: string;
  appInstallationId: string;
  failOn: FailOn;
}

/** A mistake in the workflow's `with:` block: the step fails with this message, no stack trace. */
export class ActionInputError extends Error {
  override readonly name = "ActionInputError";
}

/**
 * Reads and checks the inputs. `get(name)` returns the trimmed value ("" when unset), as `core.getInput` does.
 * The command comes from the `command` input: the root action's users set it; each actions/<step>/action.yml declares
 * it with its fixed value as the default (node actions have no `runs.env`).
 */
export function readActionInputs(get: (name: string) => string): ActionInputs {
  const command = get("command");
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new ActionInputError(
      command === ""
        ? `the 'command' input is required: one of ${COMMANDS.join(", ")}`
        : `unknown command '${command}': use one of ${COMMANDS.join(", ")}`,
    );
  }
  const comment = (get("comment") || "auto").toLowerCase();
  if (comment !== "auto" && comment !== "true" && comment !== "false") {
    throw new ActionInputError(`'comment' must be auto, true or false, got '${comment}'`);
  }
  const failOn = (get("fail-on") || "fail").toLowerCase();
  if (failOn !== "fail" && failOn !== "warn" && failOn !== "never") {
    throw new ActionInputError(`'fail-on' must be fail, warn or never, got '${failOn}'`);
  }
  const onInconclusive = get("on-inconclusive").toLowerCase();
  if (onInconclusive !== "" && onInconclusive !== "fail" && onInconclusive !== "warn" && onInconclusive !== "pass") {
    throw new ActionInputError(`'on-inconclusive' must be fail, warn or pass, got '${onInconclusive}'`);
  }
  const interval = get("interval").toLowerCase();
  if (interval !== "" && interval !== "auto" && interval !== "bootstrap" && interval !== "analytic") {
    throw new ActionInputError(`'interval' must be auto, bootstrap or analytic, got '${interval}'`);
  }
  const reportId = get("report-id") || "default";
  if (!/^[A-Za-z0-9._-]+$/.test(reportId)) {
    throw new ActionInputError(`'report-id' may hold letters, digits, '.', '_' and '-', got '${reportId}'`);
  }
  return {
    command: command as ActionCommand,
    data: get("data"),
    schema: get("schema"),
    reference: get("reference"),
    holdout: get("holdout"),
    target: get("target"),
    environment: get("environment"),
    run: get("run"),
    builtin: get("builtin") || "logistic",
    model: get("model"),
    baselineModel: get("baseline-model"),
    baseline: get("baseline"),
    metrics: get("metrics"),
    gates: get("gates"),
    onInconclusive,
    interval,
    sliceBy: get("slice-by"),
    config: get("config"),
    name: get("name"),
    registry: get("registry"),
    profile: get("profile"),
    profileData: get("profile-data"),
    reportId,
    comment,
    githubToken: get("github-token"),
    appId: get("app-id"),
    appPrivateKey: get("app-private-key"),
    appInstallationId: get("app-installation-id"),
    failOn,
  };
}
