import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pino, type Logger } from "pino";
import { ModelguardError } from "../src/errors.js";
import { readProfile } from "../src/profile/profileFile.js";
import { setLongInterval } from "../src/setLongInterval.js";
import { DriftMonitor } from "./driftMonitor.js";
import { FileSource } from "./fileSource.js";
import { authorizedBy, ingestAuthFromEnv } from "./ingestAuth.js";
import { bodyDigest, isIdempotencyKey, type IdempotentAnswer } from "./idempotencyKeys.js";
import { Journal, JournalUnavailableError } from "./journal.js";
import type { MonitorConfig } from "./monitorConfig.js";
import { MonitorMetrics } from "./monitorMetrics.js";
import { Outbox, type OutboxSender } from "./outbox.js";
import { githubSenderFromEnv } from "./githubSender.js";
import type { GitHubClientOptions } from "../src/github/index.js";
import { batchOfEvents } from "./eventBatch.js";
import { parseBatch } from "./parseBatch.js";
import { ensureStateDirectory, ensureStateSubdirectory } from "./stateDirectory.js";
import type { BatchStats } from "./windowState.js";
import { stringifyContract } from "../src/contracts/contractJson.js";

export interface RunningMonitor {
  url: string;
  monitor: DriftMonitor;
  metrics: MonitorMetrics;
  outbox: Outbox;
  journal: Journal;
  /**
   * The file source (config `source`), or null. `source.pollOnce()` is what the poll timer runs: read the lines appended
   * since the last poll, journal them with the file position after them, apply them (resolves once durable).
   */
  source: FileSource | null;
  /**
   * What the once-a-second timer does, run now: if the open duration window is due at `now()`, journal a tick and
   * close it (resolves once durable). Tests drive windows with this and an injected clock.
   */
  tick(): Promise<void>;
  /**
   * Snapshot, then journal compaction (new segment, delete the segments the snapshot covers); what the
   * snapshot_interval timer and shutdown do. `onStep` sees each crash-relevant step (tests copy the state there).
   */
  checkpoint(onStep?: (step: string) => void): Promise<void>;
  /** Stop accepting, finish in-flight batches, snapshot, close. */
  shutdown(): Promise<void>;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Sends outbox entries; null (the default without a token) is a dry run into the outbox. */
  sender?: OutboxSender | null;
  /** Overrides config.port (tests pass 0). */
  port?: number;
  /** The arrival clock (ms since the epoch) stamped on journaled batches and ticks; default Date.now. */
  now?: () => number;
  /** Passed to the GitHub client built from GITHUB_TOKEN when `sender` is not given (tests: pacing, retries). */
  github?: Partial<GitHubClientOptions>;
  /** Outbox retry backoff (default 1 s doubling up to 10 min). */
  outboxRetry?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Period of the timer that closes idle duration windows (default 1000 ms; 0 turns it off, tests call tick()). */
  tickIntervalMs?: number;
  /** Overrides config.source.poll (ms); 0 turns the poll timer off (tests call `source.pollOnce()`). */
  pollIntervalMs?: number;
  /** Journal bytes appended since the last snapshot that trigger the next one (default JOURNAL_CHECKPOINT_BYTES). */
  checkpointBytes?: number;
}

/**
 * A checkpoint (snapshot + compaction) also runs whenever the journal has grown this much since the last one, not only
 * every snapshot_interval: at 400,000 events/s a 30 s interval leaves 4 GB of journal, which is disk, page cache
 * (counted against a container's memory limit) and replay time after a crash. On the bench's VM, writes into page
 * cache that kept growing cost the journal's writer thread about 0.7 s of CPU per million events more than with
 * checkpoints every 2 s. 256 MiB is about 750,000 events of 350 bytes: a checkpoint every 2 s at that rate.
 */
export const JOURNAL_CHECKPOINT_BYTES = 256 * 1024 * 1024;

/** Starts the sidecar: loads the reference, replays the journal after the snapshot, then serves. */
export async function startMonitor(config: MonitorConfig, options: StartOptions = {}): Promise<RunningMonitor> {
  const env = options.env ?? process.env;
  const log = options.logger ?? pino({ name: "modelguard-monitor" });
  // Before anything is opened: a token mistake stops the start without leaving a half-started monitor.
  const ingestAuth = ingestAuthFromEnv(config, env, log);
  const clock = options.now ?? Date.now;
  // Arrival times never go backwards (a wall clock stepped back by NTP would otherwise reorder windows).
  let lastT = 0;
  const now = () => (lastT = Math.max(lastT, clock()));
  const sender =
    options.sender !== undefined
      ? options.sender
      : githubSenderFromEnv(config, env, {
          log: {
            debug: (m) => log.debug({ github: true }, m),
            info: (m) => log.info({ github: true }, m),
            warn: (m) => log.warn({ github: true }, m),
            error: (m) => log.error({ github: true }, m),
          },
          ...(options.github ? { clientOptions: options.github } : {}),
        });
  const profile = readProfile(config.reference);
  ensureStateDirectory(config.state);
  const metrics = new MonitorMetrics();
  const outbox = new Outbox(join(config.state, "outbox.jsonl"), sender, {
    ...options.outboxRetry,
    now: () => clock(),
    onError: (e, id) => log.warn({ id, err: e.message }, "GitHub request failed; it stays in the outbox for retry"),
  });
  const monitor = new DriftMonitor(config, profile, { metrics, outbox, log });
  let ready = false;
  let draining = false;
  const bodies = new BodyPool();
  const checkpointBytes = options.checkpointBytes ?? JOURNAL_CHECKPOINT_BYTES;
  /** Journal offset the last snapshot covers. */
  let checkpointedAt = 0;
  /** Keyed batches on their way into the journal: a repeat of the key waits for the first one's answer. */
  const inflight = new Map<string, Promise<void>>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: Error) => {
      log.error({ err: e.message }, "request failed");
      if (!res.headersSent) send(res, 500, { error: "internal error" });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && url.pathname === "/healthz") return send(res, 200, { ok: true });
    if (req.method === "GET" && url.pathname === "/readyz") {
      // Not ready while the journal cannot be written (disk full, EIO): every batch would be refused. Liveness stays
      // up, since a restart fixes neither; the journal recovers by itself once writes succeed.
      const unwritable = ready ? journal.unavailable : null;
      const ok = ready && !draining && !unwritable;
      return send(res, ok ? 200 : 503, { ready: ok, ...(unwritable ? { journal: unwritable.message } : {}) });
    }
    if (req.method === "GET" && url.pathname === "/metrics") {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType });
      res.end(text);
      return;
    }
    if (req.method === "GET" && url.pathname === "/v1/drift") {
      const limit = Math.max(1, Math.min(Number(url.searchParams.get("limit") ?? 10) || 10, config.keepWindows));
      return send(res, 200, {
        model: config.model,
        open_window: {
          window: monitor.window.index,
          events: monitor.window.events,
          started_at: monitor.window.startedAt > 0 ? new Date(monitor.window.startedAt).toISOString() : null,
        },
        alert: monitor.alert,
        windows: monitor.recent.slice(-limit).reverse(),
      });
    }
    if (url.pathname === "/v1/events") {
      if (req.method !== "POST") return send(res, 405, { error: "use POST" });
      return ingest(req, res);
    }
    send(res, 404, { error: "not found" });
  }

  async function ingest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    if (ingestAuth && !authorizedBy(req.headers.authorization, ingestAuth)) {
      metrics.rejected.inc({ reason: "unauthorized" });
      req.resume();
      return send(res, 401, { error: "missing or wrong bearer token" }, { "www-authenticate": "Bearer" });
    }
    if (!ready || draining) {
      metrics.rejected.inc({ reason: "not_ready" });
      req.resume();
      return send(res, 503, { error: draining ? "shutting down" : "replaying the journal" }, { "retry-after": "1" });
    }
    const max = config.ingest.maxBodyBytes;
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (declared > max) return tooLarge(req, res, max);
    const body = await readBody(req, max, Number.isSafeInteger(declared) ? declared : -1, bodies);
    if (body === null) return tooLarge(req, res, max);
    const keyHeader = req.headers["idempotency-key"];
    // Sent twice, it is both values joined by ", ", which is not a key.
    const key = Array.isArray(keyHeader) ? keyHeader.join(", ") : keyHeader;
    if (key !== undefined && !isIdempotencyKey(key)) {
      bodies.release(body);
      metrics.rejected.inc({ reason: "malformed" });
      return send(res, 400, { error: "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces" });
    }
    const digest = key !== undefined ? bodyDigest(body) : "";
    if (key !== undefined) {
      for (let first = inflight.get(key); first; first = inflight.get(key)) await first;
      const answered = monitor.idempotency.lookup(key, now());
      if (answered) {
        bodies.release(body);
        return repeatAnswer(res, answered, digest);
      }
    }
    const parsed = parseBatch(body, monitor.layout);
    if (!parsed.ok) {
      bodies.release(body);
      metrics.rejected.inc({ reason: "malformed" });
      return send(res, 400, {
        error: parsed.message,
        ...(parsed.line !== undefined ? { line: parsed.line } : {}),
        ...(parsed.index !== undefined ? { index: parsed.index } : {}),
      });
    }
    const events = parsed.events;
    const t = now();
    let stats: BatchStats = { unknown: new Map(), missing: 0, invalid: 0 };
    let answer = "";
    const accepted = events.length;
    let settled = () => {};
    if (key !== undefined) inflight.set(key, new Promise<void>((r) => (settled = r)));
    try {
      await journal.appendBatch(
        t,
        body,
        (end) => {
          ({ answer, stats } = monitor.applyIngest(events, t, key !== undefined ? { key, digest } : undefined));
          monitor.appliedOffset = end;
        },
        key,
      );
    } catch (e) {
      if (!(e instanceof JournalUnavailableError)) throw e;
      metrics.rejected.inc({ reason: "journal_unavailable" });
      const error = `${e.message}: the batch was not accepted; send it again`;
      return send(res, 503, { error }, { "retry-after": "1" });
    } finally {
      // The journal has written the body (or failed): both buffers go back to their pools.
      bodies.release(body);
      events.release();
      if (key !== undefined) inflight.delete(key);
      settled();
    }
    countAccepted(accepted, stats);
    checkpointWhenJournalGrew();
    metrics.ingestLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
    res.writeHead(202, { "content-type": "application/json" });
    res.end(answer);
  }

  /** The first answer to a key again (marked `Idempotent-Replayed`), unless the body differs from the first one's. */
  function repeatAnswer(res: ServerResponse, first: IdempotentAnswer, digest: string): void {
    if (first.digest !== digest) {
      metrics.rejected.inc({ reason: "malformed" });
      const error = "this Idempotency-Key was sent before with another body; use a new key for a new batch";
      return send(res, 422, { error });
    }
    res.writeHead(first.status, { "content-type": "application/json", "idempotent-replayed": "true" });
    res.end(first.body);
  }

  function countAccepted(events: number, stats: BatchStats): void {
    metrics.events.inc(events);
    let unknown = 0;
    for (const c of stats.unknown.values()) unknown += c;
    if (unknown) metrics.rejected.inc({ reason: "unknown_feature" }, unknown);
    if (stats.missing) metrics.rejected.inc({ reason: "missing_feature" }, stats.missing);
    if (stats.invalid) metrics.rejected.inc({ reason: "invalid_value" }, stats.invalid);
  }

  function tooLarge(req: IncomingMessage, res: ServerResponse, max: number): void {
    metrics.rejected.inc({ reason: "too_large" });
    // Answer, then drop the connection: the rest of the body is never read.
    res.once("finish", () => req.socket.destroy());
    send(res, 413, { error: `body over the ${max}-byte limit (ingest.max_body)` }, { connection: "close" });
  }

  // Replay before listening for events: readiness means every acknowledged batch is in the window.
  const from = monitor.loadSnapshot();
  const journalDir = join(config.state, "journal");
  ensureStateSubdirectory(journalDir, "its journal (the acknowledged batches)");
  Journal.migrateSingleFile(join(config.state, "journal.log"), journalDir);
  // Logged on the change only: while the journal stays unavailable every batch, poll and tick is refused the same way,
  // and an error line per poll (every 100 ms) would bury everything else. /readyz reports it meanwhile.
  const opened = await Journal.open(journalDir, from, (r, end) => monitor.applyRecord(r, end), {
    onAvailability: (unavailable) => {
      if (unavailable)
        log.error(
          { err: unavailable.reason.message, code: (unavailable.reason as NodeJS.ErrnoException).code },
          "journal unavailable: events are refused (503, the file source waits) until it can be written again",
        );
      else log.warn("journal writable again: accepting events");
    },
  });
  const journal = opened.journal;
  checkpointedAt = from;
  lastT = Math.max(lastT, monitor.lastRecordAt);
  monitor.updateProgress(now());
  log.info(
    { from, replayed: opened.replayed, truncated_bytes: opened.truncatedBytes, window: monitor.window.index },
    "journal replayed",
  );
  for (const cut of opened.cuts)
    log.warn({ ...cut }, "journal: cut off the bytes of a write that never completed (never acknowledged)");
  outbox.start();

  // The file source resumes from the position replay ended at: the one in the last journaled source record.
  const source = config.source
    ? new FileSource({
        file: config.source.file,
        start: monitor.sourcePosition,
        log,
        commit: async (body, events, position, malformed) => {
          const t = now();
          const stats: BatchStats = { unknown: new Map(), missing: 0, invalid: 0 };
          const batch = batchOfEvents(monitor.layout, events);
          try {
            await journal.appendSource(t, body, position, (end) => {
              monitor.applyEvents(batch, t, stats);
              monitor.sourcePosition = position;
              monitor.appliedOffset = end;
            });
          } finally {
            batch.release();
          }
          countAccepted(events.length, stats);
          checkpointWhenJournalGrew();
          if (malformed) metrics.rejected.inc({ reason: "source_malformed" }, malformed);
        },
      })
    : null;
  if (source) log.info({ file: source.file, from: monitor.sourcePosition }, "following the prediction log");

  const port = options.port ?? config.port;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, config.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    // Nothing was served: close what the start opened, so the process can exit with the error.
    await source?.close();
    outbox.stop();
    await journal.close();
    throw listenError(e, config.host, port);
  }
  ready = true;
  const addr = server.address() as AddressInfo;
  const url = `http://${addr.address.includes(":") ? `[${addr.address}]` : addr.address}:${addr.port}`;
  log.info({ url, model: config.model, dry_run: !sender }, "monitor listening");

  /**
   * A timer's work failed. Refused by an unavailable journal it is only debug: the journal's change of availability
   * was logged once, and the work runs again on the next tick, poll or snapshot.
   */
  function failed(e: Error, what: string, fields: object = {}): void {
    if (e instanceof JournalUnavailableError) log.debug({ ...fields, err: e.message }, what);
    else log.error({ ...fields, err: e.message }, what);
  }

  let syncsSeen = 0;
  function tick(): Promise<void> {
    const t = now();
    metrics.journalSyncs.inc(journal.syncs - syncsSeen);
    syncsSeen = journal.syncs;
    if (monitor.dueAt(t) && !draining) {
      return journal.appendTick(t, (end) => {
        monitor.applyTick(t);
        monitor.appliedOffset = end;
      });
    }
    monitor.updateProgress(t);
    return Promise.resolve();
  }
  const tickMs = options.tickIntervalMs ?? 1000;
  const ticker =
    tickMs > 0 ? setInterval(() => void tick().catch((e: Error) => failed(e, "journal tick failed")), tickMs) : null;
  ticker?.unref();
  const pollMs = options.pollIntervalMs ?? config.source?.pollMs ?? 0;
  // Configured periods go through setLongInterval: a plain setInterval turns a period over 2^31-1 ms into 1 ms.
  const poller =
    source && pollMs > 0
      ? setLongInterval(() => {
          if (draining || source.polling) return;
          source.pollOnce().catch((e: Error) => failed(e, "prediction log poll failed", { file: source.file }));
        }, pollMs).unref()
      : null;
  let checkpointing: Promise<void> | null = null;
  async function checkpoint(onStep?: (step: string) => void): Promise<void> {
    while (checkpointing) await checkpointing;
    const run = (async () => {
      const covered = monitor.writeSnapshot(() => onStep?.("snapshot temp written"));
      checkpointedAt = covered;
      onStep?.("snapshot renamed");
      const deleted = await journal.compact(covered, onStep);
      if (deleted.length > 0) log.debug({ covered, deleted }, "journal compacted");
    })();
    // Whoever called checkpoint() gets its failure; the promise others wait on only settles (an unhandled
    // rejection of it would end the process).
    checkpointing = run
      .catch(() => undefined)
      .finally(() => {
        checkpointing = null;
      });
    return run;
  }
  function checkpointWhenJournalGrew(): void {
    if (draining || checkpointing || journal.offset - checkpointedAt < checkpointBytes) return;
    checkpoint().catch((e: Error) => failed(e, "snapshot failed"));
  }
  const snapshots = setLongInterval(() => {
    if (draining) return;
    checkpoint().catch((e: Error) => failed(e, "snapshot failed"));
  }, config.snapshotIntervalMs).unref();

  async function shutdown(): Promise<void> {
    if (draining) return;
    draining = true;
    if (ticker) clearInterval(ticker);
    poller?.cancel();
    snapshots.cancel();
    // A poll in flight finishes (its batch is journaled) before the shutdown snapshot.
    await source?.close();
    outbox.stop();
    await outbox.idle();
    const closed = new Promise<void>((r) => server.close(() => r()));
    server.closeIdleConnections();
    while (checkpointing) await checkpointing;
    await journal.drain();
    await checkpoint();
    await journal.close();
    await closed;
    log.info({ offset: monitor.appliedOffset }, "monitor stopped");
  }

  return { url, monitor, metrics, outbox, journal, source, tick, checkpoint, shutdown };
}

/** The bind failures a user causes (`listen` in monitor.yml, the machine): why, and what to do. */
const LISTEN_FAILURES = new Map<string, (host: string) => [why: string, hint: string]>([
  [
    "EADDRINUSE",
    () => [
      "the port is already in use by another process",
      "stop the other process (or the other monitor), or set `listen` to a free port",
    ],
  ],
  [
    "EADDRNOTAVAIL",
    (host) => [
      `${host} is not an address of this machine`,
      "set `listen` to one of this machine's addresses: 127.0.0.1 for this machine only, 0.0.0.0 for all interfaces",
    ],
  ],
  [
    "EACCES",
    () => ["permission denied", "use a port of 1024 or above (lower ports need CAP_NET_BIND_SERVICE or root)"],
  ],
  [
    "ENOTFOUND",
    (host) => [`${host} does not resolve to an address`, "set `listen` to an IP address such as 127.0.0.1"],
  ],
  ["EAI_AGAIN", (host) => [`${host} could not be resolved (DNS)`, "set `listen` to an IP address such as 127.0.0.1"]],
]);

/**
 * Why the server cannot bind `host:port`, as a config error naming the address and the fix; anything else (no system
 * error code) is not the user's and is passed on.
 */
function listenError(e: unknown, host: string, port: number): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code !== "string") return e;
  const [why, hint] = LISTEN_FAILURES.get(code)?.(host) ?? [(e as Error).message, "check `listen` in monitor.yml"];
  return new ModelguardError("config", `cannot listen on ${host}:${port} (monitor.yml \`listen\`): ${why}`, hint);
}

/**
 * Buffers that request bodies are read into, reused once the journal has written them: steady ingest then allocates
 * no body-sized buffers (each would be a fresh malloc/mmap whose release waits for a GC of its JS wrapper, which makes
 * RSS swing by tens of MB and fragments the C heap). Bounded: at most POOLED_BYTES kept, none over POOLED_MAX.
 */
const POOLED_BYTES = 8 * 1024 * 1024;
const POOLED_MAX = 2 * 1024 * 1024;
const POOL_STEP = 64 * 1024;

class BodyPool {
  private readonly free: Buffer[] = [];
  private freeBytes = 0;
  /** Memory this pool handed out (a body may be a slice of Buffer's shared pool, which must never be reused). */
  private readonly mine = new WeakSet<ArrayBufferLike>();

  /** A buffer of `size` bytes, uninitialised. */
  acquire(size: number): Buffer {
    for (let i = 0; i < this.free.length; i++) {
      const b = this.free[i]!;
      if (b.length >= size) {
        this.free.splice(i, 1);
        this.freeBytes -= b.length;
        return b.subarray(0, size);
      }
    }
    if (size > POOLED_MAX) return Buffer.allocUnsafeSlow(size);
    const b = Buffer.allocUnsafeSlow(Math.max(POOL_STEP, Math.ceil(size / POOL_STEP) * POOL_STEP));
    this.mine.add(b.buffer);
    return b.subarray(0, size);
  }

  /** Gives a body back once nothing reads it any more (a body not from this pool is left to the GC). */
  release(body: Buffer): void {
    const whole = body.buffer;
    if (!this.mine.has(whole) || this.freeBytes + whole.byteLength > POOLED_BYTES) return;
    if (this.free.some((b) => b.buffer === whole)) return;
    this.free.push(Buffer.from(whole));
    this.freeBytes += whole.byteLength;
  }
}

/**
 * Reads a body up to `max` bytes; null as soon as it goes over (the rest is not buffered). With a declared length
 * (`declared` >= 0, at most `max`) the chunks are copied into one buffer from `pool` as they arrive.
 */
function readBody(req: IncomingMessage, max: number, declared: number, pool: BodyPool): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    let target = declared >= 0 && declared <= max ? pool.acquire(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on("data", (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > max) {
        done = true;
        req.pause();
        resolve(null);
        return;
      }
      if (target && size <= target.length) c.copy(target, size - c.length);
      else {
        if (target) chunks.push(target.subarray(0, size - c.length));
        target = null;
        chunks.push(c);
      }
    });
    req.on("end", () => {
      if (done) return;
      resolve(target ? target.subarray(0, size) : Buffer.concat(chunks, size));
    });
    req.on("error", (e) => {
      if (!done) reject(e);
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  // Drift statistics can be infinite (mass moved to an infinity): written as "Infinity", as the CLI's reports do.
  res.end(stringifyContract(body));
}
