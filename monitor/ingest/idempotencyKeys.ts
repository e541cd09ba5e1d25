import { createHash } from "node:crypto";
import { JOURNAL_KEY } from "../state/journal.js";
import { recordOf, type BatchStats } from "./batchStats.js";

/** One remembered key: when its batch arrived, a digest of its body, and the answer it got. */
export interface IdempotentAnswer {
  /** Arrival time (ms) of the batch, the journal record's. */
  t: number;
  /** bodyDigest() of the request body: a repeat with another body is refused, not answered as the first. */
  digest: string;
  status: number;
  /** The answer's JSON text, sent again byte for byte. */
  body: string;
}

/** [key, t, digest, status, body]: the snapshot form, oldest first. */
export type IdempotencyKeysJson = [string, number, string, number, string][];

/**
 * Bounds: a key is remembered for IDEMPOTENCY_TTL_MS after its batch arrived, and at most IDEMPOTENCY_MAX_KEYS keys and
 * IDEMPOTENCY_MAX_BYTES of keys and answers are kept (oldest dropped first). A client's retries come within seconds
 * or minutes; a day covers a client that was down overnight, and 100,000 keys are a day of one batch per second.
 */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
export const IDEMPOTENCY_MAX_KEYS = 100_000;
export const IDEMPOTENCY_MAX_BYTES = 32 * 1024 * 1024;
/** What one entry costs besides its key and answer text (map slot, object, numbers, digest). */
const ENTRY_OVERHEAD = 96;

/** A valid Idempotency-Key header value: 1 to 255 printable ASCII characters, no spaces (the journal stores it). */
export function isIdempotencyKey(key: string): boolean {
  return JOURNAL_KEY.test(key);
}

export function bodyDigest(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("base64url");
}

/**
 * The 202 answer to an ingest batch. Built from what applying the batch found, so replaying a keyed journal record
 * gives byte for byte the answer the first request got.
 */
export function acceptedAnswer(accepted: number, window: number, stats: BatchStats): string {
  return JSON.stringify({
    accepted,
    window,
    unknown_features: recordOf(stats.unknown),
    missing_values: stats.missing,
    invalid_values: stats.invalid,
    ...(stats.late !== undefined ? { late_events: stats.late, invalid_ts: stats.invalidTs ?? 0 } : {}),
  });
}

/**
 * The Idempotency-Keys of recent ingest batches and their answers. Filled as keyed batches become durable (and as
 * replay applies their journal records), saved in the snapshot, so a key outlives both kill -9 and compaction.
 * Deterministic in the journal: eviction goes by the records' arrival times, not the wall clock.
 */
export class IdempotencyKeys {
  /** In arrival order (a Map keeps insertion order; a key remembered again moves to the end). */
  private readonly entries = new Map<string, IdempotentAnswer>();
  private bytes = 0;

  get size(): number {
    return this.entries.size;
  }

  /** The answer remembered for `key`, unless it is older than the TTL at `now`. */
  lookup(key: string, now: number): IdempotentAnswer | undefined {
    const e = this.entries.get(key);
    return e && e.t > now - IDEMPOTENCY_TTL_MS ? e : undefined;
  }

  remember(key: string, answer: IdempotentAnswer): void {
    this.forget(key);
    this.entries.set(key, answer);
    this.bytes += cost(key, answer);
    for (const [oldest, e] of this.entries) {
      const over = this.entries.size > IDEMPOTENCY_MAX_KEYS || this.bytes > IDEMPOTENCY_MAX_BYTES;
      if (!over && e.t > answer.t - IDEMPOTENCY_TTL_MS) break;
      if (oldest === key) break;
      this.forget(oldest);
    }
  }

  toJson(): IdempotencyKeysJson {
    return [...this.entries].map(([k, e]) => [k, e.t, e.digest, e.status, e.body]);
  }

  /** From a snapshot; entries that are not well-formed throw (the caller reports the snapshot as damaged). */
  static fromJson(json: unknown): IdempotencyKeys {
    const keys = new IdempotencyKeys();
    if (json === undefined) return keys;
    if (!Array.isArray(json)) throw new Error("idempotency_keys is not a list");
    for (const item of json as unknown[]) {
      const [key, t, digest, status, body] = Array.isArray(item) ? (item as unknown[]) : [];
      if (
        typeof key !== "string" ||
        !isIdempotencyKey(key) ||
        typeof t !== "number" ||
        typeof digest !== "string" ||
        typeof status !== "number" ||
        typeof body !== "string"
      )
        throw new Error("an idempotency_keys entry is not [key, t, digest, status, body]");
      keys.remember(key, { t, digest, status, body });
    }
    return keys;
  }

  private forget(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= cost(key, e);
  }
}

function cost(key: string, e: IdempotentAnswer): number {
  return key.length + e.body.length + ENTRY_OVERHEAD;
}
