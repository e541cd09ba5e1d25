import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/stats/binomialDeviance.ts
function binomialDeviance(x, m) {
  if (!(x >= 0 && m > 0)) throw new RangeError(`binomialDeviance: need x >= 0 and m > 0, got ${x}, ${m}`);
  if (x === 0) return m;
  const d = x - m;
  if (Math.abs(d) < 0.1 * (x + m)) {
    let v = d / (x + m);
    let s = d * v;
    if (Math.abs(s) < 22250738585072014e-324) return s;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1e3; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  const r = x / m;
  if (r >= 0.5 && r <= 2) return x * Math.log1p(d / m) - d;
  return x * Math.log(r) + m - x;
}

// src/stats/logGamma.ts
function logGamma(x) {
  if (!(x > 0)) throw new RangeError(`logGamma: x must be positive, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (z + i);
  return LOG_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
var LANCZOS_G = 7;
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
var LOG_SQRT_2PI = 0.9189385332046728;

// src/stats/stirlingError.ts
function stirlingError(n) {
  if (!(n >= 0)) throw new RangeError(`stirlingError: n must be >= 0, got ${n}`);
  if (n <= 15) {
    const twice = 2 * n;
    if (twice === Math.floor(twice)) return HALVES[twice];
    if (n === 0) return 0;
    return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LOG_SQRT_2PI2;
  }
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}
var S0 = 1 / 12;
var S1 = 1 / 360;
var S2 = 1 / 1260;
var S3 = 1 / 1680;
var S4 = 1 / 1188;
var LOG_SQRT_2PI2 = 0.9189385332046728;
var HALVES = [
  0,
  0.15342640972002736,
  0.08106146679532726,
  0.05481412105191765,
  0.0413406959554093,
  0.03316287351993629,
  0.02767792568499834,
  0.023746163656297496,
  0.020790672103765093,
  0.018488450532673187,
  0.016644691189821193,
  0.015134973221917378,
  0.013876128823070748,
  0.012810465242920227,
  0.01189670994589177,
  0.011104559758206917,
  0.010411265261972096,
  0.009799416126158804,
  0.009255462182712733,
  0.008768700134139386,
  0.00833056343336287,
  0.00793411456431402,
  0.007573675487951841,
  0.007244554301320383,
  0.00694284010720953,
  0.006665247032707682,
  0.006408994188004207,
  0.006171712263039458,
  0.0059513701127588475,
  0.0057462165130101155,
  0.005554733551962801
];

export {
  binomialDeviance,
  stirlingError
};
