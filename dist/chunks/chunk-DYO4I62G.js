import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/data/parseDatetime.ts
var DAY_MS = 864e5;
function parseDatetimeBytes(bytes, start, end) {
  if (end - start < 10) return NaN;
  const year = digits4(bytes, start);
  if (year < 0 || bytes[start + 4] !== 45 || bytes[start + 7] !== 45) return NaN;
  const month = digits2(bytes, start + 5);
  const day = digits2(bytes, start + 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  let ms = daysFromCivil(year, month, day) * DAY_MS;
  let p = start + 10;
  if (p === end) return ms;
  const sep = bytes[p];
  if (sep !== 84 && sep !== 116 && sep !== 32) return NaN;
  p++;
  if (end - p < 5 || bytes[p + 2] !== 58) return NaN;
  const hour = digits2(bytes, p);
  const minute = digits2(bytes, p + 3);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return NaN;
  p += 5;
  let second = 0;
  let millis = 0;
  if (p < end && bytes[p] === 58) {
    if (end - p < 3) return NaN;
    second = digits2(bytes, p + 1);
    if (second < 0 || second > 59) return NaN;
    p += 3;
    if (p < end && (bytes[p] === 46 || bytes[p] === 44)) {
      p++;
      const fracStart = p;
      let scale = 100;
      while (p < end) {
        const d = bytes[p] - 48;
        if (d < 0 || d > 9) break;
        millis += d * scale;
        scale = scale / 10;
        p++;
      }
      if (p === fracStart) return NaN;
      millis = Math.floor(millis);
    }
  }
  ms += ((hour * 60 + minute) * 60 + second) * 1e3 + millis;
  if (p === end) return ms;
  const z = bytes[p];
  if (z === 90 || z === 122) return p + 1 === end ? ms : NaN;
  if (z !== 43 && z !== 45) return NaN;
  const sign = z === 45 ? -1 : 1;
  p++;
  if (end - p < 2) return NaN;
  const offHour = digits2(bytes, p);
  p += 2;
  let offMinute = 0;
  if (p < end) {
    if (bytes[p] === 58) p++;
    if (end - p !== 2) return NaN;
    offMinute = digits2(bytes, p);
    p += 2;
  }
  if (offHour < 0 || offHour > 23 || offMinute < 0 || offMinute > 59 || p !== end) return NaN;
  return ms - sign * (offHour * 60 + offMinute) * 6e4;
}
function parseDatetime(text) {
  const bytes = Buffer.from(text, "utf8");
  const v = parseDatetimeBytes(bytes, 0, bytes.length);
  return v === v ? v : null;
}
function digits2(b, p) {
  const a = b[p] - 48;
  const c = b[p + 1] - 48;
  if (a < 0 || a > 9 || c < 0 || c > 9) return -1;
  return a * 10 + c;
}
function digits4(b, p) {
  const hi = digits2(b, p);
  const lo = digits2(b, p + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// src/data/parseNumber.ts
var POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;
var MAX_FAST_DIGITS = 15;
function parseNumberBytes(bytes, start, end) {
  let p = start;
  if (p >= end) return NaN;
  let c = bytes[p];
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    if (++p >= end) return NaN;
    c = bytes[p];
  }
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let exponent = 0;
  while (c >= 48 && c <= 57) {
    if (mantissa !== 0 || c !== 48) {
      significant++;
      if (significant <= 17) mantissa = mantissa * 10 + (c - 48);
    }
    digits++;
    if (++p >= end) {
      c = -1;
      break;
    }
    c = bytes[p];
  }
  if (c === 46) {
    if (++p < end) {
      c = bytes[p];
      while (c >= 48 && c <= 57) {
        if (mantissa !== 0 || c !== 48) {
          significant++;
          if (significant <= 17) mantissa = mantissa * 10 + (c - 48);
        }
        exponent--;
        digits++;
        if (++p >= end) {
          c = -1;
          break;
        }
        c = bytes[p];
      }
    } else {
      c = -1;
    }
  }
  if (digits === 0) return parseSpecial(bytes, p, end, negative);
  if (c === 101 || c === 69) {
    if (++p >= end) return NaN;
    c = bytes[p];
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      if (++p >= end) return NaN;
      c = bytes[p];
    }
    if (c < 48 || c > 57) return NaN;
    let e = 0;
    while (c >= 48 && c <= 57) {
      if (e < 1e12) e = e * 10 + (c - 48);
      if (++p >= end) {
        c = -1;
        break;
      }
      c = bytes[p];
    }
    exponent += expNegative ? -e : e;
  }
  if (p !== end) return NaN;
  if (significant <= MAX_FAST_DIGITS) {
    let value;
    if (mantissa === 0) value = 0;
    else if (exponent === 0) value = mantissa;
    else if (exponent > 0 && exponent <= 22) value = mantissa * POW10[exponent];
    else if (exponent < 0 && exponent >= -22) value = mantissa / POW10[-exponent];
    else if (exponent > 22 && exponent <= 22 + MAX_FAST_DIGITS - significant)
      value = mantissa * POW10[exponent - 22] * 1e22;
    else return Number(asciiText(bytes, start, end));
    return negative ? -value : value;
  }
  return Number(asciiText(bytes, start, end));
}
function parseSpecial(bytes, p, end, negative) {
  const n = end - p;
  if (n === 3) {
    const a = bytes[p] | 32;
    const b = bytes[p + 1] | 32;
    const c = bytes[p + 2] | 32;
    if (a === 105 && b === 110 && c === 102) return negative ? -Infinity : Infinity;
    return NaN;
  }
  if (n === 8 && lowerEquals(bytes, p, "infinity")) return negative ? -Infinity : Infinity;
  return NaN;
}
function isNanLiteralBytes(bytes, start, end) {
  let p = start;
  if (p < end && (bytes[p] === 45 || bytes[p] === 43)) p++;
  return end - p === 3 && lowerEquals(bytes, p, "nan");
}
function lowerEquals(bytes, p, lower) {
  for (let i = 0; i < lower.length; i++) if ((bytes[p + i] | 32) !== lower.charCodeAt(i)) return false;
  return true;
}
function asciiText(bytes, start, end) {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}
function parseNumber(text) {
  const bytes = Buffer.from(text, "utf8");
  const v = parseNumberBytes(bytes, 0, bytes.length);
  if (v === v) return v;
  return isNanLiteralBytes(bytes, 0, bytes.length) ? NaN : null;
}

export {
  parseDatetimeBytes,
  parseDatetime,
  parseNumberBytes,
  isNanLiteralBytes,
  parseNumber
};
