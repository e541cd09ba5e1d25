import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/stats/quantileSorted.ts
function quantileSorted(sorted, q) {
  const n = sorted.length;
  if (n === 0) throw new RangeError("quantileSorted: empty sample");
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantileSorted: q must be in [0, 1], got ${q}`);
  const v = (n - 1) * q;
  let prev = Math.floor(v);
  let next = prev + 1;
  if (v >= n - 1) {
    prev = -1;
    next = -1;
  }
  const t = v - prev;
  const a = sorted[prev < 0 ? n + prev : prev];
  const b = sorted[next < 0 ? n + next : next];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

export {
  quantileSorted
};
