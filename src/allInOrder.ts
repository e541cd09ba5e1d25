/**
 * Promise.all whose failure does not depend on timing: when some of `values` reject, the rejection is the first in
 * argument order, not the first to happen. Two loads of bad files run at once gave either file's error, run by run.
 * An earlier value's failure is thrown as soon as it happens; a later one's once every value before it has settled.
 * The others run on, as with Promise.all, and their failures are handled (never an unhandled rejection).
 */
export async function allInOrder<T extends readonly unknown[] | []>(
  values: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const settled = values.map((value) =>
    Promise.resolve(value).then(
      (result: unknown) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
  );
  const results: unknown[] = [];
  for (const outcome of settled) {
    const s = await outcome;
    if (!s.ok) throw s.error;
    results.push(s.result);
  }
  return results as { -readonly [P in keyof T]: Awaited<T[P]> };
}
