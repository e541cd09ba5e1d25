import { join } from "node:path";
import { pino, type Logger } from "pino";
import { readProfile } from "../src/profile/profileFile.js";
import { setLongInterval } from "../src/setLongInterval.js";
import type { GitHubClientOptions } from "../src/github/index.js";
import { githubSenderFromEnv } from "./alerts/githubSender.js";
import { Outbox, type OutboxSender } from "./alerts/outbox.js";
import type { MonitorConfig } from "./config/monitorConfig.js";
import { driftRoute } from "./http/driftRoute.js";
import { performanceRoute } from "./http/performanceRoute.js";
import { healthzRoute, readyzRoute, type Lifecycle } from "./http/healthRoutes.js";
import { ingestRoute } from "./http/ingestRoute.js";
import { labelsRoute } from "./http/labelsRoute.js";
import { LabelMetrics } from "./labels/labelMetrics.js";
import { FleetLabelJoin } from "./labels/fleetLabelJoin.js";
import { FleetLabelStore } from "./labels/fleetLabelStore.js";
import { parseLabelLine, type LabelBatch } from "./labels/parseLabels.js";
import { metricsRoute } from "./http/metricsRoute.js";
import { createMonitorServer, listenOn } from "./http/monitorServer.js";
import { statusRoute } from "./http/statusRoute.js";
import { batchOfEvents } from "./ingest/eventBatch.js";
import { FileSource } from "./ingest/fileSource.js";
import { ingestAuthFromEnv } from "./ingest/ingestAuth.js";
import { MonitorMetrics } from "./metrics/monitorMetrics.js";
import { StateMetrics } from "./metrics/stateMetrics.js";
import { Checkpointer } from "./state/checkpointer.js";
import { Journal, JournalUnavailableError } from "./state/journal.js";
import { StateWrites } from "./state/stateWrites.js";
import { ensureStateDirectory, ensureStateSubdirectory } from "./state/stateDirectory.js";
import { FleetMember } from "./fleet/fleetMember.js";
import { FleetMetrics } from "./fleet/fleetMetrics.js";
import { FleetStore } from "./fleet/fleetStore.js";
import { FleetPerformance } from "./fleet/fleetPerformance.js";
import { FleetReference } from "./fleet/fleetReference.js";
import { PerformanceMetrics } from "./performance/performanceMetrics.js";
import { fleetPeriodMs } from "./fleet/fleetConfig.js";
import { DriftMonitor } from "./windows/driftMonitor.js";
import { loadEstimator } from "./performance/loadEstimator.js";
import { CbpeEstimator } from "../src/performance/cbpe/cbpeEstimator.js";
import { ProductionReference, type ProductionVersion } from "./reference/ProductionReference.js";
import { productionMetricsOf } from "./performance/productionMetrics.js";
import { referenceTargetOf } from "./reference/referenceTarget.js";
import { DeploymentStatusTracker, deploymentRepositoryOf } from "./alerts/deploymentStatus.js";
import { FleetDeploymentStatus } from "./fleet/fleetDeploymentStatus.js";
import type { BatchStats } from "./ingest/batchStats.js";

export { JOURNAL_CHECKPOINT_BYTES } from "./state/checkpointer.js";

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
  /** The label log (config `labels.source`), or null; `labelSource.pollOnce()` is what its poll timer runs. */
  labelSource: FileSource<{ id: string; label: LabelBatch["labels"][number] }> | null;
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
  /** The fleet member (config `fleet`), or null. `fleet.round()` is what its timer runs. */
  fleet: FleetMember | null;
  /** Fleet mode with `labels:`: the fleet-wide label join; `labelFleet.round()` runs with each fleet round. */
  labelFleet: FleetLabelJoin | null;
  /** With `reference: registry:NAME`: the production it follows; null for a file reference. */
  production: ProductionReference | null;
  /**
   * Checks for a new reference now: the registry's production (what the registry_poll timer runs), or the profile
   * file again (what SIGHUP runs). Resolves to what it switched to (at the next window boundary), or null.
   */
  reloadReference(): Promise<string | null>;
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
  /** Overrides config.source.poll and labels.source.poll (ms); 0 turns the poll timers off (tests call pollOnce()). */
  pollIntervalMs?: number;
  /** Journal bytes appended since the last snapshot that trigger the next one (default JOURNAL_CHECKPOINT_BYTES). */
  checkpointBytes?: number;
  /** Period of the fleet rounds (default: fleet.lease/3, at most 5 s; 0 turns the timer off, tests call round()). */
  fleetRoundMs?: number;
  /** Overrides config.registryPollMs; 0 turns the registry poll off (tests call reloadReference()). */
  registryPollMs?: number;
}

/**
 * Starts the sidecar: loads the reference, replays the journal after the snapshot, then serves. The parts live in
 * their folders (http/ routes, ingest/, windows/, alerts/, state/); this wires them and runs the timers.
 */
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
  // A registry reference: production's profile, verified against its card (GITHUB_TOKEN reads a GitHub registry).
  const production = config.referenceRegistry ? ProductionReference.fromConfig(config, env) : null;
  const fleetStore = config.fleet ? new FleetStore(config.fleet, env, () => clock()) : null;
  // A fleet following production measures every window against the version its plan in Redis names for it.
  const fleetReference =
    production && config.fleet && fleetStore && "durationMs" in config.window
      ? new FleetReference({
          production,
          store: fleetStore,
          durationMs: config.window.durationMs,
          periodMs: fleetPeriodMs(config.fleet),
          graceMs: config.fleet.graceMs,
          openAheadMs: config.window.time === "event" ? config.window.durationMs : 0,
          now: () => clock(),
          loaded: (v) => addProductionMetrics(v),
          inEffect: (v) => {
            const version = `v${v.version}`;
            if (monitor.modelVersion === version) return;
            metrics.modelVersionChanged(monitor.modelVersion, version);
            monitor.modelVersion = version;
            monitor.referenceLabel = `${config.reference}@${version}`;
          },
          log,
        })
      : null;
  const loaded = fleetReference
    ? await fleetReference.start(new FleetStore(config.fleet!, env, () => clock()))
    : production
      ? await production.load()
      : null;
  const profile = loaded ? loaded.profile : readProfile(config.reference);
  // Before the state directory is touched: a calibration that cannot be read stops the start (exit 2).
  const estimator = loadEstimator(config, loaded?.calibration ?? null);
  ensureStateDirectory(config.state);
  const metrics = new MonitorMetrics();
  // Window reports and outbox lines whose write failed (disk full, EIO) wait here; the journal refuses batches meanwhile.
  const writes = new StateWrites();
  writes.onAvailability((unavailable) => {
    if (unavailable)
      log.error(
        { err: unavailable.message, code: (unavailable.reason as NodeJS.ErrnoException).code },
        "state write failed: it waits in memory and is retried every second; events are refused (503, the file source waits) until it is done",
      );
    else log.warn("state writes done again: accepting events");
  });
  const outbox = new Outbox(join(config.state, "outbox.jsonl"), sender, {
    ...options.outboxRetry,
    writes,
    now: () => clock(),
    onError: (e, id) => log.warn({ id, err: e.message }, "GitHub request failed; it stays in the outbox for retry"),
  });
  // Fleet mode: closed windows go to the fleet member (created once the monitor has its layout).
  let fleet: FleetMember | null = null;
  // A GitHub registry's production is a deployment: its status follows what this monitor sees. In fleet mode the
  // leader records it once per fleet from the merged windows (FleetDeploymentStatus), never each member.
  const deploymentRepository = production ? deploymentRepositoryOf(config, env) : null;
  const deployment =
    deploymentRepository && !config.fleet ? new DeploymentStatusTracker(config, deploymentRepository, outbox) : null;
  const monitor = new DriftMonitor(config, profile, {
    metrics,
    outbox,
    writes,
    log,
    ...(estimator ? { estimator } : {}),
    ...(deployment ? { deployment } : {}),
    ...referenceTargetOf(config, loaded),
    ...(config.fleet ? { fleet: { windowClosed: (w) => fleet!.windowClosed(w) } } : {}),
  });
  // Fleet mode with `performance:`: the members' labelled rows are merged and judged by the leader.
  let fleetPerformance: FleetPerformance | null = null;
  if (config.fleet) {
    const store = fleetStore!;
    if (monitor.performance)
      fleetPerformance = new FleetPerformance({
        config,
        fleet: config.fleet,
        store,
        local: monitor.performance,
        gauges: new PerformanceMetrics(metrics.registry),
        metrics,
        member: config.fleet.member,
        now: () => clock(),
        log,
      });
    fleet = new FleetMember({
      config,
      fleet: config.fleet,
      host: {
        layout: monitor.layout,
        openWindows: () => (monitor.eventWindows ? [...monitor.eventWindows.open.values()] : [monitor.window]),
        reportOf: (w, at) => monitor.reportOf(w, at),
      },
      store,
      metrics: new FleetMetrics(metrics.registry),
      sender,
      ...(fleetPerformance ? { performance: fleetPerformance } : {}),
      ...(fleetReference ? { reference: fleetReference } : {}),
      ...(fleetReference && deploymentRepository
        ? { deployment: new FleetDeploymentStatus(config, deploymentRepository) }
        : {}),
      writes,
      now: () => clock(),
      log,
    });
  }
  if (loaded) {
    monitor.modelVersion = `v${loaded.version}`;
    monitor.referenceLabel = `${config.reference}@v${loaded.version}`;
    metrics.modelVersionChanged(null, monitor.modelVersion);
  }
  if (fleetReference) {
    // Before the snapshot and the replay: the windows they rebuild are measured as the fleet measures them.
    const calibrated = config.estimation?.calibration === "registry";
    fleetReference.attach((v) =>
      monitor.judgedReference(
        v.profile,
        `v${v.version}`,
        `${config.reference}@v${v.version}`,
        calibrated ? v.calibration && new CbpeEstimator(v.calibration) : undefined,
      ),
    );
    monitor.followReferences((start) => fleetReference.at(start));
  }
  /** Production's metrics.json of a version the fleet follows: realized performance of the windows it served. */
  function addProductionMetrics(v: ProductionVersion): void {
    if (!v.metrics || !monitor.performance || !config.performance) return;
    try {
      const source = `${config.reference} v${v.version}`;
      monitor.performance.addProduction(
        `v${v.version}`,
        productionMetricsOf(v.metrics, source, config.performance, config.file),
      );
    } catch (e) {
      log.error(
        { err: (e as Error).message, version: `v${v.version}` },
        "production's metrics.json does not fit the performance rules",
      );
    }
  }
  const life: Lifecycle = { ready: false, draining: false };

  // Replay before listening for events: readiness means every acknowledged batch is in the window.
  // Production's metrics.json from the registry (reference_metrics, when given, wins): before the replay judges windows.
  if (loaded?.metrics && monitor.performance && config.performance) {
    const source = `${config.reference} v${loaded.version}`;
    monitor.performance.addProduction(
      `v${loaded.version}`,
      productionMetricsOf(loaded.metrics, source, config.performance, config.file),
    );
  }
  const from = monitor.loadSnapshot();
  const journalDir = join(config.state, "journal");
  ensureStateSubdirectory(journalDir, "its journal (the acknowledged batches)");
  Journal.migrateSingleFile(join(config.state, "journal.log"), journalDir);
  // Logged on the change only: while the journal stays unavailable every batch, poll and tick is refused the same way,
  // and an error line per poll (every 100 ms) would bury everything else. /readyz reports it meanwhile.
  const opened = await Journal.open(journalDir, from, (r, end) => monitor.applyRecord(r, end), {
    blockedBy: () => writes.unavailable,
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
  const checkpointer = new Checkpointer(
    journal,
    (onStep) => monitor.writeSnapshot(onStep),
    log,
    from,
    options.checkpointBytes,
  );
  lastT = Math.max(lastT, monitor.lastRecordAt);
  // Production moved while the monitor was down: the same switch as a poll finding it (a note on an open issue).
  // (A fleet's switches are its plan's, at the window boundary it names.)
  if (
    loaded &&
    !fleetReference &&
    monitor.snapshotModelVersion !== null &&
    monitor.snapshotModelVersion !== monitor.modelVersion
  ) {
    monitor.modelVersion = monitor.snapshotModelVersion;
    monitor.switchReference(loaded.profile, `v${loaded.version}`, `${config.reference}@v${loaded.version}`);
  }
  // The version loaded now: after the replay, whose windows may already have judged it (then nothing is posted).
  if (loaded) deployment?.loaded(monitor.modelVersion, monitor.window.index, new Date(clock()).toISOString());
  monitor.updateProgress(now());
  log.info(
    { from, replayed: opened.replayed, truncated_bytes: opened.truncatedBytes, window: monitor.window.index },
    "journal replayed",
  );
  for (const cut of opened.cuts)
    log.warn({ ...cut }, "journal: cut off the bytes of a write that never completed (never acknowledged)");
  outbox.start();
  // In fleet mode the monitor's own outbox stays empty: the gauges show the fleet's shared outbox on its leader (0 on
  // the other members), so a request parked or stuck there is seen, and alerted on, like a single monitor's.
  const pendingRequests = { pending: () => (fleet ? fleet.pendingAlerts() : outbox.pending()) };
  new StateMetrics(metrics.registry, { outbox: pendingRequests, journal, life, dryRun: !sender, now: () => clock() });

  /** After a batch is durable and applied, from HTTP or the file source. */
  function accepted(events: number, stats: BatchStats): void {
    metrics.countAccepted(events, stats);
    checkpointWhenJournalGrew();
  }

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
          accepted(events.length, stats);
          if (malformed) metrics.rejected.inc({ reason: "source_malformed" }, malformed);
        },
      })
    : null;
  if (source) log.info({ file: source.file, from: monitor.sourcePosition }, "following the prediction log");
  const labelJoin = monitor.labels;
  if (labelJoin) new LabelMetrics(metrics.registry, labelJoin);
  // The label log resumes, like the prediction log, from the position in its last journaled record.
  const labelSource =
    labelJoin && config.labels?.source
      ? new FileSource<{ id: string; label: LabelBatch["labels"][number] }>({
          file: config.labels.source.file,
          start: labelJoin.sourcePosition,
          log,
          kind: "label",
          parseLine: parseLabelLine,
          commit: async (body, labels, position, malformed) => {
            const t = now();
            const batch: LabelBatch = { ids: labels.map((l) => l.id), labels: labels.map((l) => l.label) };
            await journal.appendLabels(
              t,
              body,
              (end) => {
                monitor.applyLabels(batch, t);
                labelJoin.sourcePosition = position;
                monitor.appliedOffset = end;
              },
              { position },
            );
            checkpointWhenJournalGrew();
            if (malformed) metrics.rejected.inc({ reason: "label_source_malformed" }, malformed);
          },
        })
      : null;
  // Fleet mode: a label may reach another member than its event; pairs are joined once fleet-wide in Redis.
  const labelFleet =
    labelJoin && config.fleet && config.labels
      ? new FleetLabelJoin({
          join: labelJoin,
          store: new FleetLabelStore(config.fleet, env, config.labels.maxDelayMs),
          journal,
          member: config.fleet.member,
          now,
          apply: (joins, t, end) => {
            monitor.applyJoins(joins, t);
            monitor.appliedOffset = end;
          },
        })
      : null;
  if (labelSource) log.info({ file: labelSource.file, from: labelJoin!.sourcePosition }, "following the label log");

  const server = createMonitorServer(
    [
      healthzRoute(),
      readyzRoute(life, journal, fleet),
      metricsRoute(metrics),
      driftRoute(config, monitor, fleet),
      performanceRoute(config, () => monitor.performance, fleetPerformance),
      statusRoute(
        config,
        monitor,
        metrics,
        fleet,
        () => clock(),
        () => monitor.performance,
        fleetPerformance,
      ),
      ingestRoute({ config, monitor, journal, metrics, auth: ingestAuth, life, now, accepted }),
      labelsRoute({
        config,
        monitor,
        journal,
        metrics,
        auth: ingestAuth,
        life,
        now,
        accepted: checkpointWhenJournalGrew,
      }),
    ],
    log,
  );
  const port = options.port ?? config.port;
  let url: string;
  try {
    url = await listenOn(server, config.host, port);
  } catch (e) {
    // Nothing was served: close what the start opened, so the process can exit with the error.
    await source?.close();
    await labelSource?.close();
    await fleet?.stop();
    outbox.stop();
    writes.close();
    await journal.close();
    throw e;
  }
  life.ready = true;
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
    if (monitor.dueAt(t) && !life.draining) {
      return journal.appendTick(t, (end) => {
        monitor.applyTick(t);
        monitor.appliedOffset = end;
      });
    }
    monitor.updateProgress(t);
    return Promise.resolve();
  }
  // After replay: the windows it closed are this member's partials, published on the first round.
  fleet?.start(options.fleetRoundMs ?? (config.fleet ? fleetPeriodMs(config.fleet) : 0));
  const labelRoundMs = options.fleetRoundMs ?? (config.fleet ? fleetPeriodMs(config.fleet) : 0);
  const labelRounds =
    labelFleet && labelRoundMs > 0
      ? setLongInterval(() => {
          if (life.draining) return;
          labelFleet.round().catch((e: Error) => log.warn({ err: e.message }, "fleet label join round failed"));
        }, labelRoundMs).unref()
      : null;
  const tickMs = options.tickIntervalMs ?? 1000;
  const ticker =
    tickMs > 0 ? setInterval(() => void tick().catch((e: Error) => failed(e, "journal tick failed")), tickMs) : null;
  ticker?.unref();
  const pollMs = options.pollIntervalMs ?? config.source?.pollMs ?? 0;
  // Configured periods go through setLongInterval: a plain setInterval turns a period over 2^31-1 ms into 1 ms.
  const poller =
    source && pollMs > 0
      ? setLongInterval(() => {
          if (life.draining || source.polling) return;
          source.pollOnce().catch((e: Error) => failed(e, "prediction log poll failed", { file: source.file }));
        }, pollMs).unref()
      : null;
  const labelPollMs = options.pollIntervalMs ?? config.labels?.source?.pollMs ?? 0;
  const labelPoller =
    labelSource && labelPollMs > 0
      ? setLongInterval(() => {
          if (life.draining || labelSource.polling) return;
          labelSource.pollOnce().catch((e: Error) => failed(e, "label log poll failed", { file: labelSource.file }));
        }, labelPollMs).unref()
      : null;
  /** A new production (or the profile file again): switched to at the next window boundary, if its features match. */
  async function reloadReference(): Promise<string | null> {
    // A fleet: its leader schedules the switch for every member (the others have nothing to do).
    if (fleetReference) return fleetReference.poll(fleet!.lease);
    const next = production
      ? await production.poll()
      : { version: null, profile: readProfile(config.reference), path: config.reference };
    if (!next) return null;
    const version = next.version === null ? null : `v${next.version}`;
    if (version !== null && "metrics" in next && next.metrics && monitor.performance && config.performance) {
      try {
        const source = `${config.reference} ${version}`;
        monitor.performance.addProduction(
          version,
          productionMetricsOf(next.metrics, source, config.performance, config.file),
        );
      } catch (e) {
        log.error(
          { err: (e as Error).message, version },
          "production's metrics.json does not fit the performance rules",
        );
      }
    }
    const label = version === null ? config.reference : `${config.reference}@${version}`;
    // estimation.calibration: registry follows production too (null: the new version has none).
    const estimator =
      "calibration" in next && config.estimation?.calibration === "registry"
        ? next.calibration && new CbpeEstimator(next.calibration)
        : undefined;
    if (!monitor.switchReference(next.profile, version, label, estimator)) {
      log.error(
        { reference: label, profile: next.path },
        "the new reference profile has other features (names or kinds) than the running one: restart the monitor to use it",
      );
      return null;
    }
    return version ?? config.reference;
  }
  let reloading = false;
  const registryPollMs = options.registryPollMs ?? config.registryPollMs;
  const registryPoller =
    production && registryPollMs > 0
      ? setLongInterval(() => {
          if (life.draining || reloading) return;
          reloading = true;
          reloadReference()
            .catch((e: Error) =>
              log.warn({ err: e.message, registry: production.registry.uri }, "registry poll failed"),
            )
            .finally(() => (reloading = false));
        }, registryPollMs).unref()
      : null;
  const checkpoint = (onStep?: (step: string) => void) => checkpointer.checkpoint(onStep);
  function checkpointWhenJournalGrew(): void {
    if (life.draining || !checkpointer.due()) return;
    checkpoint().catch((e: Error) => failed(e, "snapshot failed"));
  }
  const snapshots = setLongInterval(() => {
    if (life.draining) return;
    checkpoint().catch((e: Error) => failed(e, "snapshot failed"));
  }, config.snapshotIntervalMs).unref();

  async function shutdown(): Promise<void> {
    if (life.draining) return;
    life.draining = true;
    if (ticker) clearInterval(ticker);
    poller?.cancel();
    labelPoller?.cancel();
    registryPoller?.cancel();
    snapshots.cancel();
    // A poll in flight finishes (its batch is journaled) before the shutdown snapshot.
    await source?.close();
    await labelSource?.close();
    outbox.stop();
    await outbox.idle();
    const closed = new Promise<void>((r) => server.close(() => r()));
    server.closeIdleConnections();
    await checkpointer.idle();
    await journal.drain();
    writes.close();
    await checkpoint();
    // Every accepted event is in the window now: the member publishes it once more and, leading, gives the lease up.
    await fleet?.stop();
    labelRounds?.cancel();
    await labelFleet?.close();
    await journal.close();
    await closed;
    log.info({ offset: monitor.appliedOffset }, "monitor stopped");
  }

  return {
    url,
    monitor,
    metrics,
    outbox,
    journal,
    source,
    labelSource,
    fleet,
    labelFleet,
    production,
    reloadReference,
    tick,
    checkpoint,
    shutdown,
  };
}
