import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/allInOrder.ts
async function allInOrder(values) {
  const settled = values.map(
    (value) => Promise.resolve(value).then(
      (result) => ({ ok: true, result }),
      (error) => ({ ok: false, error })
    )
  );
  const results = [];
  for (const outcome of settled) {
    const s = await outcome;
    if (!s.ok) throw s.error;
    results.push(s.result);
  }
  return results;
}

export {
  allInOrder
};
