import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../../monitor/startMonitor.js";
import type { WindowReport } from "../../../monitor/windows/windowReport.js";
import { buildCbpeCalibration } from "../../../src/performance/cbpe/buildCbpeCalibration.js";
import { writeCalibration } from "../../../src/performance/cbpe/calibrationFile.js";
import { buildProfile } from "../../../src/profile/buildProfile.js";
import { writeProfile } from "../../../src/profile/profileFile.js";
import { runCli } from "../../helpers/cli.js";
import { normals, rng } from "../../helpers/random.js";
import { numericColumn, table } from "../../helpers/tables.js";
import { postEvents } from "../monitorFixtures.js";

// The registry route: `promote --calibration` stores calibration.json with the version; a monitor following production
// (reference: registry:NAME) with `estimation: {calibration: registry}` estimates with production's calibration.
const work = mkdtempSync(join(tmpdir(), "mg-estimated-registry-"));
after(() => rmSync(work, { recursive: true, force: true }));
const MODEL = "fixtures/models/breast_cancer_columns.onnx";
const silent = pino({ level: "silent" });
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

test("promote --calibration stores calibration.json; the monitor estimates with production's, follows it to a new production, and refuses a production without one", async () => {
  const registry = join(work, "registry");
  const profile = join(work, "profile.json");
  writeProfile(profile, buildProfile(table([numericColumn("z", normals(2000, 3), "number")])));
  const x = normals(5000, 8);
  const u = rng(9);
  const score = Float64Array.from(x, (v) => sigmoid(4 * v + 0.3));
  const calibration = buildCbpeCalibration(
    {
      score,
      yTrue: Uint8Array.from(x, (v) => (u() < sigmoid(2 * v) ? 1 : 0)),
      yPred: Uint8Array.from(score, (s) => (s > 0.5 ? 1 : 0)),
    },
    { positiveClass: "1", negativeClass: "0", path: "preds.csv", sha256: "0".repeat(64) },
  );
  const calFile = join(work, "calibration.json");
  writeCalibration(calFile, calibration);

  const broken = join(work, "broken.json");
  writeFileSync(broken, "{}");
  const bad = await runCli(
    "promote",
    "--name",
    "churn",
    "--model",
    MODEL,
    "--calibration",
    broken,
    "--registry",
    registry,
  );
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /broken\.json is not a valid calibration/);

  const ok = await runCli(
    "promote",
    "--name",
    "churn",
    "--model",
    MODEL,
    "--profile",
    profile,
    "--calibration",
    calFile,
    "--registry",
    registry,
  );
  assert.equal(ok.code, 0, ok.stderr);

  const dir = mkdtempSync(join(work, "monitor-"));
  const config = resolveMonitorConfig(
    {
      reference: "registry:churn",
      registry,
      state: "state",
      window: { size: 1000 },
      estimation: { calibration: "registry", metrics: ["accuracy", "roc_auc"] },
    },
    join(dir, "monitor.yml"),
  );
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0, registryPollMs: 0 });
  try {
    assert.ok(existsSync(join(config.state, "reference", "churn-v1.calibration.json")));
    const z = normals(1000, 4);
    const body = z
      .map((v, i) => JSON.stringify({ features: { z: v }, probability: score[i], prediction: score[i]! > 0.5 ? 1 : 0 }))
      .join("\n");
    assert.equal((await postEvents(m.url, body)).status, 202);
    const r = await fetch(`${m.url}/v1/drift?limit=1`);
    const [w] = ((await r.json()) as { windows: WindowReport[] }).windows;
    const est = w!.estimated_performance!;
    assert.equal(w!.model_version, "v1");
    assert.deepEqual(
      est.metrics.map((e) => [e.metric, e.reference]),
      [
        ["accuracy", calibration.reference_metrics.accuracy],
        ["roc_auc", calibration.reference_metrics.roc_auc],
      ],
    );
    assert.ok(est.metrics.every((e) => e.value !== null && e.lower! <= e.value && e.value <= e.upper!));

    // Production moves to v2 with its own calibration: the next window is estimated with v2's.
    const calibration2 = { ...calibration, reference_metrics: { ...calibration.reference_metrics, accuracy: 0.5 } };
    const calFile2 = join(work, "calibration2.json");
    writeCalibration(calFile2, calibration2);
    const p2 = await runCli(
      "promote",
      "--name",
      "churn",
      "--model",
      MODEL,
      "--profile",
      profile,
      "--calibration",
      calFile2,
      "--registry",
      registry,
    );
    assert.equal(p2.code, 0, p2.stderr);
    assert.equal(await m.reloadReference(), "v2");
    assert.equal((await postEvents(m.url, body)).status, 202);
    const r2 = await fetch(`${m.url}/v1/drift?limit=1`);
    const [w2] = ((await r2.json()) as { windows: WindowReport[] }).windows;
    assert.equal(w2!.model_version, "v2");
    assert.equal(w2!.estimated_performance!.metrics[0]!.reference, 0.5);
  } finally {
    await m.shutdown();
  }

  // v3 without a calibration: a monitor that wants production's calibration cannot start on it.
  const v3 = await runCli("promote", "--name", "churn", "--model", MODEL, "--profile", profile, "--registry", registry);
  assert.equal(v3.code, 0, v3.stderr);
  const again = resolveMonitorConfig(
    { reference: "registry:churn", registry, state: "state2", estimation: { calibration: "registry" } },
    join(dir, "monitor.yml"),
  );
  await assert.rejects(
    startMonitor(again, { env: {}, logger: silent, port: 0, tickIntervalMs: 0, registryPollMs: 0 }),
    /production has no calibration\.json in the registry/,
  );
});
