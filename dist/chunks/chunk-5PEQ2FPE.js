import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  buildProfile,
  categoricalProfileFrom,
  numericColumnStats,
  numericProfileFrom,
  profileColumn,
  profileFields
} from "./chunk-ERARZTDZ.js";
import {
  PROFILE_DEFAULTS,
  PROFILE_VERSION,
  wholeProfileParts
} from "./chunk-4VXYNFVR.js";
import {
  EMPTY_MOMENTS,
  mergeScaledMoments,
  momentsFrom,
  momentsM2,
  momentsStd,
  profileMoments
} from "./chunk-SOK6QJXI.js";
import {
  QuantileSketch
} from "./chunk-63HQ5WJE.js";
import {
  loadTable,
  planCsvScan,
  resolveDataset,
  scanCsvRange,
  scanTable
} from "./chunk-TPKJ4BDL.js";
import {
  INFERENCE_ROWS,
  SCAN_CHUNK_CELLS,
  openDataSource,
  resolveLoadOptions,
  rowsPerChunk
} from "./chunk-FDVPQZHU.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/profile/mergeProfiles.ts
function mergeProfiles(a, b, { consume = false } = {}) {
  if (a.sketch_accuracy !== b.sketch_accuracy) {
    throw new ModelguardError(
      "profile",
      `cannot merge profiles built with sketch accuracy ${a.sketch_accuracy} and ${b.sketch_accuracy}`,
      "rebuild both with the same --sketch-accuracy"
    );
  }
  if (a.bins !== b.bins) {
    throw new ModelguardError(
      "profile",
      `cannot merge profiles with ${a.bins} and ${b.bins} PSI bins`,
      "rebuild both with the same --bins"
    );
  }
  const has = (p, name) => Object.hasOwn(p.columns, name);
  const names = [...Object.keys(a.columns), ...Object.keys(b.columns).filter((n) => !has(a, n))];
  const columns = /* @__PURE__ */ Object.create(null);
  for (const name of names) {
    const ca = has(a, name) ? a.columns[name] : absentColumn(b.columns[name], a.rows, a.bins);
    const cb = has(b, name) ? b.columns[name] : absentColumn(a.columns[name], b.rows, a.bins);
    columns[name] = mergeColumn(name, ca, cb, a.bins);
    if (consume) {
      delete a.columns[name];
      delete b.columns[name];
    }
  }
  return {
    kind: "modelguard.profile",
    version: PROFILE_VERSION,
    created_at: (/* @__PURE__ */ new Date()).toISOString(),
    sources: [...a.sources, ...b.sources],
    rows: a.rows + b.rows,
    sketch_accuracy: a.sketch_accuracy,
    bins: a.bins,
    columns
  };
}
function absentColumn(like, rows, bins) {
  const empty = { count: 0, missing: rows, invalid: 0 };
  switch (like.kind) {
    case "numeric":
      return numericProfileFrom(
        { type: like.type, ...empty, infinite: 0, min: null, max: null, moments: EMPTY_MOMENTS },
        new QuantileSketch(like.sketch.relative_accuracy),
        bins
      );
    case "categorical":
      return categoricalProfileFrom(like.type, /* @__PURE__ */ new Map(), rows, 0);
    case "text":
      return { kind: "text", type: "string", ...empty, min_length: null, max_length: null, mean_length: null };
    case "datetime":
      return { kind: "datetime", type: "datetime", ...empty, min: null, max: null };
  }
}
function mergeColumn(name, a, b, bins) {
  if (a.kind === "numeric" && b.kind === "numeric") return mergeNumeric(a, b, bins);
  if (a.kind === "categorical" && b.kind === "categorical") return mergeCategorical(a, b);
  if (a.kind === "datetime" && b.kind === "datetime") return mergeDatetime(a, b);
  const textual = (c) => c.kind === "text" || c.kind === "categorical" && c.type === "category";
  if (textual(a) && textual(b))
    return mergeText(a, b);
  throw new ModelguardError(
    "profile",
    `column '${name}' is ${a.kind} (${a.type}) in one profile and ${b.kind} (${b.type}) in the other`,
    "profile both shards with the same schema (modelguard profile --schema schema.yml) so types agree"
  );
}
function mergeNumeric(a, b, bins) {
  const sketch = QuantileSketch.fromJson(a.sketch);
  sketch.merge(QuantileSketch.fromJson(b.sketch));
  const moments = mergeScaledMoments(profileMoments(a), profileMoments(b));
  return numericProfileFrom(
    {
      type: a.type === "integer" && b.type === "integer" ? "integer" : "number",
      count: a.count + b.count,
      missing: a.missing + b.missing,
      invalid: a.invalid + b.invalid,
      infinite: a.infinite + b.infinite,
      min: minOf(a.min, b.min),
      max: maxOf(a.max, b.max),
      moments
    },
    sketch,
    bins
  );
}
function mergeCategorical(a, b) {
  const freq = /* @__PURE__ */ new Map();
  for (const p of [a, b])
    p.frequencies.values.forEach((v, i) => freq.set(v, (freq.get(v) ?? 0) + p.frequencies.counts[i]));
  const type = a.type === "boolean" && b.type === "boolean" ? "boolean" : "category";
  return categoricalProfileFrom(type, freq, a.missing + b.missing, a.invalid + b.invalid);
}
function mergeDatetime(a, b) {
  const pick = (x, y, f) => x === null ? y : y === null ? x : new Date(f(Date.parse(x), Date.parse(y))).toISOString();
  return {
    kind: "datetime",
    type: "datetime",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    min: pick(a.min, b.min, Math.min),
    max: pick(a.max, b.max, Math.max)
  };
}
function mergeText(a, b) {
  const lengths = (p) => {
    if (p.kind === "text") return { min: p.min_length, max: p.max_length, total: (p.mean_length ?? 0) * p.count };
    const lens = p.frequencies.values.map((v) => [...v].length);
    let total = 0;
    lens.forEach((l, i) => total += l * p.frequencies.counts[i]);
    return { min: lens.length ? Math.min(...lens) : null, max: lens.length ? Math.max(...lens) : null, total };
  };
  const la = lengths(a);
  const lb = lengths(b);
  const count = a.count + b.count;
  return {
    kind: "text",
    type: "string",
    count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    min_length: minOf(la.min, lb.min),
    max_length: maxOf(la.max, lb.max),
    mean_length: count > 0 ? (la.total + lb.total) / count : null
  };
}
function minOf(x, y) {
  return x === null ? y : y === null ? x : Math.min(x, y);
}
function maxOf(x, y) {
  return x === null ? y : y === null ? x : Math.max(x, y);
}

// src/profile/profileDataset.ts
import { existsSync } from "node:fs";
import { open, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// src/data/csvRangeBoundaries.ts
var LF = 10;
var QUOTE = 34;
var SCAN_BYTES = 4 << 20;
async function csvRangeBoundaries(fh, start, end, parts, quoted) {
  const cuts = [];
  const buf = Buffer.allocUnsafe(SCAN_BYTES);
  const target = (i) => start + Math.floor((end - start) * i / parts);
  if (!quoted) {
    for (let i = 1; i < parts; i++) {
      const from = Math.max(target(i), cuts[cuts.length - 1] ?? start);
      const lf = await nextByte(fh, buf, LF, from, end);
      if (lf < 0 || lf + 1 >= end) break;
      if (lf + 1 > (cuts[cuts.length - 1] ?? start)) cuts.push(lf + 1);
    }
    return cuts;
  }
  let inQuotes = false;
  let pos = start;
  let next = 1;
  let seeking = false;
  while (next < parts && pos < end) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(SCAN_BYTES, end - pos), pos);
    if (bytesRead === 0) break;
    const block = buf.subarray(0, bytesRead);
    let i = 0;
    while (i < bytesRead && next < parts) {
      if (!seeking) {
        const stop = Math.min(bytesRead, target(next) - pos);
        for (let q2 = block.indexOf(QUOTE, i); q2 >= 0 && q2 < stop; q2 = block.indexOf(QUOTE, q2 + 1)) inQuotes = !inQuotes;
        if (stop >= bytesRead) break;
        i = Math.max(stop, i);
        seeking = true;
      }
      const q = block.indexOf(QUOTE, i);
      const lf = block.indexOf(LF, i);
      if (lf >= 0 && (q < 0 || lf < q)) {
        i = lf + 1;
        if (inQuotes) continue;
        const cut = pos + i;
        if (cut >= end) return cuts;
        if (cut > (cuts[cuts.length - 1] ?? start)) cuts.push(cut);
        seeking = false;
        next++;
        while (next < parts && target(next) < cut) next++;
      } else if (q >= 0) {
        inQuotes = !inQuotes;
        i = q + 1;
      } else break;
    }
    pos += bytesRead;
  }
  return cuts;
}
async function nextByte(fh, buf, byte, from, end) {
  for (let pos = from; pos < end; ) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - pos), pos);
    if (bytesRead === 0) return -1;
    const i = buf.subarray(0, bytesRead).indexOf(byte);
    if (i >= 0) return pos + i;
    pos += bytesRead;
  }
  return -1;
}

// src/profile/transferableProfile.ts
var isTransferredNumeric = (c) => "stats" in c;
function packSketches(sketches, relativeAccuracy) {
  let buckets = 0;
  let whole = true;
  const tally = (_, c) => {
    buckets++;
    if (c !== c >>> 0) whole = false;
  };
  for (const s of sketches) {
    s.forEachStored(1, tally);
    s.forEachStored(-1, tally);
  }
  const counts3 = new Float64Array(3 * sketches.length);
  const bounds = new Float64Array(2 * sketches.length + 1);
  const keys = new Int32Array(buckets);
  const counts = whole ? new Uint32Array(buckets) : new Float64Array(buckets);
  let b = 0;
  const put = (i, c) => {
    keys[b] = i;
    counts[b++] = c;
  };
  sketches.forEach((s, i) => {
    counts3[3 * i] = s.zero;
    counts3[3 * i + 1] = s.positiveInfinity;
    counts3[3 * i + 2] = s.negativeInfinity;
    bounds[2 * i] = b;
    s.forEachStored(1, put);
    bounds[2 * i + 1] = b;
    s.forEachStored(-1, put);
  });
  bounds[2 * sketches.length] = b;
  return {
    packed: { relativeAccuracy, counts3, bounds, keys, counts },
    transfer: [counts3.buffer, bounds.buffer, keys.buffer, counts.buffer]
  };
}
function mergePackedSketch(p, i, sketch) {
  if (sketch.relativeAccuracy !== p.relativeAccuracy) {
    throw new RangeError(`cannot merge sketches of accuracy ${sketch.relativeAccuracy} and ${p.relativeAccuracy}`);
  }
  const { counts3, bounds } = p;
  sketch.mergeStored(
    counts3[3 * i],
    counts3[3 * i + 1],
    counts3[3 * i + 2],
    p.keys,
    p.counts,
    bounds[2 * i],
    bounds[2 * i + 1],
    bounds[2 * i + 2]
  );
}
function unpackSketch(p, i) {
  const sketch = new QuantileSketch(p.relativeAccuracy);
  mergePackedSketch(p, i, sketch);
  return sketch;
}

// src/profile/runningProfile.ts
var isNumeric = (c) => "sketch" in c && c.sketch instanceof QuantileSketch;
var isNumericColumn = (c) => c.kind === "numeric" && (c.type === "integer" || c.type === "number");
function absentStats(type, rows) {
  return { type, count: 0, missing: rows, invalid: 0, infinite: 0, min: null, max: null, moments: EMPTY_MOMENTS };
}
var RunningProfile = class {
  constructor(options = {}) {
    this.options = options;
    this.sketchAccuracy = options.sketchAccuracy ?? PROFILE_DEFAULTS.sketchAccuracy;
    this.bins = options.bins ?? PROFILE_DEFAULTS.bins;
  }
  options;
  sketchAccuracy;
  bins;
  rows = 0;
  chunks = 0;
  sources = [];
  /**
   * Column names are data: an object without a prototype, whose key order (integer-like names first) is the one a
   * merged profile's columns have.
   */
  columns = /* @__PURE__ */ Object.create(null);
  /** Chunks taken in so far. */
  get chunkCount() {
    return this.chunks;
  }
  /** Takes in the rows of one more chunk. */
  add(table) {
    this.sources.push(this.options.source ?? table.source);
    if (this.chunks++ === 0) {
      for (const column of table.columns) this.columns[column.name] = this.chunkColumn(column);
      this.rows = table.rowCount;
      return;
    }
    const byName = /* @__PURE__ */ Object.create(null);
    for (const column of table.columns) byName[column.name] = column;
    for (const name of Object.keys(this.columns)) {
      const column = Object.hasOwn(byName, name) ? byName[name] : null;
      this.columns[name] = this.merged(name, this.columns[name], column, table.rowCount);
    }
    for (const name of Object.keys(byName)) {
      if (Object.hasOwn(this.columns, name)) continue;
      const column = byName[name];
      const absent = isNumericColumn(column) ? { stats: absentStats(column.type === "integer" ? "integer" : "number", this.rows), sketch: this.sketch() } : absentColumn(this.chunkProfile(column), this.rows, this.bins);
      this.columns[name] = this.merged(name, absent, column, table.rowCount);
    }
    this.rows += table.rowCount;
  }
  /**
   * This profile as it crosses to another thread (see TransferableProfile), and the buffers to transfer with it. The
   * running profile is empty afterwards: its sketches are in the packed arrays.
   */
  toTransferable() {
    const sketches = [];
    const columns = Object.keys(this.columns).map((name) => {
      const c = this.columns[name];
      if (!isNumeric(c)) return [name, c];
      sketches.push(c.sketch);
      return [name, { stats: c.stats, sketch: sketches.length - 1 }];
    });
    this.columns = /* @__PURE__ */ Object.create(null);
    const { packed, transfer } = packSketches(sketches, this.sketchAccuracy);
    const profile = { rows: this.rows, chunks: this.chunks, sources: this.sources.slice(), columns, sketches: packed };
    return { profile, transfer };
  }
  /**
   * Takes in the rows of another thread's running profile (of the rows after this one's): the same profile as
   * mergeProfiles of the two as profiles, field for field. A numeric column on both sides adds the other's packed
   * buckets to its live sketch, the moments through a profile's mean and M2 as add() merges them; anything else is
   * merged as profiles.
   */
  addTransferred(t) {
    if (t.sketches.relativeAccuracy !== this.sketchAccuracy) {
      throw new RangeError(
        `cannot merge sketches of accuracy ${this.sketchAccuracy} and ${t.sketches.relativeAccuracy}`
      );
    }
    const byName = new Map(t.columns);
    for (const name of Object.keys(this.columns)) {
      const b = byName.get(name);
      const a = this.columns[name];
      this.columns[name] = b === void 0 ? this.merged(name, a, null, t.rows) : this.mergedWith(name, a, b, t);
    }
    for (const [name, b] of t.columns) {
      if (Object.hasOwn(this.columns, name)) continue;
      const absent = isTransferredNumeric(b) ? { stats: absentStats(b.stats.type, this.rows), sketch: this.sketch() } : absentColumn(b, this.rows, this.bins);
      this.columns[name] = this.mergedWith(name, absent, b, t);
    }
    this.rows += t.rows;
    this.chunks += t.chunks;
    this.sources.push(...t.sources);
  }
  /** mergeColumn(name, so far, the other thread's column b): a numeric pair through the live sketch. */
  mergedWith(name, a, b, t) {
    if (isNumeric(a) && isTransferredNumeric(b)) {
      a.stats = mergeStats(a.stats, b.stats);
      mergePackedSketch(t.sketches, b.sketch, a.sketch);
      return a;
    }
    const before = isNumeric(a) ? this.profileOf(a) : a;
    const after = isTransferredNumeric(b) ? this.transferredProfile(b, t.sketches) : b;
    return mergeColumn(name, before, after, this.bins);
  }
  transferredProfile(b, sketches) {
    return numericProfileFrom(b.stats, unpackSketch(sketches, b.sketch), this.bins);
  }
  /** A chunk's column on its own: numeric with a sketch of its own, else its profile. */
  chunkColumn(column) {
    if (!isNumericColumn(column)) return this.chunkProfile(column);
    const sketch = this.sketch();
    return { stats: numericColumnStats(column, sketch), sketch };
  }
  sketch() {
    return new QuantileSketch(this.sketchAccuracy);
  }
  chunkProfile(column) {
    return profileColumn(column, this.sketchAccuracy, this.bins);
  }
  /**
   * mergeColumn(name, so far, the chunk's column or its absence over `rows`): a numeric pair by adding the chunk's
   * values to the live sketch, anything else (other kinds, or a mismatch that mergeColumn reports) as profiles.
   */
  merged(name, soFar, column, rows) {
    if (isNumeric(soFar) && (column === null || isNumericColumn(column))) {
      const b = column === null ? absentStats(soFar.stats.type, rows) : numericColumnStats(column, soFar.sketch);
      soFar.stats = mergeStats(soFar.stats, b);
      return soFar;
    }
    const before = isNumeric(soFar) ? this.profileOf(soFar) : soFar;
    const after = column === null ? absentColumn(before, rows, this.bins) : this.chunkProfile(column);
    return mergeColumn(name, before, after, this.bins);
  }
  profileOf(c) {
    return numericProfileFrom(c.stats, c.sketch, this.bins);
  }
  /**
   * The profile as parts (see writeProfileParts): each column made a profile as it is iterated and let go, so the
   * running sketches and the written profile are never all held at once. Iterable once; the running profile is
   * empty afterwards.
   */
  parts() {
    const fields = {
      kind: "modelguard.profile",
      version: PROFILE_VERSION,
      created_at: this.options.createdAt ?? (/* @__PURE__ */ new Date()).toISOString(),
      sources: this.sources.slice(),
      rows: this.rows,
      sketch_accuracy: this.sketchAccuracy,
      bins: this.bins
    };
    const columns = this.columns;
    this.columns = /* @__PURE__ */ Object.create(null);
    const profileOf = (c) => isNumeric(c) ? this.profileOf(c) : c;
    return {
      fields,
      columns: (function* () {
        for (const name of Object.keys(columns)) {
          const c = columns[name];
          delete columns[name];
          yield [name, profileOf(c)];
        }
      })()
    };
  }
  /** The profile held whole (for the ranges of a parallel profile, which are merged as profiles). */
  profile() {
    const { fields, columns } = this.parts();
    const byName = /* @__PURE__ */ Object.create(null);
    for (const [name, column] of columns) byName[name] = column;
    return { ...fields, columns: byName };
  }
};
function mergeStats(a, b) {
  return {
    type: a.type === "integer" && b.type === "integer" ? "integer" : "number",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    infinite: a.infinite + b.infinite,
    min: a.min === null ? b.min : b.min === null ? a.min : Math.min(a.min, b.min),
    max: a.max === null ? b.max : b.max === null ? a.max : Math.max(a.max, b.max),
    moments: mergeScaledMoments(asStored(a.moments), asStored(b.moments))
  };
}
function asStored(m) {
  return momentsFrom(m.n, m.n > 0 ? m.mean : null, momentsM2(m), momentsStd(m, 1));
}

// src/profile/profileChunks.ts
async function profileChunks(chunks, options, running = new RunningProfile(options)) {
  const iterator = chunks[Symbol.asyncIterator]();
  for (; ; ) {
    let next = await iterator.next();
    if (next.done) break;
    try {
      running.add(next.value);
    } catch (e) {
      await iterator.return?.();
      throw e;
    }
    next = null;
  }
  return running.chunkCount > 0 ? running : null;
}

// src/profile/profileDataset.ts
var MIN_BYTES_PER_THREAD = 32 << 20;
var MAX_THREADS = 8;
var MIN_ROWS_PER_THREAD = 2 * INFERENCE_ROWS;
var ROW_PROBE_BYTES = 1 << 20;
var fromSource = new URL(import.meta.url).pathname.endsWith(".ts");
var workerEntry = fromSource ? new URL("./profileRangeWorker.ts", import.meta.url) : ["./profileRangeWorker.js", "./chunks/profileRangeWorker.js"].map((p) => new URL(p, import.meta.url)).find((u) => existsSync(fileURLToPath(u))) ?? new URL("./profileRangeWorker.js", import.meta.url);
async function profileDataset(path, options = {}) {
  const { fields, columns } = await profileDatasetParts(path, options);
  const byName = /* @__PURE__ */ Object.create(null);
  for (const [name, column] of columns) byName[name] = column;
  return { ...fields, columns: byName };
}
async function profileDatasetParts(path, options = {}) {
  const profileOptions = profileOptionsOf(path, options);
  const load = options.load ?? {};
  const whole = (profile) => wholeProfileParts({
    ...profile,
    sources: [profileOptions.source],
    ...profileOptions.createdAt !== void 0 ? { created_at: profileOptions.createdAt } : {}
  });
  const parallel = await runningCsvInParallel(path, options).catch(() => null);
  if (parallel) return wholeParts(profileOptions, parallel);
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  const chunks = scanTable(path, { ...load, chunkRows })[Symbol.asyncIterator]();
  const started = await firstChunks(chunks, chunkRows, profileOptions);
  if (started === null) return whole(buildProfile(await loadTable(path, load), profileOptions));
  if (!(started instanceof RunningProfile)) return started;
  return wholeParts(profileOptions, await profileChunks(restOf(chunks), profileOptions, started));
}
async function firstChunks(chunks, chunkRows, profileOptions) {
  const first = await chunks.next();
  if (first.done) return null;
  const table = first.value;
  let second = null;
  if (table.rowCount < rowsPerChunk(chunkRows, SCAN_CHUNK_CELLS, table.columns.length)) {
    const next = await chunks.next();
    if (next.done) {
      const fields = { ...profileFields(table, profileOptions), sources: [profileOptions.source] };
      return { fields, columns: profileColumns([...table.columns], fields.sketch_accuracy, fields.bins) };
    }
    second = next.value;
  }
  const running = new RunningProfile(profileOptions);
  running.add(table);
  if (second) running.add(second);
  return running;
}
function wholeParts(options, running) {
  const { fields, columns } = running.parts();
  return { fields: { ...fields, sources: [options.source] }, columns };
}
function* profileColumns(pending, sketchAccuracy, bins) {
  for (let i = 0; i < pending.length; i++) {
    const column = pending[i];
    pending[i] = void 0;
    yield [column.name, profileColumn(column, sketchAccuracy, bins)];
  }
}
var DEFAULT_CHUNK_ROWS = 1e5;
function restOf(chunks) {
  return { [Symbol.asyncIterator]: () => chunks };
}
function profileOptionsOf(path, options) {
  return {
    bins: options.bins,
    sketchAccuracy: options.sketchAccuracy,
    source: options.source ?? path,
    ...options.createdAt !== void 0 ? { createdAt: options.createdAt } : {}
  };
}
async function runningCsvInParallel(path, options) {
  const threads = Math.min(options.threads ?? availableParallelism(), MAX_THREADS);
  if (threads < 2 || !existsSync(fileURLToPath(workerEntry))) return null;
  const dataset = await resolveDataset(path);
  if (dataset.shards.length !== 1 || dataset.partitionKeys.length > 0) return null;
  const file = dataset.shards[0].file;
  const load = options.load ?? {};
  const resolved = resolveLoadOptions(file, load);
  if (resolved.format !== "csv") return null;
  const minBytes = options.minBytesPerThread ?? MIN_BYTES_PER_THREAD;
  const size = (await stat(file)).size;
  if (Math.floor(size / minBytes) < 2) return null;
  const minRows = options.minRowsPerThread ?? MIN_ROWS_PER_THREAD;
  const maxPartsByRows = Math.floor(await estimatedRows(file, size) / minRows);
  if (maxPartsByRows < 2) return null;
  const plan = await planCsvScan(file, resolved);
  if (!plan) return null;
  const { dataOffset } = plan.header;
  const parts = Math.min(threads, Math.floor((plan.size - dataOffset) / minBytes), maxPartsByRows);
  if (parts < 2) return null;
  const fh = await openDataSource(file, resolved.decompression);
  let cuts;
  try {
    cuts = await csvRangeBoundaries(fh, dataOffset, plan.size, parts, plan.quoted);
  } finally {
    await fh.close();
  }
  if (cuts.length === 0) return null;
  const bounds = [dataOffset, ...cuts, plan.size];
  const profile = profileOptionsOf(path, options);
  const jobs = bounds.slice(1).map((end, i) => ({
    file,
    load,
    plan,
    start: bounds[i],
    end,
    chunkRows: options.chunkRows ?? 1e5,
    profile
  }));
  const workers = [];
  try {
    const others = jobs.slice(1).map((job) => runRange(job, workers));
    for (const p of others) p.catch(() => void 0);
    const running = await profileRange(jobs[0]);
    for (let i = 0; i < others.length; i++) {
      running.addTransferred(await others[i]);
      others[i] = null;
    }
    return running;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
async function estimatedRows(file, size) {
  const fh = await open(file, "r");
  try {
    const probe = Buffer.allocUnsafe(Math.min(ROW_PROBE_BYTES, size));
    const { bytesRead } = await fh.read(probe, 0, probe.length, 0);
    let lines = 0;
    for (let i = probe.indexOf(10); i >= 0 && i < bytesRead; i = probe.indexOf(10, i + 1)) lines++;
    return lines < 2 ? 0 : Math.round(size * lines / bytesRead);
  } finally {
    await fh.close();
  }
}
async function profileRange(job) {
  const options = resolveLoadOptions(job.file, job.load);
  const chunks = scanCsvRange(job.file, options, job.plan, job.start, job.end, 1, job.chunkRows, SCAN_CHUNK_CELLS);
  const running = await profileChunks(chunks, job.profile);
  if (!running) throw new Error(`no chunk in bytes ${job.start}..${job.end} of ${job.file}`);
  return running;
}
function runRange(job, workers) {
  const worker = fromSource ? new Worker(
    `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(workerEntry.href)}); });`,
    { eval: true, workerData: job }
  ) : new Worker(workerEntry, { workerData: job });
  workers.push(worker);
  return new Promise((resolve, reject) => {
    worker.once("message", (m) => {
      if (m.error !== void 0 || !m.profile) reject(new Error(`profile worker failed: ${m.error ?? "no rows"}`));
      else resolve(m.profile);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`profile worker exited with code ${code}`)));
  });
}

export {
  mergeProfiles,
  MAX_THREADS,
  profileDataset,
  profileDatasetParts,
  profileRange
};
