/** The longest delay setTimeout honours: Node stores it in a signed 32-bit integer and fires at once above it. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

export interface LongTimeout {
  cancel(): void;
  /** Like Timeout.unref(): the pending timer does not keep the process alive. */
  unref(): LongTimeout;
}

/**
 * setTimeout for any delay: a delay above MAX_TIMER_DELAY_MS (about 24.8 days) is chained in steps, where a plain
 * setTimeout would overflow, warn, and fire after 1 ms. Callers still bound their durations; this only keeps an
 * allowed long one from meaning "now". An infinite delay never fires.
 */
export function setLongTimeout(callback: () => void, delayMs: number): LongTimeout {
  if (Number.isNaN(delayMs)) throw new RangeError("setLongTimeout: the delay is NaN");
  let timer: NodeJS.Timeout;
  let unrefed = false;
  const due = Date.now() + Math.max(0, delayMs);
  const arm = (remaining: number): void => {
    timer = setTimeout(
      () => {
        const left = due - Date.now();
        if (left > 0) arm(left);
        else callback();
      },
      Math.min(remaining, MAX_TIMER_DELAY_MS),
    );
    if (unrefed) timer.unref();
  };
  arm(Math.max(0, delayMs));
  const handle: LongTimeout = {
    cancel: () => clearTimeout(timer),
    unref: () => {
      unrefed = true;
      timer.unref();
      return handle;
    },
  };
  return handle;
}
