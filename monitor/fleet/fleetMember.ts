import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringifyContract } from "../../src/contracts/contractJson.js";
import { decideAlerts, INITIAL_ALERT_STATE, type AlertActionKind, type AlertState } from "../alerts/alertPolicy.js";
import { buildAlertRequest, productionChangedRequest } from "../alerts/alertRequests.js";
import { windowSignals, windowSignalSections } from "../alerts/windowSignals.js";
import { isParkable, type OutboxEntry, type OutboxEntryStatus, type OutboxSender } from "../alerts/outbox.js";
import { DEPLOYMENT_STATUS_KIND } from "../alerts/deploymentStatus.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import type { FeatureLayout } from "../ingest/featureLayout.js";
import { ensureStateSubdirectory } from "../state/stateDirectory.js";
import { StateWrites } from "../state/stateWrites.js";
import type { WindowReport } from "../windows/windowReport.js";
import { WindowState, type WindowStateJson } from "../windows/windowState.js";
import { escapeMarkdown } from "../../src/report/escapeMarkdown.js";
import { fleetPeriodMs, type FleetConfig } from "./fleetConfig.js";
import type { FleetMetrics } from "./fleetMetrics.js";
import type { FleetDeploymentRecord, FleetDeploymentStatus } from "./fleetDeploymentStatus.js";
import { FencedError, FleetStore, FleetUnavailableError, type MemberRecord, type PartialRecord } from "./fleetStore.js";

/** What the fleet needs of the member's own monitor. */
export interface FleetHost {
  layout: FeatureLayout;
  /**
   * The local open windows, clock-aligned (each starts at a multiple of the window duration): one, or with event time
   * every window still open for late events.
   */
  openWindows(): WindowState[];
  /** The window report a single monitor writes for `w` closed at `closedAt`: the same drift code and policy. */
  reportOf(w: WindowState, closedAt: number): WindowReport;
}

/** How the fleet saw one merged window: whose partials it holds and whose are missing or unfinished. */
export interface FleetWindowFacts {
  /** Members whose partial is in the merge (final or not). */
  members: string[];
  /** Members expected in this window whose state is not complete in the merge, and why. */
  missing: { member: string; reason: string }[];
  finalized_by: string;
}

export type FleetWindowReport = WindowReport & { fleet: FleetWindowFacts };

/** The fleet's alert state in Redis (`alert`), with the leader's copy on disk for a Redis restarted empty. */
export interface AlertRecord {
  state: AlertState;
  /** Start (ms) of the last finalized window; windows at or before it are late. */
  last_window: number | null;
  /** Starts (ms) of the windows whose realized-performance breach was alerted (once per window, per fleet). */
  performance_alerted?: number[];
  /** Following production: the version the last finalized window was judged against (a new one: a new episode). */
  model_version?: string | null;
  /** Following a GitHub registry: the last status the fleet recorded for production's deployment. */
  deployment?: FleetDeploymentRecord;
}

/** A fleet following production (fleetReference.ts): the reference each window is measured and judged against. */
export interface FleetReferenceHook {
  /** Every member, each round: reads the fleet's plan and loads its versions; a leader writes the first plan. */
  follow(lease: string | null): Promise<void>;
  /** The version window `start` is judged against (`v2`), or null while this member cannot judge it yet. */
  versionAt(start: number): string | null;
  /** Why versionAt(start) is null (the version does not load, or has other features). */
  unavailable(start: number): string;
}

/** The leader's access to the fleet's alert record: Redis, else its own last copy, else the initial state. */
export interface FleetAlertIo {
  read(): Promise<AlertRecord>;
  /** Keeps the copy on disk of a record just written to Redis. */
  keep(record: AlertRecord): void;
}

/** Realized performance in fleet mode (fleetPerformance.ts), run in each round. */
export interface FleetPerformanceHook {
  /** Every member: publish its labelled rows of closed windows. */
  publish(): Promise<void>;
  /** The leader, after the drift windows: merge, judge, and alert a breach once per fleet. */
  lead(lease: string, alert: FleetAlertIo): Promise<void>;
  /** Every member: show the leader's merged view. */
  show(): Promise<void>;
  /** How far window `index`'s labels have come in the view shown, or null. */
  ofWindow(index: number): { labelled_rows: number; judged: boolean; breached: boolean } | null;
}

/** Closed windows kept for publishing at most: older ones are dropped (logged) so a long outage stays bounded. */
const MAX_RETAINED = 64;

export interface FleetMemberOptions {
  config: MonitorConfig;
  fleet: FleetConfig;
  host: FleetHost;
  store: FleetStore;
  metrics: FleetMetrics;
  sender: OutboxSender | null;
  /** With `performance:`: the fleet's realized performance. */
  performance?: FleetPerformanceHook;
  /** With `reference: registry:NAME`: the fleet's reference per window. */
  reference?: FleetReferenceHook;
  /** With a GitHub registry's production (and `reference`): the status of its deployment, posted by the leader. */
  deployment?: FleetDeploymentStatus;
  /**
   * Where the partials and the alert copy are written: the monitor's, so that a full disk (ENOSPC, EIO) there waits
   * and is retried like its window reports, and the journal refuses events meanwhile (503, /readyz 503).
   */
  writes?: StateWrites;
  now: () => number;
  log: {
    info(o: object, m: string): void;
    warn(o: object, m: string): void;
    error(o: object, m: string): void;
    debug(o: object, m: string): void;
  };
}

/** Windows dropped as reference unavailable remembered by a leader (see unavailableDropped). */
const MAX_UNAVAILABLE = 256;
/**
 * An entry GitHub refuses in a way retrying soon will not fix (a dispatch of a workflow that is not there, a token
 * without `actions: write` or `deployments: write`, no deployment yet) steps aside and is tried again with a backoff;
 * after this long it is given up (recorded as not sent), so that the shared outbox stays bounded.
 */
const PARKED_GIVE_UP_MS = 86_400_000;
/**
 * Parked entries remembered at most: a day of refusals of one-minute windows with room to spare (one forgotten is
 * tried again at once, refused, and parked again).
 */
const MAX_PARKED = 10_000;
/** The shared outbox is read this many entries at a time. */
const OUTBOX_PAGE = 100;
/** Entries of the shared outbox taken up (sent, tried, or recorded as not sent) in one round at most. */
const OUTBOX_TRIES = 100;

/**
 * One member of a fleet. Every period it heartbeats, publishes its partial of each window (the open one, and closed
 * ones until the fleet has finalized them), and seeks or renews the lease. While it holds the lease it finalizes the
 * windows whose end plus `grace` has passed (merges the partials, runs drift and the alert policy with the state in
 * Redis) and sends the fleet's alerts, each claimed in Redis first.
 */
export class FleetMember {
  readonly member: string;
  private readonly durationMs: number;
  private readonly periodMs: number;
  private readonly dir: string;
  /** Closed windows' final partials not yet known finalized, by start; `published` false until Redis has them. */
  private readonly retained = new Map<number, { json: WindowStateJson; published: boolean }>();
  /** Open windows last published: start -> event count (unchanged windows are not sent again). */
  private lastOpen = new Map<number, number>();
  /**
   * Windows this leader dropped as reference unavailable, newest last (at most MAX_UNAVAILABLE): a partial published
   * after the drop (an event-time window still open for late events) brings the start back, and is dropped as late, not
   * logged and counted again.
   */
  private readonly unavailableDropped = new Set<number>();
  private readonly since: number;
  lease: string | null = null;
  private settleUntil = 0;
  private wasDown = true;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Merged reports last read from Redis (newest first), for /v1/drift while Redis is unreachable. */
  reportsCache: unknown[] = [];
  private sendBackoff = { attempts: 0, until: 0 };
  /** Entries parked by this leader: id -> when to try again, failures in a row. */
  private readonly parked = new Map<string, { until: number; attempts: number }>();
  /** The shared outbox as this leader last read it, less what it sent since (the outbox gauges of /metrics). */
  private sharedPending: OutboxEntry[] = [];
  /** The last merged report shown on /metrics (its JSON text). */
  private lastMerged: string | null = null;
  /** The fleet's alert record last copied to disk (its JSON text). */
  private lastAlertCopy: string | null = null;
  /** The newest alert record whose copy on disk waits in `writes` (a full disk), or null: only the newest is written. */
  private alertToKeep: AlertRecord | null = null;
  private readonly writes: StateWrites;

  constructor(private readonly o: FleetMemberOptions) {
    this.member = o.fleet.member;
    if (!("durationMs" in o.config.window)) throw new Error("fleet mode needs windows by duration (window.duration)");
    this.durationMs = o.config.window.durationMs;
    this.periodMs = fleetPeriodMs(o.fleet);
    this.since = o.now();
    this.dir = join(o.config.state, "fleet");
    this.writes = o.writes ?? new StateWrites();
    ensureStateSubdirectory(this.dir, "closed windows' partials not yet merged by the fleet");
    for (const name of readdirSync(this.dir)) {
      // A temp file is a write that failed or was cut by a crash: never read, its space is given back.
      if (name.endsWith(".tmp")) rmSync(join(this.dir, name), { force: true });
      const m = /^([0-9]+)\.json$/.exec(name);
      if (!m) continue;
      try {
        this.retained.set(Number(m[1]), {
          json: JSON.parse(readFileSync(join(this.dir, name), "utf8")) as WindowStateJson,
          published: false,
        });
      } catch (e) {
        o.log.warn({ file: name, err: (e as Error).message }, "fleet: an unreadable retained partial was dropped");
        rmSync(join(this.dir, name), { force: true });
      }
    }
    o.metrics.leader.set({ member: this.member }, 0);
    o.metrics.redisUp.set(0);
    this.updatePending();
  }

  /** The monitor closed a window: its state is this member's final partial of it (replay closes it again: same). */
  windowClosed(w: WindowState): void {
    const json = w.toJson();
    const start = w.startedAt;
    const file = join(this.dir, `${start}.json`);
    this.retained.set(start, { json, published: false });
    // Called while a journal record is applied: a full disk must not throw into it. The write waits in `writes` (the
    // journal refuses events meanwhile, and no snapshot is taken, so a crash closes the window again on replay); the
    // partial is published from memory meanwhile. A write still waiting when its window was forgotten, or closed again
    // (replay), is not made.
    this.writes.run(`the fleet partial ${file}`, () => {
      if (this.retained.get(start)?.json === json) replaceFile(file, JSON.stringify(json));
    });
    if (this.retained.size > MAX_RETAINED) {
      const oldest = Math.min(...this.retained.keys());
      this.forget(oldest);
      this.o.log.error({ window_start: oldest }, "fleet: too many windows waiting for Redis; the oldest was dropped");
    }
    this.updatePending();
  }

  /** Connects to Redis and runs a round every `periodMs` (0: no timer; the caller runs round()). */
  start(periodMs = this.periodMs): void {
    void this.o.store.connect();
    if (periodMs <= 0) return;
    this.timer = setInterval(() => void this.round(), periodMs);
    this.timer.unref();
  }

  /** Stops the rounds; a leader gives the lease up so that another member leads on its next round. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    while (this.running) await this.running;
    try {
      // The last events of the open window reach Redis: a member scaled down for good is merged with all of them.
      await this.memberWork(true);
      await this.o.performance?.publish();
    } catch (e) {
      this.o.log.debug({ err: (e as Error).message }, "fleet: last publish failed");
    }
    if (this.lease) {
      try {
        await this.o.store.release(this.lease);
        this.o.log.info({ member: this.member }, "fleet: lease released on stop");
      } catch (e) {
        // Fenced (already lost) or Redis unreachable: the lease then expires by itself.
        this.o.log.debug({ err: (e as Error).message }, "fleet: lease not released");
      }
      this.setLease(null);
    }
    await this.o.store.close();
  }

  /** One period's work (what the timer runs); a round in flight is joined, not overlapped. */
  round(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.work().finally(() => (this.running = null));
    return this.running;
  }

  private async work(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.memberWork();
      await this.o.reference?.follow(this.lease);
      await this.o.performance?.publish();
      if (this.lease && this.o.now() >= this.settleUntil) {
        await this.recordDeploymentInEffect();
        await this.finalizeDue();
        await this.o.performance?.lead(this.lease, this.alertIo);
        await this.sendAlerts();
      }
      await this.showMerged();
      await this.o.performance?.show();
      await this.copyAlert();
    } catch (e) {
      if (e instanceof FencedError) {
        this.o.log.warn({ member: this.member }, "fleet: lease lost; this member no longer leads");
        this.setLease(null);
      } else if (e instanceof FleetUnavailableError) this.o.log.debug({ err: e.message }, "fleet round failed");
      else this.o.log.error({ err: (e as Error).message }, "fleet round failed");
    }
    this.noteRedis();
  }

  private noteRedis(): void {
    const down = this.o.store.down;
    this.o.metrics.redisUp.set(down ? 0 : 1);
    if (down && !this.wasDown) {
      this.o.metrics.outages.inc();
      this.o.log.error({ err: down.reason }, "fleet: Redis unreachable; events are still accepted into the journal");
      this.setLease(null);
    } else if (!down && this.wasDown) {
      this.o.log.warn({}, "fleet: Redis reachable; publishing the windows kept meanwhile");
    }
    if (down) {
      // Redis may come back empty (restarted without persistence): everything is published again then.
      for (const r of this.retained.values()) r.published = false;
      this.lastOpen.clear();
      this.setLease(null);
    }
    this.wasDown = !!down;
  }

  private setLease(value: string | null): void {
    if (value && !this.lease) {
      // A new leader waits until every member has heartbeated and published at least once more.
      this.settleUntil = this.o.now() + 2 * this.periodMs;
      this.o.log.info({ member: this.member, lease: value }, "fleet: this member leads");
    }
    this.lease = value;
    if (!value) this.sharedPending = [];
    this.o.metrics.leader.set({ member: this.member }, value ? 1 : 0);
  }

  private forget(start: number): void {
    this.retained.delete(start);
    const file = join(this.dir, `${start}.json`);
    // After any write of it still waiting, so that the write cannot bring it back.
    this.writes.run(`the removal of the fleet partial ${file}`, () => rmSync(file, { force: true }));
  }

  private updatePending(): void {
    let n = 0;
    for (const r of this.retained.values()) if (!r.published) n++;
    this.o.metrics.pendingPartials.set(n);
  }

  /**
   * Every window of this member ending at or before the returned time is published final. A member stopping with an
   * empty open window has nothing more to give any window: it says so (MAX_SAFE_INTEGER), so that a member scaled down
   * is not reported missing from the windows after it left.
   */
  private through(leaving = false): number {
    let t = leaving ? Number.MAX_SAFE_INTEGER : Math.floor(this.o.now() / this.durationMs) * this.durationMs;
    for (const w of this.o.host.openWindows()) if (w.events > 0 && w.startedAt > 0) t = Math.min(t, w.startedAt);
    for (const [start, r] of this.retained) if (!r.published) t = Math.min(t, start);
    return t;
  }

  private partialTtl(): number {
    return 4 * (this.durationMs + this.o.fleet.graceMs) + 60_000;
  }

  private async memberWork(leaving = false): Promise<void> {
    const { store } = this.o;
    const now = this.o.now();
    const beat: MemberRecord = { since: this.since, seen: now, through: this.through(leaving) };
    await store.heartbeat(this.member, beat.since, beat.through);
    for (const [start, r] of [...this.retained].sort((a, b) => a[0] - b[0])) {
      if (r.published) {
        if (await store.isFinalized(start)) this.forget(start);
        continue;
      }
      const rec: PartialRecord = { member: this.member, final: true, published_at: now, window: r.json };
      if (await store.publish(start, rec, this.partialTtl())) {
        r.published = true;
        this.o.metrics.published.inc();
      } else {
        this.o.metrics.late.inc();
        this.o.log.warn(
          { window_start: new Date(start).toISOString(), events: r.json.events },
          "fleet: this member's partial came after the window was finalized; not counted",
        );
        this.forget(start);
      }
    }
    this.updatePending();
    const open = this.o.host.openWindows();
    for (const start of this.lastOpen.keys()) if (!open.some((w) => w.startedAt === start)) this.lastOpen.delete(start);
    for (const w of open) {
      if (w.events === 0 || w.startedAt === 0 || this.retained.has(w.startedAt)) continue;
      if (this.lastOpen.get(w.startedAt) === w.events) continue;
      const rec: PartialRecord = { member: this.member, final: false, published_at: now, window: w.toJson() };
      if (await store.publish(w.startedAt, rec, this.partialTtl())) this.o.metrics.published.inc();
      else this.o.metrics.late.inc();
      this.lastOpen.set(w.startedAt, w.events);
    }
    if (!leaving) this.setLease(await store.lease(this.lease, this.member));
    // Heartbeat again with the watermark after publishing, so the leader does not wait a period for it.
    await store.heartbeat(this.member, this.since, this.through(leaving));
  }

  private readonly alertIo: FleetAlertIo = {
    read: async () => {
      const shared = await this.o.store.alertState<AlertRecord>();
      if (shared !== null) return shared;
      const local = this.localAlert();
      if (local === null) return { state: { ...INITIAL_ALERT_STATE }, last_window: null };
      // Redis came back empty: the outbox entry written with the record's deployment status went with it (only the
      // record has a copy on disk). Without it the fleet records that status again; the sender reads the deployment's
      // latest status first, so one GitHub already has comes back unchanged instead of being posted twice.
      const { deployment: _lost, ...rest } = local;
      return rest;
    },
    keep: (record) => this.keepAlert(record),
  };

  /**
   * Keeps the copy on disk through `writes`: a full disk does not fail the round (the record is in Redis already); the
   * copy waits, and only the newest record waiting is written once there is room. It replaces the file by a rename,
   * so a failed write never leaves a torn alert.json to be read back.
   */
  private keepAlert(record: AlertRecord): void {
    const waiting = this.alertToKeep !== null;
    this.alertToKeep = record;
    if (waiting) return;
    const file = join(this.dir, "alert.json");
    this.writes.run(`the fleet's alert state copy ${file}`, () => {
      replaceFile(file, JSON.stringify(this.alertToKeep));
      this.alertToKeep = null;
    });
  }

  private localAlert(): AlertRecord | null {
    if (this.alertToKeep) return this.alertToKeep;
    try {
      return JSON.parse(readFileSync(join(this.dir, "alert.json"), "utf8")) as AlertRecord;
    } catch {
      return null;
    }
  }

  /** Leader: merges and reports every window whose end plus grace has passed, oldest first. */
  private async finalizeDue(): Promise<void> {
    const { store, config, fleet } = this.o;
    const lease = this.lease!;
    const now = this.o.now();
    const d = this.durationMs;
    const due = await store.windowsUpTo(now - d - fleet.graceMs);
    if (due.length === 0) return;
    // Redis restarted empty loses the alert state; this member's copy of the last one it wrote (if it led) keeps the
    // cooldown and the open issue across that.
    const alert = await this.alertIo.read();
    const members = await store.members();
    for (const start of due) {
      const end = start + d;
      if (alert.last_window !== null && start <= alert.last_window) {
        await store.drop(lease, start);
        this.o.metrics.late.inc();
        continue;
      }
      // Following production: judged against the version the fleet recorded for the window, once this member has it.
      const version = this.o.reference ? this.o.reference.versionAt(start) : undefined;
      if (version === null) {
        // Windows are finalized in order, so one whose version never loads (a release deleted, a card rewritten, the
        // registry gone) would hold every later one: it waits as long as a late member would, then is dropped
        // unjudged (never against another version, whose ranges its partials were not counted with).
        if (now < end + 2 * fleet.graceMs) return;
        const partials = await store.partials(start);
        await store.drop(lease, start);
        if (this.unavailableDropped.has(start)) {
          this.o.metrics.late.inc(partials.length);
          continue;
        }
        this.unavailableDropped.add(start);
        if (this.unavailableDropped.size > MAX_UNAVAILABLE)
          this.unavailableDropped.delete(this.unavailableDropped.values().next().value!);
        this.o.metrics.referenceUnavailable.inc();
        if (partials.length > 0) this.o.metrics.missingPartials.inc(partials.length);
        this.o.log.error(
          {
            window_start: new Date(start).toISOString(),
            missing: partials.map((p) => p.member).sort(),
            err: this.o.reference!.unavailable(start),
          },
          "fleet: reference unavailable: the window's version could not be loaded by its deadline; the window is dropped unjudged",
        );
        continue;
      }
      const partials = await store.partials(start);
      const byMember = new Map(partials.map((p) => [p.member, p]));
      const missing: FleetWindowFacts["missing"] = [];
      let waitFor = false;
      const names = new Set([...members.keys(), ...byMember.keys()]);
      for (const m of [...names].sort()) {
        const beat = members.get(m);
        const p = byMember.get(m);
        // Complete: its final partial, or none while it says every window up to this one's end is published.
        if (p?.final || (!p && (!beat || beat.through >= end))) continue;
        // Not a member of this window: last seen before it began, and nothing of it here.
        if (!p && beat!.seen < start) continue;
        const fresh = beat !== undefined && beat.seen >= now - 3 * this.periodMs;
        if (fresh && now < end + 2 * fleet.graceMs) waitFor = true;
        missing.push({
          member: m,
          reason: p
            ? `its partial is unfinished (last published ${new Date(p.published_at).toISOString()})`
            : "no partial was published",
        });
      }
      // A member that is alive but behind (catching up after an outage) gets up to one more grace period.
      if (waitFor) return;
      const merged = new WindowState(this.o.host.layout, Math.floor(start / d), start);
      const used: string[] = [];
      for (const p of [...partials].sort((a, b) => (a.member < b.member ? -1 : 1))) {
        const measured = (p.window as WindowStateJson).reference;
        if (version !== undefined && measured !== version) {
          // Its counts (out of range, the calibrated sketch) were measured against another reference: never merged.
          missing.push({
            member: p.member,
            reason: `its partial was measured against ${measured ?? "no production version"}, not ${version}`,
          });
          continue;
        }
        try {
          merged.merge(WindowState.fromJson(this.o.host.layout, p.window as WindowStateJson));
          used.push(p.member);
        } catch (e) {
          missing.push({ member: p.member, reason: `its partial does not read: ${(e as Error).message}` });
        }
      }
      if (merged.events === 0) {
        await store.drop(lease, start);
        continue;
      }
      const report: FleetWindowReport = {
        ...this.o.host.reportOf(merged, end),
        fleet: { members: used, missing, finalized_by: this.member },
      };
      const recent = (await store.reports(config.keepWindows)).map((t) => JSON.parse(t) as WindowReport).reverse();
      recent.push(report);
      const episode = newEpisode(config, alert, version, report);
      const decision = decideAlerts(
        episode.state,
        { window: report.window, at: end, datasetDrifted: report.dataset_drifted, signals: windowSignals(report) },
        {
          consecutive: config.alert.consecutive,
          cooldownMs: config.alert.cooldownMs,
          closeAfterClean: config.alert.closeAfterClean,
          dispatch: config.actions.dispatch !== null,
        },
      );
      const dispatched = decision.actions.includes("dispatch");
      const ordered: AlertActionKind[] = dispatched
        ? ["dispatch", ...decision.actions.filter((a) => a !== "dispatch")]
        : decision.actions;
      const fired = decision.reasons.length > 0 ? decision.reasons : ["drift" as const];
      const cause = { fired, sections: windowSignalSections(report, fired) };
      const entries = [
        ...episode.notes,
        ...ordered.map((a) =>
          JSON.stringify(withMissingNote(buildAlertRequest(config, a, report, recent, dispatched, cause), missing)),
        ),
      ];
      // After the alert's entries, as a single monitor records them; in the same fenced step as the record of it.
      const status =
        version !== undefined
          ? (this.o.deployment?.windowFinalized(alert.deployment, version, report, decision.state) ?? null)
          : null;
      if (status) entries.push(JSON.stringify(status.entry));
      const next: AlertRecord = {
        ...alert,
        state: decision.state,
        last_window: start,
        ...(version !== undefined ? { model_version: version } : {}),
        ...(status ? { deployment: status.record } : {}),
      };
      const ok = await store.finalize(
        lease,
        start,
        stringifyContract(report),
        JSON.stringify(next),
        entries,
        config.keepWindows,
      );
      if (!ok) continue;
      Object.assign(alert, next);
      this.keepAlert(next);
      this.o.metrics.finalized.inc();
      if (missing.length > 0) this.o.metrics.missingPartials.inc(missing.length);
      this.o.log.info(
        {
          window: report.window,
          events: report.events,
          members: used,
          missing: missing.map((x) => x.member),
          dataset_drifted: report.dataset_drifted,
          actions: ordered,
        },
        "fleet: window merged and reported",
      );
    }
    const stale = [...members].filter(([, r]) => r.seen < now - 10 * (d + fleet.graceMs)).map(([m]) => m);
    await store.forgetMembers(stale, lease);
  }

  /**
   * Leader: the version the fleet measures the window open now against, as the in_progress status of its deployment
   * when the fleet's record of the deployment names another (or none): once per fleet, at the boundary a switch takes
   * effect (or the fleet's first plan). Recorded with the alert record in one fenced step; a leader that lost the
   * lease writes nothing, and the next reads what was written.
   */
  private async recordDeploymentInEffect(): Promise<void> {
    const { deployment, reference } = this.o;
    if (!deployment || !reference) return;
    const now = this.o.now();
    const start = Math.floor(now / this.durationMs) * this.durationMs;
    const version = reference.versionAt(start);
    if (version === null) return;
    const alert = await this.alertIo.read();
    const change = deployment.inEffect(
      alert.deployment,
      version,
      Math.floor(start / this.durationMs),
      new Date(now).toISOString(),
    );
    if (!change) return;
    const next: AlertRecord = { ...alert, deployment: change.record };
    await this.o.store.updateAlert(this.lease!, JSON.stringify(next), [JSON.stringify(change.entry)]);
    this.keepAlert(next);
    this.o.log.info(
      { model_version: version, window: Math.floor(start / this.durationMs) },
      "fleet: production's deployment status recorded as in_progress",
    );
  }

  /**
   * Leader: sends the shared outbox in order; each alert is claimed in Redis first (see sendOne). An entry GitHub
   * refuses in a way retrying soon does not fix (parkable, as in a single monitor's outbox: a dispatch of a workflow
   * that is not there, a token without `actions: write` or `deployments: write`) steps aside (see park); one failing
   * otherwise holds the outbox back, with a backoff. The outbox is read a page at a time, past the entries that wait
   * (parked, or behind a parked one of their order group), until OUTBOX_TRIES entries were taken up or it ends: no
   * number of waiting entries keeps a later one from being read and sent. (What waits is bounded by the outbox itself:
   * every entry is given up a day after it was recorded.)
   */
  private async sendAlerts(): Promise<void> {
    const started = this.o.now();
    // Sending stops for this round when backing off, when GitHub failed (stop), after OUTBOX_TRIES entries, or once
    // half the lease has passed (the lease is renewed between rounds, and a claim or a result written after it lapsed
    // is fenced); the rest of the outbox is still read, so the gauges count all of it.
    let sending = started >= this.sendBackoff.until;
    this.sharedPending = [];
    const read = new Set<string>();
    // Entries of one order group stay in order among themselves behind a parked one (a deployment verdict sent before
    // an older status would be undone by it; an issue comment before the issue's opening would find none). Other
    // entries go ahead of them.
    const waiting = new Set<string>();
    let offset = 0;
    let taken = 0;
    for (;;) {
      const page = await this.o.store.outbox(offset, OUTBOX_PAGE);
      offset += page.length;
      for (const text of page) {
        const entry = JSON.parse(text) as OutboxEntry;
        read.add(entry.id);
        this.sharedPending.push(entry);
        if (!sending) continue;
        const outcome = await this.sendOne(text, entry, waiting);
        if (outcome === "stop") sending = false;
        if (outcome !== "left" && outcome !== "parked") continue;
        // It left the list: the entries after it moved up by one.
        if (outcome === "left") offset--;
        if (++taken >= OUTBOX_TRIES || this.o.now() - started > this.o.fleet.leaseMs / 2) sending = false;
      }
      if (page.length < OUTBOX_PAGE) break;
    }
    // The whole outbox was read: parked entries sent or given up by another leader meanwhile are forgotten.
    for (const id of this.parked.keys()) if (!read.has(id)) this.parked.delete(id);
  }

  /**
   * Takes up one entry of the shared outbox: "waits" (parked, or behind a parked one of its order group: not tried),
   * "left" (sent, given up, or recorded as not sent: removed from the list), "parked" (refused: it stays), or "stop"
   * (GitHub failed otherwise: the outbox is held back, with a backoff). Each entry is claimed in Redis first so that
   * no two leaders send it at once.
   */
  private async sendOne(
    text: string,
    entry: OutboxEntry,
    waiting: Set<string>,
  ): Promise<"waits" | "left" | "parked" | "stop"> {
    const { store, sender } = this.o;
    const lease = this.lease!;
    const group = orderGroup(entry.kind);
    if (group !== null && waiting.has(group)) return "waits";
    if ((this.parked.get(entry.id)?.until ?? 0) > this.o.now()) {
      if (group !== null) waiting.add(group);
      return "waits";
    }
    if (!sender) {
      // Dry run: the decision is logged and recorded as not sent, so the shared outbox stays bounded.
      this.o.log.info({ action: entry.kind, id: entry.id, path: entry.path }, "fleet alert (dry run, not sent)");
      await store.markSent(lease, entry.id, { dry_run: true }, text);
      this.sent(entry.id);
      return "left";
    }
    const claim = await store.claim(lease, entry.id, entry.kind !== "dispatch");
    if (claim === "sent") {
      await store.markSent(lease, entry.id, await store.sentResult(entry.id), text);
      this.sent(entry.id);
      return "left";
    }
    if (claim !== "claimed" && claim !== "mine" && entry.kind === "dispatch") {
      // A former leader claimed it and stopped before recording the result: it may have started the run. A dispatch
      // is not idempotent, so it is never sent again; issue actions find their issue and comment by marker, and a
      // deployment status is not posted when the deployment's latest status already says it, so a second send of them
      // repeats nothing. (A leader whose dispatch GitHub refused gave its claim back.)
      this.o.log.warn({ id: entry.id, claimed_by: claim }, "fleet: a former leader claimed this dispatch; not resent");
      await store.markSent(lease, entry.id, { unknown: `claimed by ${claim}` }, text);
      this.sent(entry.id);
      return "left";
    }
    const statuses = new Map<string, OutboxEntryStatus>();
    const ref = (entry.body as { run_link?: { dispatch: string } }).run_link;
    if (ref) statuses.set(ref.dispatch, await this.dispatchStatus(ref.dispatch));
    try {
      const result = await sender(entry, { statusOf: (id) => statuses.get(id) ?? { state: "unknown" } });
      await store.markSent(lease, entry.id, result ?? null, text);
      this.sent(entry.id);
      this.o.metrics.alertsSent.inc({ action: entry.kind });
      this.sendBackoff.attempts = 0;
      return "left";
    } catch (e) {
      if (e instanceof FencedError || e instanceof FleetUnavailableError) throw e;
      if (isParkable(e)) {
        // GitHub refused it: nothing was carried out, so the claim is given back and a later leader may send it.
        await store.unclaim(lease, entry.id);
        if (!(await this.park(entry, text, e as Error))) return "left";
        if (group !== null) waiting.add(group);
        return "parked";
      }
      const attempts = ++this.sendBackoff.attempts;
      this.sendBackoff.until = this.o.now() + Math.min(1000 * 2 ** (attempts - 1), 600_000);
      this.o.log.warn(
        { id: entry.id, err: (e as Error).message },
        "GitHub request failed; it stays in the fleet's outbox for retry",
      );
      return "stop";
    }
  }

  /** An entry left the shared outbox (sent, given up, or recorded as not sent). */
  private sent(id: string): void {
    this.parked.delete(id);
    this.sharedPending = this.sharedPending.filter((e) => e.id !== id);
  }

  /**
   * Where the dispatch an issue or comment links stands, as the sender resolves its run link: sent (with the run it
   * started), parked by this leader (GitHub refused it: the issue says it is retried), or pending. One given up or
   * recorded as not sent counts as unknown: the issue keeps its runs-page link, with no claim of a retry.
   */
  private async dispatchStatus(id: string): Promise<OutboxEntryStatus> {
    const r = await this.o.store.sentResult(id);
    if (r === undefined) return this.parked.has(id) ? { state: "parked" } : { state: "pending" };
    const result = (r as Record<string, unknown> | null) ?? null;
    if (result && ("gave_up" in result || "unknown" in result || "dry_run" in result)) return { state: "unknown" };
    return { state: "sent", result };
  }

  /** The fleet's requests not sent yet, as this leader last read them (none on a member that does not lead). */
  pendingAlerts(): OutboxEntry[] {
    return this.lease ? this.sharedPending : [];
  }

  /**
   * An entry GitHub refused in a way retrying soon does not fix: it steps aside (the entries after it are sent now,
   * except those of its order group) and is tried again after a backoff, 1 s doubling up to 10 min, by this leader (a
   * new leader tries it at once); a day after it was recorded it is given up, recorded as not sent. A deployment
   * status is a courtesy to deploy workflows and a dispatch GitHub refuses would be refused again: neither holds back a
   * drift issue. Returns whether it was parked (false: given up).
   */
  private async park(entry: OutboxEntry, text: string, e: Error): Promise<boolean> {
    const now = this.o.now();
    const created = Date.parse(entry.created_at);
    if (!(now - created < PARKED_GIVE_UP_MS)) {
      await this.o.store.markSent(this.lease!, entry.id, { gave_up: e.message }, text);
      this.sent(entry.id);
      this.o.log.error(
        { id: entry.id, action: entry.kind, err: e.message },
        "fleet: GitHub request given up after a day of refusals",
      );
      return false;
    }
    const attempts = (this.parked.get(entry.id)?.attempts ?? 0) + 1;
    if (!this.parked.has(entry.id) && this.parked.size >= MAX_PARKED)
      this.parked.delete(this.parked.keys().next().value!);
    this.parked.set(entry.id, { until: now + Math.min(1000 * 2 ** (attempts - 1), 600_000), attempts });
    this.o.log.warn(
      { id: entry.id, action: entry.kind, err: e.message },
      "GitHub request refused; parked in the fleet's outbox, retried later",
    );
    return true;
  }

  /**
   * Every member keeps a copy of the fleet's alert record (state/fleet/alert.json), not only the leader that wrote it:
   * after a Redis restarted empty, whichever member leads next still knows the open issue, the cooldown and which
   * windows' performance breaches were alerted.
   */
  private async copyAlert(): Promise<void> {
    const record = await this.o.store.alertState<AlertRecord>();
    if (record === null) return;
    const text = JSON.stringify(record);
    if (text === this.lastAlertCopy) return;
    this.keepAlert(record);
    this.lastAlertCopy = text;
  }

  /** The fleet's last merged window on this member's /metrics (read once per period; parsed only when it changed). */
  private async showMerged(): Promise<void> {
    const [text] = await this.o.store.reports(1);
    if (text === undefined || text === this.lastMerged) return;
    this.lastMerged = text;
    this.o.metrics.showMerged(JSON.parse(text) as WindowReport);
  }

  /** The fleet's merged windows, newest first (the last ones read when Redis is unreachable). */
  async mergedWindows(limit: number): Promise<unknown[]> {
    try {
      this.reportsCache = (await this.o.store.reports(this.o.config.keepWindows)).map((t) => JSON.parse(t) as unknown);
    } catch (e) {
      if (!(e instanceof FleetUnavailableError)) throw e;
    }
    return this.reportsCache.slice(0, limit);
  }

  /** The fleet's realized performance of merged window `index` (for /v1/drift), or null. */
  performanceOf(index: number): { labelled_rows: number; judged: boolean; breached: boolean } | null {
    return this.o.performance?.ofWindow(index) ?? null;
  }

  /** Member and leader facts for /readyz and /v1/drift. */
  status(): { member: string; leader: boolean; redis: string } {
    const down = this.o.store.down;
    return {
      member: this.member,
      leader: this.lease !== null,
      redis: down ? `unreachable since ${new Date(down.since).toISOString()}: ${down.reason}` : "ok",
    };
  }
}

/** Replaces `path` by a rename of a whole temp file; a failed write removes its temp file (its space) and throws. */
function replaceFile(path: string, text: string): void {
  try {
    writeFileSync(path + ".tmp", text);
    renameSync(path + ".tmp", path);
  } catch (e) {
    try {
      rmSync(path + ".tmp", { force: true });
    } catch {
      // The write's error is the one to report; the temp file is removed at the next start.
    }
    throw e;
  }
}

/**
 * Following production, the first window the fleet judges against a new version starts a new alert episode, once per
 * switch per fleet as a single monitor does: streaks and the dispatch cooldown reset, and an open drift issue hears
 * that production changed (it closes after the clean windows, as the policy already does).
 */
function newEpisode(
  config: MonitorConfig,
  alert: AlertRecord,
  version: string | undefined,
  report: WindowReport,
): { state: AlertState; notes: string[] } {
  const previous = alert.model_version;
  if (version === undefined || previous === undefined || previous === null || previous === version)
    return { state: alert.state, notes: [] };
  const state = { ...INITIAL_ALERT_STATE, issueOpen: alert.state.issueOpen };
  if (!state.issueOpen) return { state, notes: [] };
  const note = productionChangedRequest(config, { version, previous, window: report.window, at: report.closed_at });
  return { state, notes: [JSON.stringify(note)] };
}

/**
 * Entries that stay in order among themselves behind a parked one: deployment statuses (a verdict sent before an older
 * status would be undone by it) and issue actions (a comment or close before the opening would find no issue). A
 * dispatch stands alone (null): each starts its own run.
 */
function orderGroup(kind: string): string | null {
  if (kind === DEPLOYMENT_STATUS_KIND) return "status";
  if (kind.startsWith("issue.")) return "issue";
  return null;
}

/** An alert decided with a member's partial missing says so in the issue or comment it posts. */
function withMissingNote(entry: OutboxEntry, missing: FleetWindowFacts["missing"]): OutboxEntry {
  if (missing.length === 0) return entry;
  const note =
    `\n\n> **Incomplete window:** the fleet merged it without the full state of ` +
    missing.map((m) => `\`${escapeMarkdown(m.member)}\` (${escapeMarkdown(m.reason)})`).join(", ") +
    ".";
  const b = entry.body as { body?: unknown; comment?: unknown };
  if (typeof b.body === "string") return { ...entry, body: { ...entry.body, body: b.body + note } };
  if (typeof b.comment === "string") return { ...entry, body: { ...entry.body, comment: b.comment + note } };
  return entry;
}
