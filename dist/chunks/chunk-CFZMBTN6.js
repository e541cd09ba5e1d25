import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-CV6AQ6IM.js";
import {
  require__
} from "./chunk-WVMWPFZZ.js";
import {
  fmtPercent
} from "./chunk-72K2B37S.js";
import {
  packageRoot
} from "./chunk-JLCG6PKP.js";
import {
  COLUMN_TYPES,
  cellText,
  getColumn,
  loadTable,
  parseDatetime,
  parseNumber
} from "./chunk-Z2HQZFGL.js";
import {
  delimiterOption,
  formatTable,
  writeJsonFile
} from "./chunk-7PZ5DIST.js";
import {
  didYouMean
} from "./chunk-QIDGOCBZ.js";
import {
  writeOutputFile
} from "./chunk-ICTC3HKU.js";
import {
  ModelguardError
} from "./chunk-A3WDWWYJ.js";
import {
  __toESM
} from "./chunk-3DORHFRE.js";

// src/schema/checkLeakage.ts
function checkLeakage(train, holdout, options = {}) {
  const notes = [];
  const shared = train.columns.filter((c, i) => getColumn(holdout, c.name) && firstIndex(train, c.name) === i);
  const duplicateRows = findDuplicateRows(train, holdout, shared);
  if (shared.length === 0) notes.push("the tables share no column, so no row can be compared");
  let targetLeakage = [];
  let task = null;
  const targetName = options.target ?? null;
  if (targetName !== null) {
    const trainTarget = getColumn(train, targetName);
    const holdoutTarget = getColumn(holdout, targetName);
    if (!trainTarget || !holdoutTarget) {
      throw new ModelguardError(
        "usage",
        `target column '${targetName}' is not in ${!trainTarget ? train.source : holdout.source}`,
        `pass the name of the label column present in both files; columns: ${(trainTarget ? holdout : train).columns.map((c) => c.name).join(", ")}`
      );
    }
    task = options.task ?? inferTask(trainTarget, train.rowCount);
    const features = shared.filter((c) => c.name !== targetName);
    const ctx = {
      train,
      holdout,
      trainTarget,
      holdoutTarget,
      threshold: options.threshold ?? 0.99,
      bins: options.bins ?? 20,
      minRows: options.minRows ?? 20,
      notes
    };
    targetLeakage = task === "classification" ? classificationLeakage(ctx, features) : regressionLeakage(ctx, features);
  }
  return {
    ok: duplicateRows.count === 0 && targetLeakage.length === 0,
    trainSource: train.source,
    holdoutSource: holdout.source,
    holdoutRows: holdout.rowCount,
    duplicateRows,
    target: targetName,
    task,
    targetLeakage,
    notes
  };
}
function firstIndex(table, name) {
  return table.columns.findIndex((c) => c.name === name);
}
var BASIS_A = 2166136261;
var BASIS_B = 2538058380;
var MISSING_A = 1540483477;
var MISSING_B = 461845907;
var NAN_A = 668265263;
var NAN_B = 374761393;
var f64 = new Float64Array(1);
var u32 = new Uint32Array(f64.buffer);
function findDuplicateRows(train, holdout, shared) {
  const columns = shared.map((c) => c.name);
  const empty = { columns, count: 0, fraction: 0, examples: [] };
  if (shared.length === 0 || train.rowCount === 0 || holdout.rowCount === 0) return empty;
  const pairs = shared.map((c) => {
    const h = getColumn(holdout, c.name);
    const numeric = isPlainNumber(c) && isPlainNumber(h);
    return [reader(c, numeric), reader(h, numeric)];
  });
  const trainKeys = rowHashes(
    pairs.map((p) => p[0]),
    train.rowCount
  );
  const holdoutKeys = rowHashes(
    pairs.map((p) => p[1]),
    holdout.rowCount
  );
  const head = /* @__PURE__ */ new Map();
  const next = new Int32Array(train.rowCount).fill(-1);
  const trainReaders = pairs.map((p) => p[0]);
  for (let r = 0; r < train.rowCount; r++) {
    const k = trainKeys[r];
    const first = head.get(k);
    if (first === void 0) {
      head.set(k, r);
      continue;
    }
    let t = first;
    let seen = false;
    for (; t >= 0; t = next[t]) {
      if (trainReaders.every((rd) => sameKey(rd.key(t), rd.key(r)))) {
        seen = true;
        break;
      }
    }
    if (!seen) {
      next[r] = next[first];
      next[first] = r;
    }
  }
  let count = 0;
  const examples = [];
  for (let r = 0; r < holdout.rowCount; r++) {
    let match = -1;
    for (let t = head.get(holdoutKeys[r]) ?? -1; t >= 0; t = next[t]) {
      if (pairs.every(([a, b]) => sameKey(a.key(t), b.key(r)))) {
        match = t;
        break;
      }
    }
    if (match >= 0) {
      count++;
      if (examples.length < 5) examples.push({ trainRow: match, holdoutRow: r });
    }
  }
  return { columns, count, fraction: count / holdout.rowCount, examples };
}
function isPlainNumber(c) {
  return c.kind === "numeric" && (c.type === "integer" || c.type === "number");
}
function sameKey(a, b) {
  return a === b || typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
}
function reader(column, numeric) {
  if (column.kind === "dictionary") {
    return {
      hashInto(a, b) {
        const ha = Int32Array.from(column.dictionary, (d) => hashText(d, BASIS_A));
        const hb = Int32Array.from(column.dictionary, (d) => hashText(d, BASIS_B));
        const codes = column.codes;
        for (let r = 0; r < codes.length; r++) {
          const code = codes[r];
          a[r] = mix(a[r], code < 0 ? MISSING_A : ha[code]);
          b[r] = mix(b[r], code < 0 ? MISSING_B : hb[code]);
        }
      },
      key: (row) => cellText(column, row)
    };
  }
  if (numeric) {
    return {
      hashInto(a, b) {
        const { values, valid, invalid } = column;
        for (let r = 0; r < values.length; r++) {
          if (valid[r] === 1) {
            const v = values[r];
            if (v !== v) {
              a[r] = mix(a[r], NAN_A);
              b[r] = mix(b[r], NAN_B);
            } else {
              f64[0] = v === 0 ? 0 : v;
              a[r] = mix(mix(a[r], u32[0]), u32[1]);
              b[r] = mix(mix(b[r], u32[1]), u32[0]);
            }
          } else {
            const raw = invalid.get(r);
            a[r] = mix(a[r], raw === void 0 ? MISSING_A : hashText(raw, BASIS_A));
            b[r] = mix(b[r], raw === void 0 ? MISSING_B : hashText(raw, BASIS_B));
          }
        }
      },
      key: (row) => column.valid[row] === 1 ? column.values[row] + 0 : column.invalid.get(row) ?? null
    };
  }
  return {
    hashInto(a, b) {
      for (let r = 0; r < a.length; r++) {
        const text = cellText(column, r);
        a[r] = mix(a[r], text === null ? MISSING_A : hashText(text, BASIS_A));
        b[r] = mix(b[r], text === null ? MISSING_B : hashText(text, BASIS_B));
      }
    },
    key: (row) => cellText(column, row)
  };
}
function rowHashes(readers, rows) {
  const a = new Int32Array(rows).fill(305419896);
  const b = new Int32Array(rows).fill(1799596469);
  for (const rd of readers) rd.hashInto(a, b);
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) out[r] = (a[r] >>> 0) * 2097152 + (b[r] & 2097151);
  return out;
}
function hashText(text, basis) {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return mix(h, text.length);
}
function mix(h, k) {
  k = Math.imul(k, 3432918353);
  k = k << 15 | k >>> 17;
  k = Math.imul(k, 461845907);
  h ^= k;
  h = h << 13 | h >>> 19;
  return Math.imul(h, 5) + 3864292196 | 0;
}
function inferTask(target, rows) {
  if (target.kind === "dictionary" || target.type === "boolean") return "classification";
  if (target.type !== "integer") return "regression";
  const distinct = /* @__PURE__ */ new Set();
  for (let r = 0; r < rows; r++) {
    if (target.valid[r] !== 1) continue;
    distinct.add(target.values[r]);
    if (distinct.size > 20) return "regression";
  }
  return "classification";
}
function textCodes(column, rows, ids, missingAsCode) {
  const codes = new Int32Array(rows);
  const idOf = (text) => {
    let id = ids.get(text);
    if (id === void 0) {
      id = ids.size;
      ids.set(text, id);
    }
    return id;
  };
  const missing = missingAsCode ? idOf("\0missing") : -1;
  if (column.kind === "dictionary") {
    const entry = column.dictionary.map(idOf);
    for (let r = 0; r < rows; r++) {
      const c = column.codes[r];
      codes[r] = c < 0 ? missing : entry[c];
    }
    return codes;
  }
  const byValue = /* @__PURE__ */ new Map();
  for (let r = 0; r < rows; r++) {
    if (column.valid[r] !== 1) {
      const raw = column.invalid.get(r);
      codes[r] = raw !== void 0 && missingAsCode ? idOf(raw) : missing;
      continue;
    }
    const v = column.values[r];
    let id = byValue.get(v);
    if (id === void 0) {
      id = idOf(cellText(column, r));
      byValue.set(v, id);
    }
    codes[r] = id;
  }
  return codes;
}
function isCategorical(c) {
  return c.kind === "dictionary" || c.type === "boolean";
}
function classificationLeakage(ctx, features) {
  const { train, holdout } = ctx;
  const classIds = /* @__PURE__ */ new Map();
  const yTrain = textCodes(ctx.trainTarget, train.rowCount, classIds, false);
  const yHold = textCodes(ctx.holdoutTarget, holdout.rowCount, classIds, false);
  const k = classIds.size;
  const classCounts = new Float64Array(k);
  for (const y of yTrain) if (y >= 0) classCounts[y]++;
  const majority = argmax(classCounts);
  let scored = 0;
  let baselineHits = 0;
  for (const y of yHold) {
    if (y < 0) continue;
    scored++;
    if (y === majority) baselineHits++;
  }
  if (majority < 0 || scored < ctx.minRows) {
    ctx.notes.push(
      `target leakage not judged: ${scored} holdout rows with a target (at least ${ctx.minRows} needed)` + (majority < 0 ? " and no target values in train" : "")
    );
    return [];
  }
  const baseline = baselineHits / scored;
  const flagged = [];
  for (const feature of features) {
    const other = getColumn(holdout, feature.name);
    let groupsTrain;
    let groupsHold;
    let method;
    if (isCategorical(feature) || isCategorical(other) || feature.kind !== other.kind) {
      const ids = /* @__PURE__ */ new Map();
      groupsTrain = textCodes(feature, train.rowCount, ids, true);
      groupsHold = textCodes(other, holdout.rowCount, ids, true);
      method = "majority_per_category";
    } else {
      const edges = quantileEdges(feature, train.rowCount, ctx.bins);
      groupsTrain = binCodes(feature, train.rowCount, edges);
      groupsHold = binCodes(other, holdout.rowCount, edges);
      method = "majority_per_quantile_bin";
    }
    const predict = majorityPerGroup(groupsTrain, yTrain, k);
    let hits = 0;
    for (let r = 0; r < holdout.rowCount; r++) {
      const y = yHold[r];
      if (y < 0) continue;
      const p = predict.get(groupsHold[r]) ?? majority;
      if (p === y) hits++;
    }
    const score = hits / scored;
    if (score >= ctx.threshold && baseline < 1 && 1 - score <= (1 - baseline) / 2) {
      flagged.push({ column: feature.name, score, baseline, method, rows: scored });
    }
  }
  return flagged;
}
function majorityPerGroup(groups, y, k) {
  let groupCount = 0;
  for (const g of groups) if (g >= groupCount) groupCount = g + 1;
  const out = /* @__PURE__ */ new Map();
  if (groupCount * k <= 1 << 23) {
    const counts2 = new Int32Array(groupCount * k);
    for (let r = 0; r < groups.length; r++) if (y[r] >= 0) counts2[groups[r] * k + y[r]]++;
    for (let g = 0; g < groupCount; g++) {
      const best = argmax(counts2.subarray(g * k, g * k + k));
      if (best >= 0) out.set(g, best);
    }
    return out;
  }
  const counts = /* @__PURE__ */ new Map();
  for (let r = 0; r < groups.length; r++) {
    if (y[r] < 0) continue;
    const key = groups[r] * k + y[r];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bestCount = /* @__PURE__ */ new Map();
  for (const [key, n] of counts) {
    const g = Math.floor(key / k);
    const c = key - g * k;
    const prev = bestCount.get(g) ?? 0;
    if (n > prev || n === prev && c < out.get(g)) {
      bestCount.set(g, n);
      out.set(g, c);
    }
  }
  return out;
}
function argmax(xs) {
  let best = -1;
  let bestValue = 0;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > bestValue) {
      best = i;
      bestValue = xs[i];
    }
  }
  return best;
}
function quantileEdges(column, rows, bins) {
  if (column.kind !== "numeric") return new Float64Array(0);
  const xs = new Float64Array(rows);
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const v = column.values[r];
    if (column.valid[r] === 1 && v === v) xs[n++] = v;
  }
  const sorted = xs.subarray(0, n).sort();
  const edges = [];
  for (let i = 1; i < bins; i++) {
    if (sorted.length === 0) break;
    const e = sorted[Math.min(sorted.length - 1, Math.floor(i * sorted.length / bins))];
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  return Float64Array.from(edges);
}
function binCodes(column, rows, edges) {
  const out = new Int32Array(rows).fill(edges.length + 1);
  if (column.kind !== "numeric") return out;
  for (let r = 0; r < rows; r++) {
    const v = column.values[r];
    if (column.valid[r] !== 1 || Number.isNaN(v)) continue;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (edges[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    out[r] = lo;
  }
  return out;
}
function numericValues(column, rows) {
  const out = new Float64Array(rows).fill(NaN);
  if (column.kind === "numeric") {
    for (let r = 0; r < rows; r++) if (column.valid[r] === 1) out[r] = column.values[r];
  } else {
    for (let r = 0; r < rows; r++) {
      const text = cellText(column, r);
      if (text !== null && text.trim() !== "") out[r] = Number(text);
    }
  }
  return out;
}
function regressionLeakage(ctx, features) {
  const { train, holdout } = ctx;
  const yTrain = numericValues(ctx.trainTarget, train.rowCount);
  const yHold = numericValues(ctx.holdoutTarget, holdout.rowCount);
  let scoredTargets = 0;
  for (const y of yHold) if (!Number.isNaN(y)) scoredTargets++;
  if (scoredTargets < ctx.minRows) {
    ctx.notes.push(
      `target leakage not judged: ${scoredTargets} holdout rows with a numeric target (at least ${ctx.minRows} needed)`
    );
    return [];
  }
  const flagged = [];
  for (const feature of features) {
    const other = getColumn(holdout, feature.name);
    let x;
    let method;
    if (isCategorical(feature) || isCategorical(other) || feature.kind !== other.kind) {
      const ids = /* @__PURE__ */ new Map();
      const gTrain = textCodes(feature, train.rowCount, ids, true);
      const gHold = textCodes(other, holdout.rowCount, ids, true);
      const sums = new Float64Array(ids.size);
      const counts = new Float64Array(ids.size);
      let total = 0;
      let n2 = 0;
      for (let r = 0; r < train.rowCount; r++) {
        const y = yTrain[r];
        if (Number.isNaN(y)) continue;
        sums[gTrain[r]] += y;
        counts[gTrain[r]]++;
        total += y;
        n2++;
      }
      const mean = n2 > 0 ? total / n2 : 0;
      x = Float64Array.from(gHold, (g) => counts[g] > 0 ? sums[g] / counts[g] : mean);
      method = "mean_per_category_spearman";
    } else {
      x = numericValues(other, holdout.rowCount);
      method = "spearman";
    }
    const { rho, n } = spearman(x, yHold);
    const score = Math.abs(rho);
    if (n >= ctx.minRows && score >= ctx.threshold) {
      flagged.push({ column: feature.name, score, baseline: 0, method, rows: n });
    }
  }
  return flagged;
}
function spearman(x, y) {
  const idx = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) idx.push(i);
  const n = idx.length;
  if (n < 2) return { rho: 0, n };
  const rx = ranks(Float64Array.from(idx, (i) => x[i]));
  const ry = ranks(Float64Array.from(idx, (i) => y[i]));
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i] - mean;
    const b = ry[i] - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return { rho: sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0, n };
}
function ranks(v) {
  const order = Uint32Array.from(v.keys()).sort((a, b) => v[a] < v[b] ? -1 : v[a] > v[b] ? 1 : 0);
  const out = new Float64Array(v.length);
  for (let i = 0; i < order.length; ) {
    let j = i + 1;
    while (j < order.length && v[order[j]] === v[order[i]]) j++;
    const rank = (i + j + 1) / 2;
    for (let t = i; t < j; t++) out[order[t]] = rank;
    i = j;
  }
  return out;
}

// src/schema/inferSchema.ts
var import_yaml = __toESM(require_dist(), 1);

// src/schema/parseCellText.ts
function parseCellText(text, type) {
  const t = text.replace(/^[ \t]+|[ \t]+$/g, "");
  switch (type) {
    case "number":
      return parseNumber(t) ?? void 0;
    case "integer": {
      const v = parseNumber(t);
      return v !== null && Number.isSafeInteger(v) ? v : void 0;
    }
    case "boolean": {
      const l = t.toLowerCase();
      return l === "true" || l === "1" ? 1 : l === "false" || l === "0" ? 0 : void 0;
    }
    case "datetime":
      return parseDatetime(t) ?? void 0;
  }
}

// src/schema/isIdLike.ts
var ID_WORDS = /* @__PURE__ */ new Set(["id", "uuid", "guid", "key"]);
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var TOKEN = /^[A-Za-z0-9_-]+$/;
function isIdLike(column, rows) {
  if (rows < 2) return false;
  if (column.kind === "numeric") {
    if (column.type !== "integer" || column.invalid.size > 0) return false;
    const sorted = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      if (column.valid[r] !== 1) return false;
      sorted[r] = column.values[r];
    }
    sorted.sort();
    for (let i = 1; i < rows; i++) if (sorted[i] === sorted[i - 1]) return false;
    return idLikeName(column.name) || sorted[rows - 1] - sorted[0] === rows - 1;
  }
  const seen = new Uint8Array(column.dictionary.length);
  const texts = /* @__PURE__ */ new Set();
  for (let r = 0; r < rows; r++) {
    const code = column.codes[r];
    if (code < 0 || seen[code] === 1) return false;
    seen[code] = 1;
    const text = column.dictionary[code];
    if (texts.has(text)) return false;
    texts.add(text);
  }
  if (idLikeName(column.name)) return true;
  const values = [...texts];
  if (values.every((v) => UUID.test(v))) return true;
  const len = values[0].length;
  return len >= 4 && values.every((v) => v.length === len && TOKEN.test(v) && /\d/.test(v)) && !values.every((v) => parseCellText(v, "datetime") !== void 0);
}
function idLikeName(name) {
  const words = name.replace(new RegExp("([\\p{Ll}\\p{N}])(\\p{Lu})", "gu"), "$1 $2").toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  const last = words[words.length - 1];
  return last !== void 0 && ID_WORDS.has(last);
}

// src/schema/inferSchema.ts
var LINE_WIDTH = 100;
function inferSchema(table, options = {}) {
  const maxAllowed = options.maxAllowedValues ?? 100;
  const source = options.source ?? table.source;
  const rows = table.rowCount;
  const doc = new import_yaml.Document({});
  const columnsNode = new import_yaml.YAMLMap();
  const columns = [];
  const names = /* @__PURE__ */ new Set();
  for (const column of table.columns) {
    if (names.has(column.name)) continue;
    names.add(column.name);
    const { spec, fields, comment } = inferColumn(column, rows, maxAllowed);
    columns.push(spec);
    const key = doc.createNode(column.name);
    key.commentBefore = ` ${comment}`;
    columnsNode.items.push(new import_yaml.Pair(key, columnNode(doc, fields)));
  }
  const rowsMin = Math.min(1, rows);
  const root = doc.contents;
  root.items.push(new import_yaml.Pair(doc.createNode("version"), doc.createNode(1)));
  root.items.push(new import_yaml.Pair(doc.createNode("columns"), columnsNode));
  root.items.push(new import_yaml.Pair(doc.createNode("rows"), doc.createNode({ min: rowsMin }, { flow: true })));
  root.items.push(new import_yaml.Pair(doc.createNode("extra_columns"), doc.createNode("error")));
  doc.commentBefore = ` modelguard schema, inferred from ${source}: ${fmtInt(rows)} rows, ${fmtInt(columns.length)} column${columns.length === 1 ? "" : "s"}.
 Comments show what was observed; edit the checks to what the data must satisfy.
 Keys per column: type, nullable, required, min, max, allowed, pattern, unique, mostly.`;
  const schema = { version: 1, source, columns, rows: { min: rowsMin }, extraColumns: "error" };
  return { schema, yaml: doc.toString({ lineWidth: LINE_WIDTH }) };
}
function inferColumn(column, rows, maxAllowed) {
  const base = { name: column.name, type: column.type, required: true, unique: false, mostly: 1 };
  const fields = { type: column.type };
  const notes = [];
  let secondLine;
  let spec;
  if (column.kind === "numeric") {
    const s = numericStats(column, rows);
    const missingShare = rows > 0 ? s.missing / rows : 0;
    notes.push(`observed ${fmtMissing(missingShare)} missing`, `${fmtInt(rows)} rows`);
    const nullable = s.missing > 0;
    if (nullable) fields.nullable = true;
    let min;
    let max;
    if (column.type === "boolean") {
      notes.push(`${fmtPercent(s.count > 0 ? s.trues / s.count : 0)} true`);
    } else if (s.count > 0 && s.nan === 0 && Number.isFinite(s.min) && Number.isFinite(s.max)) {
      if (column.type === "datetime") {
        const lo = Math.floor(s.min);
        const hi = Math.ceil(s.max);
        const loText = new Date(lo).toISOString();
        const hiText = new Date(hi).toISOString();
        if (parseCellText(loText, "datetime") === lo && parseCellText(hiText, "datetime") === hi) {
          min = lo;
          max = hi;
          fields.min = loText;
          fields.max = hiText;
        }
        notes.push(`min ${loText}`, `max ${hiText}`);
      } else {
        min = s.min + 0;
        max = s.max + 0;
        fields.min = min;
        fields.max = max;
        notes.push(`min ${fmtNumber(s.min)}`, `max ${fmtNumber(s.max)}`);
      }
      notes.push(`${fmtInt(s.distinct)} distinct`);
    } else if (s.count > 0) {
      notes.push(`${fmtInt(s.distinct)} distinct`);
      if (s.nan > 0) notes.push(`${fmtInt(s.nan)} NaN, so no min/max`);
      else notes.push("infinite values, so no min/max");
    }
    if (column.invalid.size > 0) {
      notes.push(`${fmtInt(column.invalid.size)} cells did not parse as ${column.type} and will fail the type check`);
    }
    const unique = isIdLike(column, rows);
    if (unique) {
      fields.unique = true;
      notes.push("all distinct and id-like, so unique");
    }
    spec = { ...base, nullable, unique, ...min !== void 0 && { min }, ...max !== void 0 && { max } };
  } else {
    const s = textStats(column, rows);
    notes.push(`observed ${fmtMissing(rows > 0 ? s.missing / rows : 0)} missing`, `${fmtInt(rows)} rows`);
    const nullable = s.missing > 0;
    if (nullable) fields.nullable = true;
    notes.push(`${fmtInt(s.values.length)} distinct`);
    let allowed;
    if (column.type === "category") {
      const top = [...s.values].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
      const present = rows - s.missing;
      if (top.length > 0) {
        secondLine = `most common ${top.map(([v, n]) => `${JSON.stringify(clip(v))} ${fmtPercent(n / present)}`).join(", ")}`;
      }
      if (s.values.length > 0 && s.values.length <= maxAllowed) {
        allowed = s.values.map(([v]) => v).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
        fields.allowed = allowed;
      } else if (s.values.length > maxAllowed) {
        notes.push(`more than ${maxAllowed}, so no allowed list`);
      }
    } else if (s.values.length > 0) {
      notes.push(`length ${fmtInt(s.minLength)} to ${fmtInt(s.maxLength)}`);
    }
    const unique = isIdLike(column, rows);
    if (unique) {
      fields.unique = true;
      notes.push("all distinct and id-like, so unique");
    }
    spec = { ...base, nullable, unique, ...allowed !== void 0 && { allowed } };
  }
  return { spec, fields, comment: notes.join(", ") + (secondLine ? `
 ${secondLine}` : "") };
}
function columnNode(doc, fields) {
  const flow = doc.createNode(fields, { flow: true });
  const allowed = fields.allowed;
  if (!Array.isArray(allowed)) return flow;
  const oneLine = doc.createNode(fields, { flow: true }).toString();
  if (oneLine.length <= LINE_WIDTH - 30) return flow;
  const block = new import_yaml.YAMLMap();
  for (const [k, v] of Object.entries(fields)) {
    const flowValue = k === "allowed" ? JSON.stringify(v).length <= LINE_WIDTH - 20 : true;
    block.items.push(new import_yaml.Pair(doc.createNode(k), doc.createNode(v, { flow: flowValue })));
  }
  return block;
}
function numericStats(column, rows) {
  const { values, valid } = column;
  let count = 0;
  let nan = 0;
  let trues = 0;
  let min = Infinity;
  let max = -Infinity;
  const present = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    if (valid[r] !== 1) continue;
    const v = values[r];
    present[count++] = v;
    if (Number.isNaN(v)) nan++;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
      if (v === 1) trues++;
    }
  }
  const sorted = present.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) if (i === 0 || !Object.is(sorted[i], sorted[i - 1])) distinct++;
  const missing = rows - count - column.invalid.size;
  return { count, missing, nan, trues, min, max, distinct };
}
function textStats(column, rows) {
  const counts = new Int32Array(column.dictionary.length);
  let missing = 0;
  for (let r = 0; r < rows; r++) {
    const code = column.codes[r];
    if (code < 0) missing++;
    else counts[code]++;
  }
  const byText = /* @__PURE__ */ new Map();
  let minLength = Infinity;
  let maxLength = 0;
  column.dictionary.forEach((text, i) => {
    const n = counts[i];
    if (n === 0) return;
    byText.set(text, (byText.get(text) ?? 0) + n);
    const len = [...text].length;
    if (len < minLength) minLength = len;
    if (len > maxLength) maxLength = len;
  });
  return { missing, values: [...byText], minLength, maxLength };
}
function clip(text) {
  const chars = [...text];
  return chars.length > 16 ? chars.slice(0, 15).join("") + "…" : text;
}
function fmtMissing(share) {
  return share === 0 ? "0.0%" : fmtPercent(share);
}
function fmtInt(n) {
  return n.toLocaleString("en-US");
}
function fmtNumber(v) {
  return Number.isInteger(v) ? fmtInt(v) : String(Number(v.toPrecision(6)));
}

// src/schema/leakageViolations.ts
var METHOD_WORDS = {
  majority_per_category: "majority target per category, fit on train",
  majority_per_quantile_bin: "majority target per quantile bin, fit on train",
  spearman: "Spearman correlation on the holdout",
  mean_per_category_spearman: "mean target per category fit on train, Spearman correlation on the holdout"
};
function leakageViolations(result) {
  const out = [];
  const dup = result.duplicateRows;
  if (dup.count > 0) {
    const first = dup.examples[0];
    out.push({
      kind: "duplicate_rows",
      column: null,
      count: dup.count,
      fraction: dup.fraction,
      examples: dup.examples.map((e) => ({
        row: e.holdoutRow,
        value: `train row ${e.trainRow}`,
        trainRow: e.trainRow
      })),
      severity: "error",
      message: `${result.holdoutSource}: ${dup.count.toLocaleString("en-US")} holdout row${dup.count === 1 ? "" : "s"} (${fmtPercent(dup.fraction)}) also in ${result.trainSource} (equal in all ${dup.columns.length} shared columns), e.g. holdout row ${first.holdoutRow} = train row ${first.trainRow}`,
      details: { train: result.trainSource, holdout: result.holdoutSource }
    });
  }
  for (const f of result.targetLeakage) {
    const measure = f.method.endsWith("spearman") ? `|rho| ${f.score.toFixed(3)}` : `accuracy ${fmtPercent(f.score)} vs ${fmtPercent(f.baseline)} for the majority class`;
    out.push({
      kind: "target_leakage",
      column: f.column,
      count: f.rows,
      fraction: result.holdoutRows > 0 ? f.rows / result.holdoutRows : 0,
      examples: [],
      severity: "error",
      message: `${f.column}: predicts target '${result.target}' almost perfectly on its own (${measure} on the holdout; ${METHOD_WORDS[f.method]}): likely target leakage`,
      details: { score: f.score, baseline: f.baseline, method: f.method, target: result.target ?? "" }
    });
  }
  return out;
}

// src/schema/parseSchemaFile.ts
import { readFileSync as readFileSync2 } from "node:fs";

// src/schema/parseSchema.ts
var import__ = __toESM(require__(), 1);
var import_yaml2 = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
import { join } from "node:path";

// src/schema/dataSchema.ts
var COLUMN_KEYS = [
  "type",
  "description",
  "nullable",
  "required",
  "min",
  "max",
  "allowed",
  "pattern",
  "unique",
  "mostly"
];
var TOP_LEVEL_KEYS = ["$schema", "version", "description", "columns", "rows", "extra_columns"];

// src/schema/parseSchema.ts
var SCHEMA_FILE_JSON_SCHEMA = "schema-file.schema.json";
var GENERAL_HINT = "see schemas/schema-file.schema.json for every key, or run `modelguard schema infer --data FILE` for a starting point";
var KEYS_FOR_TYPE = {
  number: ["type", "description", "nullable", "required", "min", "max", "allowed", "unique", "mostly"],
  integer: ["type", "description", "nullable", "required", "min", "max", "allowed", "unique", "mostly"],
  datetime: ["type", "description", "nullable", "required", "min", "max", "unique", "mostly"],
  string: ["type", "description", "nullable", "required", "allowed", "pattern", "unique", "mostly"],
  category: ["type", "description", "nullable", "required", "allowed", "pattern", "unique", "mostly"],
  boolean: ["type", "description", "nullable", "required", "mostly"]
};
var TYPE_SYNONYMS = {
  float: "number",
  double: "number",
  decimal: "number",
  numeric: "number",
  real: "number",
  int: "integer",
  long: "integer",
  int64: "integer",
  int32: "integer",
  str: "string",
  text: "string",
  bool: "boolean",
  date: "datetime",
  timestamp: "datetime",
  time: "datetime",
  categorical: "category",
  enum: "category",
  factor: "category"
};
var KEY_SYNONYMS = {
  minimum: "min",
  maximum: "max",
  ge: "min",
  le: "max",
  min_value: "min",
  max_value: "max",
  enum: "allowed",
  values: "allowed",
  categories: "allowed",
  isin: "allowed",
  regex: "pattern",
  dtype: "type",
  optional: "required"
};
var validator;
function schemaValidator() {
  if (!validator) {
    const ajv = new import__.Ajv2020({ allErrors: true, strict: false, strictNumbers: true });
    const jsonSchema = JSON.parse(readFileSync(join(packageRoot(), "schemas", SCHEMA_FILE_JSON_SCHEMA), "utf8"));
    validator = ajv.compile(jsonSchema);
  }
  return validator;
}
function parseSchema(text, sourceName) {
  const lineCounter = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const lines = doc.errors.slice(0, 5).map((e) => {
      const pos = e.linePos?.[0];
      const where = pos ? `line ${pos.line}, column ${pos.col}` : "(unknown line)";
      const what = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?\s*$/, "").trim();
      return `${sourceName}: ${where}: YAML syntax error: ${what}`;
    });
    throw new ModelguardError(
      "schema",
      lines.join("\n"),
      "fix the YAML syntax (indentation, a missing ':' or an unclosed quote or bracket)"
    );
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: 1e3 });
  } catch (e) {
    throw new ModelguardError(
      "schema",
      `${sourceName}: ${e.message}`,
      "write the values out instead of using YAML aliases"
    );
  }
  if (value === null || value === void 0) {
    throw new ModelguardError(
      "schema",
      `${sourceName}: (top level): the file is empty`,
      "a schema file needs at least `version: 1` and `columns:`; run `modelguard schema infer --data FILE` to make one"
    );
  }
  const problems = [];
  const validate = schemaValidator();
  if (!validate(value)) problems.push(...describeAjvErrors(validate.errors ?? [], value));
  const badPaths = problems.map((p) => p.path);
  const schema = isObject(value) ? buildSchema(value, sourceName, problems, badPaths) : null;
  if (problems.length > 0 || !schema) {
    const located = problems.map((p) => ({ ...p, line: lineOf(doc, lineCounter, p.path, p.atKey ?? false) }));
    located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    const message = located.slice(0, 20).map((p) => `${sourceName}: ${renderPath(p.path)}: ${p.message}${p.line ? ` (line ${p.line})` : ""}`).concat(located.length > 20 ? [`${sourceName}: ... and ${located.length - 20} more problems`] : []).join("\n");
    throw new ModelguardError("schema", message, located[0]?.hint ?? GENERAL_HINT);
  }
  return schema;
}
function buildSchema(value, sourceName, problems, skip) {
  const skipped = (path) => skip.some((s) => path.every((seg, i) => i >= s.length || s[i] === seg));
  const columns = [];
  const rawColumns = isObject(value.columns) ? value.columns : {};
  for (const [name, raw] of Object.entries(rawColumns)) {
    const path = ["columns", name];
    if (!isObject(raw) || skip.some((s) => s.length >= 2 && s[0] === "columns" && s[1] === name)) continue;
    const column = buildColumn(name, raw, path, problems);
    if (column) columns.push(column);
  }
  const rows = isObject(value.rows) ? value.rows : {};
  if (!skipped(["rows"]) && rows.min !== void 0 && rows.max !== void 0 && rows.min > rows.max) {
    problems.push({
      path: ["rows", "min"],
      message: `min ${rows.min} is greater than max ${rows.max}`,
      hint: "swap them, or remove one"
    });
  }
  if (problems.length > 0) return null;
  const out = {
    version: 1,
    source: sourceName,
    columns,
    rows: { ...rows.min !== void 0 && { min: rows.min }, ...rows.max !== void 0 && { max: rows.max } },
    extraColumns: value.extra_columns ?? "error",
    ...typeof value.description === "string" && { description: value.description }
  };
  return out;
}
function buildColumn(name, raw, path, problems) {
  const type = raw.type;
  const before = problems.length;
  let min;
  let max;
  for (const key of ["min", "max"]) {
    const v = raw[key];
    if (v === void 0) continue;
    let n;
    if (type === "datetime") {
      n = typeof v === "string" ? parseCellText(v, "datetime") : void 0;
      if (n === void 0) {
        problems.push({
          path: [...path, key],
          message: `must be an ISO 8601 date or date-time like 2024-01-31 or 2024-01-31T12:00:00Z, got ${show(v)}`,
          hint: "write datetime bounds as ISO 8601 text; without an offset they are UTC"
        });
      }
    } else n = v;
    if (key === "min") min = n;
    else max = n;
  }
  if (min !== void 0 && max !== void 0 && min > max) {
    problems.push({
      path: [...path, "min"],
      message: `min ${show(raw.min)} is greater than max ${show(raw.max)}`,
      hint: "swap them, or remove one"
    });
  }
  let allowed;
  if (Array.isArray(raw.allowed)) {
    if (type === "number" || type === "integer") allowed = raw.allowed;
    else {
      const texts = raw.allowed.map((v) => String(v));
      const seen = /* @__PURE__ */ new Set();
      for (const t of texts) {
        if (seen.has(t)) {
          problems.push({
            path: [...path, "allowed"],
            message: `lists ${show(t)} twice (values are compared as text)`,
            hint: "remove the repeated value; quote values like '01' that YAML would otherwise read as numbers"
          });
          break;
        }
        seen.add(t);
      }
      allowed = texts;
    }
  }
  const pattern = raw.pattern;
  if (pattern !== void 0) {
    try {
      new RegExp(pattern, "u");
    } catch (e) {
      problems.push({
        path: [...path, "pattern"],
        message: `${show(pattern)} is not a valid regular expression: ${e.message.replace(/^Invalid regular expression: \/.*\/u?: /s, "")}`,
        hint: "JavaScript regex syntax with the u flag; in YAML quote it with single quotes so backslashes stay as written"
      });
    }
  }
  if (problems.length > before) return null;
  return {
    name,
    type,
    nullable: raw.nullable ?? false,
    required: raw.required ?? true,
    ...min !== void 0 && { min },
    ...max !== void 0 && { max },
    ...allowed !== void 0 && { allowed },
    ...pattern !== void 0 && { pattern },
    unique: raw.unique ?? false,
    mostly: raw.mostly ?? 1,
    ...typeof raw.description === "string" && { description: raw.description }
  };
}
function describeAjvErrors(errors, data) {
  const byPath = /* @__PURE__ */ new Map();
  for (const e of errors) {
    const problem = describeAjvError(e, data);
    if (!problem) continue;
    const key = JSON.stringify(problem.path);
    const specific = e.schemaPath.includes("/then/");
    const seen = byPath.get(key);
    if (!seen || specific && !seen.specific) byPath.set(key, { problem, specific });
  }
  return [...byPath.values()].map((v) => v.problem);
}
function describeAjvError(e, data) {
  const path = pointerToPath(e.instancePath, data);
  const got = valueAt(data, path);
  const params = e.params;
  switch (e.keyword) {
    case "if":
      return void 0;
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const candidates = keysAt(path);
      const synonym = KEY_SYNONYMS[key.toLowerCase()];
      const suggestion = synonym && candidates.includes(synonym) ? synonym : didYouMean(key, candidates);
      return {
        path: [...path, key],
        atKey: true,
        message: `unknown key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
        hint: `keys allowed here: ${candidates.filter((k) => k !== "$schema").join(", ")}`
      };
    }
    case "required": {
      const key = String(params.missingProperty);
      const hints = {
        version: "add `version: 1` at the top of the file",
        columns: "add `columns:` with one entry per column, e.g. `age: { type: number }`",
        type: `add \`type:\`, one of ${COLUMN_TYPES.join(", ")}`
      };
      return { path: [...path, key], message: "missing", hint: hints[key] ?? GENERAL_HINT };
    }
    case "type": {
      const expected = [].concat(params.type).map(String);
      const isColumn = path.length === 2 && path[0] === "columns";
      return {
        path,
        message: `must be ${expected.map(describeType).join(" or ")}, got ${show(got)}`,
        hint: isColumn ? `write the column as \`${String(path[1])}: { type: ${typeof got === "string" && COLUMN_TYPES.includes(got) ? got : "number"} }\`` : GENERAL_HINT
      };
    }
    case "enum": {
      const allowed = params.allowedValues.map(String);
      const isType = path[path.length - 1] === "type";
      const text = String(got);
      const synonym = (word) => word === void 0 ? void 0 : TYPE_SYNONYMS[word.toLowerCase()];
      const suggestion = (isType ? synonym(text) : void 0) ?? (typeof got === "string" ? didYouMean(text, allowed) : void 0) ?? (isType && typeof got === "string" ? synonym(didYouMean(text, Object.keys(TYPE_SYNONYMS))) : void 0);
      return {
        path,
        message: `must be one of ${allowed.join(", ")}; got ${show(got)}${suggestion ? ` (did you mean '${suggestion}'?)` : ""}`,
        hint: suggestion ? `write ${suggestion}` : `use one of ${allowed.join(", ")}`
      };
    }
    case "const": {
      const expected = params.allowedValue;
      return {
        path,
        message: `must be ${JSON.stringify(expected)}, got ${show(got)}`,
        hint: path[0] === "version" ? "this modelguard reads schema files of `version: 1`" : GENERAL_HINT
      };
    }
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const cmp = String(params.comparison);
      return {
        path,
        message: `must be ${cmp} ${String(params.limit)}, got ${show(got)}`,
        hint: path[path.length - 1] === "mostly" ? "mostly is the fraction of rows that must pass, greater than 0 and at most 1 (e.g. 0.99)" : GENERAL_HINT
      };
    }
    case "minItems":
      return { path, message: "must list at least one value", hint: "list the allowed values, or remove `allowed`" };
    case "uniqueItems": {
      const list = Array.isArray(got) ? got : [];
      return {
        path,
        message: `lists ${show(list[Number(params.j)])} twice`,
        hint: "remove the repeated value"
      };
    }
    case "false schema": {
      const key = String(path[path.length - 1]);
      const column = valueAt(data, path.slice(0, -1));
      const type = isObject(column) ? String(column.type) : "this";
      const applicable = KEYS_FOR_TYPE[type];
      return {
        path,
        atKey: true,
        message: `'${key}' does not apply to ${type} columns`,
        hint: applicable ? `keys for ${type} columns: ${applicable.join(", ")}` : GENERAL_HINT
      };
    }
    default:
      return { path, message: e.message ?? "is invalid", hint: GENERAL_HINT };
  }
}
function keysAt(path) {
  if (path.length === 0) return TOP_LEVEL_KEYS;
  if (path.length === 1 && path[0] === "rows") return ["min", "max"];
  if (path.length === 2 && path[0] === "columns") return COLUMN_KEYS;
  return [];
}
function describeType(t) {
  switch (t) {
    case "number":
      return "a number";
    case "integer":
      return "an integer";
    case "string":
      return "a string";
    case "boolean":
      return "true or false";
    case "object":
      return "a mapping (key: value lines)";
    case "array":
      return "a list";
    default:
      return t;
  }
}
function show(v) {
  if (typeof v === "string") return `'${v}'`;
  if (v === void 0) return "nothing";
  if (v === null) return "an empty value";
  if (typeof v === "number")
    return Number.isNaN(v) ? ".nan" : Number.isFinite(v) ? String(v) : v > 0 ? ".inf" : "-.inf";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return String(v);
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function pointerToPath(pointer, data) {
  if (pointer === "") return [];
  const path = [];
  for (const raw of pointer.slice(1).split("/")) {
    const seg = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    path.push(Array.isArray(valueAt(data, path)) ? Number(seg) : seg);
  }
  return path;
}
function valueAt(data, path) {
  let cur = data;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur) && Object.hasOwn(cur, String(seg))) cur = cur[String(seg)];
    else return void 0;
  }
  return cur;
}
function renderPath(path) {
  if (path.length === 0) return "(top level)";
  let out = "";
  for (const seg of path) {
    const s = String(seg);
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[\p{L}\p{N}_$-]+$/u.test(s)) out += out === "" ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
function lineOf(doc, counter, path, atKey) {
  let node = doc.contents;
  let offset = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const seg = String(path[i]);
    if ((0, import_yaml2.isMap)(node)) {
      const pair = node.items.find((p) => ((0, import_yaml2.isScalar)(p.key) ? String(p.key.value) : String(p.key)) === seg);
      if (!pair) break;
      const last = i === path.length - 1;
      offset = last && atKey || pair.value === null ? rangeStart(pair.key) : rangeStart(pair.value) ?? offset;
      node = pair.value;
    } else if ((0, import_yaml2.isSeq)(node)) {
      const item = node.items[Number(seg)];
      if (item === void 0) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  return offset === void 0 ? void 0 : counter.linePos(offset).line;
}
function rangeStart(node) {
  const range = node?.range;
  return range?.[0];
}

// src/schema/parseSchemaFile.ts
function parseSchemaFile(path) {
  let text;
  try {
    text = readFileSync2(path, "utf8");
  } catch (e) {
    const code = e.code;
    throw new ModelguardError(
      "schema",
      code === "ENOENT" ? `schema file not found: ${path}` : `cannot read schema file ${path}: ${e.message}`,
      "make one with `modelguard schema infer --data FILE -o schema.yaml`, or check the path"
    );
  }
  return parseSchema(text.replace(/^\uFEFF/, ""), path);
}

// src/schema/schemaColumnTypes.ts
function schemaColumnTypes(schema) {
  return Object.fromEntries(schema.columns.map((c) => [c.name, c.type]));
}

// src/schema/validateTable.ts
var MAX_EXAMPLES = 5;
function validateTable(table, schema) {
  const rows = table.rowCount;
  const violations = [];
  const push = (v) => violations.push(v);
  const { min: rowsMin, max: rowsMax } = schema.rows;
  if (rowsMin !== void 0 && rows < rowsMin || rowsMax !== void 0 && rows > rowsMax) {
    const below = rowsMin !== void 0 && rows < rowsMin;
    push({
      kind: "rows",
      column: null,
      count: rows,
      fraction: rows > 0 ? 1 : 0,
      examples: [],
      severity: "error",
      message: `${table.source}: ${plural(rows, "row")}, ${below ? `fewer than the minimum ${fmtInt2(rowsMin)}` : `more than the maximum ${fmtInt2(rowsMax)}`}`,
      details: below ? { min: rowsMin } : { max: rowsMax }
    });
  }
  for (const spec of schema.columns) {
    const column = getColumn(table, spec.name);
    if (!column) {
      if (spec.required) {
        push({
          kind: "missing_column",
          column: spec.name,
          count: rows,
          fraction: rows > 0 ? 1 : 0,
          examples: [],
          severity: "error",
          message: `${spec.name}: required column is missing from ${table.source}`
        });
      }
      continue;
    }
    checkColumn(column, spec, rows, push);
  }
  if (schema.extraColumns !== "ignore") {
    const known = new Set(schema.columns.map((c) => c.name));
    for (const column of table.columns) {
      if (known.has(column.name)) continue;
      push({
        kind: "extra_column",
        column: column.name,
        count: rows,
        fraction: rows > 0 ? 1 : 0,
        examples: [],
        severity: schema.extraColumns === "warn" ? "warning" : "error",
        message: `${column.name}: column is not in the schema (extra_columns: ${schema.extraColumns})`
      });
    }
  }
  return { ok: violations.every((v) => v.severity !== "error"), rows, violations };
}
function checkColumn(column, spec, rows, push) {
  const view = viewColumn(column, spec.type, rows);
  const report = (kind, f, what, details = {}) => {
    if (f.count === 0) return;
    const passes = f.count <= (1 - spec.mostly) * rows + 1e-9 * Math.max(1, rows);
    const severity = passes ? "warning" : "error";
    const examples = f.rows.map((row) => ({ row, value: textAt(view, row) }));
    const fraction = rows > 0 ? f.count / rows : 0;
    let message = `${spec.name}: ${plural(f.count, "row")} (${fmtPercent(fraction)}) ${what}`;
    if (examples.length > 0) message += `, e.g. ${exampleText(examples[0], view, kind)}`;
    if (spec.mostly < 1) {
      const slack = fmtPercent(1 - spec.mostly);
      message += passes ? ` (within mostly ${spec.mostly}: up to ${slack} may fail)` : ` (more than the ${slack} mostly ${spec.mostly} allows)`;
      details = { ...details, mostly: spec.mostly };
    }
    push({
      kind,
      column: spec.name,
      count: f.count,
      fraction,
      examples,
      severity,
      message,
      ...Object.keys(details).length > 0 && { details }
    });
  };
  if (view.kind === "numeric") {
    report("type", scanState(view.state, 2), `not ${TYPE_WORDS[view.type]}`);
    if (!spec.nullable) report("nullable", scanState(view.state, 0), "missing but the column is not nullable");
    if (spec.min !== void 0) {
      const bound = spec.min;
      report(
        "min",
        scanValues(view, (v) => !(v >= bound)),
        `below min ${fmtBound(bound, view.type)}`,
        { min: bound }
      );
    }
    if (spec.max !== void 0) {
      const bound = spec.max;
      report(
        "max",
        scanValues(view, (v) => !(v <= bound)),
        `above max ${fmtBound(bound, view.type)}`,
        { max: bound }
      );
    }
    if (spec.allowed !== void 0) {
      const allowed = new Set(spec.allowed.map(Number));
      report(
        "allowed",
        scanValues(view, (v) => !allowed.has(v)),
        `not in allowed values ${listValues(spec.allowed)}`
      );
    }
    if (spec.unique) report("unique", numericDuplicates(view), "hold a value that occurs more than once");
    return;
  }
  if (!spec.nullable) report("nullable", scanCodes(view.codes, null), "missing but the column is not nullable");
  if (spec.allowed !== void 0) {
    const allowed = new Set(spec.allowed.map(String));
    const bad = view.dictionary.map((d) => !allowed.has(d));
    report("allowed", scanCodes(view.codes, bad), `not in allowed values ${listValues(spec.allowed)}`);
  }
  if (spec.pattern !== void 0) {
    const re = new RegExp(spec.pattern, "u");
    const bad = view.dictionary.map((d) => !re.test(d));
    report("pattern", scanCodes(view.codes, bad), `not matching pattern /${spec.pattern}/`, { pattern: spec.pattern });
  }
  if (spec.unique) report("unique", textDuplicates(view), "hold a value that occurs more than once");
}
var TYPE_WORDS = {
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  datetime: "an ISO 8601 datetime"
};
function viewColumn(column, type, rows) {
  if (type === "string" || type === "category") {
    if (column.kind === "dictionary") return { kind: "text", codes: column.codes, dictionary: column.dictionary };
    const codes = new Int32Array(rows);
    const dictionary = [];
    const byText = /* @__PURE__ */ new Map();
    const byValue = /* @__PURE__ */ new Map();
    const intern = (text) => {
      let code = byText.get(text);
      if (code === void 0) {
        code = dictionary.length;
        dictionary.push(text);
        byText.set(text, code);
      }
      return code;
    };
    for (let r = 0; r < rows; r++) {
      if (column.valid[r] === 1) {
        const v = column.values[r];
        let code = byValue.get(v);
        if (code === void 0) {
          code = intern(cellText(column, r));
          byValue.set(v, code);
        }
        codes[r] = code;
      } else {
        const raw = column.invalid.get(r);
        codes[r] = raw === void 0 ? -1 : intern(raw);
      }
    }
    return { kind: "text", codes, dictionary };
  }
  if (column.kind === "dictionary") {
    const entryValue = new Float64Array(column.dictionary.length);
    const entryOk = new Uint8Array(column.dictionary.length);
    column.dictionary.forEach((text, i) => {
      const v = parseCellText(text, type);
      if (v !== void 0) {
        entryValue[i] = v;
        entryOk[i] = 1;
      }
    });
    const values2 = new Float64Array(rows);
    const state2 = new Uint8Array(rows);
    const { codes, dictionary } = column;
    for (let r = 0; r < rows; r++) {
      const code = codes[r];
      if (code < 0) continue;
      if (entryOk[code] === 1) {
        values2[r] = entryValue[code];
        state2[r] = 1;
      } else state2[r] = 2;
    }
    return { kind: "numeric", type, values: values2, state: state2, text: (r) => codes[r] < 0 ? null : dictionary[codes[r]] };
  }
  const direct = column.type === type || type === "number" && column.type === "integer";
  if (direct || type === "integer" && column.type === "number") {
    const state2 = column.valid.slice();
    for (const row of column.invalid.keys()) if (row >= 0 && row < rows) state2[row] = 2;
    if (!direct) {
      const values2 = column.values;
      for (let r = 0; r < rows; r++) if (state2[r] === 1 && !Number.isInteger(values2[r])) state2[r] = 2;
    }
    return { kind: "numeric", type, values: column.values, state: state2, text: (r) => cellText(column, r) };
  }
  const values = new Float64Array(rows);
  const state = new Uint8Array(rows);
  const texts = /* @__PURE__ */ new Map();
  for (let r = 0; r < rows; r++) {
    const text = cellText(column, r);
    if (text === null) continue;
    const v = parseCellText(text, type);
    if (v === void 0) {
      state[r] = 2;
      texts.set(r, text);
    } else {
      values[r] = v;
      state[r] = 1;
    }
  }
  return { kind: "numeric", type, values, state, text: (r) => texts.get(r) ?? cellText(column, r) };
}
function scanState(state, wanted) {
  const f = { count: 0, rows: [] };
  for (let r = 0; r < state.length; r++) {
    if (state[r] === wanted) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}
function scanValues(view, fails) {
  const { state, values } = view;
  const f = { count: 0, rows: [] };
  for (let r = 0; r < state.length; r++) {
    if (state[r] === 1 && fails(values[r])) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}
function scanCodes(codes, bad) {
  const f = { count: 0, rows: [] };
  if (bad !== null && !bad.includes(true)) return f;
  const flags = bad === null ? null : Uint8Array.from(bad, (b) => b ? 1 : 0);
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r];
    if (flags === null ? code < 0 : code >= 0 && flags[code] === 1) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}
function textDuplicates(view) {
  const { codes, dictionary } = view;
  const canonical = new Int32Array(dictionary.length);
  const first = /* @__PURE__ */ new Map();
  dictionary.forEach((d, i) => {
    const c = first.get(d);
    if (c === void 0) first.set(d, i);
    canonical[i] = c ?? i;
  });
  const counts = new Int32Array(dictionary.length);
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r];
    if (code >= 0) counts[canonical[code]]++;
  }
  const f = { count: 0, rows: [] };
  if (!counts.some((c) => c > 1)) return f;
  for (let r = 0; r < codes.length; r++) {
    const code = codes[r];
    if (code >= 0 && counts[canonical[code]] > 1) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}
function numericDuplicates(view) {
  const { state, values } = view;
  let n = 0;
  for (let r = 0; r < state.length; r++) if (state[r] === 1) n++;
  const sorted = new Float64Array(n);
  for (let r = 0, i = 0; r < state.length; r++) if (state[r] === 1) sorted[i++] = values[r];
  sorted.sort();
  const repeated = [];
  for (let i = 1; i < n; i++) {
    if (sorted[i] === sorted[i - 1] && (repeated.length === 0 || repeated[repeated.length - 1] !== sorted[i])) {
      repeated.push(sorted[i]);
    }
  }
  const f = { count: 0, rows: [] };
  if (repeated.length === 0) return f;
  const dup = Float64Array.from(repeated);
  for (let r = 0; r < state.length; r++) {
    if (state[r] === 1 && sortedHas(dup, values[r])) {
      f.count++;
      if (f.rows.length < MAX_EXAMPLES) f.rows.push(r);
    }
  }
  return f;
}
function sortedHas(sorted, v) {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const m = sorted[mid];
    if (m < v) lo = mid + 1;
    else if (m > v) hi = mid - 1;
    else return true;
  }
  return false;
}
function textAt(view, row) {
  if (view.kind === "numeric") return view.text(row);
  const code = view.codes[row];
  return code < 0 ? null : view.dictionary[code];
}
function exampleText(e, view, kind) {
  if (e.value === null) return `row ${e.row}`;
  const raw = view.kind === "numeric" && kind !== "type";
  return `row ${e.row}: ${raw ? e.value : JSON.stringify(e.value)}`;
}
function fmtBound(v, type) {
  return type === "datetime" ? new Date(v).toISOString() : String(v);
}
function listValues(values) {
  const shown = values.slice(0, 8).map((v) => typeof v === "number" ? String(v) : JSON.stringify(v));
  return `[${shown.join(", ")}${values.length > 8 ? `, ... ${values.length - 8} more` : ""}]`;
}
function plural(n, word) {
  return `${fmtInt2(n)} ${word}${n === 1 ? "" : "s"}`;
}
function fmtInt2(n) {
  return n.toLocaleString("en-US");
}

// src/schema/validationResult.ts
function mergeViolations(result, more) {
  const violations = [...result.violations, ...more];
  return { ok: violations.every((v) => v.severity !== "error"), rows: result.rows, violations };
}

// src/cli/commands/validate.ts
function registerValidate(program, io, exit) {
  program.command("validate").description("check a dataset against a schema, and for leakage against a holdout set").option("--data <file>", "the dataset to check (CSV, JSONL, Parquet)").option("--schema <file>", "schema YAML (see `modelguard schema infer`)").option("--holdout <file>", "holdout/test set: report rows present in both and leaky features").option("--target <column>", "with --holdout: the target, to find features that predict it on their own").option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the result as JSON on stdout").option("--out <file>", "also write the JSON result to a file").option("--no-fail", "exit 0 even when checks fail").action(async (flags) => {
    if (!flags.data)
      throw new ModelguardError(
        "usage",
        "validate needs --data FILE",
        "e.g. modelguard validate --data train.csv --schema schema.yml"
      );
    if (!flags.schema && !flags.holdout) {
      throw new ModelguardError(
        "usage",
        "validate needs --schema and/or --holdout",
        "make a schema with `modelguard schema infer --data FILE -o schema.yml`"
      );
    }
    if (flags.target && !flags.holdout)
      throw new ModelguardError("usage", "--target goes with --holdout (leakage checks)");
    const report = await validateFiles({ ...flags, data: flags.data });
    if (flags.out) writeJsonFile(flags.out, report);
    io.out(flags.json ? JSON.stringify(report, null, 2) : describeValidation(report));
    if (!report.ok && flags.fail) exit.code = 1;
  });
  program.command("schema").description("schema files").command("infer").description("write a starting schema from a dataset, with what was observed as comments").option("--data <file>", "dataset to infer from").option("-o, --output <file>", "where to write the schema (default: stdout)").option("--max-allowed <n>", "category columns with at most this many values get an allowed list", "100").option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the schema as JSON instead of YAML").action(
    async (flags) => {
      if (!flags.data) throw new ModelguardError("usage", "schema infer needs --data FILE");
      const max = Number(flags.maxAllowed);
      if (!Number.isInteger(max) || max < 0)
        throw new ModelguardError("usage", `--max-allowed must be a whole number, got '${flags.maxAllowed}'`);
      const table = await loadTable(flags.data, loadOptions(flags));
      const inferred = inferSchema(table, { maxAllowedValues: max, source: flags.data });
      const text = flags.json ? JSON.stringify(inferred.schema, null, 2) + "\n" : inferred.yaml;
      if (flags.output) {
        writeOutputFile(flags.output, text);
        io.err(`wrote ${flags.output}: ${table.columns.length} columns from ${table.rowCount} rows`);
      } else io.out(text);
    }
  );
}
function loadOptions(flags) {
  return flags.delimiter ? { delimiter: flags.delimiter } : {};
}
async function validateFiles(flags) {
  const schema = flags.schema ? parseSchemaFile(flags.schema) : void 0;
  const load = { ...loadOptions(flags), ...schema ? { types: schemaColumnTypes(schema) } : {} };
  const [table, holdout] = await Promise.all([
    loadTable(flags.data, load),
    flags.holdout ? loadTable(flags.holdout, load) : void 0
  ]);
  let result = schema ? validateTable(table, schema) : { ok: true, rows: table.rowCount, violations: [] };
  let leakage;
  if (holdout) {
    leakage = checkLeakage(table, holdout, flags.target ? { target: flags.target } : {});
    result = mergeViolations(result, leakageViolations(leakage));
  }
  return {
    kind: "modelguard.validation",
    version: 1,
    data: flags.data,
    schema: flags.schema ?? null,
    holdout: flags.holdout ?? null,
    ...result,
    ...leakage ? { leakage } : {}
  };
}
function describeValidation(r) {
  const lines = [];
  if (r.violations.length > 0) {
    lines.push(
      formatTable(
        ["severity", "check", "column", "rows", "share", "example"],
        r.violations.map((v) => [
          v.severity,
          v.kind,
          v.column ?? "-",
          v.count,
          `${(v.fraction * 100).toFixed(v.fraction < 1e-3 && v.fraction > 0 ? 3 : 1)}%`,
          v.examples[0] ? `row ${v.examples[0].row}: ${v.examples[0].value === null ? "(missing)" : JSON.stringify(v.examples[0].value)}` : ""
        ])
      ),
      ""
    );
    for (const v of r.violations) lines.push(`${v.severity === "error" ? "✗" : "!"} ${v.message}`);
    lines.push("");
  }
  for (const note of r.leakage?.notes ?? []) lines.push(`note: ${note}`);
  const errors = r.violations.filter((v) => v.severity === "error").length;
  const warnings = r.violations.length - errors;
  lines.push(
    r.ok ? `OK: ${r.rows} rows pass${warnings ? ` (${warnings} warning${warnings > 1 ? "s" : ""})` : ""}` : `FAILED: ${errors} failing check${errors > 1 ? "s" : ""}${warnings ? `, ${warnings} warning${warnings > 1 ? "s" : ""}` : ""} on ${r.rows} rows`
  );
  return lines.join("\n");
}

export {
  registerValidate,
  validateFiles
};
