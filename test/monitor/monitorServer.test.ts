import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { normals } from "../helpers/random.js";
import { dictionaryColumn, numericColumn, table } from "../helpers/tables.js";

// Every temporary directory of this file lives here, removed after its tests.
const tmpRoot = mkdtempSync(join(tmpdir(), "mg-monitor-srv-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

const silent = pino({ level: "silent" });

function setup(extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpRoot, "srv-"));
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

/** n events; shifted: x moves by 1.5 sd and y by 2 sd, plan skews to "team". */
function events(n: number, seed: number, shifted: boolean): string {
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

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const r = await fetch(`${url}/v1/events`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-ndjson", ...headers },
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

test("ingest: 401 without the bearer token, 413 over max_body, 400 with the line number, 202 with counts", async () => {
  const { config } = setup({ ingest: { max_body: "2kb" } });
  const m = await startMonitor(config, { env: { MODELGUARD_INGEST_TOKEN: "s3cret" }, logger: silent, port: 0 });
  try {
    const ok = '{"features":{"x":1,"y":10,"plan":"pro","color":"red"}}\n{"features":{"x":2}}';
    assert.equal((await post(m.url, ok)).status, 401);
    assert.equal((await post(m.url, ok, { authorization: "Bearer wrong" })).status, 401);
    assert.equal((await post(m.url, ok, { authorization: "Bearer s3cret-longer" })).status, 401);
    const auth = { authorization: "Bearer s3cret" };
    const accepted = await post(m.url, ok, auth);
    assert.equal(accepted.status, 202);
    assert.equal(accepted.body.accepted, 2);
    assert.deepEqual(accepted.body.unknown_features, { color: 1 });
    assert.equal(accepted.body.missing_values, 2); // y and plan absent from the second event
    const bad = await post(m.url, '{"features":{"x":1}}\n{"features":{"x":}}\n', auth);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.line, 2);
    const big = await post(m.url, "x".repeat(5000), auth);
    assert.equal(big.status, 413);
    assert.equal(m.monitor.window.events, 2);
    const metrics = await (await fetch(`${m.url}/metrics`)).text();
    assert.match(metrics, /^modelguard_monitor_events_total 2$/m);
    assert.match(metrics, /^modelguard_monitor_rejected_total\{reason="unauthorized"\} 3$/m);
    assert.match(metrics, /^modelguard_monitor_rejected_total\{reason="too_large"\} 1$/m);
    assert.match(metrics, /^modelguard_monitor_rejected_total\{reason="malformed"\} 1$/m);
    assert.equal((await fetch(`${m.url}/readyz`)).status, 200);
  } finally {
    await m.shutdown();
  }
});

/** Every non-comment line of a Prometheus text exposition is `name{labels} value`. */
function assertExposition(text: string) {
  const sample =
    /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)$/;
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) continue;
    assert.match(line, sample);
  }
}

test("windows close by count; a planted shift drifts, same-distribution traffic does not; alerts go to the outbox", async () => {
  const { config } = setup({
    alert: { consecutive: 2, close_after_clean: 1 },
    actions: { dispatch: { event: "retrain" } },
  });
  const m = await startMonitor(config, { env: {}, logger: silent, port: 0 });
  try {
    // Window 0: same distribution. Windows 1 and 2: shifted. Window 3: clean again. 500-event batches straddle nothing.
    for (const [seed, shifted] of [
      [100, false],
      [102, false],
      [200, true],
      [202, true],
      [300, true],
      [302, true],
      [400, false],
      [402, false],
    ] as const) {
      assert.equal((await post(m.url, events(500, seed, shifted))).status, 202);
    }
    const drift = (await (await fetch(`${m.url}/v1/drift?limit=10`)).json()) as {
      windows: { window: number; events: number; dataset_drifted: boolean; drift: { drifted_features: string[] } }[];
    };
    const byWindow = drift.windows.slice().reverse();
    assert.deepEqual(
      byWindow.map((w) => [w.window, w.events, w.dataset_drifted]),
      [
        [0, 1000, false],
        [1, 1000, true],
        [2, 1000, true],
        [3, 1000, false],
      ],
    );
    assert.deepEqual(byWindow[1]!.drift.drifted_features.sort(), ["plan", "x", "y"]);
    const outbox = readFileSync(join(config.state, "outbox.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; method: string; path: string; body: Record<string, unknown> });
    assert.deepEqual(
      outbox.map((e) => [e.id, e.method, e.path]),
      [
        // The dispatch first: the issue links the run it started.
        ["fraud:w2:dispatch", "POST", "/repos/OWNER/REPO/dispatches"],
        ["fraud:w2:issue.open", "POST", "/repos/OWNER/REPO/issues"],
        ["fraud:w3:issue.close", "PATCH", "/repos/OWNER/REPO/issues/{issue_number}"],
      ],
    );
    const issueBody = String(outbox[1]!.body.body);
    assert.ok(issueBody.startsWith("<!-- modelguard:issue id=drift/fraud -->\n"));
    assert.match(issueBody, /^\| x \| numeric \| [0-9.]+ \| [0-9.]+ \| /m);
    assert.match(
      issueBody,
      /^Retraining dispatched: repository_dispatch event `retrain` \(\[runs\]\(https:\/\/github\.com\/OWNER\/REPO\/actions\?query=event%3Arepository_dispatch\)\)\.$/m,
    );
    const text = await (await fetch(`${m.url}/metrics`)).text();
    assertExposition(text);
    assert.match(text, /^modelguard_monitor_dataset_drifted 0$/m);
    assert.match(text, /^modelguard_monitor_feature_psi\{feature="x"\} [0-9.e-]+$/m);
    assert.match(text, /^modelguard_monitor_alerts_total\{action="issue.open"\} 1$/m);
  } finally {
    await m.shutdown();
  }
});

function startChild(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "monitor/main.ts", join(dir, "monitor.json")], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, GITHUB_TOKEN: "" },
  });
  return new Promise((resolve, reject) => {
    let buf = "";
    child.stdout!.on("data", (c: Buffer) => {
      buf += c.toString();
      const m = /"msg":"listening","url":"([^"]+)"/.exec(buf);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once("exit", (code) => reject(new Error(`monitor exited with ${code} before listening: ${buf}`)));
  });
}

const exited = (c: ChildProcess) =>
  new Promise<number | null>((r) => (c.exitCode !== null ? r(c.exitCode) : c.once("exit", (code) => r(code))));

test("durability: every 2xx'd batch survives kill -9 exactly once; SIGTERM snapshots and exits 0", async () => {
  const { dir } = setup({ listen: "127.0.0.1:0", window: { size: 100000 } });
  let { child, url } = await startChild(dir);
  const accepted: number[] = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const r = await post(url, events(50 + i, 10 + i, false));
      assert.equal(r.status, 202);
      return r.body.accepted as number;
    }),
  );
  const total = accepted.reduce((a, b) => a + b, 0);
  child.kill("SIGKILL");
  await exited(child);

  ({ child, url } = await startChild(dir));
  let open = (await (await fetch(`${url}/v1/drift`)).json()) as { open_window: { events: number } };
  assert.equal(open.open_window.events, total);
  assert.equal((await post(url, events(10, 99, false))).status, 202);
  child.kill("SIGTERM");
  assert.equal(await exited(child), 0);
  const snap = JSON.parse(readFileSync(join(dir, "state", "snapshot.json"), "utf8")) as { window: { events: number } };
  assert.equal(snap.window.events, total + 10);

  // Restart from the snapshot (nothing to replay after it): still counted once.
  ({ child, url } = await startChild(dir));
  open = (await (await fetch(`${url}/v1/drift`)).json()) as { open_window: { events: number } };
  assert.equal(open.open_window.events, total + 10);
  child.kill("SIGKILL");
  await exited(child);
});
