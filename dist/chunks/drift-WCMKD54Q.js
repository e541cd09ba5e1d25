import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  readProfileColumns
} from "./chunk-FN27UHXI.js";
import {
  DriftAccumulator,
  METHOD_NAMES,
  detectDriftParts,
  resolvePolicy,
  resolveQualityThresholds
} from "./chunk-BGRYT6VV.js";
import "./chunk-HPSV2ECA.js";
import "./chunk-SVB6GALK.js";
import {
  DEFAULT_SAMPLE_BUDGET,
  datasetBytes,
  sampleFile,
  tableSamples,
  unpackSamples
} from "./chunk-IL262VXV.js";
import {
  driftKindOfType,
  sampleColumnProfile
} from "./chunk-43BZ45RZ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-IX27OB3T.js";
import "./chunk-ERARZTDZ.js";
import {
  isProfilePath
} from "./chunk-4VXYNFVR.js";
import {
  stringifyContractParts
} from "./chunk-NXWTCSVE.js";
import "./chunk-SOK6QJXI.js";
import {
  QuantileSketch
} from "./chunk-63HQ5WJE.js";
import "./chunk-BERRGJKQ.js";
import {
  CsvColumnPasses,
  JsonlColumnPasses,
  collectGarbage
} from "./chunk-WPT3JEOJ.js";
import {
  allInOrder
} from "./chunk-BNU2NNMW.js";
import {
  idLikeName,
  isIdLike
} from "./chunk-CYWMYDJ6.js";
import "./chunk-ABFRWPKF.js";
import {
  choiceOption,
  delimiterOption,
  nonEmptyListOption,
  numberOption
} from "./chunk-AI5GVDUK.js";
import {
  formatNumber,
  formatTableLines,
  joinLines,
  outParts
} from "./chunk-TXLO3S3N.js";
import "./chunk-3YGHXF46.js";
import {
  writeOutputFileParts
} from "./chunk-WKNXAUPU.js";
import {
  resolveDataset
} from "./chunk-TPKJ4BDL.js";
import "./chunk-LAIMP6IK.js";
import "./chunk-MYIUVGO5.js";
import {
  resolveLoadOptions
} from "./chunk-FDVPQZHU.js";
import "./chunk-DYO4I62G.js";
import "./chunk-IXAQPRDD.js";
import {
  ModelguardError,
  nullOnModelguardError
} from "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";

// src/cli/commands/drift.ts
import { readFileSync, statSync } from "node:fs";

// src/drift/defaultSkips.ts
function defaultSkips(reference, current, types, target) {
  const out = /* @__PURE__ */ new Map();
  for (const name of reference.keys()) {
    if (target && name === target.name) {
      out.set(name, `the target (from ${target.from}): pass it in --columns to test it`);
      continue;
    }
    const type = types.get(name);
    if (type === void 0) continue;
    const sides = [reference.get(name), current.get(name)];
    if (sides.some((s) => s !== void 0 && sampleIsIdLike(name, type, s))) {
      out.set(name, "id-like (every value distinct, a key rather than a feature): pass it in --columns to test it");
    }
  }
  return out;
}
var MIN_ROWS_FOR_VALUE_RULE = 100;
function sampleIsIdLike(name, type, sample) {
  const rows = sample.kind === "numeric" ? sample.form === "exact" ? sample.sorted.length : sample.count : sample.kind === "categorical" ? sample.count : 0;
  if (rows < MIN_ROWS_FOR_VALUE_RULE && !idLikeName(name)) return false;
  if (sample.kind === "numeric") {
    if (sample.form !== "exact" || sample.missing > 0 || type !== "integer" && type !== "number") return false;
    const n = sample.sorted.length;
    const column = {
      kind: "numeric",
      name,
      type: type === "integer" ? "integer" : "number",
      values: sample.sorted,
      valid: new Uint8Array(n).fill(1),
      invalid: /* @__PURE__ */ new Map()
    };
    return isIdLike(column, n);
  }
  if (sample.kind === "categorical") {
    if (sample.missing > 0 || sample.counts.size !== sample.count) return false;
    const dictionary = [...sample.counts.keys()];
    const column = {
      kind: "dictionary",
      name,
      type: "string",
      codes: Int32Array.from(dictionary, (_, i) => i),
      dictionary
    };
    return isIdLike(column, dictionary.length);
  }
  return false;
}

// src/data/headerNameIndex.ts
var HeaderNameIndex = class {
  constructor(names) {
    this.names = names;
    const order = new Int32Array(names.length);
    for (let k = 0; k < order.length; k++) order[k] = k;
    order.sort((a, b) => names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b);
    this.order = order;
  }
  names;
  order;
  /** The first field named `name`, or -1. */
  sourceOf(name) {
    const { order, names } = this;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (names[order[mid]] < name) lo = mid + 1;
      else hi = mid;
    }
    return lo < order.length && names[order[lo]] === name ? order[lo] : -1;
  }
  /** The fields of `wanted`'s names that the header has, ascending and each once (loadTable's `columns`). */
  sourcesOf(wanted) {
    const sources = [];
    for (const name of wanted) {
      const source = this.sourceOf(name);
      if (source >= 0) sources.push(source);
    }
    sources.sort((a, b) => a - b);
    let n = 0;
    for (let k = 0; k < sources.length; k++) if (k === 0 || sources[k] !== sources[n - 1]) sources[n++] = sources[k];
    sources.length = n;
    return sources;
  }
};

// src/drift/driftCoverage.ts
function checkRequestedColumns(reference, current, requested) {
  const config = requested.config;
  const configLabel = config ? `${config.file}: drift.columns` : "";
  const tested = requested.columns ? new Set(requested.columns) : null;
  for (const [label, critical] of [
    ["--critical names", requested.critical],
    [`${configLabel} names critical`, config?.critical]
  ]) {
    const leftOut = (critical ?? []).filter((name) => tested !== null && !tested.has(name));
    if (leftOut.length > 0) {
      throw new ModelguardError(
        "usage",
        `${label} column${leftOut.length > 1 ? "s" : ""} left out by --columns: ${list(leftOut.map((n) => `'${n}'`))}`,
        "add them to --columns, or leave --columns out to test every column"
      );
    }
  }
  for (const [label, names] of [
    ["--columns", requested.columns],
    ["--critical", requested.critical],
    // Only the --columns were read; a config override of any other column plays no part in this run.
    [configLabel, config?.names.filter((name) => tested === null || tested.has(name))]
  ]) {
    const unknown = (names ?? []).flatMap((name) => {
      const where = !reference.has(name) ? !current.has(name) ? "either file" : "the reference" : "the current data";
      return reference.has(name) && current.has(name) ? [] : [`'${name}' (not in ${where})`];
    });
    if (unknown.length > 0) {
      const shared = [...reference.keys()].filter((n) => current.has(n)).map((n) => `'${n}'`);
      throw new ModelguardError(
        "usage",
        `${label} names column${unknown.length > 1 ? "s" : ""} that cannot be tested: ${list(unknown)}`,
        requested.columns ? "names are case-sensitive and must be in the header of both files" : `columns in both files: ${list(shared) || "none"}`
      );
    }
  }
}
function checkSomethingTested(report, reference, current) {
  if (report.features.length > 0) return;
  const reasons = report.skipped.map((s) => `'${s.name}': ${s.reason}`);
  const shared = [...reference.keys()].filter((n) => current.has(n));
  const names = [...reference.keys(), ...current.keys()];
  let hint;
  if (names.some((n) => /[;\t|]/.test(n)) && (reference.size === 1 || current.size === 1)) {
    hint = "a header read as one column holds ';', '|' or a tab: pass --delimiter (e.g. --delimiter ';' or tab)";
  } else if (shared.length === 0) {
    hint = "the files share no column name: check that both have a header row with the same names";
  } else {
    hint = "drift needs numeric, category or boolean columns with values on both sides";
  }
  throw new ModelguardError(
    "input",
    `no column could be tested for drift, so there is no verdict: ${reasons.length > 0 ? list(reasons) : "the reference has no columns"}`,
    hint
  );
}
function list(items, max = 8) {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

// src/drift/loadSamples.ts
import { Worker } from "node:worker_threads";
var fromSource = new URL(import.meta.url).pathname.endsWith(".ts");
var workerEntry = new URL(fromSource ? "./sampleWorker.ts" : "./sampleWorker.js", import.meta.url);
function startWorker(workerData) {
  if (!fromSource) return new Worker(workerEntry, { workerData });
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(workerEntry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
var IN_THREAD_MAX_BYTES = 16 * 1024 * 1024;
var inThreadQueue = Promise.resolve();
async function loadSamples(path, options = {}, budget = DEFAULT_SAMPLE_BUDGET) {
  const bytes = await datasetBytes(path);
  if (bytes === null || bytes >= IN_THREAD_MAX_BYTES) return loadSamplesInWorker(path, options, budget);
  const run = inThreadQueue.then(() => sampleFile(path, options, budget));
  inThreadQueue = run.then(
    () => void 0,
    () => void 0
  );
  return run;
}
function loadSamplesInWorker(path, options, budget) {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ path, options, budget });
    let settled = false;
    worker.once(
      "message",
      (m) => {
        settled = true;
        if (m.error) {
          if (m.error.code === "internal") reject(new Error(m.error.message));
          else reject(new ModelguardError(m.error.code, m.error.message, m.error.hint, m.error.location));
        } else {
          resolve({
            samples: reviveSketches(unpackSamples(m.packed)),
            types: new Map(m.types),
            rows: m.rows
          });
        }
        void worker.terminate();
      }
    );
    worker.once("error", (e) => {
      if (!settled) reject(e);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`drift worker exited with code ${code} before answering`));
    });
  });
}
function reviveSketches(samples) {
  for (const [name, s] of samples) {
    if (s.kind === "numeric" && s.form === "sketch" && !(s.sketch instanceof QuantileSketch))
      samples.set(name, { ...s, sketch: QuantileSketch.fromJson(s.sketch) });
  }
  return samples;
}

// src/drift/loadDataSides.ts
async function loadDataSides(reference, current, load) {
  const [ref, cur] = await allInOrder([loadSamples(reference, load), loadSamples(current, load)]);
  return joinSides(ref, cur, (types) => loadSamples(current, { ...load, columns: [...types.keys()], types }));
}
async function joinSides(ref, cur, readAgain) {
  const mismatched = /* @__PURE__ */ new Map();
  for (const [name, type] of ref.types) {
    const curType = cur.types.get(name);
    if (curType !== void 0 && driftKindOfType(curType) !== driftKindOfType(type)) mismatched.set(name, type);
  }
  if (mismatched.size > 0) {
    const again = await readAgain(mismatched);
    for (const [name, sample] of again.samples) cur.samples.set(name, sample);
  }
  return { reference: ref.samples, current: cur.samples, types: ref.types };
}

// src/drift/driftInColumnBlocks.ts
var BLOCK_COLUMNS = 1e4;
async function driftInColumnBlocks(input, policy, blockColumns = BLOCK_COLUMNS) {
  if (!(blockColumns >= 1)) throw new RangeError(`blockColumns must be at least 1, got ${blockColumns}`);
  const load = { ...input.load, ...input.columns ? { columns: [...input.columns] } : {} };
  let plan = await planBlocks(input, load, blockColumns).catch(nullOnModelguardError);
  if (plan === null) return null;
  const report = await testInBlocks(input, policy, blockColumns, plan).catch(nullOnModelguardError);
  if (report === null) return null;
  if (report.features.length === 0)
    checkSomethingTested(report, new Set(plan.reference.names), new Set(plan.current.names));
  plan = null;
  collectGarbage();
  return report;
}
async function planBlocks(input, load, blockColumns) {
  const reference = await openSide(input.reference, load, blockColumns);
  const currentKeys = reference && reference.side.names.length > blockColumns ? 0 : blockColumns;
  const current = reference && await openSide(input.current, load, currentKeys, reference.passes);
  if (reference === null || current === null) return null;
  if (Math.max(reference.side.names.length, current.side.names.length) <= blockColumns) return null;
  checkRequestedColumns(new Set(reference.side.names), new Set(current.side.names), input);
  return { reference: reference.side, current: current.side };
}
async function openSide(path, load, keys, shareWith) {
  const dataset = await resolveDataset(path);
  if (dataset.shards.length !== 1 || dataset.partitionKeys.length > 0) return null;
  const file = dataset.shards[0].file;
  const resolved = resolveLoadOptions(file, load);
  if (resolved.format === "parquet") return null;
  const bytes = await datasetBytes(path);
  if (bytes === null || bytes >= DEFAULT_SAMPLE_BUDGET.streamFromBytes) return null;
  const wanted = resolved.columns;
  const filtered = (names) => wanted ? names.filter((name) => wanted.has(name)) : names;
  if (resolved.format === "jsonl") {
    const shared2 = shareWith instanceof JsonlColumnPasses ? shareWith : void 0;
    const passes2 = await JsonlColumnPasses.openWide(file, resolved, keys, shared2);
    if (passes2 === null) return null;
    return { side: { names: filtered(passes2.names), load: (names, types) => passes2.load(names, types) }, passes: passes2 };
  }
  const shared = shareWith instanceof CsvColumnPasses ? shareWith : void 0;
  const passes = await CsvColumnPasses.open(file, resolved, shared);
  const index = new HeaderNameIndex(passes.names);
  const side = {
    names: filtered(passes.names),
    load: (names, types) => passes.load(index.sourcesOf(names), types)
  };
  return { side, passes };
}
async function testInBlocks(input, policy, blockColumns, { reference, current }) {
  const names = input.columns ?? reference.names;
  const detection = new DriftAccumulator(policy, {
    referenceLabel: input.reference,
    currentLabel: input.current,
    capacity: names.length,
    ...input.quality && { quality: input.quality }
  });
  const testBlock = async (block) => {
    const ref = tableSamples(await reference.load(block));
    const cur = tableSamples(await current.load(block));
    const sides = await joinSides(ref, cur, async (types) => tableSamples(await current.load(types.keys(), types)));
    const skip = input.columns ? void 0 : defaultSkips(sides.reference, sides.current, sides.types, input.target);
    detection.add(sides.reference, sides.current, block, skip);
  };
  for (let at = 0; at < names.length; at += blockColumns) {
    await testBlock(names.slice(at, at + blockColumns));
    collectGarbage();
  }
  return detection.finish();
}

// src/drift/driftFiles.ts
async function driftFiles(input, policy, blockColumns = BLOCK_COLUMNS) {
  if (!isProfilePath(input.reference)) {
    const report2 = await driftInColumnBlocks(input, policy, blockColumns);
    if (report2 !== null) return report2;
  }
  const load = { ...input.load, ...input.columns ? { columns: [...input.columns] } : {} };
  let reference;
  let current;
  let types;
  if (isProfilePath(input.reference)) {
    types = /* @__PURE__ */ new Map();
    reference = readProfileColumns(input.reference, (name, column, fields) => {
      types.set(name, column.type);
      return sampleColumnProfile(column, fields.bins);
    }).columns;
    current = (await loadSamples(input.current, { ...load, types })).samples;
  } else {
    ({ reference, current, types } = await loadDataSides(input.reference, input.current, load));
  }
  checkRequestedColumns(reference, current, input);
  const skip = input.columns ? void 0 : defaultSkips(reference, current, types, input.target);
  const report = detectDriftParts(
    {
      reference,
      current,
      referenceLabel: input.reference,
      currentLabel: input.current,
      columns: input.columns,
      ...skip && { skip },
      ...input.quality && { quality: input.quality }
    },
    policy
  );
  checkSomethingTested(report, reference, current);
  return report;
}

// src/cli/commands/drift.ts
function registerDrift(program, io, exit) {
  program.command("drift").description("test whether the current data's distributions drifted from the reference").option("--reference <file>", "reference data file, or a profile.json made by `modelguard profile`").option("--current <file>", "current data file").option(
    "--method <name>",
    "auto | ks | psi | chisquare | jensenshannon | wasserstein",
    choiceOption("--method", ["auto", ...METHOD_NAMES])
  ).option(
    "--threshold <x>",
    "threshold of the method (p-value for ks/chisquare, distance otherwise; PSI floor for auto)",
    numberOption("--threshold", { min: 0 })
  ).option(
    "--alpha <p>",
    "auto: significance level after correction (default 0.05)",
    numberOption("--alpha", { min: 0, max: 1 })
  ).option(
    "--psi-threshold <x>",
    "auto: minimum PSI to call drift (default 0.1)",
    numberOption("--psi-threshold", { min: 0 })
  ).option(
    "--correction <c>",
    "multiple-testing correction: bh | bonferroni | none",
    choiceOption("--correction", ["bh", "bonferroni", "none"])
  ).option(
    "--bins <n>",
    "reference-quantile bins for PSI (default 10)",
    numberOption("--bins", { min: 2, max: 1e3, integer: true })
  ).option(
    "--dataset-share <x>",
    "share of drifted columns that makes the dataset drift (default 0.5)",
    numberOption("--dataset-share", { min: 0, max: 1 })
  ).option(
    "--major-psi <x>",
    "one column drifting with at least this PSI makes the dataset drift (default 0.25; drift.major_psi: null in the config turns it off)",
    numberOption("--major-psi", { min: 0 })
  ).option("--columns <a,b>", "test only these columns", nonEmptyListOption("--columns")).option("--critical <a,b>", "columns whose drift alone makes the dataset drift", nonEmptyListOption("--critical")).option("--config <file>", "modelguard.yml with a drift: section (flags win)").option(
    "--target <column>",
    "the label column: left out of the test, like id-like columns (--columns brings both back)"
  ).option("--model <file>", "an ONNX model whose metadata names the target (modelguard's trainer writes it)").option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the drift report as JSON on stdout").option("--out <file>", "also write the JSON report to a file").option("--no-fail", "exit 0 even when the dataset drifted or a data-quality signal fired").action(async (flags) => {
    if (!flags.reference || !flags.current) {
      throw new ModelguardError(
        "usage",
        "drift needs --reference and --current",
        "e.g. modelguard drift --reference train.csv --current prod.csv"
      );
    }
    const project = flags.config ? (await import("./projectConfig-BPQZ3A43.js")).readProjectConfig(flags.config) : void 0;
    const fromFile = project?.drift ?? {};
    const target = await knownTarget(flags, project);
    const policy = policyFromFlags(flags, fromFile);
    const report = await driftFiles(
      {
        reference: flags.reference,
        current: flags.current,
        ...flags.columns ? { columns: flags.columns } : {},
        ...flags.critical ? { critical: flags.critical } : {},
        ...flags.config ? { config: configuredColumns(flags.config, fromFile) } : {},
        ...target ? { target } : {},
        load: flags.delimiter ? { delimiter: flags.delimiter } : {},
        quality: resolveQualityThresholds(project?.quality)
      },
      policy
    );
    if (flags.out) writeOutputFileParts(flags.out, withNewline(stringifyContractParts(report, 2)));
    io.result?.({
      kind: "drift",
      value: {
        dataset_drifted: report.dataset_drifted,
        drifted_share: report.drifted_share,
        ...report.quality_failed !== void 0 ? { quality_failed: report.quality_failed } : {},
        ...report.quality ? { quality: { fired: report.quality.fired } } : {}
      },
      path: flags.out ?? null
    });
    outParts(io, flags.json ? stringifyContractParts(report, 2) : joinLines(describeDrift(report)));
    if ((report.dataset_drifted || report.quality_failed === true) && flags.fail) exit.code = 1;
  });
}
async function knownTarget(flags, project) {
  if (flags.target !== void 0) return { name: flags.target, from: "--target" };
  if (flags.model !== void 0) {
    const { readOnnxModelInfo } = await import("./readOnnxModelInfo-RP3JA53P.js");
    const info = readOnnxModelInfo(readModelBytes(flags.model), flags.model);
    const name = info.metadata.target;
    if (name) return { name, from: `the metadata of ${flags.model}` };
  }
  if (project?.target !== void 0) return { name: project.target, from: flags.config };
  return void 0;
}
var MAX_MODEL_BYTES = 2 * 1024 ** 3;
function readModelBytes(path) {
  try {
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_MODEL_BYTES) {
      throw new ModelguardError(
        "usage",
        stat.isFile() ? `${path} is ${stat.size} bytes, more than an ONNX model can be` : `${path} is not a model file`,
        "--model names the ONNX model file whose metadata holds the target",
        { file: path }
      );
    }
    return readFileSync(path);
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    const code = e.code;
    throw new ModelguardError(
      "usage",
      code === "ENOENT" ? `model file not found: ${path}` : `cannot read model ${path}: ${e.message}`,
      "--model names the ONNX model whose metadata holds the target; or pass --target COLUMN",
      { file: path }
    );
  }
}
function policyFromFlags(flags, fromFile = {}) {
  const columns = Object.assign(/* @__PURE__ */ Object.create(null), fromFile.columns ?? {});
  for (const name of flags.critical ?? []) columns[name] = { ...columns[name], critical: true };
  const method = flags.method ?? fromFile.method ?? "auto";
  return resolvePolicy({
    ...fromFile,
    method,
    ...method === "auto" ? { psi_threshold: flags.psiThreshold ?? flags.threshold ?? fromFile.psi_threshold ?? fromFile.threshold } : {
      threshold: flags.threshold ?? fromFile.threshold,
      psi_threshold: flags.psiThreshold ?? fromFile.psi_threshold
    },
    alpha: flags.alpha ?? fromFile.alpha,
    correction: flags.correction ?? fromFile.correction,
    bins: flags.bins ?? fromFile.bins,
    dataset_share: flags.datasetShare ?? fromFile.dataset_share,
    major_psi: flags.majorPsi ?? fromFile.major_psi,
    columns
  });
}
function configuredColumns(file, fromFile) {
  const overrides = Object.entries(fromFile.columns ?? {});
  return {
    file,
    names: overrides.map(([name]) => name),
    critical: overrides.filter(([, o]) => o.critical === true).map(([name]) => name)
  };
}
function* withNewline(parts) {
  yield* parts;
  yield "\n";
}
function* describeDrift(r) {
  const features = r.features;
  yield* formatTableLines(
    ["column", "kind", "method", "statistic", "p (adj.)", "threshold", "result"],
    features.length,
    (i) => {
      const f = features.item(i);
      return [
        f.name + (f.critical ? " (critical)" : ""),
        f.kind,
        f.method,
        f.statistic,
        f.p_value === null ? "-" : formatNumber(f.p_value),
        f.threshold,
        f.drifted ? "DRIFT" : "ok"
      ];
    }
  );
  for (const s of r.skipped) yield `skipped ${s.name}: ${s.reason}`;
  const quality = [];
  for (let i = 0; i < (r.quality?.features.length ?? 0); i++)
    if (r.quality.features.item(i).fired.length > 0) quality.push(i);
  if (r.quality && quality.length === 0) yield `data quality: no signal fired in ${r.quality.features.length} columns`;
  if (r.quality && quality.length > 0) {
    const measured = r.quality.features;
    const cell = (m) => m === void 0 ? "-" : `${Number((m.share * 100).toFixed(2))}%${m.fired ? " FAIL" : ""}`;
    yield "";
    yield "data quality (columns where a signal fired; FAIL: above the reference by more than the threshold):";
    yield* formatTableLines(
      ["column", "missing", "out of range", "new category", "non-finite"],
      quality.length,
      (k) => {
        const q = measured.item(quality[k]);
        return [
          q.name,
          cell(q.missing_share),
          cell(q.out_of_range_share),
          cell(q.new_category_share),
          cell(q.non_finite_share)
        ];
      }
    );
  }
  let approximate = false;
  for (let i = 0; i < features.length && !approximate; i++) approximate = features.item(i).approximate;
  if (approximate)
    yield "(numeric statistics marked approximate come from quantile sketches: a profile reference, or a side too large to hold; see approximation_error in --json)";
  yield "";
  yield r.summary;
}
export {
  policyFromFlags,
  registerDrift
};
