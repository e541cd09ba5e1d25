// monitor/Dockerfile replayed without a container engine (there is none where these tests run). Each stage gets a
// temporary directory standing in for its root filesystem (WORKDIR /app is <stage>/app, /config is <stage>/config, and
// so on). COPY copies exactly the paths the Dockerfile names, from the build context (the repository root, through its
// .dockerignore) or from an earlier stage's directory; the `npm ...` parts of every RUN run for real in the stage's
// WORKDIR; the system parts (groupadd, useradd, mkdir, chown, ln -s) never touch the host: they are parsed, checked
// against the forms below and applied inside the stage directory only. Then ENTRYPOINT + CMD run from the runtime
// stage: the real `modelguard monitor`, behind the HEALTHCHECK command, fed one event, stopped with STOPSIGNAL.
//
// What this cannot show: the base image itself (node:24-slim: its Node and npm versions, Debian's groupadd/useradd),
// layer caching, and a real network namespace. The replay runs on this machine's Node and npm.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { parse as parseYaml, parseAllDocuments, stringify as stringifyYaml } from "yaml";

const CONTEXT = process.cwd(); // the repository root, as in `docker build -f monitor/Dockerfile .`
const DOCKERFILE = "monitor/Dockerfile";

// ---------------------------------------------------------------------------------------------------------------
// Dockerfile parsing

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

interface Stage {
  index: number;
  name: string | null;
  image: string;
  instructions: Instruction[];
}

const KNOWN = new Set(
  "FROM WORKDIR ENV COPY ADD RUN USER EXPOSE HEALTHCHECK ENTRYPOINT CMD VOLUME STOPSIGNAL LABEL ARG SHELL ONBUILD".split(
    " ",
  ),
);

/**
 * The Dockerfile as stages of instructions: continuation lines joined, comment lines dropped (also inside a
 * continuation, as Docker does), keywords upper-cased.
 */
function parseDockerfile(text: string): Stage[] {
  const instructions: Instruction[] = [];
  let pending = "";
  let start = 0;
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "").trim();
    if (line === "" || line.startsWith("#")) return;
    if (pending === "") start = i + 1;
    const continued = /\\[ \t]*$/.exec(line);
    if (continued) {
      pending += line.slice(0, continued.index) + " ";
      return;
    }
    pending += line;
    const m = /^([A-Za-z]+)\s+([\s\S]*)$/.exec(pending);
    if (!m || !KNOWN.has(m[1]!.toUpperCase())) throw new Error(`${DOCKERFILE}:${start}: cannot parse '${pending}'`);
    instructions.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), line: start });
    pending = "";
  });
  if (pending !== "") throw new Error(`${DOCKERFILE}:${start}: ends inside a continuation`);
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === "FROM") {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      if (!m) throw new Error(`${DOCKERFILE}:${ins.line}: FROM ${ins.args}`);
      stages.push({ index: stages.length, image: m[1]!, name: m[2]?.toLowerCase() ?? null, instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${DOCKERFILE}:${ins.line}: ${ins.keyword} before FROM`);
      stages.at(-1)!.instructions.push(ins);
    }
  }
  return stages;
}

/** Shell words of a RUN command split at `&&`; anything else the shell would interpret is refused. */
function commandChain(text: string, line: number): string[][] {
  const chain: string[][] = [[]];
  let word: string | null = null;
  const push = () => {
    if (word !== null) chain.at(-1)!.push(word);
    word = null;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error(`${DOCKERFILE}:${line}: unterminated quote`);
      word = (word ?? "") + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      const inner = text.slice(i + 1, end);
      if (end < 0 || /[$`\\]/.test(inner)) throw new Error(`${DOCKERFILE}:${line}: the replay takes plain "..." only`);
      word = (word ?? "") + inner;
      i = end;
    } else if (/\s/.test(c)) {
      push();
    } else if (c === "&" && text[i + 1] === "&") {
      push();
      chain.push([]);
      i++;
    } else if (/[;|&<>$`\\(){}*?]/.test(c)) {
      throw new Error(`${DOCKERFILE}:${line}: the replay does not interpret '${c}' in RUN (only && chains)`);
    } else {
      word = (word ?? "") + c;
    }
  }
  push();
  if (chain.some((argv) => argv.length === 0)) throw new Error(`${DOCKERFILE}:${line}: empty command in RUN`);
  return chain;
}

/** Exec form (a JSON array) of ENTRYPOINT, CMD, VOLUME, HEALTHCHECK CMD; the shell form is not replayed. */
function execForm(args: string, line: number): string[] {
  if (!args.startsWith("[")) throw new Error(`${DOCKERFILE}:${line}: use the exec form (JSON array): ${args}`);
  const value = JSON.parse(args) as unknown;
  assert.ok(Array.isArray(value) && value.every((v) => typeof v === "string"), `${DOCKERFILE}:${line}: ${args}`);
  return value;
}

/** `--name=value` / `--name value` options and the remaining operands of a system command. */
function options(argv: string[], booleans: string[]): { flags: Map<string, string | true>; operands: string[] } {
  const flags = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("-")) operands.push(a);
    else if (a.includes("=")) flags.set(a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1));
    else if (booleans.includes(a)) flags.set(a, true);
    else flags.set(a, argv[++i] ?? "");
  }
  return { flags, operands };
}

// ---------------------------------------------------------------------------------------------------------------
// .dockerignore, with the rules of moby/patternmatcher (what BuildKit applies to the context)

interface IgnoreRule {
  pattern: string;
  negate: boolean;
  re: RegExp;
}

function patternRegExp(pattern: string): RegExp {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*" && pattern[i + 1] === "*") {
      i++;
      if (pattern[i + 1] === "/") i++;
      re += i + 1 >= pattern.length ? ".*" : "(.*/)?"; // `**` spans any number of directories, also none
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[" && pattern.indexOf("]", i) > i) {
      const end = pattern.indexOf("]", i);
      re += pattern.slice(i, end + 1).replace(/^\[!/, "[^");
      i = end;
    } else if (c === "\\" && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(re + "$");
}

/** BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile if there is one, else <context>/.dockerignore. */
function readDockerignore(): { file: string | null; rules: IgnoreRule[] } {
  const file = [`${DOCKERFILE}.dockerignore`, ".dockerignore"].find((f) => existsSync(join(CONTEXT, f))) ?? null;
  if (!file) return { file, rules: [] };
  const rules = readFileSync(join(CONTEXT, file), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => {
      const negate = l.startsWith("!");
      const cleaned = posix.normalize((negate ? l.slice(1) : l).trim()).replace(/^\/+|\/+$/g, "");
      return { pattern: l, negate, re: patternRegExp(cleaned) };
    });
  return { file, rules };
}

/** A path (relative to the context, `/`-separated) is left out when the last rule matching it or a parent says so. */
function excluded(rules: IgnoreRule[], rel: string): boolean {
  const parts = rel.split("/");
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  let out = false;
  for (const r of rules) if (candidates.some((c) => r.re.test(c))) out = !r.negate;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The replay

interface SystemCommand {
  argv: string[];
  line: number;
}

interface ReplayedStage extends Stage {
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string | null;
  /** Context paths (relative, files) each COPY brought in, in order. */
  copiedFromContext: string[];
  /** Paths the context had under a COPY source that .dockerignore left out. */
  leftOut: string[];
  system: SystemCommand[];
  links: Map<string, string>;
  users: Map<string, { uid: number; gid: string; home: string; shell: string; system: boolean }>;
  groups: Map<string, { gid: number; system: boolean }>;
  npm: { argv: string[]; emulated: boolean; ms: number }[];
  entrypoint: string[];
  cmd: string[];
  healthcheck: { flags: Map<string, string | true>; cmd: string[] } | null;
  expose: string[];
  volumes: string[];
  stopSignal: string | null;
}

/** Where an absolute path of the stage's filesystem lives in its temp directory. */
function inStage(stage: ReplayedStage, abs: string): string {
  assert.ok(abs.startsWith("/"), `absolute path expected: ${abs}`);
  return join(stage.root, posix.normalize(abs));
}

function copyTree(src: string, dest: string, rel: string | null, stage: ReplayedStage, rules: IgnoreRule[]): number {
  if (rel !== null && excluded(rules, rel)) {
    stage.leftOut.push(rel);
    if (!lstatSync(src).isDirectory()) return 0;
  }
  const st = lstatSync(src);
  if (st.isSymbolicLink()) {
    mkdirSync(dirname(dest), { recursive: true, mode: 0o755 });
    symlinkSync(readlinkSync(src), dest);
    if (rel !== null) stage.copiedFromContext.push(rel);
    return 1;
  }
  if (st.isDirectory()) {
    let n = 0;
    for (const e of readdirSync(src).sort()) {
      n += copyTree(join(src, e), join(dest, e), rel === null ? null : `${rel}/${e}`, stage, rules);
    }
    if (n > 0 || rel === null || !excluded(rules, rel)) mkdirSync(dest, { recursive: true, mode: 0o755 });
    return n;
  }
  mkdirSync(dirname(dest), { recursive: true, mode: 0o755 });
  copyFileSync(src, dest);
  chmodSync(dest, st.mode & 0o7777); // COPY keeps the context's permission bits (the bin's +x)
  if (rel !== null) stage.copiedFromContext.push(rel);
  return 1;
}

function copyInstruction(stage: ReplayedStage, ins: Instruction, stages: ReplayedStage[], rules: IgnoreRule[]): void {
  const words = ins.args.startsWith("[") ? execForm(ins.args, ins.line) : ins.args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith("--"));
  const paths = words.filter((w) => !w.startsWith("--"));
  let from: ReplayedStage | null = null;
  for (const f of flags) {
    const m = /^--from=(.+)$/.exec(f);
    if (!m) throw new Error(`${DOCKERFILE}:${ins.line}: COPY ${f} is not replayed`);
    from = stages.find((s) => s.name === m[1]!.toLowerCase() || String(s.index) === m[1]) ?? null;
    if (!from) throw new Error(`${DOCKERFILE}:${ins.line}: COPY --from=${m[1]} names no earlier stage`);
  }
  assert.ok(paths.length >= 2, `${DOCKERFILE}:${ins.line}: COPY needs a source and a destination`);
  const destArg = paths.at(-1)!;
  const sources = paths.slice(0, -1);
  const dest = inStage(stage, posix.resolve(stage.workdir, destArg));
  if (sources.length > 1) assert.ok(destArg.endsWith("/"), `${DOCKERFILE}:${ins.line}: several sources need a dir/`);
  for (const s of sources) {
    if (/[*?[]/.test(s)) throw new Error(`${DOCKERFILE}:${ins.line}: wildcards in COPY are not replayed`);
    let src: string;
    let rel: string | null = null;
    if (from) {
      src = inStage(from, posix.resolve(from.workdir, s));
    } else {
      rel = posix.normalize(s).replace(/^(\.\/)+|\/+$/g, "");
      assert.ok(!rel.startsWith(".."), `${DOCKERFILE}:${ins.line}: ${s} is outside the build context`);
      src = join(CONTEXT, rel);
    }
    if (!existsSync(src)) throw new Error(`${DOCKERFILE}:${ins.line}: COPY source ${s} does not exist`);
    const isDir = statSync(src).isDirectory();
    const target = isDir || !destArg.endsWith("/") ? dest : join(dest, posix.basename(s));
    const n = copyTree(src, target, rel, stage, rules);
    if (n === 0) {
      throw new Error(`${DOCKERFILE}:${ins.line}: COPY ${s}: not in the build context (left out by .dockerignore)`);
    }
  }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, what: string): void {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(`${what} failed (${r.status ?? r.signal}):\n${(r.stdout + r.stderr).slice(-4000)}`);
  }
}

/** npm's environment: this machine's registry settings (HOME), none of an outer `npm test`'s npm_* variables. */
function npmEnv(stage: ReplayedStage, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...stage.env, ...extra };
}

const NPM_CI_LIFECYCLE = ["preinstall", "install", "postinstall", "prepublish", "preprepare", "prepare", "postprepare"];

function npmCommand(stage: ReplayedStage, argv: string[], line: number): void {
  const cwd = inStage(stage, stage.workdir);
  const started = Date.now();
  const what = `${DOCKERFILE}:${line}: ${argv.join(" ")}`;
  let emulated = false;
  if (argv[1] === "ci" && !argv.includes("--omit=dev")) {
    // The build stage's full `npm ci`, emulated to keep the test fast: this repository's node_modules (installed from
    // the same package-lock.json, dev dependencies included) is linked in, then the root lifecycle scripts npm ci
    // runs after installing are run for real - here `prepare`, which compiles build/ with TypeScript.
    emulated = true;
    assert.equal(argv.length, 2, `${what}: only a plain npm ci is emulated`);
    symlinkSync(join(CONTEXT, "node_modules"), join(cwd, "node_modules"));
    const pkg = JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")) as { scripts?: Record<string, string> };
    for (const script of NPM_CI_LIFECYCLE) {
      if (pkg.scripts?.[script]) run("npm", ["run", script], cwd, npmEnv(stage), `${what} (npm run ${script})`);
    }
  } else if (argv[1] === "cache" && argv[2] === "clean") {
    // The image's npm cache is its own (/root/.npm); the replay's `npm ci` used this machine's shared cache, which a
    // test must not wipe. So the clean runs, for real, on the stage's own (empty) /root/.npm.
    const cache = inStage(stage, "/root/.npm");
    mkdirSync(cache, { recursive: true });
    run("npm", argv.slice(1), cwd, npmEnv(stage, { npm_config_cache: cache }), what);
  } else {
    if (argv[1] === "ci" && stage.env.ONNXRUNTIME_NODE_INSTALL !== "skip") {
      // Without the skip, onnxruntime-node's postinstall would download from api.nuget.org: never in a test.
      throw new Error(`${what}: refusing to run npm ci without ENV ONNXRUNTIME_NODE_INSTALL=skip in the stage`);
    }
    // Everything else for real (`npm pkg delete ...`, `npm ci --omit=dev` against the registry and this machine's
    // cache). This machine's npm blocks dependency install scripts unless approved; the npm in node:24-slim may well
    // run them, so they are allowed here: onnxruntime-node's postinstall then has to see the stage's
    // ONNXRUNTIME_NODE_INSTALL=skip, or it would try to fetch CUDA files from api.nuget.org.
    run("npm", argv.slice(1), cwd, npmEnv(stage, { npm_config_dangerously_allow_all_scripts: "true" }), what);
  }
  stage.npm.push({ argv, emulated, ms: Date.now() - started });
}

function systemCommand(stage: ReplayedStage, argv: string[], line: number): void {
  stage.system.push({ argv, line });
  const where = `${DOCKERFILE}:${line}: ${argv.join(" ")}`;
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "ln": {
      const { flags, operands } = options(rest, ["-s", "-f", "-sf"]);
      assert.ok(flags.has("-s") && operands.length === 2, `${where}: expected ln -s TARGET LINK`);
      const [target, link] = operands as [string, string];
      assert.ok(target.startsWith("/") && link.startsWith("/"), `${where}: absolute paths expected`);
      stage.links.set(link, target);
      mkdirSync(dirname(inStage(stage, link)), { recursive: true });
      symlinkSync(inStage(stage, target), inStage(stage, link)); // a dangling link is fine here, as in Docker
      return;
    }
    case "groupadd": {
      const { flags, operands } = options(rest, ["--system", "-r"]);
      assert.equal(operands.length, 1, `${where}: one group name`);
      const gid = Number(flags.get("--gid") ?? flags.get("-g"));
      assert.ok(Number.isInteger(gid), `${where}: --gid N`);
      stage.groups.set(operands[0]!, { gid, system: flags.has("--system") || flags.has("-r") });
      return;
    }
    case "useradd": {
      const { flags, operands } = options(rest, ["--system", "-r", "--no-create-home", "-M"]);
      assert.equal(operands.length, 1, `${where}: one user name`);
      const uid = Number(flags.get("--uid") ?? flags.get("-u"));
      assert.ok(Number.isInteger(uid), `${where}: --uid N`);
      stage.users.set(operands[0]!, {
        uid,
        gid: String(flags.get("--gid") ?? flags.get("-g") ?? ""),
        home: String(flags.get("--home-dir") ?? flags.get("-d") ?? ""),
        shell: String(flags.get("--shell") ?? flags.get("-s") ?? ""),
        system: flags.has("--system") || flags.has("-r"),
      });
      return;
    }
    case "mkdir": {
      const { flags, operands } = options(rest, ["-p"]);
      assert.ok(flags.has("-p") && operands.length > 0 && operands.every((p) => p.startsWith("/")), where);
      for (const p of operands) mkdirSync(inStage(stage, p), { recursive: true, mode: 0o755 });
      return;
    }
    case "chown": {
      const { operands } = options(rest, []);
      const [owner, ...paths] = operands;
      const m = /^([^:]+):([^:]+)$/.exec(owner ?? "");
      assert.ok(m && paths.length > 0 && paths.every((p) => p.startsWith("/")), `${where}: chown USER:GROUP /PATH...`);
      const uid = /^\d+$/.test(m[1]!) ? Number(m[1]) : stage.users.get(m[1]!)?.uid;
      const gid = /^\d+$/.test(m[2]!) ? Number(m[2]) : stage.groups.get(m[2]!)?.gid;
      assert.ok(uid !== undefined && gid !== undefined, `${where}: chown to a user and group created before it`);
      for (const p of paths) {
        assert.ok(existsSync(inStage(stage, p)), `${where}: ${p} does not exist yet`);
        if (process.getuid?.() === 0) chownSync(inStage(stage, p), uid, gid); // inside the stage directory only
      }
      return;
    }
    default:
      throw new Error(`${where}: the replay does not know '${cmd}'; teach it (and what it may do) before using it`);
  }
}

function replayStage(stage: Stage, base: string, done: ReplayedStage[], rules: IgnoreRule[]): ReplayedStage {
  assert.ok(!done.some((s) => s.name !== null && s.name === stage.image), "FROM <earlier stage> is not replayed");
  const root = mkdtempSync(join(base, `stage${stage.index}-`));
  chmodSync(root, 0o755);
  const s: ReplayedStage = {
    ...stage,
    root,
    workdir: "/",
    env: {},
    user: null,
    copiedFromContext: [],
    leftOut: [],
    system: [],
    links: new Map(),
    users: new Map(),
    groups: new Map(),
    npm: [],
    entrypoint: [],
    cmd: [],
    healthcheck: null,
    expose: [],
    volumes: [],
    stopSignal: null,
  };
  // What the base image brings that the replay relies on: the directories of a Debian root filesystem.
  for (const d of ["/usr/local/bin", "/var/lib", "/root"]) mkdirSync(inStage(s, d), { recursive: true, mode: 0o755 });
  mkdirSync(inStage(s, "/tmp"), { mode: 0o1777 });
  chmodSync(inStage(s, "/tmp"), 0o1777);
  for (const ins of stage.instructions) {
    switch (ins.keyword) {
      case "WORKDIR":
        s.workdir = posix.resolve(s.workdir, ins.args);
        mkdirSync(inStage(s, s.workdir), { recursive: true, mode: 0o755 });
        break;
      case "ENV":
        for (const w of ins.args.split(/\s+/)) {
          const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(w);
          if (!m) throw new Error(`${DOCKERFILE}:${ins.line}: ENV KEY=value expected`);
          s.env[m[1]!] = m[2]!.replace(/^"(.*)"$/, "$1");
        }
        break;
      case "COPY":
        copyInstruction(s, ins, done, rules);
        break;
      case "RUN":
        for (const argv of commandChain(ins.args, ins.line)) {
          if (argv[0] === "npm") npmCommand(s, argv, ins.line);
          else systemCommand(s, argv, ins.line);
        }
        break;
      case "USER":
        s.user = ins.args;
        break;
      case "EXPOSE":
        s.expose.push(...ins.args.split(/\s+/));
        break;
      case "VOLUME":
        s.volumes.push(...execForm(ins.args, ins.line));
        break;
      case "STOPSIGNAL":
        s.stopSignal = ins.args;
        break;
      case "ENTRYPOINT":
        s.entrypoint = execForm(ins.args, ins.line);
        s.cmd = []; // as in Docker: a new ENTRYPOINT resets an inherited CMD
        break;
      case "CMD":
        s.cmd = execForm(ins.args, ins.line);
        break;
      case "HEALTHCHECK": {
        const m = /^((?:--\S+\s+)*)CMD\s+(.*)$/.exec(ins.args);
        if (!m) throw new Error(`${DOCKERFILE}:${ins.line}: HEALTHCHECK [OPTIONS] CMD [...] expected`);
        const { flags } = options(m[1]!.trim() === "" ? [] : m[1]!.trim().split(/\s+/), []);
        s.healthcheck = { flags, cmd: execForm(m[2]!, ins.line) };
        break;
      }
      default:
        throw new Error(`${DOCKERFILE}:${ins.line}: ${ins.keyword} is not replayed`);
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Running the image's command

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The node:24-slim PATH, with this machine's node standing in for the image's /usr/local/bin/node. */
function imagePath(stage: ReplayedStage): string {
  return [inStage(stage, "/usr/local/bin"), dirname(process.execPath), "/usr/bin", "/bin"].join(":");
}

/** An exec-form argv[0] as the image resolves it; only the replayed /usr/local/bin and the base image's node. */
function resolveInImage(stage: ReplayedStage, name: string): string {
  if (name.startsWith("/")) return inStage(stage, name);
  const local = inStage(stage, `/usr/local/bin/${name}`);
  if (existsSync(local)) return local;
  const link = stage.links.get(`/usr/local/bin/${name}`);
  if (link) throw new Error(`/usr/local/bin/${name} links to ${link}, which the image does not have`);
  if (name === "node") return process.execPath;
  throw new Error(`'${name}' is not on the image's PATH (nothing in the replay installs it)`);
}

interface Exited {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

function exec(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }) {
  const child = spawn(cmd, args, { ...opts, ...containerUser, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
  const exited = new Promise<Exited>((resolve) =>
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out });
    }),
  );
  return { child, exited, output: () => out };
}

/** uid/gid the container runs as (USER 10001:10001) when this test can switch users (it runs as root), else none. */
let containerUser: { uid?: number; gid?: number } = {};

// ---------------------------------------------------------------------------------------------------------------
// Tests that only read the files

const dockerfileText = readFileSync(DOCKERFILE, "utf8");

/** For each stage: the `npm ci` commands and the files COPY brought into the stage before each. */
function npmCiAndEarlierCopies(text: string): { stage: number; line: number; copied: string[] }[] {
  const found: { stage: number; line: number; copied: string[] }[] = [];
  for (const stage of parseDockerfile(text)) {
    const copied: string[] = [];
    for (const ins of stage.instructions) {
      if (ins.keyword === "COPY" && !ins.args.includes("--from=")) copied.push(...ins.args.split(/\s+/).slice(0, -1));
      if (ins.keyword === "RUN" && commandChain(ins.args, ins.line).some((a) => a[0] === "npm" && a[1] === "ci")) {
        found.push({ stage: stage.index, line: ins.line, copied: [...copied] });
      }
    }
  }
  return found;
}

test("Dockerfile: every stage that runs npm ci has .npmrc and ONNXRUNTIME_NODE_INSTALL=skip before it", () => {
  const ci = npmCiAndEarlierCopies(dockerfileText);
  assert.equal(ci.length, 2, "npm ci in the build and in the runtime stage");
  for (const { stage, line, copied } of ci) {
    assert.ok(copied.includes(".npmrc"), `${DOCKERFILE}:${line}: npm ci without .npmrc copied first`);
    assert.ok(
      skipsOrtInstall(dockerfileText, stage, line),
      `${DOCKERFILE}:${line}: npm ci without ENV ONNXRUNTIME_NODE_INSTALL=skip`,
    );
    assert.ok(copied.includes("package-lock.json"), `${DOCKERFILE}:${line}: npm ci needs package-lock.json`);
  }
  // The check itself catches the Dockerfile as it was (no .npmrc in either stage).
  const without = dockerfileText.replace(/ \.npmrc/g, "");
  assert.ok(npmCiAndEarlierCopies(without).every(({ copied }) => !copied.includes(".npmrc")));
  const noSkip = dockerfileText.replace(/ ?ONNXRUNTIME_NODE_INSTALL=skip/g, "").replace(/^ENV\s*$/m, "");
  assert.ok(npmCiAndEarlierCopies(noSkip).every(({ stage, line }) => !skipsOrtInstall(noSkip, stage, line)));
});

/** Whether an ENV instruction of the stage sets ONNXRUNTIME_NODE_INSTALL=skip before the given line. */
function skipsOrtInstall(text: string, stage: number, line: number): boolean {
  return parseDockerfile(text)[stage]!.instructions.some(
    (i) => i.line < line && i.keyword === "ENV" && /(^|\s)ONNXRUNTIME_NODE_INSTALL=skip(\s|$)/.test(i.args),
  );
}

test(".dockerignore: the context is only what the Dockerfile copies", () => {
  const { file, rules } = readDockerignore();
  assert.equal(file, ".dockerignore");
  for (const p of ["node_modules/yaml/package.json", "build/src/cli/main.js", "out/x", "dist/index.js", ".git/HEAD"]) {
    assert.ok(excluded(rules, p), `${p} stays out of the context`);
  }
  for (const p of ["fixtures/data/rfc4180.csv", "test/monitor/monitorDeploy.test.ts", "README.md", ".bench-data/x"]) {
    assert.ok(excluded(rules, p), `${p} stays out of the context`);
  }
  for (const p of ["monitor/README.md", "monitor/deploy/kubernetes-sidecar.yaml", "monitor/Dockerfile"]) {
    assert.ok(excluded(rules, p), `${p} is not needed in the image`);
  }
  for (const p of [".npmrc", "package.json", "src/cli/main.ts", "monitor/main.ts", "bin/modelguard.js"]) {
    assert.ok(!excluded(rules, p), `${p} is in the context`);
  }
  // The matcher follows moby/patternmatcher: anchored at the root, `**` spans directories, `!` re-includes.
  const rule = (p: string, negate = false) => ({ pattern: p, negate, re: patternRegExp(p) });
  assert.ok(excluded([rule("node_modules")], "node_modules/a/b.js"));
  assert.ok(!excluded([rule("node_modules")], "src/node_modules/a.js"));
  assert.ok(excluded([rule("**/node_modules")], "src/node_modules/a.js"));
  assert.ok(!excluded([rule("*"), rule("src", true)], "src/a/b.ts"));
  assert.ok(excluded([rule("*"), rule("src", true), rule("**/*.md")], "src/a/README.md"));
});

// ---------------------------------------------------------------------------------------------------------------
// The replay, and the image's command run from it

describe("Dockerfile replayed without an engine", { timeout: 240_000 }, () => {
  let base = "";
  const stages: ReplayedStage[] = [];
  let runtime: ReplayedStage;
  let monitorProcess: ChildProcess | null = null;
  const timings: string[] = [];

  before(() => {
    base = mkdtempSync(join(tmpdir(), "mg-dockerfile-"));
    chmodSync(base, 0o755);
    const { rules } = readDockerignore();
    for (const stage of parseDockerfile(dockerfileText)) {
      const t = Date.now();
      stages.push(replayStage(stage, base, stages, rules));
      timings.push(`stage ${stage.name ?? stage.index}: ${Date.now() - t} ms`);
    }
    runtime = stages.at(-1)!;
    const user = runtime.user!.split(":").map(Number);
    if (process.getuid?.() === 0 && user.every(Number.isInteger)) containerUser = { uid: user[0]!, gid: user[1]! };
  });

  after(() => {
    monitorProcess?.kill("SIGKILL");
    if (base) rmSync(base, { recursive: true, force: true });
  });

  test("the build stage compiles the CLI and the monitor from exactly the copied sources", (t) => {
    t.diagnostic(timings.join(", "));
    const build = stages.find((s) => s.name === "build")!;
    assert.ok(build, "a stage named build");
    assert.deepEqual(
      build.npm.map((n) => [n.argv.join(" "), n.emulated]),
      [["npm ci", true]],
    );
    for (const f of ["build/src/cli/main.js", "build/monitor/startMonitor.js", "build/src/drift/sampleWorker.js"]) {
      assert.ok(existsSync(inStage(build, `/app/${f}`)), `${f} built`);
    }
    const top = new Set(build.copiedFromContext.map((p) => p.split("/")[0]));
    assert.deepEqual([...top].sort(), [
      ".npmrc",
      "monitor",
      "package-lock.json",
      "package.json",
      "src",
      "tsconfig.build.json",
      "tsconfig.json",
    ]);
    assert.ok(!build.copiedFromContext.some((p) => p.startsWith("monitor/deploy/") || p.endsWith(".md")));
    assert.ok(build.leftOut.includes("monitor/deploy") && build.leftOut.includes("monitor/Dockerfile"));
  });

  test("the runtime stage: production dependencies only, its system commands in the expected forms", () => {
    assert.equal(runtime.image, stages[0]!.image, "both stages on the same base image");
    assert.deepEqual(runtime.env, { NODE_ENV: "production", ONNXRUNTIME_NODE_INSTALL: "skip" });
    assert.deepEqual(
      runtime.npm.map((n) => n.argv.join(" ")),
      ["npm pkg delete scripts.prepare", "npm ci --omit=dev", "npm cache clean --force"],
    );
    const app = inStage(runtime, "/app");
    const pkg = JSON.parse(readFileSync(join(app, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
      bin: Record<string, string>;
    };
    assert.equal(pkg.scripts.prepare, undefined, "prepare dropped");
    assert.ok(existsSync(join(app, "node_modules/onnxruntime-node/package.json")), "production dependencies installed");
    for (const dev of ["typescript", "tsx", "eslint", "@kubernetes/client-node"]) {
      assert.ok(pkg.devDependencies[dev], dev);
      assert.ok(!existsSync(join(app, "node_modules", dev)), `dev dependency ${dev} left out`);
    }
    // onnxruntime-node's postinstall ran (scripts allowed) and, told to skip by the ENV, fetched no CUDA provider.
    const ortBin = join(app, "node_modules/onnxruntime-node/bin/napi-v6/linux/x64");
    if (process.platform === "linux" && process.arch === "x64") {
      assert.ok(!existsSync(join(ortBin, "libonnxruntime_providers_cuda.so")));
    }
    assert.ok(!existsSync(inStage(runtime, "/root/.npm/_cacache")), "npm cache clean ran on the image's cache");

    // The system commands, as parsed (none of them ran on this machine).
    assert.deepEqual(
      runtime.system.map((c) => c.argv[0]),
      ["ln", "groupadd", "useradd", "mkdir", "chown"],
    );
    assert.deepEqual([...runtime.groups], [["modelguard", { gid: 10001, system: true }]]);
    assert.deepEqual(
      [...runtime.users],
      [
        [
          "modelguard",
          { uid: 10001, gid: "modelguard", home: "/nonexistent", shell: "/usr/sbin/nologin", system: true },
        ],
      ],
    );
    assert.equal(runtime.user, "10001:10001", "USER is numeric (runAsNonRoot can check it) and is the created user");
    assert.deepEqual(runtime.volumes, ["/var/lib/modelguard"]);
    const mkdir = runtime.system.find((c) => c.argv[0] === "mkdir")!;
    assert.deepEqual(mkdir.argv, ["mkdir", "-p", "/var/lib/modelguard", "/config"]);
    const chown = runtime.system.find((c) => c.argv[0] === "chown")!;
    assert.deepEqual(chown.argv, ["chown", "modelguard:modelguard", ...runtime.volumes]);

    // ENTRYPOINT's `modelguard` is the symlink into /usr/local/bin, to the package's own bin, copied and executable.
    assert.deepEqual(runtime.entrypoint, ["modelguard"]);
    assert.deepEqual([...runtime.links], [["/usr/local/bin/modelguard", posix.join("/app", pkg.bin.modelguard!)]]);
    const target = realpathSync(resolveInImage(runtime, "modelguard"));
    assert.equal(target, realpathSync(join(app, "bin/modelguard.js")));
    accessSync(target, constants.X_OK);
    assert.match(readFileSync(target, "utf8"), /^#!\/usr\/bin\/env node\n/);
    const top = new Set(runtime.copiedFromContext.map((p) => p.split("/")[0]));
    assert.deepEqual([...top].sort(), [".npmrc", "bin", "package-lock.json", "package.json", "schemas", "templates"]);
  });

  test("ENTRYPOINT + CMD serve, pass the HEALTHCHECK, take an event and stop with exit 0 on STOPSIGNAL", async (t) => {
    const started = Date.now();
    const app = inStage(runtime, "/app");
    const modelguard = resolveInImage(runtime, runtime.entrypoint[0]!);
    const cliEnv = { PATH: imagePath(runtime), HOME: runtime.users.get("modelguard")!.home, ...runtime.env };

    // The reference profile, built as CI would, with the image's own CLI (as the test's user, like a CI job).
    const profileDir = inStage(runtime, "/config/profile");
    mkdirSync(profileDir, { recursive: true, mode: 0o755 });
    const profile = spawnSync(
      modelguard,
      [
        "profile",
        "--data",
        join(CONTEXT, "fixtures/datasets/breast_cancer/train.csv"),
        "-o",
        `${profileDir}/profile.json`,
      ],
      { cwd: app, env: cliEnv, encoding: "utf8" },
    );
    assert.equal(profile.status, 0, profile.stderr);

    // monitor.yml: the one the Kubernetes example ships, with the paths of the stage directory and a loopback port.
    // The image expects `listen: 0.0.0.0:9470` (the Dockerfile's comment, EXPOSE and HEALTHCHECK); the replay has no
    // network namespace of its own, so it listens on 127.0.0.1:<free port> (nothing exposed beyond this machine, no
    // clash with a 9470 in use) and the HEALTHCHECK's URL gets the same port.
    const manifest = parseAllDocuments(readFileSync("monitor/deploy/kubernetes-sidecar.yaml", "utf8")).map(
      (d) => d.toJS() as { kind: string; data?: Record<string, string> },
    );
    const shipped = parseYaml(manifest.find((d) => d.kind === "ConfigMap")!.data!["monitor.yml"]!) as Record<
      string,
      unknown
    >;
    assert.equal(shipped.listen, `0.0.0.0:${runtime.expose[0]}`);
    assert.equal(shipped.state, runtime.volumes[0]);
    const port = await freePort();
    const configPath = inStage(runtime, "/config/monitor.yml");
    writeFileSync(
      configPath,
      stringifyYaml({
        ...shipped,
        listen: `127.0.0.1:${port}`,
        reference: inStage(runtime, shipped.reference as string),
        state: inStage(runtime, shipped.state as string),
      }),
    );
    const token = "replay-ingest-token";
    const tokenEnv = (shipped.ingest as { token_env: string }).token_env;

    // CMD's absolute paths are the stage's (/config/monitor.yml -> <stage>/config/monitor.yml).
    const argv = runtime.cmd.map((a) => (a.startsWith("/") ? inStage(runtime, a) : a));
    assert.deepEqual(runtime.cmd, ["monitor", "--config", "/config/monitor.yml"]);
    const opts = { cwd: app, env: { ...cliEnv, [tokenEnv]: token }, timeoutMs: 60_000 };

    // The image's CLI reads schemas/ (config check) and templates/ (report) from the package root.
    const check = await exec(modelguard, [...argv, "--check"], opts).exited;
    assert.equal(check.code, 0, check.out);
    const reportOut = inStage(runtime, "/tmp/report.md");
    // The input inside the stage, as a container sees only its own files (and the checkout's directories may not be
    // readable by the container's user: a clone under `mktemp -d` is 0700).
    const driftIn = inStage(runtime, "/tmp/drift.json");
    copyFileSync(join(CONTEXT, "fixtures/report/drift.json"), driftIn);
    const report = await exec(modelguard, ["report", "--drift", driftIn, "--report", reportOut], opts).exited;
    assert.equal(report.code, 0, report.out);
    assert.ok(readFileSync(reportOut, "utf8").length > 0);

    const container = exec(modelguard, argv, opts);
    monitorProcess = container.child;
    const url = `http://127.0.0.1:${port}`;
    let exitedEarly: Exited | null = null;
    void container.exited.then((e) => (exitedEarly = e));
    for (let i = 0; ; i++) {
      if (exitedEarly) assert.fail(`the monitor exited before listening: ${JSON.stringify(exitedEarly)}`);
      const ok = await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      assert.ok(i < 300, `not listening after 30 s:\n${container.output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    // HEALTHCHECK [--interval --timeout --start-period --retries] CMD ["node", "-e", "<fetch /healthz>"].
    const hc = runtime.healthcheck!;
    assert.deepEqual(
      [...hc.flags],
      [
        ["--interval", "30s"],
        ["--timeout", "3s"],
        ["--start-period", "30s"],
        ["--retries", "3"],
      ],
    );
    const probeUrl = `127.0.0.1:${runtime.expose[0]}/healthz`;
    assert.equal(hc.cmd.filter((a) => a.includes(probeUrl)).length, 1, "the healthcheck probes EXPOSE's port");
    const hcArgv = hc.cmd.map((a) => a.replace(probeUrl, `127.0.0.1:${port}/healthz`));
    const timeoutMs = Number(/^(\d+)s$/.exec(String(hc.flags.get("--timeout")))![1]) * 1000;
    const healthcheck = () =>
      exec(resolveInImage(runtime, hcArgv[0]!), hcArgv.slice(1), { ...opts, timeoutMs: timeoutMs }).exited;
    const healthy = await healthcheck();
    assert.equal(healthy.code, 0, `HEALTHCHECK: ${healthy.out}`);

    // One NDJSON event, as the model server would send it (the token from the env the config names).
    const event = readFileSync("fixtures/traffic/production.jsonl", "utf8").split("\n")[0]!;
    const post = (auth: Record<string, string>) =>
      fetch(`${url}/v1/events`, {
        method: "POST",
        body: event + "\n",
        headers: { "content-type": "application/x-ndjson", ...auth },
      });
    assert.equal((await post({})).status, 401, "the ingest token is required");
    const accepted = await post({ authorization: `Bearer ${token}` });
    assert.equal(accepted.status, 202);
    assert.equal(((await accepted.json()) as { accepted: number }).accepted, 1);

    // docker stop: STOPSIGNAL, then SIGKILL after 10 s (its default grace; Kubernetes gives 30 s here).
    assert.equal(runtime.stopSignal, "SIGTERM");
    container.child.kill(runtime.stopSignal as NodeJS.Signals);
    const killer = setTimeout(() => container.child.kill("SIGKILL"), 10_000);
    const exited = await container.exited;
    clearTimeout(killer);
    monitorProcess = null;
    assert.deepEqual({ code: exited.code, signal: exited.signal }, { code: 0, signal: null }, exited.out);
    assert.doesNotMatch(exited.out, /"level":(50|60)/, "no error logged");

    // The state went to the volume, written as the container's user where this test could switch to it.
    const state = inStage(runtime, runtime.volumes[0]!);
    const written = readdirSync(state);
    assert.ok(written.length > 0, "state written");
    if (containerUser.uid !== undefined) {
      for (const f of written) assert.equal(statSync(join(state, f)).uid, containerUser.uid, f);
      assert.equal(statSync(state).uid, containerUser.uid, "the volume was chowned to the container's user");
    }
    // And the healthcheck fails once nothing listens.
    assert.notEqual((await healthcheck()).code, 0);
    const as = containerUser.uid !== undefined ? `as uid ${containerUser.uid}` : "as this test's user";
    t.diagnostic(`container: listening and served in ${Date.now() - started} ms, ${as}`);
  });
});
