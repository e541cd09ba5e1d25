import { setLongTimeout, type LongTimeout } from "./setLongTimeout.js";

/**
 * setInterval for any period: `callback` every `periodMs`, each period a setLongTimeout (a plain setInterval turns a
 * period above 2^31-1 ms into 1 ms). The next period starts when the callback returns. A period that is not positive
 * is refused: it would be a busy loop.
 */
export function setLongInterval(callback: () => void, periodMs: number): LongTimeout {
  if (!(periodMs > 0)) throw new RangeError(`setLongInterval: the period ${periodMs} ms is not positive`);
  let current: LongTimeout;
  let cancelled = false;
  let unrefed = false;
  const arm = (): void => {
    current = setLongTimeout(() => {
      if (cancelled) return;
      try {
        callback();
      } finally {
        if (!cancelled) arm();
      }
    }, periodMs);
    if (unrefed) current.unref();
  };
  arm();
  const handle: LongTimeout = {
    cancel: () => {
      cancelled = true;
      current.cancel();
    },
    unref: () => {
      unrefed = true;
      current.unref();
      return handle;
    },
  };
  return handle;
}
