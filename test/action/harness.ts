/**
 * Runs an action.yml the way the GitHub runner does, as a child process: INPUT_<NAME> variables (upper-cased,
 * spaces to `_`, hyphens kept) from the `with:` values and the file's defaults (`${{ github.token }}` resolved to the
 * test token), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, an event payload, RUNNER_TEMP / RUNNER_TOOL_CACHE, and
 * `node <runs.main>` from a copy of the action (action.yml files + dist/, no node_modules), as the runner's
 * `_actions/` checkout has.
 */
import { spawn, spawnSync } from "node:child_process";
import { after } from "node:test";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const TOKEN = "ghs_action_harness_token_0123456789abcdef";

// Checkouts and step directories (a few MB each, one per step) go under one directory, removed after the test file.
const harnessTemp = mkdtempSync(join(tmpdir(), "mg-action-harness-"));
after(() => rmSync(harnessTemp, { recursive: true, force: true }));

interface ActionYml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string };
}

/** Builds dist/ from the current source into a fresh action checkout; returns its directory. */
export function buildActionCheckout(): string {
  const dir = mkdtempSync(join(harnessTemp, "action-"));
  const r = spawnSync(process.execPath, [join(REPO_ROOT, "scripts/build-dist.mjs"), "--outdir", join(dir, "dist")], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`build-dist failed: ${r.stderr}`);
  cpSync(join(REPO_ROOT, "action.yml"), join(dir, "action.yml"));
  cpSync(join(REPO_ROOT, "actions"), join(dir, "actions"), { recursive: true });
  return dir;
}

/** A second checkout sharing nothing with the first (its own dist/node_modules). */
export function copyCheckout(from: string): string {
  const dir = mkdtempSync(join(harnessTemp, "action-copy-"));
  for (const p of ["action.yml", "actions", "dist"]) cpSync(join(from, p), join(dir, p), { recursive: true });
  return dir;
}

export type EventKind = "pull_request" | "push" | "fork_pull_request";

export interface RunOptions {
  /** The action checkout (from buildActionCheckout). */
  checkout: string;
  /** action.yml path inside the checkout, e.g. "action.yml" or "actions/compare/action.yml". */
  action: string;
  with?: Record<string, string>;
  event: EventKind;
  prNumber?: number;
  apiUrl?: string;
  /** Shared between steps of one "job" (results of earlier steps); a fresh one when omitted. */
  runnerTemp?: string;
  toolCache?: string;
  /** Working directory of the step (the workspace); default the repository root (fixtures/ paths). */
  cwd?: string;
  env?: Record<string, string>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  env: Record<string, string>;
}

/** The runner's input variable name: `INPUT_` + upper-cased name, spaces to `_`, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

/** The env the runner gives the action's process for these `with:` values. */
export function inputsEnv(yml: ActionYml, given: Record<string, string>, token: string): Record<string, string> {
  const declared = yml.inputs ?? {};
  const env: Record<string, string> = {};
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new Error(`input '${name}' is not declared by the action`);
  }
  for (const [name, spec] of Object.entries(declared)) {
    let value = given[name] ?? spec.default;
    if (value === undefined) continue;
    if (value.includes("${{")) {
      if (/^\$\{\{\s*github\.token\s*\}\}$/.test(value)) value = token;
      else throw new Error(`the harness cannot evaluate the default of '${name}': ${value}`);
    }
    env[inputEnvName(name)] = value;
  }
  return env;
}

/** Parses GITHUB_OUTPUT: `name<<DELIM` ... `DELIM` blocks (and legacy `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j] !== delim) value.push(lines[j++]!);
      if (j >= lines.length) throw new Error(`output '${name}' has no closing delimiter ${delim}`);
      out[name!] = value.join("\n");
      i = j;
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) throw new Error(`unparseable output line: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

const REPOSITORY = "acme/models";

function eventPayload(kind: EventKind, prNumber: number): { name: string; payload: object } {
  const repo = (full: string) => ({
    id: 1296269,
    name: full.split("/")[1],
    full_name: full,
    private: false,
    owner: { login: full.split("/")[0], id: 1, type: "Organization" },
    html_url: `https://github.com/${full}`,
    default_branch: "main",
  });
  if (kind === "push") {
    return {
      name: "push",
      payload: {
        ref: "refs/heads/main",
        before: "a".repeat(40),
        after: "b".repeat(40),
        repository: repo(REPOSITORY),
        pusher: { name: "octocat", email: "octocat@github.com" },
        sender: { login: "octocat", id: 1, type: "User" },
        commits: [],
        head_commit: null,
      },
    };
  }
  const head = kind === "fork_pull_request" ? "contributor/models" : REPOSITORY;
  return {
    name: "pull_request",
    payload: {
      action: "synchronize",
      number: prNumber,
      pull_request: {
        number: prNumber,
        state: "open",
        title: "Retrain on March data",
        user: { login: "contributor", id: 2, type: "User" },
        html_url: `https://github.com/${REPOSITORY}/pull/${prNumber}`,
        head: { ref: "retrain", sha: "c".repeat(40), label: `${head.split("/")[0]}:retrain`, repo: repo(head) },
        base: { ref: "main", sha: "d".repeat(40), label: "acme:main", repo: repo(REPOSITORY) },
      },
      repository: repo(REPOSITORY),
      sender: { login: "contributor", id: 2, type: "User" },
    },
  };
}

/** Runs the step asynchronously: the fake GitHub server lives in this process and must keep answering. */
export async function runAction(o: RunOptions): Promise<RunResult> {
  const ymlPath = join(o.checkout, o.action);
  const yml = parse(readFileSync(ymlPath, "utf8")) as ActionYml;
  if (yml.runs.using !== "node24") throw new Error(`${o.action}: runs.using is ${yml.runs.using}`);
  const work = mkdtempSync(join(harnessTemp, "step-"));
  const runnerTemp = o.runnerTemp ?? join(work, "runner-temp");
  mkdirSync(runnerTemp, { recursive: true });
  const toolCache = o.toolCache ?? join(work, "tool-cache");
  mkdirSync(toolCache, { recursive: true });
  const outputFile = join(work, "output");
  const summaryFile = join(work, "summary.md");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const event = eventPayload(o.event, o.prNumber ?? 1);
  const eventPath = join(work, "event.json");
  writeFileSync(eventPath, JSON.stringify(event.payload, null, 2));
  // Nothing of the parent's GITHUB_*/RUNNER_*/INPUT_* (the tests may themselves run inside Actions).
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? work,
    ...(process.env.SystemRoot ? { SystemRoot: process.env.SystemRoot } : {}),
    ...machineNetworkEnv(),
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_REPOSITORY_OWNER: "acme",
    GITHUB_SHA: o.event === "push" ? "b".repeat(40) : "e".repeat(40),
    GITHUB_REF: o.event === "push" ? "refs/heads/main" : `refs/pull/${o.prNumber ?? 1}/merge`,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: o.apiUrl ?? "http://127.0.0.1:9",
    GITHUB_RUN_ID: "4242",
    GITHUB_WORKSPACE: o.cwd ?? REPO_ROOT,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    RUNNER_OS: "Linux",
    ...inputsEnv(yml, o.with ?? {}, TOKEN),
    ...o.env,
  };
  const main = resolve(dirname(ymlPath), yml.runs.main);
  if (!existsSync(main)) throw new Error(`runs.main ${main} does not exist`);
  const r = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [main], { cwd: o.cwd ?? REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", fail);
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
    summary: readFileSync(summaryFile, "utf8"),
    env,
  };
}

/**
 * The machine's own network settings (proxies, extra CA certificates), which a runner's environment also carries:
 * without them a real `npm install` from the action cannot reach the registry on a machine that needs them.
 */
function machineNetworkEnv(): Record<string, string> {
  const names =
    /^(https?_proxy|no_proxy|all_proxy|node_extra_ca_certs|ssl_cert_file|ssl_cert_dir|npm_config_(registry|proxy|https_proxy|cafile|strict_ssl))$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => names.test(k) && v !== undefined)) as Record<
    string,
    string
  >;
}
