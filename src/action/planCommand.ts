import { existsSync } from "node:fs";
import { join } from "node:path";
import { ActionInputError, type ActionInputs } from "./actionInputs.js";

/** Where one job's modelguard steps keep their results, so a later step (compare, report) can include them. */
export interface ResultPaths {
  dir: string;
  validation: string;
  drift: string;
  metrics: string;
  comparison: string;
  run: string;
  report: string;
}

export function resultPaths(runnerTemp: string, reportId: string): ResultPaths {
  const dir = join(runnerTemp, "modelguard", reportId);
  return {
    dir,
    validation: join(dir, "validation.json"),
    drift: join(dir, "drift.json"),
    metrics: join(dir, "metrics.json"),
    comparison: join(dir, "comparison.json"),
    run: join(dir, "run.json"),
    report: join(dir, "report.md"),
  };
}

/** One CLI invocation; `onnx` when its command module needs onnxruntime-node loaded. */
export interface CliStep {
  argv: string[];
  onnx: boolean;
}

export interface CommandPlan {
  steps: CliStep[];
  /** The model file `train` writes (builtin) or checks (run). */
  modelPath: string | null;
}

/**
 * Maps the inputs to CLI invocations. Every checking command gets its `--no-fail`: the step's status is decided
 * afterwards from the JSON results and `fail-on`, so a failed gate still renders and posts its report first.
 */
export function planCommand(
  inputs: ActionInputs,
  paths: ResultPaths,
  isPullRequest: boolean,
  /** promote: the merged pull request the pushed commit came from, recorded on the model card. */
  mergedPullRequest: number | null = null,
): CommandPlan {
  const opt = (flag: string, value: string) => (value ? [flag, value] : []);
  const comment =
    inputs.comment === "true" ||
    (inputs.comment === "auto" && isPullRequest && (inputs.command === "compare" || inputs.command === "report"));
  const publish = [
    "--report",
    paths.report,
    "--summary",
    ...(comment ? ["--comment"] : []),
    "--report-id",
    inputs.reportId,
  ];
  const earlier = (key: "validation" | "drift" | "metrics") => (existsSync(paths[key]) ? [`--${key}`, paths[key]] : []);

  switch (inputs.command) {
    case "validate": {
      const steps: CliStep[] = [];
      if (inputs.environment !== "" && inputs.schema === "") {
        throw new ActionInputError("'environment' goes with 'schema' (it names one of the schema's environments)");
      }
      const checks = inputs.schema !== "" || inputs.holdout !== "";
      if (checks || inputs.reference === "") {
        steps.push({
          argv: [
            "validate",
            ...opt("--data", inputs.data),
            ...opt("--schema", inputs.schema),
            ...(inputs.schema ? opt("--environment", inputs.environment) : []),
            ...opt("--holdout", inputs.holdout),
            ...(inputs.holdout ? opt("--target", inputs.target) : []),
            "--out",
            paths.validation,
            "--no-fail",
          ],
          onnx: false,
        });
      }
      if (inputs.reference !== "") {
        if (inputs.data === "") throw new ActionInputError("validate with 'reference' needs 'data' (the current data)");
        steps.push({
          argv: [
            "drift",
            "--reference",
            inputs.reference,
            "--current",
            inputs.data,
            ...opt("--config", inputs.config),
            // the target is left out of the drift test by default (its drift is the labels', not the inputs')
            ...opt("--target", inputs.target),
            "--out",
            paths.drift,
            "--no-fail",
          ],
          onnx: false,
        });
      }
      const report = [
        "report",
        ...(checks || inputs.reference === "" ? ["--validation", paths.validation] : []),
        ...(inputs.reference !== "" ? ["--drift", paths.drift] : []),
        ...publish,
      ];
      steps.push({ argv: report, onnx: false });
      return { steps, modelPath: null };
    }
    case "train": {
      if (inputs.run !== "") {
        return {
          steps: [
            {
              argv: [
                "train",
                "--run",
                inputs.run,
                ...opt("--model", inputs.model),
                ...opt("--data", inputs.data),
                "--record",
                paths.run,
              ],
              onnx: false,
            },
          ],
          modelPath: inputs.model || null,
        };
      }
      const model = inputs.model || "model.onnx";
      return {
        steps: [
          {
            argv: [
              "train",
              "--builtin",
              inputs.builtin,
              ...opt("--data", inputs.data),
              ...opt("--target", inputs.target),
              "-o",
              model,
            ],
            onnx: false,
          },
        ],
        modelPath: model,
      };
    }
    case "evaluate":
      return {
        steps: [
          {
            argv: [
              "evaluate",
              ...opt("--model", inputs.model),
              ...opt("--data", inputs.data),
              ...opt("--target", inputs.target),
              "-o",
              paths.metrics,
            ],
            onnx: true,
          },
          { argv: ["report", "--metrics", paths.metrics, ...publish], onnx: false },
        ],
        modelPath: null,
      };
    case "compare": {
      const gates = inputs.gates || inputs.config;
      const side =
        inputs.baselineModel !== ""
          ? [
              ...opt("--candidate-model", inputs.model),
              "--baseline-model",
              inputs.baselineModel,
              ...opt("--data", inputs.data),
              ...opt("--target", inputs.target),
              // registry:NAME baselines: where NAME's versions are (default: this repository's releases).
              ...(inputs.baselineModel.startsWith("registry:") ? opt("--registry", inputs.registry) : []),
            ]
          : inputs.baseline !== ""
            ? [
                ...opt("--candidate", inputs.metrics || (existsSync(paths.metrics) ? paths.metrics : "")),
                "--baseline",
                inputs.baseline,
              ]
            : [];
      if (side.length === 0) {
        throw new ActionInputError(
          "compare needs 'baseline-model' (with 'model', 'data', 'target') or 'baseline' (a metrics.json or git:REF:PATH)",
        );
      }
      return {
        steps: [
          {
            argv: [
              "compare",
              ...side,
              ...opt("--gates", gates),
              ...opt("--on-inconclusive", inputs.onInconclusive),
              ...opt("--interval", inputs.interval),
              ...(inputs.baselineModel !== "" ? opt("--slice-by", inputs.sliceBy) : []),
              ...earlier("validation"),
              ...earlier("drift"),
              "--out",
              paths.comparison,
              "--no-fail",
              ...publish,
            ],
            // compare.ts imports the evaluator statically, so even aggregate comparisons load onnxruntime.
            onnx: true,
          },
        ],
        modelPath: null,
      };
    }
    case "promote": {
      if (inputs.name === "" || inputs.model === "" || inputs.data === "" || inputs.target === "") {
        throw new ActionInputError(
          "promote needs 'name' (the model's name in the registry), 'model' (the merged ONNX model), and 'data' and 'target' (the test set it is evaluated on before it is promoted)",
        );
      }
      const registry = opt("--registry", inputs.registry);
      const profile = inputs.profile || (inputs.profileData ? join(paths.dir, "profile.json") : "");
      const profileStep: CliStep[] =
        inputs.profile === "" && inputs.profileData !== ""
          ? [{ argv: ["profile", "--data", inputs.profileData, "-o", profile], onnx: false }]
          : [];
      const compare: CliStep[] =
        inputs.baselineModel !== ""
          ? [
              {
                argv: [
                  "compare",
                  "--candidate-model",
                  inputs.model,
                  "--baseline-model",
                  inputs.baselineModel,
                  "--data",
                  inputs.data,
                  "--target",
                  inputs.target,
                  ...registry,
                  ...opt("--gates", inputs.gates || inputs.config),
                  "--out",
                  paths.comparison,
                  // The pull request passed its gate before it merged: the comparison goes on the card, it does not decide.
                  "--no-fail",
                  "--report",
                  paths.report,
                  "--summary",
                  "--report-id",
                  inputs.reportId,
                ],
                onnx: true,
              },
            ]
          : [];
      return {
        steps: [
          {
            argv: [
              "evaluate",
              "--model",
              inputs.model,
              "--data",
              inputs.data,
              "--target",
              inputs.target,
              "-o",
              paths.metrics,
            ],
            onnx: true,
          },
          ...compare,
          ...profileStep,
          {
            argv: [
              "promote",
              "--name",
              inputs.name,
              "--model",
              inputs.model,
              "--metrics",
              paths.metrics,
              ...opt("--profile", profile),
              ...(compare.length > 0 ? ["--comparison", paths.comparison] : []),
              ...(existsSync(paths.run) ? ["--record", paths.run] : []),
              ...(mergedPullRequest !== null ? ["--pull-request", String(mergedPullRequest)] : []),
              ...registry,
            ],
            onnx: false,
          },
        ],
        modelPath: null,
      };
    }
    case "report": {
      const inputsFound = [
        ...earlier("validation"),
        ...earlier("drift"),
        ...earlier("metrics"),
        ...(existsSync(paths.comparison) ? ["--comparison", paths.comparison] : []),
      ];
      if (inputsFound.length === 0) {
        throw new ActionInputError(
          `report found no results of earlier modelguard steps in this job (report-id '${inputs.reportId}'): run validate, evaluate or compare first`,
        );
      }
      return { steps: [{ argv: ["report", ...inputsFound, ...publish], onnx: false }], modelPath: null };
    }
  }
}
