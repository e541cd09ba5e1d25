// What the monitor keeps in memory between windows is bounded: closed-window reports, window files, the batch pool
// and the intern tables do not grow with the number of events or of distinct values seen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { encodingOf } from "../../monitor/ingest/eventBatch.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { postEvents, setupMonitor } from "./monitorFixtures.js";

const silent = pino({ level: "silent" });

test("retention: reports, window files, pooled batches and intern tables stay within their bounds", async () => {
  const { config } = setupMonitor({ window: { size: 50 }, keep_windows: 3 });
  const m = await start(config);
  try {
    let n = 0;
    for (let b = 0; b < 40; b++) {
      const lines = Array.from({ length: 40 }, () => {
        n++;
        // A new category value and a new unknown feature name in every event.
        return JSON.stringify({ features: { x: n % 7, y: 10 + (n % 5), plan: `p${n}`, [`extra_${n}`]: 1 } });
      });
      const r = await postEvents(m.url, lines.join("\n"));
      assert.equal(r.status, 202);
    }
    assert.equal(m.monitor.recent.length, 3);
    assert.deepEqual(readdirSync(join(config.state, "windows")).sort(), [
      "00000029.json",
      "00000030.json",
      "00000031.json",
    ]);
    const encoding = encodingOf(m.monitor.layout);
    assert.ok(encoding.pool.length <= 8);
    assert.ok(encoding.names.size <= encoding.width + 256);
    for (const table of encoding.categories) assert.ok(table === null || table.size <= 1024);
    assert.ok(encoding.prediction.size <= 1024);
    // The open window still counts every value, interned or not.
    assert.equal(m.monitor.window.events, 1600 - 32 * 50);
    assert.ok(m.monitor.window.unknown.size <= 100);
  } finally {
    await m.shutdown();
  }
});

function start(config: Parameters<typeof startMonitor>[0]) {
  return startMonitor(config, { env: {}, logger: silent, port: 0, tickIntervalMs: 0 });
}
