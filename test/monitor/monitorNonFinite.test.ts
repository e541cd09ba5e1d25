// An infinite drift statistic (mass moved to an infinity) is written as "Infinity" in the window report and in the
// HTTP answers, as the CLI's drift reports write it, never as a null a reader cannot tell from "no value".
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { normals } from "../helpers/random.js";
import { numericColumn, table } from "../helpers/tables.js";
import { postEvents } from "./monitorFixtures.js";

const dir = mkdtempSync(join(tmpdir(), "mg-monitor-nonfinite-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("an infinite Wasserstein statistic is 'Infinity' in the window report and /v1/drift", async () => {
  const profile = buildProfile(table([numericColumn("a", normals(2000, 5), "number")]), {
    createdAt: "2026-01-01T00:00:00.000Z",
  });
  writeProfile(join(dir, "profile.json"), profile);
  const raw = {
    model: "nonfinite",
    reference: "profile.json",
    state: "state",
    window: { size: 20 },
    drift: { method: "wasserstein" },
  };
  writeFileSync(join(dir, "monitor.json"), JSON.stringify(raw));
  const config = resolveMonitorConfig(raw, join(dir, "monitor.yml"));
  const m = await startMonitor(config, { env: {}, logger: pino({ level: "silent" }), port: 0, tickIntervalMs: 0 });
  try {
    // Half the window at +Infinity (1e999 in JSON): the distance to the finite reference is infinite.
    const body = normals(20, 9)
      .map((x, i) => (i % 2 === 0 ? `{"features":{"a":1e999}}` : JSON.stringify({ features: { a: x } })))
      .join("\n");
    assert.equal((await postEvents(m.url, body)).status, 202);
    const files = readdirSync(join(config.state, "windows"));
    assert.equal(files.length, 1);
    const text = readFileSync(join(config.state, "windows", files[0]!), "utf8");
    const report = JSON.parse(text) as { drift: { features: { name: string; statistic: unknown }[] } };
    assert.equal(report.drift.features[0]!.statistic, "Infinity", text);
    const answer = await fetch(new URL("/v1/drift", m.url));
    const served = await answer.text();
    assert.match(served, /"statistic":"Infinity"/);
    assert.doesNotMatch(served, /"statistic":null/);
  } finally {
    await m.shutdown();
  }
});
