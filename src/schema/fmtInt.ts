/**
 * A whole number with thousands separators, as n.toLocaleString("en-US") writes it: fmtInt(1234567) === "1,234,567".
 * Made by hand for the safe integers, as the first toLocaleString of a process loads ICU's number formatting (some 8
 * MB resident), which `schema infer` used for nothing else.
 */
export function fmtInt(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString("en-US");
  if (Object.is(n, -0)) return "-0";
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
