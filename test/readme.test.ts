/**
 * Every command shown in the README runs here, in the order shown, from a scratch directory that looks like a fresh
 * clone (the repository's files linked in, an empty `out/`), and ends with the exit code the README promises: 0, or
 * what its trailing comment says (`# exit 1: ...`). Every YAML block is checked against what it claims to be: a
 * workflow's `with:` keys against the action.yml it uses, configuration files against their JSON Schemas.
 *
 * Commands this test cannot or should not run itself are listed in NOT_RUN_HERE with where they do run; the list must
 * match the README exactly, so a new command cannot slip past without a line here.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { validateContract } from "../src/contracts/validateContract.js";
import { startFakeGitHub, type FakeGitHub } from "./fakeGithub/startFakeGitHub.js";

const ROOT = resolve(".");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** Shown in the README, run elsewhere: each with the place that runs it. */
const NOT_RUN_HERE: Record<string, string> = {
  "npm ci": ".ci/run installs with it on a clean clone before anything else",
  "npm test": ".ci/run (this file is one of the tests it runs)",
  "npm run check": ".ci/run runs the same four steps one by one",
  "npm run demo": "test/demo.test.ts",
  "npm run fixtures": ".ci/run regenerates every fixture and fails on a difference",
  "npm run docs": "test/docs/configReference.test.ts runs it with --check",
  "npm run bench -- drift": "benchmarks are run by hand, never as timed tests (they need ../shared/bench and minutes)",
  "npm run bench -- evaluate": "benchmarks are run by hand, never as timed tests",
  "npm run bench -- monitor": "benchmarks are run by hand, never as timed tests",
  "npm run bench:peers": "installs the benchmarks' peers (DuckDB, 70 MB) by hand; no test needs them",
  "npm run bench -- profile": "benchmarks are run by hand, never as timed tests (a 1.3 GB file and minutes)",
};

/** Container commands shown inline: there is no container engine on the machines that run this suite. */
const CONTAINER_COMMANDS: Record<string, string> = {
  "docker build -f monitor/Dockerfile -t modelguard-monitor .":
    "test/monitor/monitorDockerfile.test.ts replays the Dockerfile without an engine and runs the image's command",
};

interface Block {
  lang: string;
  text: string;
  line: number;
}

interface Command {
  text: string;
  /** From a trailing `# exit N` comment; 0 otherwise. */
  exit: number;
  line: number;
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++;
    out.push({ lang: open[1]!, text: lines.slice(start, j).join("\n"), line: start + 1 });
    i = j;
  }
  return out;
}

/** Splits `cmd  # comment` at the first `#` outside quotes that starts a word. */
function splitComment(line: string): [string, string] {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]!))) return [line.slice(0, i).trimEnd(), line.slice(i + 1)];
  }
  return [line.trimEnd(), ""];
}

function commands(block: Block): Command[] {
  const out: Command[] = [];
  const lines = block.text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = block.line + i;
    let [text, comment] = splitComment(lines[i]!);
    while (text.endsWith("\\")) {
      const [next, nextComment] = splitComment(lines[++i]!);
      text = text.slice(0, -1).trimEnd() + " " + next.trim();
      comment = nextComment;
    }
    if (text.trim() === "") continue;
    const exit = /^\s*exit (\d+)/.exec(comment);
    out.push({ text: text.trim(), exit: exit ? Number(exit[1]) : 0, line });
  }
  return out;
}

const shBlocks = blocks(README).filter((b) => b.lang === "sh");
const allCommands = shBlocks.flatMap(commands);
const yamlBlocks = blocks(README).filter((b) => b.lang === "yaml" || b.lang === "yml");

let work: string;
let fake: FakeGitHub;
let env: NodeJS.ProcessEnv;
/** The runner's variables, given only to the commands that post the PR comment. */
let githubEnv: Record<string, string>;
let prNumber: number;
const TOKEN = "ghs_readmetesttoken000000000000000000";

before(async () => {
  // A scratch clone: the repository's files linked in (the build, node_modules and .git included, so `git:HEAD:`
  // baselines resolve), and no out/ yet: the README's commands must create what they write.
  work = mkdtempSync(join(tmpdir(), "mg-readme-"));
  for (const entry of readdirSync(ROOT)) if (entry !== "out") symlinkSync(join(ROOT, entry), join(work, entry));
  // The README's training example needs a python3 with pandas, scikit-learn and onnx: Debian's (installed by .ci/run).
  const bin = join(work, ".readme-bin");
  mkdirSync(bin);
  const python = ["/usr/bin/python3", "python3"].find(
    (p) => spawnSync(p, ["-c", "import pandas, sklearn, onnx"], { stdio: "ignore" }).status === 0,
  );
  assert.ok(
    python,
    "the README's training example needs python3 with pandas, scikit-learn and onnx (apt: python3-sklearn python3-onnx)",
  );
  symlinkSync(python, join(bin, "python3"));

  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  const pr = fake.state.addPullRequest("acme/models");
  const event = join(work, ".readme-event.json");
  writeFileSync(
    event,
    JSON.stringify({
      action: "synchronize",
      number: pr.number,
      pull_request: {
        number: pr.number,
        head: { sha: "c".repeat(40), repo: { full_name: "acme/models" } },
        base: { repo: { full_name: "acme/models" } },
      },
    }),
  );
  const clean = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith("GITHUB_") || k === "CI") delete clean[k];
  env = { ...clean, PATH: `${bin}:${process.env.PATH ?? ""}` };
  // Only commands that post the comment get the runner's variables, as in a GitHub Actions job.
  githubEnv = {
    GITHUB_ACTIONS: "true",
    GITHUB_TOKEN: TOKEN,
    GITHUB_REPOSITORY: "acme/models",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: event,
    GITHUB_API_URL: fake.url,
    GITHUB_STEP_SUMMARY: join(work, ".readme-summary.md"),
  };
  writeFileSync(githubEnv.GITHUB_STEP_SUMMARY!, "");
  prNumber = pr.number;
});

after(async () => {
  await fake?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `npx modelguard ...` runs the CLI of this checkout (npx itself is exercised once, by the quick start's --help). */
function shell(cmd: string): string {
  return cmd.replace(/^npx modelguard\b/, `node ${JSON.stringify(join(ROOT, "bin", "modelguard.js"))}`);
}

/** Asynchronous: the fake GitHub server lives in this process and must keep answering while a command runs. */
function run(cmd: Command, extraEnv: Record<string, string> = {}): Promise<{ status: number | null; out: string }> {
  return new Promise((done) => {
    const child = spawn("bash", ["-c", shell(cmd.text)], { cwd: work, env: { ...env, ...extraEnv } });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.once("close", (status) => {
      clearTimeout(timer);
      done({ status, out });
    });
  });
}

function isServer(cmd: Command): boolean {
  return /^npx modelguard monitor\b/.test(cmd.text) && !/--check\b/.test(cmd.text);
}

async function startServer(cmd: Command): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn("bash", ["-c", `exec ${shell(cmd.text)}`], {
    cwd: work,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  await new Promise<void>((ready, fail) => {
    child.stderr!.on("data", (c: Buffer) => {
      err += c.toString();
      if (/listening on http/.test(err)) ready();
    });
    void exited.then((code) =>
      fail(new Error(`README line ${cmd.line}: the monitor exited (${code}) before listening:\n${err}`)),
    );
  });
  return { child, exited };
}

test("the README's command list: each is run below or listed with the place that runs it", () => {
  const skipped = allCommands.filter((c) => /^npm /.test(c.text)).map((c) => c.text);
  assert.deepEqual([...new Set(skipped)].sort(), Object.keys(NOT_RUN_HERE).sort());
  assert.ok(allCommands.length >= 25, `found only ${allCommands.length} commands: is the extraction broken?`);
  for (const c of allCommands)
    assert.match(c.text, /^(npm |npx modelguard |curl |cat )/, `README line ${c.line}: what runs \`${c.text}\`?`);
});

test("container commands shown inline are the ones listed, each with what verifies it", () => {
  const inline = [...README.matchAll(/`((?:docker|kubectl|podman) [^`]+)`/g)].map((m) => m[1]!);
  assert.deepEqual([...new Set(inline)].sort(), Object.keys(CONTAINER_COMMANDS).sort());
});

test("every command in the README runs from a fresh clone with the exit code it promises", async () => {
  const servers: { child: ChildProcess; exited: Promise<number | null>; line: number }[] = [];
  const ran: string[] = [];
  for (const block of shBlocks) {
    for (const cmd of commands(block)) {
      if (cmd.text.startsWith("npm ")) continue;
      if (cmd.text === "npx modelguard --help") {
        // The quick start's one npx call runs through npx for real: it must find this package's bin.
        const r = spawnSync("npx", ["modelguard", "--help"], { cwd: work, env, encoding: "utf8", timeout: 120_000 });
        assert.equal(r.status, 0, r.stderr);
        assert.match(r.stdout, /Usage: modelguard/);
        ran.push(cmd.text);
        continue;
      }
      if (isServer(cmd)) {
        servers.push({ ...(await startServer(cmd)), line: cmd.line });
        ran.push(cmd.text);
        continue;
      }
      const r = await run(cmd, /--comment\b/.test(cmd.text) ? githubEnv : {});
      assert.equal(
        r.status,
        cmd.exit,
        `README line ${cmd.line}: \`${cmd.text}\` exited ${r.status}, expected ${cmd.exit}\n${r.out}`,
      );
      ran.push(cmd.text);
    }
    // A server started in a block serves the commands after it in that block, then stops the way Ctrl-C stops it.
    for (const s of servers.splice(0)) {
      s.child.kill("SIGTERM");
      assert.equal(await s.exited, 0, `README line ${s.line}: the monitor should stop cleanly on SIGTERM`);
    }
  }
  assert.equal(ran.length, allCommands.filter((c) => !c.text.startsWith("npm ")).length);

  // What the commands promise, beyond their exit codes.
  for (const f of ["schema.yml", "validation.json", "profile.json", "all.profile.json", "drift.json", "run.json"])
    assert.ok(existsSync(join(work, "out", f)), `out/${f}`);
  for (const f of ["sklearn.onnx", "candidate.onnx", "metrics.json", "predictions.csv", "comparison.json"])
    assert.ok(existsSync(join(work, "out", f)), `out/${f}`);
  assert.match(readFileSync(join(work, "out", "report.html"), "utf8"), /^<!doctype html>/i);
  const comments = fake.state.commentsOf("acme/models", prNumber);
  assert.equal(comments.length, 1, "the --comment example posts one PR comment");
  assert.match(comments[0]!.body, /modelguard/);
  assert.deepEqual(fake.violations, []);
  const outbox = readFileSync(join(work, "out", "monitor-state", "outbox.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { method?: string; path?: string });
  assert.equal(outbox.filter((e) => e.method === "POST" && e.path === "/repos/acme/models/issues").length, 1);
  assert.equal(outbox.filter((e) => /dispatches$/.test(e.path ?? "")).length, 1);
});

interface Workflow {
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
}
interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
}

function checkWorkflow(doc: Workflow, line: number): void {
  for (const job of Object.values(doc.jobs)) {
    for (const step of job.steps) {
      const m = /^OWNER\/modelguard(?:\/(actions\/[\w-]+))?@v1$/.exec(step.uses ?? "");
      if (!m) continue;
      const yml = parseYaml(readFileSync(join(ROOT, m[1] ?? ".", "action.yml"), "utf8")) as ActionYml;
      for (const key of Object.keys(step.with ?? {}))
        assert.ok(key in yml.inputs, `README line ${line}: ${step.uses} has no input '${key}'`);
      for (const [name, input] of Object.entries(yml.inputs))
        if (input.required && input.default === undefined)
          assert.ok(name in (step.with ?? {}), `README line ${line}: ${step.uses} needs input '${name}'`);
    }
  }
}

test("every YAML block in the README is valid for what it is", () => {
  assert.ok(yamlBlocks.length >= 4);
  for (const b of yamlBlocks) {
    const doc = parseYaml(b.text) as Record<string, unknown>;
    if ("jobs" in doc) checkWorkflow(doc as unknown as Workflow, b.line);
    else if ("gates" in doc && !("version" in doc)) {
      assert.deepEqual(validateContract("gates.schema.json", doc), [], `README line ${b.line}`);
      // Shown as the content of the bundled gates file the examples use: it must be that file.
      const bundled = parseYaml(readFileSync(join(ROOT, "fixtures", "compare", "gates.yml"), "utf8")) as unknown;
      assert.deepEqual(doc, bundled, `README line ${b.line}: differs from fixtures/compare/gates.yml`);
    } else if ("columns" in doc)
      assert.deepEqual(validateContract("schema-file.schema.json", doc), [], `line ${b.line}`);
    else if ("drift" in doc) assert.deepEqual(validateContract("config.schema.json", doc), [], `line ${b.line}`);
    else assert.fail(`README line ${b.line}: a YAML block this test does not know how to check`);
  }
});

test("the extraction itself: continuations, trailing comments and quoted #", () => {
  const [c1, c2] = commands({
    lang: "sh",
    line: 1,
    text: ["# a comment line", "a --x 'b # c' \\", '  --y "#z"  # exit 1: because', "b  # plain comment"].join("\n"),
  });
  assert.deepEqual(c1, { text: `a --x 'b # c' --y "#z"`, exit: 1, line: 2 });
  assert.deepEqual(c2, { text: "b", exit: 0, line: 4 });
});
