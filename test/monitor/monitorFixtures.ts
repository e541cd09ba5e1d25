/** Shared setup for the monitor tests: a reference profile, a config around it, and planted-shift traffic. */
import { after } from "node:test";
import { cpSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";

// Every temporary directory of this file lives here, removed after its tests.
const tmpRoot = mkdtempSync(join(tmpdir(), "mg-monitor-fixtures-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

export function setupMonitor(extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpRoot, "monitor-gh-"));
  const xs = normals(5000, 11);
  const ys = normals(5000, 12, 10, 2);
  const profile = buildProfile(
    table([
      numericColumn("x", xs, "number"),
      numericColumn("y", ys, "number"),
      dictionaryColumn(
        "plan",
        xs.map((_, i) => ["basic", "pro", "team"][i % 3]!),
      ),
    ]),
    { createdAt: "2026-01-01T00:00:00.000Z" },
  );
  writeProfile(join(dir, "profile.json"), profile);
  const raw = { model: "fraud", reference: "profile.json", state: "state", window: { size: 1000 }, ...extra };
  writeFileSync(join(dir, "monitor.json"), JSON.stringify(raw));
  return { dir, config: resolveMonitorConfig(raw, join(dir, "monitor.yml")) };
}

/** n events as NDJSON; shifted: x moves by 1.5 sd and y by 2 sd, plan skews to "team". */
export function trafficNdjson(n: number, seed: number, shifted: boolean): string {
  const xs = normals(n, seed, shifted ? 1.5 : 0, 1);
  const ys = normals(n, seed + 1, shifted ? 14 : 10, 2);
  return xs
    .map((x, i) =>
      JSON.stringify({
        features: { x, y: ys[i], plan: shifted && i % 2 === 0 ? "team" : ["basic", "pro", "team"][i % 3] },
        prediction: x > 0 ? 1 : 0,
      }),
    )
    .join("\n");
}

export async function postEvents(url: string, body: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${url}/v1/events`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-ndjson", ...headers },
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/**
 * Waits (without asserting on time) until `done()` holds; fails with `what` after `maxTurns` short sleeps so a broken
 * test fails instead of hanging.
 */
export async function waitFor(what: string, done: () => boolean, maxTurns = 1000): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (done()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`gave up waiting for: ${what}`);
}

/** A settable clock for `startMonitor({now})`. */
export function manualClock(start = Date.parse("2026-03-01T00:00:00.000Z")) {
  let t = start;
  return {
    now: () => t,
    set: (ms: number) => void (t = ms),
    advance: (ms: number) => void (t += ms),
  };
}

/**
 * What a kill -9 leaves: a copy of the running monitor's state directory, taken while it runs (every acknowledged
 * batch is on disk; no shutdown snapshot, no compaction), and the config pointing at the copy.
 */
export function crashImage<C extends { state: string }>(config: C): C {
  const state = mkdtempSync(join(tmpRoot, "monitor-crash-"));
  cpSync(config.state, state, { recursive: true });
  return { ...config, state };
}
