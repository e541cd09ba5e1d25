import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_SEED
} from "./chunk-CU7B2SDZ.js";
import {
  setLongTimeout
} from "./chunk-AJVNORZY.js";
import {
  ONNX_ELEMENT_TYPES,
  onnx,
  readOnnxModelInfo
} from "./chunk-4I23L6NI.js";
import "./chunk-SMSJON5I.js";
import {
  VERSION
} from "./chunk-KXKSH3KJ.js";
import {
  didYouMean
} from "./chunk-QIDGOCBZ.js";
import {
  delimiterOption,
  durationOption,
  formatDuration,
  listOption,
  numberOption
} from "./chunk-AI5GVDUK.js";
import {
  formatNumber,
  writeJsonFile
} from "./chunk-TXLO3S3N.js";
import "./chunk-3YGHXF46.js";
import {
  writeOutputFile
} from "./chunk-WKNXAUPU.js";
import {
  loadTable
} from "./chunk-TPKJ4BDL.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-FDVPQZHU.js";
import "./chunk-DYO4I62G.js";
import {
  cellText,
  getColumn
} from "./chunk-IXAQPRDD.js";
import {
  ModelguardError,
  formatLocation
} from "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";

// src/model/train/runTraining.ts
import { spawn, execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, existsSync, readdirSync as readdirSync2, readFileSync as readFileSync2, statSync } from "node:fs";
import { arch, constants as osConstants, cpus, platform, release, totalmem } from "node:os";
import { resolve } from "node:path";

// src/model/train/stopProcessTree.ts
import { readdirSync, readFileSync } from "node:fs";
var RUN_ID_VARIABLE = "MODELGUARD_RUN_ID";
var POLL_MS = 100;
var NUL = Buffer.from([0]);
async function stopProcessTree(tree, graceMs) {
  const signalAll = (signal) => {
    signalGroup(tree.pgid, signal);
    for (const pid of processesWithMarker(tree.runId)) signalProcess(pid, signal);
  };
  const anyLeft = () => groupExists(tree.pgid) || processesWithMarker(tree.runId).length > 0;
  if (!anyLeft()) return;
  signalAll("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
    if (!anyLeft()) return;
  }
  signalAll("SIGKILL");
}
function processesWithMarker(runId) {
  let entries;
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  const needle = Buffer.from(`\0${RUN_ID_VARIABLE}=${runId}\0`);
  const found = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`);
      if (Buffer.concat([NUL, environ, NUL]).includes(needle)) found.push(pid);
    } catch {
    }
  }
  return found;
}
function groupExists(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
  }
}
function signalProcess(pid, signal) {
  try {
    process.kill(pid, signal);
  } catch {
  }
}

// src/model/train/runTraining.ts
var TrainingFailedError = class extends ModelguardError {
  constructor(message, hint, childExitCode, record) {
    super("train", message, hint);
    this.childExitCode = childExitCode;
    this.record = record;
  }
  childExitCode;
  record;
  get exitCode() {
    return this.childExitCode;
  }
};
var TAIL_LINES = 20;
var EXIT_WAIT_MS = 2e3;
var FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
var SIGNAL_GRACE_MS = 2e3;
async function runTraining(options) {
  const cwd = resolve(options.cwd ?? ".");
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new ModelguardError("usage", `--cwd ${cwd} is not a directory`);
  }
  const data = await Promise.all((options.data ?? []).map((p) => fingerprint(resolve(cwd, p), p)));
  const started = /* @__PURE__ */ new Date();
  const tail = new OutputTail(TAIL_LINES);
  const tree = { pgid: 0, runId: randomBytes(16).toString("hex") };
  let interrupted;
  let resolveInterrupted = () => {
  };
  const stoppedAfterSignal = new Promise((r) => resolveInterrupted = r).then((stopped) => stopped);
  const onSignal = (received) => {
    if (interrupted !== void 0 || !child.pid) return;
    interrupted = received;
    const pgid = child.pid;
    try {
      process.kill(-pgid, received);
    } catch {
    }
    const grace = Math.min(graceMs, SIGNAL_GRACE_MS);
    resolveInterrupted(within(exited, grace).then(() => stopProcessTree({ ...tree, pgid }, grace)));
  };
  for (const s of FORWARDED_SIGNALS) process.on(s, onSignal);
  let child;
  try {
    child = spawn(options.command, {
      cwd,
      env: { ...process.env, [RUN_ID_VARIABLE]: tree.runId },
      shell: true,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
  } catch (e) {
    for (const s of FORWARDED_SIGNALS) process.off(s, onSignal);
    throw e;
  }
  const out = options.out ?? ((c) => process.stdout.write(c));
  const err = options.err ?? ((c) => process.stderr.write(c));
  child.stdout.on("data", (c) => {
    out(c);
    tail.push(c);
  });
  child.stderr.on("data", (c) => {
    err(c);
    tail.push(c);
  });
  const closed = new Promise((resolveClose) => child.once("close", () => resolveClose(true)));
  const exited = new Promise((resolveExit, reject) => {
    child.once("error", reject);
    child.once("exit", (c, s) => resolveExit({ code: c, signal: s }));
  });
  const graceMs = options.killGraceMs ?? 5e3;
  let peak = platform() === "linux" ? 0 : null;
  const sampler = setInterval(() => {
    if (peak !== null && child.pid) peak = Math.max(peak, processGroupRss(child.pid));
  }, 250);
  let timedOut = false;
  let timer;
  const stoppedAfterTimeout = new Promise((resolveStopped) => {
    if (options.timeoutMs === void 0) return;
    timer = setLongTimeout(() => {
      timedOut = true;
      void stopProcessTree({ ...tree, pgid: child.pid }, graceMs).then(resolveStopped, resolveStopped);
    }, options.timeoutMs);
  });
  let exit;
  try {
    try {
      exit = await Promise.race([
        exited,
        stoppedAfterTimeout.then(() => within(exited, EXIT_WAIT_MS)),
        stoppedAfterSignal.then(() => within(exited, EXIT_WAIT_MS))
      ]) ?? { code: null, signal: "SIGKILL" };
    } finally {
      clearInterval(sampler);
      timer?.cancel();
    }
    if (interrupted !== void 0) await stoppedAfterSignal;
    await stopProcessTree({ ...tree, pgid: child.pid }, interrupted !== void 0 ? 0 : graceMs);
    if (!await within(closed, EXIT_WAIT_MS)) {
      child.stdout.destroy();
      child.stderr.destroy();
    }
    if (interrupted !== void 0) await stoppedAfterSignal;
  } finally {
    for (const s of FORWARDED_SIGNALS) process.off(s, onSignal);
  }
  const { code, signal } = exit;
  const ended = /* @__PURE__ */ new Date();
  const lastLines = tail.lines();
  const recordOf = (outcome, exitCode2, model2, error) => ({
    kind: "modelguard.run",
    version: 1,
    command: options.command,
    cwd,
    start: started.toISOString(),
    end: ended.toISOString(),
    duration_ms: ended.getTime() - started.getTime(),
    outcome,
    exit_code: exitCode2,
    ...error !== void 0 ? { error } : {},
    peak_memory_bytes: peak,
    git_commit: gitCommit(cwd),
    data,
    model: model2,
    environment: {
      node: process.version,
      os: `${platform()} ${release()}`,
      arch: arch(),
      cpu: cpus()[0]?.model ?? "unknown",
      cpus: cpus().length,
      memory_bytes: totalmem()
    }
  });
  const failed = (outcome, message, hint, exitCode2) => new TrainingFailedError(message, hint, exitCode2, recordOf(outcome, exitCode2, null, message));
  if (interrupted !== void 0) {
    throw failed(
      "cancelled",
      `modelguard received ${interrupted} and stopped the training command${lastLines ? `; last output:
${lastLines}` : ""}`,
      "the run was cancelled (Ctrl-C, a CI cancel or a closed terminal); start it again to train",
      128 + signalNumber(interrupted)
    );
  }
  if (timedOut) {
    throw failed(
      "timed_out",
      `training command timed out after ${formatDuration(options.timeoutMs)} and was stopped${lastLines ? `; last output:
${lastLines}` : ""}`,
      "raise --timeout, or make the training faster (a smaller sample for CI?)",
      124
    );
  }
  const exitCode = code ?? (signal ? 128 + signalNumber(signal) : 1);
  if (exitCode !== 0) {
    throw failed(
      "failed",
      `training command failed with exit code ${exitCode}${signal ? ` (${signal})` : ""}${lastLines ? `; last output:
${lastLines}` : ""}`,
      "run the command by hand in the same directory to see the whole error",
      exitCode
    );
  }
  let model = null;
  if (options.model) {
    const path = resolve(cwd, options.model);
    if (!existsSync(path)) {
      throw new ModelguardError(
        "model",
        `training finished but did not write the model ${options.model} (looked in ${cwd})`,
        "check --model matches where your script saves the ONNX file (paths are relative to --cwd)",
        { file: path }
      );
    }
    const bytes = readFileSync2(path);
    const info = readOnnxModelInfo(bytes, options.model);
    model = {
      path: options.model,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
      inputs: info.inputs.map((i) => i.name),
      outputs: info.outputs.map((o) => o.name)
    };
  }
  return recordOf("succeeded", 0, model);
}
async function within(promise, ms) {
  let timer;
  const late = new Promise((r) => timer = setTimeout(() => r(void 0), ms));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
function processGroupRss(pgid) {
  let total = 0;
  for (const entry of readdirSync2("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync2(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = readFileSync2(`/proc/${entry}/status`, "utf8");
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      if (m) total += Number(m[1]) * 1024;
    } catch {
    }
  }
  return total;
}
function gitCommit(cwd) {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return null;
  }
}
async function fingerprint(path, label) {
  if (!existsSync(path)) {
    throw new ModelguardError(
      "usage",
      `data file not found: ${label}`,
      "--data names files to fingerprint in run.json; check the path"
    );
  }
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { path: label, sha256: hash.digest("hex"), bytes };
}
function signalNumber(signal) {
  return osConstants.signals[signal] ?? 0;
}
var OutputTail = class {
  constructor(max) {
    this.max = max;
  }
  max;
  text = "";
  push(chunk) {
    this.text += chunk.toString("utf8");
    if (this.text.length > 64e3) this.text = this.text.slice(-32e3);
  }
  lines() {
    return this.text.trimEnd().split("\n").slice(-this.max).join("\n");
  }
};

// src/cli/commands/trainBuiltin.ts
import { createHash as createHash2 } from "node:crypto";

// src/model/train/columnLevels.ts
function levelText(column, row) {
  if (column.kind === "dictionary") {
    const code = column.codes[row];
    return code < 0 ? null : column.dictionary[code];
  }
  if (column.valid[row] === 0 || Number.isNaN(column.values[row])) return null;
  return cellText(column, row);
}
function compareCodePoints(a, b) {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (; ; ) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0) - y.value.codePointAt(0);
    if (d !== 0) return d;
  }
}
function columnLevels(column, rows) {
  const rowCount = column.kind === "numeric" ? column.values.length : column.codes.length;
  const index = new Int32Array(rowCount).fill(-1);
  const each = (fn) => {
    if (rows) for (const r of rows) fn(r);
    else for (let r = 0; r < rowCount; r++) fn(r);
  };
  if (column.kind === "dictionary") {
    const used = new Uint8Array(column.dictionary.length);
    each((r) => {
      const c = column.codes[r];
      if (c >= 0) used[c] = 1;
    });
    const codes = [...used.keys()].filter((c) => used[c] === 1);
    codes.sort((a, b) => compareCodePoints(column.dictionary[a], column.dictionary[b]));
    const position2 = new Int32Array(column.dictionary.length).fill(-1);
    codes.forEach((c, i) => position2[c] = i);
    each((r) => {
      const c = column.codes[r];
      if (c >= 0) index[r] = position2[c];
    });
    return { labels: codes.map((c) => column.dictionary[c]), index };
  }
  const distinct = /* @__PURE__ */ new Map();
  each((r) => {
    if (levelText(column, r) === null) return;
    const v = column.values[r];
    if (!distinct.has(v)) distinct.set(v, r);
  });
  const values = [...distinct.keys()].sort((a, b) => a - b);
  const position = new Map(values.map((v, i) => [v, i]));
  each((r) => {
    if (levelText(column, r) !== null) index[r] = position.get(column.values[r]);
  });
  return { labels: values.map((v) => levelText(column, distinct.get(v))), index };
}

// src/model/train/numericFeatureValues.ts
function numericFeatureValues(table, name) {
  const c = getColumn(table, name);
  if (!c)
    throw new ModelguardError(
      "input",
      `the model needs feature '${name}', which is not a column of ${table.source}`,
      void 0,
      {
        file: table.source,
        column: name
      }
    );
  if (c.kind === "numeric") return Float64Array.from(c.values, (v, i) => c.valid[i] === 0 ? NaN : v);
  if (c.codes.every((code) => code < 0)) return new Float64Array(c.codes.length).fill(NaN);
  throw new ModelguardError(
    "input",
    `feature '${name}' is numeric in the model but text in ${table.source}`,
    "Check the column holds numbers (a stray word makes the whole column text).",
    { file: table.source, column: name }
  );
}

// src/model/train/designMatrix.ts
function designMatrix(pre, table, rows) {
  const n = rows ? rows.length : table.rowCount;
  const rowAt = (i) => rows ? rows[i] : i;
  const p = pre.width;
  const X = new Float64Array(n * p);
  pre.numeric.forEach((t, j) => {
    const values = numericFeatureValues(table, t.name);
    for (let i = 0; i < n; i++) {
      const v = values[rowAt(i)];
      X[i * p + j] = Number.isNaN(v) ? 0 : (v - t.mean) / t.scale;
    }
  });
  let offset = pre.numeric.length;
  for (const t of pre.categorical) {
    const c = getColumn(table, t.name);
    if (!c) throw missingFeature(table, t.name);
    const position = new Map(t.categories.map((cat, k) => [cat, k]));
    for (let i = 0; i < n; i++) {
      const text = levelText(c, rowAt(i));
      const k = text === null ? void 0 : position.get(text);
      if (k !== void 0) X[i * p + offset + k] = 1;
    }
    offset += t.categories.length;
  }
  return X;
}
function missingFeature(table, name) {
  return new ModelguardError("input", `feature '${name}' is not a column of ${table.source}`, void 0, {
    file: table.source,
    column: name
  });
}

// src/model/train/minimizeLbfgs.ts
var C1 = 1e-4;
var C2 = 0.9;
function dot(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function maxAbs(a) {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}
function minimizeLbfgs(fg, x0, options) {
  const n = x0.length;
  const m = options.memory ?? 10;
  const maxIterations = options.maxIterations ?? 1e4;
  const tol = options.gradientTolerance;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = fg(x, g);
  let evaluations = 1;
  const S = [];
  const Y = [];
  const rho = [];
  const alpha = new Float64Array(m);
  const d = new Float64Array(n);
  let iterations = 0;
  let stop = "max_iterations";
  while (iterations < maxIterations) {
    if (!(maxAbs(g) > tol)) {
      stop = "gradient";
      break;
    }
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = S.length - 1; k >= 0; k--) {
      const a = rho[k] * dot(S[k], d);
      alpha[k] = a;
      const y2 = Y[k];
      for (let i = 0; i < n; i++) d[i] -= a * y2[i];
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = 1 / (rho[last] * dot(Y[last], Y[last]));
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let k = 0; k < S.length; k++) {
      const b = rho[k] * dot(Y[k], d);
      const s2 = S[k];
      const a = alpha[k];
      for (let i = 0; i < n; i++) d[i] += (a - b) * s2[i];
    }
    let slope = dot(d, g);
    if (!(slope < 0)) {
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(d, g);
    }
    const first = S.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(g, g))) : 1;
    let step = lineSearch(fg, x, f, slope, d, first);
    evaluations += step.evaluations;
    if (!step.ok && S.length > 0) {
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(d, g);
      step = lineSearch(fg, x, f, slope, d, Math.min(1, 1 / Math.sqrt(dot(g, g))));
      evaluations += step.evaluations;
    }
    if (!step.ok) {
      stop = "line_search";
      break;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = step.x[i] - x[i];
      y[i] = step.g[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-16 * dot(y, y)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    x = step.x;
    g = step.g;
    f = step.f;
    iterations++;
  }
  if (stop === "max_iterations" && !(maxAbs(g) > tol)) stop = "gradient";
  const maxAbsGradient = maxAbs(g);
  return { x, value: f, iterations, evaluations, maxAbsGradient, converged: maxAbsGradient <= tol, stop };
}
function lineSearch(fg, x, f0, slope0, d, a0) {
  const n = x.length;
  let evaluations = 0;
  const slack = 1e-13 * Math.max(1, Math.abs(f0));
  const evaluate = (a2) => {
    const xt = new Float64Array(n);
    for (let i = 0; i < n; i++) xt[i] = x[i] + a2 * d[i];
    const gt = new Float64Array(n);
    const ft = fg(xt, gt);
    evaluations++;
    return { a: a2, f: ft, df: dot(gt, d), x: xt, g: gt };
  };
  const armijo = (t) => Number.isFinite(t.f) && t.f <= f0 + C1 * t.a * slope0 + slack;
  const curvature = (t) => Math.abs(t.df) <= -C2 * slope0;
  const done = (t) => ({ ok: true, x: t.x, g: t.g, f: t.f, evaluations });
  const fail = () => ({ ok: false, x, g: new Float64Array(n), f: f0, evaluations });
  const origin = { a: 0, f: f0, df: slope0, x, g: new Float64Array(n) };
  let prev = origin;
  let a = a0;
  for (let i = 0; i < 60; i++) {
    const t = evaluate(a);
    if (!armijo(t) || i > 0 && t.f > prev.f + slack) return zoom(prev, t);
    if (curvature(t)) return done(t);
    if (t.df >= 0) return zoom(t, prev);
    prev = t;
    a *= 4;
  }
  return fail();
  function zoom(lo, hi) {
    for (let i = 0; i < 60; i++) {
      const width = hi.a - lo.a;
      if (Math.abs(width) <= 1e-16 * Math.max(Math.abs(lo.a), Math.abs(hi.a))) break;
      let a2 = lo.a + width / 2;
      if (Number.isFinite(hi.df) && lo.df * hi.df < 0) a2 = lo.a + width * lo.df / (lo.df - hi.df);
      const lower = Math.min(lo.a, hi.a) + 0.1 * Math.abs(width);
      const upper = Math.max(lo.a, hi.a) - 0.1 * Math.abs(width);
      a2 = Math.min(upper, Math.max(lower, a2));
      const t = evaluate(a2);
      if (!armijo(t) || t.f > lo.f + slack) {
        hi = t;
      } else {
        if (curvature(t)) return done(t);
        if (t.df * (hi.a - lo.a) >= 0) hi = lo;
        lo = t;
      }
    }
    return lo.a > 0 && lo.f < f0 ? done(lo) : fail();
  }
}

// src/model/train/fitLogisticRegression.ts
var GRADIENT_TOLERANCE_PER_ROW = 1e-11;
function softplus(z) {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}
function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
function fitLogisticRegression(X, rows, p, y, classes, l2, options = {}) {
  if (classes < 2) throw new RangeError("logistic regression needs at least two classes");
  const K = classes === 2 ? 1 : classes;
  const width = p + 1;
  const probs = new Float64Array(classes);
  const objective = (theta, grad) => {
    let f = 0;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < p; j++) {
        const w = theta[k * width + j];
        f += 0.5 * l2 * w * w;
        grad[k * width + j] = l2 * w;
      }
      grad[k * width + p] = 0;
    }
    for (let i = 0; i < rows; i++) {
      const row = i * p;
      if (K === 1) {
        let z = theta[p];
        for (let j = 0; j < p; j++) z += X[row + j] * theta[j];
        const yi2 = y[i] === 1 ? 1 : 0;
        f += softplus(z) - yi2 * z;
        const r = sigmoid(z) - yi2;
        for (let j = 0; j < p; j++) grad[j] += r * X[row + j];
        grad[p] += r;
        continue;
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) {
        let z = theta[k * width + p];
        for (let j = 0; j < p; j++) z += X[row + j] * theta[k * width + j];
        probs[k] = z;
        if (z > max) max = z;
      }
      let sum = 0;
      for (let k = 0; k < K; k++) sum += Math.exp(probs[k] - max);
      const yi = y[i];
      f += max + Math.log(sum) - probs[yi];
      for (let k = 0; k < K; k++) {
        const r = Math.exp(probs[k] - max) / sum - (k === yi ? 1 : 0);
        for (let j = 0; j < p; j++) grad[k * width + j] += r * X[row + j];
        grad[k * width + p] += r;
      }
    }
    return f;
  };
  const result = minimizeLbfgs(objective, new Float64Array(K * width), {
    gradientTolerance: GRADIENT_TOLERANCE_PER_ROW * Math.max(1, rows),
    maxIterations: options.maxIterations ?? 1e4
  });
  const coef = new Float64Array(K * p);
  const intercept = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    coef.set(result.x.subarray(k * width, k * width + p), k * p);
    intercept[k] = result.x[k * width + p];
  }
  if (K > 1) {
    const mean = intercept.reduce((a, b) => a + b, 0) / K;
    for (let k = 0; k < K; k++) intercept[k] -= mean;
  }
  return {
    model: { outputs: K, inputs: p, coef, intercept },
    iterations: result.iterations,
    converged: result.converged,
    maxAbsGradient: result.maxAbsGradient
  };
}

// src/model/train/fitPreprocessor.ts
var MAX_ONE_HOT_LEVELS = 1e3;
var MAX_DESIGN_COLUMNS = 4096;
function fitPreprocessor(table, features, rows) {
  const numeric = [];
  const categorical = [];
  for (const f of features) {
    if (f.kind === "categorical") {
      const labels = columnLevels(f.column, rows).labels;
      if (labels.length === 0)
        throw new ModelguardError(
          "input",
          `${formatLocation({ file: table.source, column: f.name })}: the categorical feature has no value in the ${rows.length} training rows`,
          `Leave it out with --features, or fill it in.`,
          { file: table.source, column: f.name }
        );
      if (labels.length > MAX_ONE_HOT_LEVELS)
        throw new ModelguardError(
          "input",
          `${formatLocation({ file: table.source, column: f.name })}: the categorical feature has ${labels.length} distinct values in the ${rows.length} training rows; the built-in trainers one-hot encode at most ${MAX_ONE_HOT_LEVELS} per column`,
          `A column with that many values is an id or free text rather than a category: leave it out with --exclude ${f.name} (or list the features with --features)${f.column.kind === "numeric" ? ", or drop it from --categorical to use it as a number" : ""}.`,
          { file: table.source, column: f.name }
        );
      categorical.push({ name: f.name, categories: labels });
      continue;
    }
    const c = f.column;
    if (c.kind !== "numeric") throw new Error(`numeric feature '${f.name}' is a text column`);
    let sum = 0;
    let count = 0;
    for (const r of rows) {
      if (c.valid[r] === 0) continue;
      const v = c.values[r];
      if (Number.isNaN(v)) continue;
      if (!Number.isFinite(v))
        throw new ModelguardError(
          "input",
          `${formatLocation({ file: table.source, row: r, column: f.name })}: the feature holds ${v}`,
          "Infinite values have no mean or scale: clip them, or make them missing.",
          { file: table.source, column: f.name, row: r }
        );
      sum += v;
      count++;
    }
    const mean = count === 0 ? 0 : sum / count;
    let ss = 0;
    let constant = true;
    let first;
    for (const r of rows) {
      if (c.valid[r] === 0 || Number.isNaN(c.values[r])) continue;
      const v = c.values[r];
      first ??= v;
      if (v !== first) constant = false;
      ss += (v - mean) * (v - mean);
    }
    const std = Math.sqrt(ss / rows.length);
    numeric.push({ name: f.name, mean, scale: constant || std === 0 ? 1 : std });
  }
  const width = numeric.length + categorical.reduce((sum, t) => sum + t.categories.length, 0);
  if (width > MAX_DESIGN_COLUMNS) {
    const widest = [...categorical].sort((a, b) => b.categories.length - a.categories.length).slice(0, 3);
    throw new ModelguardError(
      "input",
      `the features of ${table.source} make ${width} model inputs after one-hot encoding (${numeric.length} numeric${widest.map((t) => `, '${t.name}' ${t.categories.length} levels`).join("")}${categorical.length > widest.length ? ", ..." : ""}); the built-in trainers take at most ${MAX_DESIGN_COLUMNS}`,
      `Leave out the categorical columns with the most levels (--exclude ${widest.map((t) => t.name).join(",") || "..."}), or train with your own command (train --run).`,
      { file: table.source }
    );
  }
  const columnNames = [
    ...numeric.map((t) => t.name),
    ...categorical.flatMap((t) => t.categories.map((cat) => `${t.name}=${cat}`))
  ];
  return { numeric, categorical, width: columnNames.length, columnNames };
}

// src/model/train/choleskySolve.ts
function choleskySolve(A, m, b) {
  if (A.length !== m * m || b.length !== m)
    throw new RangeError(`choleskySolve: A must be ${m} x ${m} and b ${m} long`);
  const L = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let d = A[j * m + j];
    for (let k = 0; k < j; k++) d -= L[j * m + k] * L[j * m + k];
    if (!(d > 0)) throw new RangeError(`choleskySolve: the matrix is not positive definite (pivot ${j} is ${d})`);
    const ljj = Math.sqrt(d);
    L[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = A[i * m + j];
      for (let k = 0; k < j; k++) s -= L[i * m + k] * L[j * m + k];
      L[i * m + j] = s / ljj;
    }
  }
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * m + k] * z[k];
    z[i] = s / L[i * m + i];
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < m; k++) s -= L[k * m + i] * x[k];
    x[i] = s / L[i * m + i];
  }
  return x;
}

// src/model/train/fitRidge.ts
function fitRidge(X, rows, p, y, alpha) {
  const xMean = new Float64Array(p);
  let yMean = 0;
  for (let i = 0; i < rows; i++) {
    yMean += y[i];
    for (let j = 0; j < p; j++) xMean[j] += X[i * p + j];
  }
  yMean /= rows;
  for (let j = 0; j < p; j++) xMean[j] /= rows;
  const Xc = new Float64Array(rows * p);
  const yc = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    yc[i] = y[i] - yMean;
    for (let j = 0; j < p; j++) Xc[i * p + j] = X[i * p + j] - xMean[j];
  }
  let coef;
  if (p <= rows) {
    const A = new Float64Array(p * p);
    const rhs = new Float64Array(p);
    for (let i = 0; i < rows; i++) {
      const r = i * p;
      for (let j = 0; j < p; j++) {
        const v = Xc[r + j];
        rhs[j] += v * yc[i];
        for (let k = 0; k <= j; k++) A[j * p + k] += v * Xc[r + k];
      }
    }
    for (let j = 0; j < p; j++) A[j * p + j] += alpha;
    coef = choleskySolve(A, p, rhs);
  } else {
    const G = new Float64Array(rows * rows);
    for (let i = 0; i < rows; i++)
      for (let k = 0; k <= i; k++) {
        let s = 0;
        for (let j = 0; j < p; j++) s += Xc[i * p + j] * Xc[k * p + j];
        G[i * rows + k] = s;
      }
    for (let i = 0; i < rows; i++) G[i * rows + i] += alpha;
    const a = choleskySolve(G, rows, yc);
    coef = new Float64Array(p);
    for (let i = 0; i < rows; i++) for (let j = 0; j < p; j++) coef[j] += Xc[i * p + j] * a[i];
  }
  let intercept = yMean;
  for (let j = 0; j < p; j++) intercept -= xMean[j] * coef[j];
  return { outputs: 1, inputs: p, coef, intercept: Float64Array.of(intercept) };
}

// src/model/train/linearModel.ts
function decisionFunction(model, X, rows) {
  const { outputs: K, inputs: p, coef, intercept } = model;
  if (X.length !== rows * p) throw new RangeError(`X has ${X.length} values, expected ${rows} x ${p}`);
  const Z = new Float64Array(rows * K);
  for (let i = 0; i < rows; i++)
    for (let k = 0; k < K; k++) {
      let z = intercept[k];
      for (let j = 0; j < p; j++) z += X[i * p + j] * coef[k * p + j];
      Z[i * K + k] = z;
    }
  return Z;
}

// src/model/train/predictTrainedModel.ts
function predictFromDesign(task, model, X, rows) {
  const decision = decisionFunction(model, X, rows);
  if (task === "regression") return { value: decision, decision };
  if (task === "binary") {
    const label2 = new Int32Array(rows);
    const probabilities2 = new Float64Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      const z = decision[i];
      label2[i] = z > 0 ? 1 : 0;
      probabilities2[2 * i] = 1 / (1 + Math.exp(z));
      probabilities2[2 * i + 1] = 1 / (1 + Math.exp(-z));
    }
    return { label: label2, probabilities: probabilities2, decision };
  }
  const K = model.outputs;
  const label = new Int32Array(rows);
  const probabilities = new Float64Array(rows * K);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (decision[i * K + k] > decision[i * K + best]) best = k;
    label[i] = best;
    const max = decision[i * K + best];
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(decision[i * K + k] - max);
    for (let k = 0; k < K; k++) probabilities[i * K + k] = Math.exp(decision[i * K + k] - max) / sum;
  }
  return { label, probabilities, decision };
}

// src/model/train/resolveTrainColumns.ts
var MODEL_OUTPUT_NAMES = ["label", "probabilities", "variable"];
function resolveTrainColumns(table, choice) {
  const names = table.columns.map((c) => c.name);
  const target = getColumn(table, choice.target);
  if (!target) throw unknownColumn(table, names, choice.target, "the target", "--target");
  const empty = target.kind === "dictionary" && target.codes.every((c) => c < 0);
  if (choice.trainer === "linear" && !empty && (target.kind !== "numeric" || target.type !== "integer" && target.type !== "number"))
    throw new ModelguardError(
      "usage",
      `--builtin linear needs a numeric target, but '${target.name}' in ${table.source} is a ${target.type} column`,
      target.kind === "dictionary" || target.type === "boolean" ? "For class labels use --builtin logistic; for a regression, make the target column numbers." : "Make the target a number column (e.g. a duration in seconds instead of a datetime).",
      { file: table.source, column: target.name }
    );
  if (choice.exclude && choice.features)
    throw new ModelguardError(
      "usage",
      "--exclude and --features cannot be combined",
      "--features lists the feature columns; --exclude leaves columns out of the default (every column but the target)."
    );
  for (const name of choice.exclude ?? [])
    if (!getColumn(table, name)) throw unknownColumn(table, names, name, "the excluded column", "--exclude");
  const excluded = new Set(choice.exclude ?? []);
  const featureNames = choice.features ?? names.filter((n) => n !== target.name && !excluded.has(n));
  if (featureNames.length === 0)
    throw new ModelguardError(
      "usage",
      choice.features ? "--features is empty" : `${table.source} has no column besides the target '${target.name}'${excluded.size ? " and --exclude" : ""}`,
      "A model needs at least one feature column.",
      { file: table.source }
    );
  const seen = /* @__PURE__ */ new Set();
  for (const name of featureNames) {
    if (seen.has(name))
      throw new ModelguardError("usage", `--features names '${name}' twice`, "List each column once.");
    seen.add(name);
    if (name === target.name)
      throw new ModelguardError(
        "usage",
        `--features includes the target '${name}'`,
        "A model cannot take its own target as input: leave the target out of --features."
      );
    if (!getColumn(table, name)) throw unknownColumn(table, names, name, "the feature", "--features");
  }
  const forced = /* @__PURE__ */ new Set();
  for (const name of choice.categorical ?? []) {
    if (!getColumn(table, name)) throw unknownColumn(table, names, name, "the categorical feature", "--categorical");
    if (!seen.has(name))
      throw new ModelguardError(
        "usage",
        `--categorical names '${name}', which is not one of the features`,
        name === target.name ? "The target is never a feature; remove it from --categorical." : `Add it to --features, or remove it from --categorical. Features: ${featureNames.join(", ")}.`,
        { column: name }
      );
    forced.add(name);
  }
  const features = featureNames.map((name) => {
    const column = getColumn(table, name);
    if (column.kind === "numeric" && column.type === "datetime")
      throw new ModelguardError(
        "usage",
        `feature '${name}' in ${table.source} is a datetime column, which the built-in trainers cannot use`,
        `Derive numeric features from it (age in days, day of week, ...) in columns of their own, and leave '${name}' out with --features.`,
        { file: table.source, column: name }
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
        { column: clash.name }
      );
  }
  return { target, features };
}
function unknownColumn(table, names, name, what, flag) {
  const suggestion = didYouMean(name, names);
  const shown = names.length > 40 ? `${names.slice(0, 40).join(", ")}, ... (${names.length} columns)` : names.join(", ");
  return new ModelguardError(
    "usage",
    `${what} '${name}' (${flag}) is not a column of ${table.source}${suggestion ? `; did you mean '${suggestion}'?` : ""}`,
    `The columns are: ${shown}.`,
    { file: table.source, column: name }
  );
}

// src/model/train/trainBuiltin.ts
var DEFAULT_L2 = 1;
var MAX_DESIGN_CELLS = 2 ** 27;
var MAX_CLASSES = 1e3;
var DEFAULT_SEED = 0;
function trainBuiltin(table, options) {
  const l2 = options.l2 ?? DEFAULT_L2;
  if (!Number.isFinite(l2) || l2 <= 0)
    throw new ModelguardError(
      "usage",
      `--l2 must be a finite number > 0, got ${l2}`,
      "It is the L2 penalty (logistic C = 1 / l2, ridge alpha = l2); 1 is a sound start."
    );
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new ModelguardError("usage", `--seed must be a non-negative integer, got ${seed}`);
  const { target, features } = resolveTrainColumns(table, options);
  let rows;
  let classes;
  let classIndex;
  let values;
  if (options.trainer === "logistic") {
    const levels = columnLevels(target);
    classes = [...levels.labels];
    rows = rowsWhere(table.rowCount, (r) => levels.index[r] >= 0);
    classIndex = Int32Array.from(rows, (r) => levels.index[r]);
  } else {
    rows = rowsWhere(table.rowCount, (r) => hasNumber(target, r));
    values = Float64Array.from(rows, (r) => numberAt(table, target, r));
  }
  const droppedRows = table.rowCount - rows.length;
  if (rows.length === 0)
    throw new ModelguardError(
      "input",
      table.rowCount === 0 ? `${table.source} has no data rows` : `no rows left to train on: the target '${target.name}' is missing in all ${table.rowCount} rows of ${table.source}`,
      "Train on a file with target values.",
      { file: table.source, column: target.name }
    );
  if (classes && classes.length < 2)
    throw new ModelguardError(
      "input",
      `the target '${target.name}' has a single class ('${classes[0]}') in the ${rows.length} training rows of ${table.source}`,
      "A classifier needs at least two classes: check the target column and the training split.",
      { file: table.source, column: target.name }
    );
  if (classes && classes.length > MAX_CLASSES)
    throw new ModelguardError(
      "input",
      `the target '${target.name}' has ${classes.length} classes in the ${rows.length} training rows of ${table.source}; --builtin logistic takes at most ${MAX_CLASSES}`,
      "A target with that many values is a number or an id: for a number, train --builtin linear (regression).",
      { file: table.source, column: target.name }
    );
  const preprocessor = fitPreprocessor(table, features, rows);
  if (rows.length * preprocessor.width > MAX_DESIGN_CELLS)
    throw new ModelguardError(
      "input",
      `${rows.length} training rows x ${preprocessor.width} model inputs of ${table.source} make a design matrix of ${rows.length * preprocessor.width} cells; the built-in trainers hold at most ${MAX_DESIGN_CELLS} (1 GiB)`,
      "Train on a sample of the rows, leave out features (--exclude, or one-hot columns with many levels), or train with your own command (train --run).",
      { file: table.source }
    );
  const X = designMatrix(preprocessor, table, rows);
  const n = rows.length;
  const p = preprocessor.width;
  const common = {
    trainer: options.trainer,
    target: target.name,
    features: features.map((f) => f.name),
    categorical: features.filter((f) => f.kind === "categorical").map((f) => f.name),
    preprocessor,
    rows: n,
    droppedRows,
    l2,
    seed
  };
  if (classes && classIndex) {
    const task = classes.length === 2 ? "binary" : "multiclass";
    const fit = fitLogisticRegression(X, n, p, classIndex, classes.length, l2);
    const pred2 = predictFromDesign(task, fit.model, X, n);
    let correct = 0;
    for (let i = 0; i < n; i++) if (pred2.label[i] === classIndex[i]) correct++;
    return {
      ...common,
      task,
      classes,
      model: fit.model,
      iterations: fit.iterations,
      converged: fit.converged,
      maxAbsGradient: fit.maxAbsGradient,
      trainMetrics: { accuracy: correct / n }
    };
  }
  let model;
  try {
    model = fitRidge(X, n, p, values, l2);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new ModelguardError(
      "input",
      `ridge regression on ${table.source} is numerically singular (${e.message})`,
      "Increase --l2, or remove features with extreme values.",
      { file: table.source }
    );
  }
  const pred = predictFromDesign("regression", model, X, n);
  return {
    ...common,
    task: "regression",
    model,
    iterations: 0,
    converged: true,
    maxAbsGradient: 0,
    trainMetrics: { r2: r2Score(values, pred.value) }
  };
}
function rowsWhere(count, keep) {
  const out = [];
  for (let r = 0; r < count; r++) if (keep(r)) out.push(r);
  return Int32Array.from(out);
}
function hasNumber(c, r) {
  return c.kind === "numeric" && c.valid[r] === 1 && !Number.isNaN(c.values[r]);
}
function numberAt(table, c, r) {
  const v = c.kind === "numeric" ? c.values[r] : NaN;
  if (!Number.isFinite(v))
    throw new ModelguardError(
      "input",
      `${formatLocation({ file: table.source, row: r, column: c.name })}: the target holds ${v}`,
      "A regression target must be finite: fix or drop the row.",
      { file: table.source, column: c.name, row: r }
    );
  return v;
}
function r2Score(y, yhat) {
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < y.length; i++) {
    res += (y[i] - yhat[i]) ** 2;
    tot += (y[i] - mean) ** 2;
  }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}

// src/model/onnx/onnxTensor.ts
var utf8 = new TextEncoder();
function onnxTensor(name, value) {
  const size = value.dims.reduce((a, b) => a * b, 1);
  if (value.dims.some((d) => !Number.isInteger(d) || d < 0))
    throw new RangeError(`tensor ${name}: dims must be non-negative integers, got [${value.dims.join(", ")}]`);
  if (value.values.length !== size)
    throw new RangeError(
      `tensor ${name}: dims [${value.dims.join(", ")}] need ${size} values, got ${value.values.length}`
    );
  const base = { name, dims: [...value.dims], dataType: ONNX_ELEMENT_TYPES[value.type] };
  switch (value.type) {
    case "float":
      return onnx.TensorProto.create({ ...base, floatData: Array.from(value.values) });
    case "int64": {
      const ints = Array.from(value.values);
      const bad = ints.find((v) => !Number.isSafeInteger(v));
      if (bad !== void 0) throw new RangeError(`tensor ${name}: int64 value ${bad} is not a safe integer`);
      return onnx.TensorProto.create({ ...base, int64Data: ints });
    }
    case "string":
      return onnx.TensorProto.create({ ...base, stringData: value.values.map((s) => utf8.encode(s)) });
  }
}

// src/model/onnx/onnxAttribute.ts
var attr = {
  int: (value) => ({ type: "int", value }),
  float: (value) => ({ type: "float", value }),
  string: (value) => ({ type: "string", value }),
  ints: (value) => ({ type: "ints", value }),
  floats: (value) => ({ type: "floats", value }),
  strings: (value) => ({ type: "strings", value }),
  tensor: (value) => ({ type: "tensor", value })
};
var T = onnx.AttributeProto.AttributeType;
var utf82 = new TextEncoder();
function checkInt(name, v) {
  if (!Number.isSafeInteger(v)) throw new RangeError(`attribute ${name}: ${v} is not a safe integer`);
  return v;
}
function onnxAttribute(name, a) {
  switch (a.type) {
    case "int":
      return onnx.AttributeProto.create({ name, type: T.INT, i: checkInt(name, a.value) });
    case "float":
      return onnx.AttributeProto.create({ name, type: T.FLOAT, f: a.value });
    case "string":
      return onnx.AttributeProto.create({ name, type: T.STRING, s: utf82.encode(a.value) });
    case "ints":
      return onnx.AttributeProto.create({ name, type: T.INTS, ints: a.value.map((v) => checkInt(name, v)) });
    case "floats":
      return onnx.AttributeProto.create({ name, type: T.FLOATS, floats: [...a.value] });
    case "strings":
      return onnx.AttributeProto.create({ name, type: T.STRINGS, strings: a.value.map((s) => utf82.encode(s)) });
    case "tensor":
      return onnx.AttributeProto.create({ name, type: T.TENSOR, t: onnxTensor("", a.value) });
  }
}

// src/model/onnx/onnxValueInfo.ts
function onnxValueInfo(name, type, shape) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: ONNX_ELEMENT_TYPES[type],
        shape: { dim: shape.map((d) => typeof d === "number" ? { dimValue: d } : { dimParam: d }) }
      }
    }
  });
}

// src/model/onnx/onnxGraphBuilder.ts
var ONNX_IR_VERSION = 8;
var OnnxGraphBuilder = class {
  constructor(name) {
    this.name = name;
  }
  name;
  inputs = [];
  outputs = [];
  valueInfos = [];
  initializers = [];
  nodes = [];
  /** Every value that exists: inputs, initializers, node outputs. */
  defined = /* @__PURE__ */ new Set();
  /** Names callers will use later (graph outputs), kept away from `fresh`. */
  reserved = /* @__PURE__ */ new Set();
  domains = /* @__PURE__ */ new Set([""]);
  /** Keeps `names` out of what `fresh` hands out (e.g. output names the graph defines at its end). */
  reserve(...names) {
    for (const n of names) this.reserved.add(n);
  }
  /** `prefix` if no value or reservation uses it, else `prefix_1`, `prefix_2`, ... */
  fresh(prefix) {
    if (!this.taken(prefix)) return prefix;
    for (let k = 1; ; k++) {
      const candidate = `${prefix}_${k}`;
      if (!this.taken(candidate)) return candidate;
    }
  }
  addInput(name, type, shape) {
    this.define(name, `input ${name}`);
    this.inputs.push(onnxValueInfo(name, type, shape));
    return name;
  }
  addInitializer(name, value) {
    this.define(name, `initializer ${name}`);
    this.initializers.push(onnxTensor(name, value));
    return name;
  }
  /** Adds a node and returns its output names. An empty string in `inputs` is ONNX's "optional input left out". */
  addNode(opType, inputs, outputs, options = {}) {
    for (const i of inputs)
      if (i !== "" && !this.defined.has(i)) throw new Error(`node ${opType}: input '${i}' is not defined yet`);
    if (outputs.length === 0) throw new Error(`node ${opType}: needs at least one output`);
    const domain = options.domain ?? "";
    const node = onnx.NodeProto.create({
      name: `${opType}_${this.nodes.length}`,
      opType,
      domain,
      input: [...inputs],
      output: [...outputs],
      attribute: Object.entries(options.attributes ?? {}).map(([k, v]) => onnxAttribute(k, v))
    });
    const fresh = /* @__PURE__ */ new Set();
    for (const o of outputs) {
      if (o === "" || this.defined.has(o) || fresh.has(o))
        throw new Error(`output of ${opType}: the name '${o}' is ${o === "" ? "empty" : "already used"}`);
      fresh.add(o);
    }
    for (const o of outputs) this.defined.add(o);
    this.domains.add(domain);
    this.nodes.push(node);
    return [...outputs];
  }
  /** Declares an existing value as a graph output. */
  addOutput(name, type, shape) {
    if (!this.defined.has(name)) throw new Error(`graph output '${name}' is not defined`);
    if (this.outputs.some((o) => o.name === name)) throw new Error(`graph output '${name}' is declared twice`);
    this.outputs.push(onnxValueInfo(name, type, shape));
  }
  /**
   * Declares the type and shape of an intermediate value (graph.value_info). Needed after operators whose schema has
   * no type inference (onnx 1.12's ai.onnx.ml OneHotEncoder, for one): without it, the checker's strict shape
   * inference stops at the next node.
   */
  declareValue(name, type, shape) {
    if (!this.defined.has(name)) throw new Error(`value '${name}' is not defined`);
    this.valueInfos.push(onnxValueInfo(name, type, shape));
  }
  /** The serialized ModelProto. Same calls in the same order give the same bytes. */
  toBytes(options) {
    const opsetImport = [...this.domains].sort().map((domain) => {
      const version = options.opsets[domain];
      if (version === void 0) throw new Error(`the graph uses domain '${domain}' but no opset version was given`);
      return { domain, version };
    });
    const graph = onnx.GraphProto.create({
      name: this.name,
      input: this.inputs,
      output: this.outputs,
      initializer: this.initializers,
      node: this.nodes,
      valueInfo: this.valueInfos
    });
    const model = onnx.ModelProto.create({
      irVersion: ONNX_IR_VERSION,
      opsetImport,
      producerName: options.producerName,
      producerVersion: options.producerVersion ?? "",
      docString: options.docString ?? "",
      graph,
      metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value }))
    });
    return onnx.ModelProto.encode(model).finish();
  }
  taken(name) {
    return this.defined.has(name) || this.reserved.has(name);
  }
  define(name, what) {
    if (name === "") throw new Error(`${what}: empty name`);
    if (this.defined.has(name)) throw new Error(`${what}: the name '${name}' is already used`);
    this.defined.add(name);
  }
};

// src/model/train/trainedModelToOnnx.ts
var TRAINER_OPSETS = { "": 17, "ai.onnx.ml": 3 };
var NUMERIC_INPUT_NAME = "input";
function trainedModelToOnnx(m) {
  const g = new OnnxGraphBuilder(`modelguard_${m.trainer}_${m.task}`);
  g.reserve(...MODEL_OUTPUT_NAMES);
  const pre = m.preprocessor;
  const F = pre.numeric.length;
  const perFeature = pre.categorical.length > 0;
  if (perFeature) {
    const clash = m.features.find((f) => MODEL_OUTPUT_NAMES.includes(f));
    if (clash) throw new ModelguardError("usage", `feature '${clash}' has the name of a model output`);
  }
  if (perFeature) for (const f of m.features) g.addInput(f, m.categorical.includes(f) ? "string" : "float", ["N", 1]);
  else g.addInput(NUMERIC_INPUT_NAME, "float", ["N", F]);
  const blocks = [];
  if (F > 0) {
    const numericInputs = pre.numeric.map((t) => t.name);
    const x = !perFeature ? NUMERIC_INPUT_NAME : numericInputs.length === 1 ? numericInputs[0] : g.addNode("Concat", numericInputs, [g.fresh("numeric")], axis1)[0];
    const mean = g.addInitializer(
      g.fresh("numeric_mean"),
      floats(
        [F],
        pre.numeric.map((t) => t.mean)
      )
    );
    const scale = g.addInitializer(
      g.fresh("numeric_scale"),
      floats(
        [F],
        pre.numeric.map((t) => t.scale)
      )
    );
    const [isNan] = g.addNode("IsNaN", [x], [g.fresh("numeric_is_nan")]);
    const [imputed] = g.addNode("Where", [isNan, mean, x], [g.fresh("numeric_imputed")]);
    const [centred] = g.addNode("Sub", [imputed, mean], [g.fresh("numeric_centred")]);
    blocks.push(g.addNode("Div", [centred, scale], [g.fresh("numeric_scaled")])[0]);
  }
  if (pre.categorical.length > 0) {
    const axes = g.addInitializer(g.fresh("axis_1"), { type: "int64", dims: [1], values: [1] });
    for (const t of pre.categorical) {
      const [oneHot] = g.addNode("OneHotEncoder", [t.name], [g.fresh(`${t.name}_onehot3d`)], {
        domain: "ai.onnx.ml",
        attributes: { cats_strings: attr.strings(t.categories), zeros: attr.int(1) }
      });
      g.declareValue(oneHot, "float", ["N", 1, t.categories.length]);
      blocks.push(g.addNode("Squeeze", [oneHot, axes], [g.fresh(`${t.name}_onehot`)])[0]);
    }
  }
  const design = blocks.length === 1 ? blocks[0] : g.addNode("Concat", blocks, [g.fresh("design")], axis1)[0];
  const { outputs: K, inputs: P, coef, intercept } = m.model;
  const weights = new Array(P * K);
  for (let k = 0; k < K; k++) for (let j = 0; j < P; j++) weights[j * K + k] = coef[k * P + j];
  const W = g.addInitializer(g.fresh("coef"), floats([P, K], weights));
  const b = g.addInitializer(g.fresh("intercept"), floats([K], Array.from(intercept)));
  const [product] = g.addNode("MatMul", [design, W], [g.fresh("product")]);
  if (m.task === "regression") {
    g.addNode("Add", [product, b], ["variable"]);
    g.addOutput("variable", "float", ["N", 1]);
  } else {
    const [z] = g.addNode("Add", [product, b], [g.fresh("decision")]);
    if (m.task === "binary") {
      const [p1] = g.addNode("Sigmoid", [z], [g.fresh("probability_1")]);
      const [negated] = g.addNode("Neg", [z], [g.fresh("decision_negated")]);
      const [p0] = g.addNode("Sigmoid", [negated], [g.fresh("probability_0")]);
      g.addNode("Concat", [p0, p1], ["probabilities"], axis1);
      const zero = g.addInitializer(g.fresh("zero"), floats([1], [0]));
      const [positive] = g.addNode("Greater", [z, zero], [g.fresh("is_positive")]);
      const [asInt] = g.addNode("Cast", [positive], [g.fresh("label_2d")], { attributes: { to: attr.int(7) } });
      const axes = g.addInitializer(g.fresh("label_axis"), { type: "int64", dims: [1], values: [1] });
      g.addNode("Squeeze", [asInt, axes], ["label"]);
    } else {
      g.addNode("Softmax", [z], ["probabilities"], axis1);
      g.addNode("ArgMax", [z], ["label"], { attributes: { axis: attr.int(1), keepdims: attr.int(0) } });
    }
    g.addOutput("label", "int64", ["N"]);
    g.addOutput("probabilities", "float", ["N", m.classes.length]);
  }
  const metadata = {
    feature_names: JSON.stringify(m.features),
    categorical_features: JSON.stringify(m.categorical),
    ...m.classes ? { classes: JSON.stringify(m.classes) } : {},
    task: m.task,
    target: m.target,
    modelguard_trainer: m.trainer
  };
  return g.toBytes({
    opsets: TRAINER_OPSETS,
    producerName: "modelguard",
    producerVersion: VERSION,
    docString: docString(m),
    metadata
  });
}
var axis1 = { attributes: { axis: attr.int(1) } };
function floats(dims, values) {
  return { type: "float", dims, values };
}
function docString(m) {
  const what = m.trainer === "logistic" ? `L2-regularised logistic regression (${m.task}, C = 1/${m.l2})` : `ridge regression (alpha = ${m.l2})`;
  return `modelguard train --builtin ${m.trainer}: ${what} of '${m.target}' on ${m.rows} rows; numeric features mean-imputed and standardised, categorical ones one-hot encoded (unknown -> zeros).`;
}

// src/model/train/trainResult.ts
function toTrainResult(m, model) {
  return {
    model,
    trainer: m.trainer,
    task: m.task,
    target: m.target,
    features: m.features,
    categorical: m.categorical,
    ...m.classes ? { classes: m.classes } : {},
    rows: m.rows,
    dropped_rows: m.droppedRows,
    l2: m.l2,
    seed: m.seed,
    iterations: m.iterations,
    converged: m.converged,
    train_metrics: m.trainMetrics
  };
}

// src/cli/commands/trainBuiltin.ts
var BUILTIN_TRAINERS = ["logistic", "linear"];
async function trainBuiltinCommand(flags) {
  const example = "e.g. modelguard train --builtin logistic --data train.csv --target y -o model.onnx";
  if (!flags.builtin || !BUILTIN_TRAINERS.includes(flags.builtin))
    throw new ModelguardError(
      "usage",
      flags.builtin ? `--builtin must be one of ${BUILTIN_TRAINERS.join(", ")}, got '${flags.builtin}'` : "train needs --builtin",
      "logistic for classes (binary or multiclass), linear (ridge) for a numeric target; " + example
    );
  if (!flags.data) throw new ModelguardError("usage", "train needs --data", example);
  if (!flags.target) throw new ModelguardError("usage", "train needs --target", example);
  if (!flags.out) throw new ModelguardError("usage", "train needs -o <model.onnx>", example);
  const table = await loadTable(flags.data, flags.delimiter ? { delimiter: flags.delimiter } : {});
  const trained = trainBuiltin(table, {
    trainer: flags.builtin,
    target: flags.target,
    ...flags.features ? { features: flags.features } : {},
    ...flags.exclude ? { exclude: flags.exclude } : {},
    ...flags.categorical ? { categorical: flags.categorical } : {},
    ...flags.l2 !== void 0 ? { l2: Number(flags.l2) } : {},
    ...flags.seed !== void 0 ? { seed: Number(flags.seed) } : {}
  });
  const bytes = trainedModelToOnnx(trained);
  writeOutputFile(flags.out, bytes);
  const result = toTrainResult(trained, {
    path: flags.out,
    sha256: createHash2("sha256").update(bytes).digest("hex"),
    bytes: bytes.length
  });
  if (flags.json) writeJsonFile(trainResultPath(flags.out), result);
  return result;
}
function trainResultPath(modelPath) {
  return modelPath.replace(/\.onnx$/i, "") + ".train.json";
}
function describeTrain(r) {
  const kind = r.trainer === "logistic" ? `logistic regression (${r.task})` : "ridge regression";
  const numeric = r.features.length - r.categorical.length;
  const lines = [
    `trained ${kind} of '${r.target}' on ${r.rows} rows` + (r.classes ? `; classes: ${r.classes.join(", ")}` : ""),
    `${r.features.length} feature${r.features.length === 1 ? "" : "s"}: ${numeric} numeric, ${r.categorical.length} categorical` + (r.categorical.length > 0 ? ` (${r.categorical.join(", ")})` : "") + `; l2 ${formatNumber(r.l2)}, seed ${r.seed}`
  ];
  if (r.dropped_rows > 0)
    lines.push(`dropped ${r.dropped_rows} row${r.dropped_rows === 1 ? "" : "s"} with a missing target`);
  if (r.trainer === "linear") lines.push("solved in closed form (Cholesky)");
  else if (r.converged) lines.push(`L-BFGS converged in ${r.iterations} iterations`);
  else
    lines.push(
      `WARNING: L-BFGS did not reach its gradient tolerance in ${r.iterations} iterations; the coefficients may be slightly off the optimum`
    );
  const m = r.train_metrics;
  lines.push("accuracy" in m ? `train accuracy ${formatNumber(m.accuracy)}` : `train r2 ${formatNumber(m.r2)}`);
  lines.push(`wrote ${r.model.path} (${r.model.bytes} bytes, sha256 ${r.model.sha256})`);
  return lines.join("\n");
}

// src/cli/commands/train.ts
function registerTrain(program, io) {
  program.command("train").description("run your training command (--run), or train a built-in model (--builtin) and export ONNX").option("--run <command>", 'your training command, run through the shell, e.g. "python train.py"').option(
    "--timeout <duration>",
    "--run: stop the command (and everything it started) after e.g. 30m, 2h (at most 30d)",
    durationOption("--timeout")
  ).option("--model <file>", "--run: the ONNX file the command must write (checked afterwards)").option("--cwd <dir>", "--run: directory to run in").option("--record <file>", "where to write the run record", "run.json").option("--builtin <trainer>", `built-in trainer: ${BUILTIN_TRAINERS.join(" | ")}`).option(
    "--data <files>",
    "--builtin: training data; --run: data files to fingerprint in the record (comma-separated)"
  ).option("--target <column>", "--builtin: the column to predict").option("--features <a,b>", "--builtin: feature columns (default: all but the target and --exclude)", listOption).option(
    "--exclude <a,b>",
    "--builtin: columns to leave out of the default features (ids, leaky columns)",
    listOption
  ).option("--categorical <a,b>", "--builtin: also one-hot encode these columns", listOption).option(
    "--l2 <x>",
    "--builtin: L2 regularisation (sklearn's C = 1 / l2; Ridge's alpha)",
    numberOption("--l2", { min: 1e-12 })
  ).option(
    "--seed <n>",
    "--builtin: seed (recorded; training is deterministic)",
    numberOption("--seed", { integer: true, min: 0, max: MAX_SEED })
  ).option("-o, --output <file>", "--builtin: where to write model.onnx").option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the result as JSON on stdout").action(async (flags) => {
    if (flags.run && flags.builtin) throw new ModelguardError("usage", "train takes --run or --builtin, not both");
    if (flags.builtin) {
      const result = await trainBuiltinCommand({
        builtin: flags.builtin,
        ...flags.data ? { data: flags.data } : {},
        ...flags.target ? { target: flags.target } : {},
        ...flags.features ? { features: flags.features } : {},
        ...flags.exclude ? { exclude: flags.exclude } : {},
        ...flags.categorical ? { categorical: flags.categorical } : {},
        ...flags.l2 !== void 0 ? { l2: flags.l2 } : {},
        ...flags.seed !== void 0 ? { seed: flags.seed } : {},
        ...flags.output ? { out: flags.output } : {},
        ...flags.delimiter ? { delimiter: flags.delimiter } : {}
      });
      io.out(flags.json ? JSON.stringify(result, null, 2) : describeTrain(result));
      return;
    }
    if (!flags.run) {
      throw new ModelguardError(
        "usage",
        'train needs --run "<your command>" or --builtin logistic|linear',
        'e.g. modelguard train --run "python train.py" --model model.onnx, or modelguard train --builtin logistic --data train.csv --target y -o model.onnx'
      );
    }
    let record;
    try {
      record = await runTraining({
        command: flags.run,
        ...flags.cwd ? { cwd: flags.cwd } : {},
        ...flags.timeout !== void 0 ? { timeoutMs: flags.timeout } : {},
        ...flags.model ? { model: flags.model } : {},
        ...flags.data ? { data: listOption(flags.data) } : {},
        // With --json, stdout carries only the result: the command's own output goes to stderr.
        ...flags.json ? { out: (c) => process.stderr.write(c) } : {}
      });
    } catch (e) {
      if (e instanceof TrainingFailedError && e.record && flags.record) writeJsonFile(flags.record, e.record);
      throw e;
    }
    if (flags.record) writeJsonFile(flags.record, record);
    io.out(flags.json ? JSON.stringify(record, null, 2) : describeRun(record, flags.record));
  });
}
function describeRun(r, recordPath) {
  const lines = [`training finished in ${(r.duration_ms / 1e3).toFixed(1)} s`];
  if (r.peak_memory_bytes !== null) lines.push(`peak memory ${(r.peak_memory_bytes / 2 ** 20).toFixed(0)} MiB`);
  if (r.model) lines.push(`model ${r.model.path} (${r.model.bytes} bytes, sha256 ${r.model.sha256.slice(0, 12)}…)`);
  if (recordPath) lines.push(`wrote ${recordPath}`);
  return lines.join("\n");
}
export {
  registerTrain
};
