import * as core from "@actions/core";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { CliIO } from "../cli/io.js";
import { locatedMessage, ModelguardError } from "../errors.js";
import { readPullRequestContext } from "../github/readPullRequestContext.js";
import { escapeMarkdown } from "../report/escapeMarkdown.js";
import { ActionInputError, readActionInputs } from "./actionInputs.js";
import { applyGitHubAppInputs } from "./applyGitHubAppInputs.js";
import { ensureOnnxRuntime, OnnxRuntimeSetupError } from "./ensureOnnxRuntime.js";
import { neutralizeWorkflowCommands } from "../cli/neutralizeWorkflowCommands.js";
import { planCommand, resultPaths, type CommandPlan, type ResultPaths } from "./planCommand.js";
import { registryFromFlags } from "../cli/registryFromFlags.js";
import { alreadyPromoted, commentPromotion, mergedPullRequestOf, pushContextOf } from "./promoteOnMerge.js";
import { runCli } from "./runCli.js";
import { recordResult, stepFails, summarizeResults, type StepResults } from "./summarizeResults.js";

/** Replaced by scripts/build-dist.mjs with the onnxruntime-node version of package-lock.json. */
declare const __MODELGUARD_ONNXRUNTIME_VERSION__: string | undefined;

const WRITTEN = [
  "validation",
  "drift",
  "comparison",
  "metrics",
  "run",
] as const satisfies readonly (keyof ResultPaths)[];

/**
 * Everything the Action logs goes through here: the CLI's output carries data (a column named `::warning::x` starts a
 * table row), which the runner must not execute. Annotations go through core.error/setFailed, whose escapeData
 * encodes newlines, so their data cannot open a line of its own.
 */
function log(text: string): void {
  core.info(neutralizeWorkflowCommands(text));
}

/**
 * The Action: reads the inputs, runs the CLI command(s) they map to in-process, sets the outputs from the results
 * the commands hand back (typed values, never their printed text), and fails the step on a failed check (per
 * `fail-on`) or a usage/input error — with its message and hint, never a stack trace.
 */
export async function run(): Promise<void> {
  try {
    const inputs = readActionInputs((name) => core.getInput(name));
    if (inputs.githubToken !== "") {
      core.setSecret(inputs.githubToken);
      // publishReport reads GITHUB_TOKEN; the input wins over a token the job put in the environment.
      process.env.GITHUB_TOKEN = inputs.githubToken;
    }
    // Masked here too, before anything is logged; the App wins over the token wherever GitHub is used.
    applyGitHubAppInputs(inputs, process.env, (secret) => core.setSecret(secret));
    const paths = resultPaths(process.env.RUNNER_TEMP || tmpdir(), inputs.reportId);
    mkdirSync(paths.dir, { recursive: true });
    const warn = (message: string) => core.warning(message, { title: "modelguard" });
    // promote runs on the push a merge made: the pull request it came from goes on the card and gets the comment.
    const push = inputs.command === "promote" ? pushContextOf(process.env, log) : null;
    if (push?.why) warn(`not looking up the merged pull request: ${push.why}`);
    const merged = push?.context ? await mergedPullRequestOf(push.context, warn, inputs.githubToken) : null;
    if (push?.context && !merged) log(`no merged pull request has commit ${push.context.sha}: a direct push`);
    const plan = planCommand(inputs, paths, await isPullRequest(), merged?.number ?? null);
    // Results of an earlier run of this step must not stand in for this run's (a report step reads them).
    if (inputs.command !== "report") for (const k of writtenBy(plan, paths)) rmSync(paths[k], { force: true });
    rmSync(paths.report, { force: true });

    const results: StepResults = {};
    let commentUrl = "";
    const io: CliIO = {
      out: (text) => log(text),
      err: (text) => log(text),
      commentPosted: (url) => (commentUrl = url),
      warning: warn,
      result: (result) => recordResult(results, result),
    };

    // A re-run of a promotion that went through: production is already this commit's model, so nothing is stored again.
    let done = null;
    if (inputs.command === "promote" && push?.context) {
      try {
        const registry = registryFromFlags(inputs.registry ? { registry: inputs.registry } : {}, io);
        done = await alreadyPromoted(registry, inputs.name, inputs.model, push.context.sha);
      } catch (e) {
        // The promote step meets the same registry and reports what is wrong with it, with its hint.
        log(`could not check whether this commit is already production: ${(e as Error).message}`);
      }
    }
    if (done) {
      log(
        `${done.name} v${done.version} is already production from commit ${push!.context!.sha}: not promoting it again`,
      );
      recordResult(results, { kind: "promotion", value: done, path: null });
    }

    let ensured = false;
    for (const step of done ? [] : plan.steps) {
      if (step.onnx && !ensured) {
        ensureOnnxRuntime({ version: onnxRuntimeVersion(), distDir: bundleDir(), log: (m) => log(m) });
        ensured = true;
      }
      log(`modelguard ${step.argv.map(quote).join(" ")}`);
      const ended = await runCli(step.argv, io);
      if (ended.error) {
        await failWithError(ended.error);
        return;
      }
      if (ended.internalError) {
        core.setFailed(`modelguard: internal error: ${ended.internalError.stack ?? String(ended.internalError)}`);
        return;
      }
      // Every checking step runs with --no-fail, so a non-zero code without an error is a command we did not expect.
      if (ended.exitCode !== 0) {
        core.setFailed(`modelguard ${step.argv[0]} exited with code ${ended.exitCode}`);
        return;
      }
    }

    const promotion = results.promotion?.value;
    if (promotion) {
      core.setOutput("model-version", `v${promotion.version}`);
      core.setOutput("model-tag", promotion.tag);
      if (merged) core.setOutput("pull-request", String(merged.number));
      if (merged && push?.context) {
        const url = await commentPromotion(push.context, merged, promotion, warn, inputs.githubToken);
        if (url) {
          commentUrl = url;
          log(`commented v${promotion.version} on pull request #${merged.number}: ${url}`);
        }
      }
    }
    const outcome = summarizeResults(results);
    core.setOutput("verdict", outcome.verdict);
    if (existsSync(paths.report)) core.setOutput("report-path", paths.report);
    if (results.metrics?.path) core.setOutput("metrics-path", results.metrics.path);
    if (results.comparison?.path) core.setOutput("comparison-path", results.comparison.path);
    if (plan.modelPath) core.setOutput("model-path", plan.modelPath);
    if (outcome.violations !== null) core.setOutput("violations", String(outcome.violations));
    if (outcome.driftedShare !== null) core.setOutput("drifted-share", String(outcome.driftedShare));
    if (commentUrl) core.setOutput("comment-url", commentUrl);
    log(`verdict: ${outcome.verdict} (${outcome.reason})`);
    if (stepFails(outcome.verdict, inputs.failOn)) core.setFailed(`modelguard: ${outcome.reason}`);
  } catch (e) {
    if (e instanceof ActionInputError || e instanceof OnnxRuntimeSetupError) core.setFailed(e.message);
    else if (e instanceof ModelguardError) await failWithError(e);
    else core.setFailed(`modelguard: internal error: ${(e as Error).stack ?? String(e)}`);
  }
}

/**
 * A command's error as the step's result: the `error-code` output (usage, input, schema, ...), the message and hint
 * in the job summary (escaped: they quote file names, column names and values), and the failure annotation, whose
 * escaping keeps a message quoting data on one line.
 */
async function failWithError(e: ModelguardError): Promise<void> {
  const message = locatedMessage(e.message, e.location);
  core.setOutput("error-code", e.code);
  const hint = e.hint ? `\n\n**Hint:** ${escapeMarkdown(e.hint)}` : "";
  await core.summary.addRaw(`### modelguard could not run\n\n${escapeMarkdown(message)}${hint}\n`, true).write();
  core.setFailed(e.hint ? `${message}\nhint: ${e.hint}` : message);
}

/** The result files this step's commands write (`--out`, `-o`, `--record` naming one of the job's result paths). */
function writtenBy(plan: CommandPlan, paths: ResultPaths): (keyof ResultPaths)[] {
  const isOutFlag = (flag: string | undefined) => flag === "--out" || flag === "-o" || flag === "--record";
  return WRITTEN.filter((k) =>
    plan.steps.some(({ argv }) => argv.some((v, i) => v === paths[k] && isOutFlag(argv[i - 1]))),
  );
}

async function isPullRequest(): Promise<boolean> {
  try {
    return (await readPullRequestContext(process.env)).issueNumber !== null;
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
