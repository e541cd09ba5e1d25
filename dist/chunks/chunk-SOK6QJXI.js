import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/stats/ldexp.ts
function ldexp(x, e) {
  if (e > 1023) {
    x *= TWO_P1023;
    e -= 1023;
    if (e > 1023) {
      x *= TWO_P1023;
      e -= 1023;
      if (e > 1023) e = 1023;
    }
  } else if (e < -1022) {
    x *= TWO_M969;
    e += 969;
    if (e < -1022) {
      x *= TWO_M969;
      e += 969;
      if (e < -1022) e = -1022;
    }
  }
  return x * POW2[e + 1022];
}
var TWO_P1023 = Math.pow(2, 1023);
var TWO_M969 = Math.pow(2, -969);
var POW2 = Float64Array.from({ length: 2046 }, (_, i) => Math.pow(2, i - 1022));

// src/stats/scaledMoments.ts
var EMPTY_MOMENTS = { n: 0, mean: NaN, exponent: 0, m2s: 0 };
function binaryExponent(x) {
  const a = Math.abs(x);
  let e = Math.floor(Math.log2(a));
  if (ldexp(1, e) > a) e--;
  else if (ldexp(1, e + 1) <= a) e++;
  return e;
}
function scaledMoments(values, valid) {
  let n = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    n++;
    const a = Math.abs(x);
    if (a > maxAbs) maxAbs = a;
  }
  if (n === 0) return EMPTY_MOMENTS;
  const ev = maxAbs > 0 ? binaryExponent(maxAbs) : 0;
  const sv = ldexp(1, ev);
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    sum += x / sv;
  }
  const meanY = sum / n;
  let maxDev = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    const d = Math.abs(x / sv - meanY);
    if (d > maxDev) maxDev = d;
  }
  const ed = maxDev > 0 ? binaryExponent(maxDev) : 0;
  const sd = ldexp(1, ed);
  let m2s = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (valid && valid[i] === 0 || !Number.isFinite(x)) continue;
    const d = (x / sv - meanY) / sd;
    m2s += d * d;
  }
  return { n, mean: ldexp(meanY, ev), exponent: ev + ed, m2s };
}
function mergeScaledMoments(a, b) {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  let step = delta * b.n / n;
  if (!Number.isFinite(step)) step = delta * (b.n / n);
  const mean = Number.isFinite(step) ? a.mean + step : a.mean * (a.n / n) + b.mean * (b.n / n);
  const half = b.mean / 2 - a.mean / 2;
  let exponent = -Infinity;
  if (a.m2s > 0) exponent = a.exponent;
  if (b.m2s > 0) exponent = Math.max(exponent, b.exponent);
  if (half !== 0) exponent = Math.max(exponent, binaryExponent(half) + 1);
  if (exponent === -Infinity) return { n, mean, exponent: 0, m2s: 0 };
  const d = ldexp(half, 1 - exponent);
  const m2s = ldexp(a.m2s, 2 * (a.exponent - exponent)) + ldexp(b.m2s, 2 * (b.exponent - exponent)) + d * d * a.n * b.n / n;
  return { n, mean, exponent, m2s };
}
function momentsStd(m, ddof) {
  if (m.n <= ddof) return null;
  return ldexp(Math.sqrt(m.m2s / (m.n - ddof)), m.exponent);
}
function momentsM2(m) {
  return ldexp(m.m2s, 2 * m.exponent);
}
function momentsFrom(n, mean, m2, std) {
  if (n === 0 || mean === null) return EMPTY_MOMENTS;
  if (Number.isFinite(m2) && m2 >= MIN_PRECISE) {
    const exponent = Math.floor(binaryExponent(m2) / 2);
    return { n, mean, exponent, m2s: ldexp(m2, -2 * exponent) };
  }
  if (std === Infinity) return { n, mean, exponent: 0, m2s: Infinity };
  if (std !== null && std > 0 && n > 1) {
    const exponent = binaryExponent(std);
    const r = ldexp(std, -exponent);
    return { n, mean, exponent, m2s: r * r * (n - 1) };
  }
  return { n, mean, exponent: 0, m2s: Number.isFinite(m2) ? m2 : 0 };
}
var MIN_PRECISE = Math.pow(2, -969);

// src/profile/profileMoments.ts
function profileMoments(column) {
  return momentsFrom(column.count - column.infinite, column.mean, column.m2, column.std);
}

export {
  ldexp,
  EMPTY_MOMENTS,
  binaryExponent,
  scaledMoments,
  mergeScaledMoments,
  momentsStd,
  momentsM2,
  momentsFrom,
  profileMoments
};
