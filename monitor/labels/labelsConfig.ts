/** `labels:` in monitor.yml, resolved: durations in ms, the label log's path absolute. */
export interface LabelsConfig {
  /** How long an event waits for its label, and a label for its event, from its arrival (ms). */
  maxDelayMs: number;
  /** At most this many events wait, and at most this many labels; past it the oldest is dropped and counted. */
  maxPending: number;
  /** The positive class as text: `probabilities` are read at it, labels equal to it (as text) are positives. */
  positiveClass: string;
  /** A JSONL label log to follow; null when labels arrive over HTTP only. */
  source: { file: string; pollMs: number } | null;
}

export interface RawLabelsConfig {
  max_delay?: string;
  max_pending?: number;
  positive_class?: string | number | boolean;
  source?: { file: string; poll?: string };
}

export const DEFAULT_LABEL_MAX_DELAY_MS = 7 * 86_400_000;
export const DEFAULT_LABEL_MAX_PENDING = 1_000_000;

/** Fills the defaults of a schema-valid `labels:` mapping; `duration` parses and bounds a duration key. */
export function resolveLabelsConfig(
  raw: RawLabelsConfig,
  io: { abs(path: string): string; duration(key: string, text: string): number },
): LabelsConfig {
  return {
    maxDelayMs:
      raw.max_delay !== undefined ? io.duration("labels.max_delay", raw.max_delay) : DEFAULT_LABEL_MAX_DELAY_MS,
    maxPending: raw.max_pending ?? DEFAULT_LABEL_MAX_PENDING,
    positiveClass: raw.positive_class !== undefined ? String(raw.positive_class) : "1",
    source:
      raw.source !== undefined
        ? {
            file: io.abs(raw.source.file),
            pollMs: raw.source.poll !== undefined ? io.duration("labels.source.poll", raw.source.poll) : 1000,
          }
        : null,
  };
}
