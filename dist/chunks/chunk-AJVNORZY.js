import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/setLongTimeout.ts
var MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
function setLongTimeout(callback, delayMs) {
  if (Number.isNaN(delayMs)) throw new RangeError("setLongTimeout: the delay is NaN");
  let timer;
  let unrefed = false;
  const due = Date.now() + Math.max(0, delayMs);
  const arm = (remaining) => {
    timer = setTimeout(
      () => {
        const left = due - Date.now();
        if (left > 0) arm(left);
        else callback();
      },
      Math.min(remaining, MAX_TIMER_DELAY_MS)
    );
    if (unrefed) timer.unref();
  };
  arm(Math.max(0, delayMs));
  const handle = {
    cancel: () => clearTimeout(timer),
    unref: () => {
      unrefed = true;
      timer.unref();
      return handle;
    }
  };
  return handle;
}

export {
  setLongTimeout
};
