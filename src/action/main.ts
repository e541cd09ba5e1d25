import * as core from "@actions/core";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliIO } from "../cli/io.js";
import { readPullRequestContext } from "../github/readPullRequestContext.js";
import { ActionInputError, readActionInputs } from "./actionInputs.js";
import { ensureOnnxRuntime, OnnxRuntimeSetupError } from "./ensureOnnxRuntime.js";
import { neutralizeWorkflowCommands } from "../cli/neutralizeWorkflowCommands.js";
import { planCommand, resultPaths, type ResultPaths } from "./planCommand.js";
import { runCli } from "./runCli.js";
import { stepFails, summarizeResults } from "./summarizeResults.js";

/** Replaced by scripts/build-dist.mjs with the onnxruntime-node version of package-lock.json. */
declare const __MODELGUARD_ONNXRUNTIME_VERSION__: string | undefined;

const JUDGED = ["validation", "drift", "comparison"] as const satisfies readonly (keyof ResultPaths)[];
const WRITTEN = [...JUDGED, "metrics", "run"] as const satisfies readonly (keyof ResultPaths)[];

/**
 * Everything the Action logs goes through here: the CLI's output carries data (a column named `::warning::x` starts a
 * table row), which the runner must not execute. Annotations go through core.error/setFailed, whose escapeData
 * encodes newlines, so their data cannot open a line of its own.
 */
function log(text: string): void {
  core.info(neutralizeWorkflowCommands(text));
}

/**
 * The Action: reads the inputs, runs the CLI command(s) they map to, sets the outputs from the JSON results, and
 * fails the step on a failed check (per `fail-on`) or a usage error — with the message, never a stack trace.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readActionInputs((name) => core.getInput(name));
    if (inputs.githubToken !== "") {
      core.setSecret(inputs.githubToken);
      // publishReport reads GITHUB_TOKEN; the input wins over a token the job put in the environment.
      process.env.GITHUB_TOKEN = inputs.githubToken;
    }
    const paths = resultPaths(process.env.RUNNER_TEMP || tmpdir(), inputs.reportId);
    mkdirSync(paths.dir, { recursive: true });
    const plan = planCommand(inputs, paths, isPullRequest());
    const argvs = plan.steps.map((s) => s.argv);
    const written = new Set<keyof ResultPaths>(
      inputs.command === "report"
        ? WRITTEN.filter((k) => existsSync(paths[k]))
        : WRITTEN.filter((k) => argvs.some((a) => a.some((v, i) => v === paths[k] && isOutFlag(a[i - 1])))),
    );
    // Results of an earlier run of this step must not stand in for this run's.
    for (const k of written) if (inputs.command !== "report") rmSync(paths[k], { force: true });
    rmSync(paths.report, { force: true });

    const errors: string[] = [];
    let commentUrl = "";
    const io: CliIO = {
      out: (text) => log(text),
      // An error message and its hint arrive as one call each (exitCodeForError), and may span lines when they quote
      // data: each goes whole into the failure annotation, whose escaping keeps it one command.
      err: (text) => {
        if (text.startsWith("modelguard: error: ") || (errors.length > 0 && text.startsWith("  hint: "))) {
          errors.push(text.replace(/^modelguard: error: /, "").trim());
          return;
        }
        log(text);
      },
      commentPosted: (url) => (commentUrl = url),
      warning: (message) => core.warning(message, { title: "modelguard" }),
    };

    let ensured = false;
    for (const step of plan.steps) {
      if (step.onnx && !ensured) {
        ensureOnnxRuntime({ version: onnxRuntimeVersion(), distDir: bundleDir(), log: (m) => log(m) });
        ensured = true;
      }
      log(`modelguard ${step.argv.map(quote).join(" ")}`);
      const code = await runCli(step.argv, io);
      if (code !== 0) {
        core.setFailed(errors.length > 0 ? errors.join("\n") : `modelguard ${step.argv[0]} exited with code ${code}`);
        return;
      }
    }

    const outcome = summarizeResults(paths, written);
    core.setOutput("verdict", outcome.verdict);
    if (existsSync(paths.report)) core.setOutput("report-path", paths.report);
    if (written.has("metrics")) core.setOutput("metrics-path", paths.metrics);
    if (written.has("comparison")) core.setOutput("comparison-path", paths.comparison);
    if (plan.modelPath) core.setOutput("model-path", plan.modelPath);
    if (outcome.violations !== null) core.setOutput("violations", String(outcome.violations));
    if (outcome.driftedShare !== null) core.setOutput("drifted-share", String(outcome.driftedShare));
    if (commentUrl) core.setOutput("comment-url", commentUrl);
    log(`verdict: ${outcome.verdict} (${outcome.reason})`);
    if (stepFails(outcome.verdict, inputs.failOn)) core.setFailed(`modelguard: ${outcome.reason}`);
  } catch (e) {
    if (e instanceof ActionInputError || e instanceof OnnxRuntimeSetupError) core.setFailed(e.message);
    else core.setFailed(`modelguard: internal error: ${(e as Error).stack ?? String(e)}`);
  }
}

function isOutFlag(flag: string | undefined): boolean {
  return flag === "--out" || flag === "-o" || flag === "--record";
}

function isPullRequest(): boolean {
  try {
    return readPullRequestContext(process.env).issueNumber !== null;
  } catch {
    return false;
  }
}

function onnxRuntimeVersion(): string {
  if (typeof __MODELGUARD_ONNXRUNTIME_VERSION__ === "string") return __MODELGUARD_ONNXRUNTIME_VERSION__;
  throw new OnnxRuntimeSetupError(
    "this build does not know its onnxruntime-node version: build it with npm run build:dist",
  );
}

/** dist/ when bundled: where node_modules/onnxruntime-node is linked. */
function bundleDir(): string {
  return dirname(fileURLToPath(import.meta.url));
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}
