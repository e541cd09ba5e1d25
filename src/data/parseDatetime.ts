/**
 * ISO 8601 dates and datetimes from bytes, to epoch milliseconds (UTC).
 *
 * Accepted: `YYYY-MM-DD`, optionally followed by `T`, `t` or one space and `HH:MM`, `HH:MM:SS` or
 * `HH:MM:SS.fff…` (`,` also separates the fraction; digits past milliseconds are truncated), optionally followed by
 * `Z`, `z`, `±HH`, `±HHMM` or `±HH:MM`. Without an offset the time is taken as UTC. Fields are range-checked
 * (month 1-12, the day exists in that month, hour 0-23, minute 0-59, second 0-59).
 *
 * Example: parseDatetimeBytes(Buffer.from("2024-01-31T10:00:00+01:00"), 0, 25) === Date.UTC(2024, 0, 31, 9)
 */

const DAY_MS = 86_400_000;

/** Epoch milliseconds, or NaN when bytes[start, end) is not an ISO 8601 date/datetime of the forms above. */
export function parseDatetimeBytes(bytes: Uint8Array, start: number, end: number): number {
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
  if (sep !== 84 /* T */ && sep !== 116 /* t */ && sep !== 32 /* space */) return NaN;
  p++;
  if (end - p < 5 || bytes[p + 2] !== 58 /* : */) return NaN;
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
    if (p < end && (bytes[p] === 46 /* . */ || bytes[p] === 44) /* , */) {
      p++;
      const fracStart = p;
      let scale = 100;
      while (p < end) {
        const d = bytes[p]! - 48;
        if (d < 0 || d > 9) break;
        millis += d * scale;
        scale = scale / 10;
        p++;
      }
      if (p === fracStart) return NaN;
      millis = Math.floor(millis);
    }
  }
  ms += ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (p === end) return ms;
  const z = bytes[p];
  if (z === 90 /* Z */ || z === 122 /* z */) return p + 1 === end ? ms : NaN;
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
  return ms - sign * (offHour * 60 + offMinute) * 60_000;
}

/** Epoch milliseconds of an ISO 8601 text (forms above), or null. */
export function parseDatetime(text: string): number | null {
  const bytes = Buffer.from(text, "utf8");
  const v = parseDatetimeBytes(bytes, 0, bytes.length);
  return v === v ? v : null;
}

function digits2(b: Uint8Array, p: number): number {
  const a = b[p]! - 48;
  const c = b[p + 1]! - 48;
  if (a < 0 || a > 9 || c < 0 || c > 9) return -1;
  return a * 10 + c;
}

function digits4(b: Uint8Array, p: number): number {
  const hi = digits2(b, p);
  const lo = digits2(b, p + 2);
  return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
