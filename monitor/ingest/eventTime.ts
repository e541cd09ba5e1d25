/**
 * An event's `ts` in ms since the epoch, or NaN when it has none the monitor can use: a number is epoch milliseconds
 * (finite, within the range of a Date); a string must be RFC 3339 (`2024-05-01T12:00:00Z`, `...T12:00:00.250+02:00`;
 * a space or a lower-case `t`/`z` as RFC 3339 allows), with a real calendar date and an offset. Anything else, a
 * date without time or offset included, is NaN: the event is then counted as `invalid_ts`, never guessed at.
 */
export function eventTimeOf(ts: unknown): number {
  if (typeof ts === "number") return Number.isFinite(ts) && Math.abs(ts) <= MAX_DATE_MS ? ts : NaN;
  if (typeof ts !== "string" || ts.length > 40) return NaN;
  const m = RFC3339.exec(ts);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, zone, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  // RFC 3339 allows a leap second (60); like most systems, it is read as the last millisecond of that minute.
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 60)
    return NaN;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  let t = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), second === 60 ? 999 : ms);
  if (zone!.toUpperCase() !== "Z") {
    const ohn = Number(oh);
    const omn = Number(om);
    if (ohn > 23 || omn > 59) return NaN;
    t -= (sign === "-" ? -1 : 1) * (ohn * 60 + omn) * 60_000;
  }
  return t;
}

const MAX_DATE_MS = 8.64e15;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
