// Shared by the fleet reference plan tests (fleetReference, fleetReferencePlan): a directory registry promoted to,
// and members that read the plan without a monitor, on the test's clock.
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "redis";
import { FleetReference } from "../../../monitor/fleet/fleetReference.js";
import { FleetStore } from "../../../monitor/fleet/fleetStore.js";
import { ProductionReference } from "../../../monitor/reference/ProductionReference.js";
import type { JudgedReference } from "../../../monitor/windows/driftMonitor.js";
import { DirectoryModelRegistry } from "../../../src/registry/DirectoryModelRegistry.js";
import { buildProfile } from "../../../src/profile/buildProfile.js";
import { writeProfile } from "../../../src/profile/profileFile.js";
import { runCli } from "../../helpers/cli.js";
import { normals } from "../../helpers/random.js";
import { numericColumn, table } from "../../helpers/tables.js";
import { manualClock, waitFor } from "../monitorFixtures.js";

const MODEL = "fixtures/models/breast_cancer_columns.onnx";
export const MINUTE = 60_000;

export type Clock = ReturnType<typeof manualClock>;

/** Promotes a new version of `fraud` whose profile is 500 normals of `seed`, in the registry directory. */
export async function promote(work: string, registry: string, seed: number): Promise<void> {
  const path = join(work, `profile-${seed}.json`);
  writeProfile(
    path,
    buildProfile(table([numericColumn("x", normals(500, seed), "number")]), { createdAt: "2026-01-01" }),
  );
  const r = await runCli("promote", "--name", "fraud", "--model", MODEL, "--profile", path, "--registry", registry);
  assert.equal(r.code, 0, r.stderr);
}

export interface PlanMemberOptions {
  redisUrl: string;
  /** Where the member's registry cache goes (a directory per member under it). */
  work: string;
  registry: string;
  clock: Clock;
  /** Keeps each test's fleet apart in the one Redis. */
  prefix: string;
  /** Versions whose profile has other features (the monitor's judgedReference gives null for them). */
  otherFeatures?: ReadonlySet<number>;
  openAheadMs?: number;
}

/** A member's plan reader: its own store, registry reader and state directory; the errors it logged. */
export async function planMember(name: string, o: PlanMemberOptions) {
  const store = new FleetStore(
    { redisUrl: o.redisUrl, passwordEnv: null, keyPrefix: o.prefix, member: name, leaseMs: 3000, graceMs: 10_000 },
    {},
    o.clock.now,
  );
  const errors: string[] = [];
  const reference = new FleetReference({
    production: new ProductionReference(
      "fraud",
      new DirectoryModelRegistry(o.registry),
      mkdtempSync(join(o.work, name)),
    ),
    store,
    durationMs: MINUTE,
    periodMs: 1000,
    graceMs: 10_000,
    openAheadMs: o.openAheadMs ?? 0,
    now: o.clock.now,
    log: {
      info: () => {},
      warn: () => {},
      error: (obj: object, m: string) => void errors.push(`${m} ${JSON.stringify(obj)}`),
    },
  });
  const started = await reference.start(new FleetStore(store.fleet, {}, o.clock.now));
  await store.connect();
  await waitFor("Redis to answer", () => store.down === null);
  // What a monitor's judgedReference gives (its fields are not read here): null for a version with other features.
  reference.attach((v) =>
    o.otherFeatures?.has(v.version)
      ? null
      : ({
          version: `v${v.version}`,
          label: `v${v.version}`,
          samples: new Map(),
          prediction: null,
          ranges: [],
        } as JudgedReference),
  );
  return { store, reference, errors, started };
}

export type PlanMember = Awaited<ReturnType<typeof planMember>>;

/** One Redis command on a connection of its own (FLUSHALL, a hand-written key). */
export async function redisCommand(url: string, ...args: string[]): Promise<unknown> {
  const c = createClient({ url });
  await c.connect();
  try {
    return await c.sendCommand(args);
  } finally {
    c.destroy();
  }
}
