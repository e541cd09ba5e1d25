import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/schema/fmtPercent.ts
function fmtPercent(fraction) {
  const p = fraction * 100;
  if (p === 0) return "0%";
  if (Math.abs(p) >= 0.1) return `${p.toFixed(1)}%`;
  return `${Number(p.toPrecision(2))}%`;
}

export {
  fmtPercent
};
