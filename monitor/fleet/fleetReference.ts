import type { ProductionReference, ProductionVersion } from "../reference/ProductionReference.js";
import type { JudgedReference } from "../windows/driftMonitor.js";
import { FleetUnavailableError, type FleetStore } from "./fleetStore.js";

/** From window start `from` (ms, a window boundary) on, the fleet measures and judges windows against `version`. */
export interface ReferenceSwitch {
  version: number;
  /** The sha256 of the version's profile.json as its card records it: every member checks the one it loads. */
  sha256: string;
  from: number;
}

/** The fleet's plan in Redis (`reference`), oldest switch first. */
export interface FleetReferencePlan {
  switches: ReferenceSwitch[];
}

/**
 * A hard cap on the plan's switches. A switch not opened yet is replaced rather than followed by another (at most one
 * pending), and old switches go once no window waiting needs them, so a plan reaches this only when windows stay
 * unfinalized across 7 switches; the first switch then covers every earlier start, so no window is without a version.
 */
export const MAX_SWITCHES = 8;
/** Rounds a leader with no plan of its own waits for a member to put the fleet's back before it writes one. */
const EMPTY_PLAN_ROUNDS = 3;
/** Versions whose profile has other features, logged once each: bounded. */
const MAX_LOGGED_OTHER = 64;
/** How long a start waits for Redis to read the fleet's plan before it follows the registry's production. */
const START_WAIT_MS = 3000;
/** A version that failed to load is tried again after 1 s, doubling up to this. */
const RETRY_MAX_MS = 300_000;

export interface FleetReferenceOptions {
  production: ProductionReference;
  store: FleetStore;
  durationMs: number;
  /** How often every member runs a round (and reads the plan). */
  periodMs: number;
  graceMs: number;
  /** How far ahead of the clock a member can open a window: a window's length with event-time windows, else 0. */
  openAheadMs?: number;
  now: () => number;
  /** A version was loaded (every member; production's metrics.json for realized performance). */
  loaded?: (v: ProductionVersion) => void;
  /** The version in effect for the window open now changed (the monitor's model_version gauge). */
  inEffect?: (v: ProductionVersion) => void;
  log: {
    info(o: object, m: string): void;
    warn(o: object, m: string): void;
    error(o: object, m: string): void;
  };
}

/**
 * A fleet following production (`reference: registry:NAME`). A member's partial of a window depends on the reference
 * it was measured against (out-of-range counts against the reference's [min, max], the CBPE sketch against its
 * calibration), so the leader alone cannot pick a window's reference after the fact: every member must measure the
 * same window against the same version. The leader writes the plan, fenced by its lease: when production moves it
 * adds `{version, sha256, from: W}`, W the first window boundary after now + 3 periods + grace, so that every member
 * has read it (one round) and loaded that version's verified profile from the registry before W opens. A window's
 * reference is then a function of its start, the same on every member, in replay and after a restart; a member that
 * could not load it in time measures against the last version it has, says so in its partial (`reference`), and the
 * leader leaves that partial out of the merge (reported missing) instead of merging across references.
 */
export class FleetReference {
  private plan: ReferenceSwitch[] = [];
  private planText: string | null = null;
  /** Loaded versions (verified), and how windows use them once the monitor is attached. */
  private readonly versions = new Map<number, { v: ProductionVersion; judged: JudgedReference | null }>();
  /** The version this member started with (the plan's for now, else production): while the fleet has no plan. */
  private initial: number | null = null;
  private judge: ((v: ProductionVersion) => JudgedReference | null) | null = null;
  private effective: number | null = null;
  /** Versions of the plan whose load failed: when to try again, how many times in a row it failed, and why. */
  private readonly retry = new Map<number, { at: number; failures: number; why: string }>();
  /** The text in Redis that does not read as a plan (logged once), or null. */
  private badText: string | null = null;
  /** Rounds this member led with no plan, Redis holding none. */
  private emptyRounds = 0;
  /** Production versions with other features, already logged. */
  private readonly loggedOther = new Set<number>();

  constructor(private readonly o: FleetReferenceOptions) {}

  /**
   * At start, before the monitor is built: the fleet's plan from Redis (a member restarted across a switch measures
   * its windows as the others do), else production from the registry. Returns the version in effect now, whose
   * profile lays out the monitor's features. `reader` is a connection of its own, closed before this returns: a start
   * that fails later leaves no connection open to keep the process alive.
   */
  async start(reader: FleetStore): Promise<ProductionVersion> {
    try {
      // Bounded: an unreachable Redis does not hold the start (node-redis would keep reconnecting).
      await Promise.race([reader.connect(), new Promise((r) => setTimeout(r, START_WAIT_MS).unref())]);
      await this.readPlan(reader);
    } catch (e) {
      if (!(e instanceof FleetUnavailableError)) throw e;
      this.o.log.warn({ err: e.message }, "fleet: Redis unreachable at start; following production in the registry");
    } finally {
      await reader.close();
    }
    const now = this.switchAt(this.o.now());
    if (now && this.versions.has(now.version)) {
      this.initial = now.version;
      return this.versions.get(now.version)!.v;
    }
    const v = await this.o.production.load();
    this.versions.set(v.version, { v, judged: null });
    this.initial = v.version;
    return v;
  }

  /** The monitor is built: every loaded version as windows are judged against it. */
  attach(judge: (v: ProductionVersion) => JudgedReference | null): void {
    this.judge = judge;
    for (const [version, e] of this.versions) e.judged = this.judgedOf(e.v, version);
    for (const e of this.versions.values()) this.o.loaded?.(e.v);
    this.noteEffective();
  }

  /**
   * What a window starting at `start` is measured against: the plan's version when this member has it, else the last
   * one it has before it (its partial then says so and is left out), else production as loaded at start.
   */
  at(start: number): JudgedReference | null {
    for (let i = this.plan.length - 1; i >= 0; i--) {
      const s = this.plan[i]!;
      // The first switch covers every earlier start (see MAX_SWITCHES).
      if (s.from > start && i > 0) continue;
      const judged = this.versions.get(s.version)?.judged;
      if (judged) return judged;
    }
    return this.initial !== null ? (this.versions.get(this.initial)?.judged ?? null) : null;
  }

  /**
   * Leader: the version window `start` is judged against (`v2`), or null while this member cannot judge it yet (the
   * fleet has no plan, or the version is not loaded): the window waits, up to its end + 2 grace, then is dropped as
   * reference unavailable (FleetMember.finalizeDue).
   */
  versionAt(start: number): string | null {
    const s = this.switchAt(start);
    return s && this.versions.get(s.version)?.judged ? `v${s.version}` : null;
  }

  /** Why versionAt(start) is null: for the log of a window dropped as reference unavailable. */
  unavailable(start: number): string {
    const s = this.switchAt(start);
    if (!s) return "the fleet has no reference plan";
    const e = this.versions.get(s.version);
    if (e && !e.judged) return `v${s.version}'s profile has other features (names or kinds) than the running monitor`;
    return `v${s.version} did not load: ${this.retry.get(s.version)?.why ?? "not tried yet"}`;
  }

  /**
   * Every round: reads the plan and loads the versions it names. When Redis has none (a fleet starting, or a Redis
   * restarted empty) any member holding a plan puts it back; a leader with none waits EMPTY_PLAN_ROUNDS for one, then
   * writes production as it loaded it from the next boundary every member reaches after reading it (the first switch
   * covers the windows before: a member that started during an outage does not judge windows the others measured
   * against an older version as its own from 0). A plan that does not read is replaced by the leader's.
   */
  async follow(lease: string | null): Promise<void> {
    await this.readPlan();
    if (this.plan.length > 0) {
      this.emptyRounds = 0;
      if (this.planText === null && this.badText === null) {
        const text = planText(this.plan);
        if (await this.o.store.restoreReferencePlan(text)) {
          this.planText = text;
          this.o.log.warn({ switches: this.plan.length }, "fleet: Redis had no reference plan; put back the one held");
        }
      } else if (lease && this.badText !== null) await this.write(lease, this.plan, null);
    } else if (lease && this.planText === null) {
      if (++this.emptyRounds > EMPTY_PLAN_ROUNDS) {
        const v = this.versions.get(this.initial!)!.v;
        await this.write(lease, [{ version: v.version, sha256: v.sha256, from: this.safeBoundary() }], v);
        this.emptyRounds = 0;
      }
    } else this.emptyRounds = 0;
    this.noteEffective();
  }

  /**
   * Leader: checks production in the registry (a conditional request on GitHub) and, when it moved, schedules the
   * switch to it at a window boundary every member reaches after it read the plan. Returns the version scheduled
   * (`v2`), or null.
   */
  async poll(lease: string | null): Promise<string | null> {
    if (!lease) return null;
    await this.o.production.poll();
    const v = this.o.production.current;
    const last = this.plan.at(-1);
    if (!v || !last || last.version === v.version) return null;
    if (!this.judgedOf(v, v.version)) return null;
    const now = this.o.now();
    const d = this.o.durationMs;
    const next = { version: v.version, sha256: v.sha256 };
    // Not opened yet: no member can have measured a window with it (a member reads the plan every round, its clock is
    // within grace, and an event-time window opens at most a window early), so it is replaced: one switch pending.
    const opens = now + this.o.periodMs + this.o.graceMs + (this.o.openAheadMs ?? 0);
    if (this.plan.length > 1 && last.from > opens) {
      const kept = this.plan.slice(0, -1);
      if (kept.at(-1)!.version === v.version) {
        await this.write(lease, kept, v);
        this.o.log.info(
          { model_version: `v${v.version}`, cancelled: `v${last.version}` },
          `fleet: production is back to v${v.version}: the switch to v${last.version} is cancelled`,
        );
        return `v${v.version}`;
      }
      const from = Math.max(last.from, this.safeBoundary());
      await this.write(lease, [...kept, { ...next, from }], v);
      this.logSwitch(v.version, from);
      return `v${v.version}`;
    }
    // The first switch covers every earlier start, so alone its `from` (a boundary ahead when a leader wrote it with
    // no plan to go by) says nothing: it is moved back rather than holding the next switch a window further.
    const plan = this.plan.length === 1 ? [{ ...last, from: Math.min(last.from, this.safeBoundary() - d) }] : this.plan;
    const from = Math.max(this.safeBoundary(), plan.at(-1)!.from + d);
    await this.write(lease, await this.bounded([...plan, { ...next, from }]), v);
    this.logSwitch(v.version, from);
    return `v${v.version}`;
  }

  private logSwitch(version: number, from: number): void {
    const at = new Date(from).toISOString();
    this.o.log.info(
      { model_version: `v${version}`, from: at },
      `fleet: production is now v${version}: the fleet measures windows from ${at} on against it`,
    );
  }

  /** The first window boundary after every member has read the plan (a round) and loaded a version (two more). */
  private safeBoundary(): number {
    const d = this.o.durationMs;
    return Math.ceil((this.o.now() + 3 * this.o.periodMs + this.o.graceMs) / d) * d;
  }

  /**
   * Drops the oldest switches no window waiting needs: those followed by one from at or before the oldest window not
   * finalized (in Redis, or one that can still get partials: its end + 2 grace not passed). MAX_SWITCHES at most.
   */
  private async bounded(switches: ReferenceSwitch[]): Promise<ReferenceSwitch[]> {
    const d = this.o.durationMs;
    const open = Math.floor((this.o.now() - d - 2 * this.o.graceMs) / d) * d;
    const oldest = Math.min(open, (await this.o.store.oldestWindow()) ?? open);
    let first = 0;
    while (first < switches.length - 1 && switches[first + 1]!.from <= oldest) first++;
    if (switches.length - first > MAX_SWITCHES) {
      this.o.log.warn(
        { dropped: switches.slice(first, -MAX_SWITCHES).map((s) => `v${s.version}`), oldest_window: oldest },
        `fleet: the reference plan is at its ${MAX_SWITCHES} switches with windows still waiting; the oldest are dropped and their windows judged against the first kept`,
      );
      first = switches.length - MAX_SWITCHES;
    }
    return switches.slice(first);
  }

  /** The plan's switch for window `start`; the first covers every earlier start. */
  private switchAt(start: number): ReferenceSwitch | null {
    for (let i = this.plan.length - 1; i > 0; i--) if (this.plan[i]!.from <= start) return this.plan[i]!;
    return this.plan[0] ?? null;
  }

  private async write(lease: string, switches: ReferenceSwitch[], v: ProductionVersion | null): Promise<void> {
    const text = planText(switches);
    await this.o.store.setReferencePlan(lease, text);
    if (v && !this.versions.has(v.version)) {
      this.versions.set(v.version, { v, judged: this.judgedOf(v, v.version) });
      this.o.loaded?.(v);
    }
    this.take(switches, text);
  }

  /** Takes a plan: versions no switch names any more (and not the one this member started with) are dropped. */
  private take(switches: ReferenceSwitch[], text: string): void {
    this.plan = switches;
    this.planText = text;
    this.badText = null;
    for (const version of this.versions.keys())
      if (version !== this.initial && !switches.some((s) => s.version === version)) this.versions.delete(version);
    for (const version of this.retry.keys())
      if (!switches.some((s) => s.version === version)) this.retry.delete(version);
  }

  /**
   * Reads the plan when it changed and takes it, then loads (verified) the versions it names that this member does not
   * have. One that cannot be loaded (the registry unreachable) is tried again with a backoff: meanwhile this member's
   * windows of it are measured against the last version it has (and left out by the leader), and a leader waits (see
   * versionAt).
   */
  private async readPlan(store = this.o.store): Promise<void> {
    const text = await store.referencePlan();
    // None (a fleet starting, or a Redis restarted empty): the plan this member knows stays, to be put back.
    if (text === null) {
      this.planText = null;
      this.badText = null;
    } else if (text === this.planText) this.badText = null;
    else if (text !== this.badText) {
      let switches: ReferenceSwitch[];
      try {
        switches = parsePlan(text, this.o.durationMs);
      } catch (e) {
        // Logged once per text: the leader writes its plan over it.
        this.badText = text;
        this.o.log.error({ err: (e as Error).message }, "fleet: the reference plan in Redis does not read; ignored");
        switches = [];
      }
      if (switches.length > 0) this.take(switches, text);
    }
    for (const s of this.plan) {
      if (this.versions.get(s.version)?.v.sha256 === s.sha256) continue;
      const retry = this.retry.get(s.version);
      if (retry && this.o.now() < retry.at) continue;
      let why: string;
      try {
        const v = await this.o.production.version(s.version);
        if (v.sha256 === s.sha256) {
          this.retry.delete(s.version);
          this.versions.set(s.version, { v, judged: this.judge ? this.judgedOf(v, s.version) : null });
          if (this.judge) this.o.loaded?.(v);
          continue;
        }
        why = `the registry's profile.json of v${s.version} has sha256 ${v.sha256}, the fleet's plan names ${s.sha256}`;
      } catch (e) {
        why = (e as Error).message;
      }
      const failures = (retry?.failures ?? 0) + 1;
      const wait = Math.min(RETRY_MAX_MS, 1000 * 2 ** (failures - 1));
      this.retry.set(s.version, { at: this.o.now() + wait, failures, why });
      this.o.log.error(
        { model_version: `v${s.version}`, err: why, retry_in_ms: wait },
        "fleet: cannot load the version the fleet's plan names; its windows wait on the leader",
      );
    }
  }

  private judgedOf(v: ProductionVersion, version: number): JudgedReference | null {
    const judged = this.judge?.(v) ?? null;
    if (this.judge && !judged && !this.loggedOther.has(version)) {
      if (this.loggedOther.size >= MAX_LOGGED_OTHER) this.loggedOther.clear();
      this.loggedOther.add(version);
      this.o.log.error(
        { model_version: `v${version}`, profile: v.path },
        "fleet: this production version's profile has other features (names or kinds) than the running one: restart the fleet to use it",
      );
    }
    return judged;
  }

  /** Tells the monitor when the version of the window open now changed. */
  private noteEffective(): void {
    const s = this.switchAt(Math.floor(this.o.now() / this.o.durationMs) * this.o.durationMs);
    const version = s && this.versions.get(s.version)?.judged ? s.version : this.initial;
    if (version === null || version === this.effective) return;
    const e = this.versions.get(version);
    if (!e) return;
    this.effective = version;
    this.o.inEffect?.(e.v);
  }
}

function planText(switches: ReferenceSwitch[]): string {
  return JSON.stringify({ switches } satisfies FleetReferencePlan);
}

/** The plan Redis holds, checked: at most MAX_SWITCHES switches at window boundaries, in order. */
function parsePlan(text: string, durationMs: number): ReferenceSwitch[] {
  const j = JSON.parse(text) as unknown;
  const switches = (j as { switches?: unknown })?.switches;
  if (!Array.isArray(switches) || switches.length === 0 || switches.length > MAX_SWITCHES)
    throw new Error(`switches is not a list of 1 to ${MAX_SWITCHES}`);
  let before = -1;
  return switches.map((s: unknown, i) => {
    const { version, sha256, from } = (s ?? {}) as Partial<ReferenceSwitch>;
    if (!Number.isSafeInteger(version) || version! < 1) throw new Error(`switches[${i}].version is not a version`);
    if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256))
      throw new Error(`switches[${i}].sha256 is not a sha256`);
    if (!Number.isSafeInteger(from) || from! < 0 || from! % durationMs !== 0 || from! <= before)
      throw new Error(`switches[${i}].from is not a window boundary after the switch before`);
    before = from!;
    return { version: version!, sha256, from: from! };
  });
}
