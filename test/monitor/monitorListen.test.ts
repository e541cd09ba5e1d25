import { after, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { startMonitor } from "../../monitor/startMonitor.js";
import { buildProfile } from "../../src/profile/buildProfile.js";
import { writeProfile } from "../../src/profile/profileFile.js";
import { ModelguardError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";
import { normals } from "../helpers/random.js";
import { numericColumn, table } from "../helpers/tables.js";

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A directory with profile.json and monitor.yml (YAML is a superset of JSON) around `extra`. */
function setup(extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), "mg-monitor-listen-"));
  dirs.push(dir);
  const xs = normals(500, 3);
  writeProfile(
    join(dir, "profile.json"),
    buildProfile(table([numericColumn("x", xs, "number")]), { createdAt: "2026-01-01T00:00:00.000Z" }),
  );
  const raw = { model: "m", reference: "profile.json", state: "state", window: { size: 100 }, ...extra };
  const path = join(dir, "monitor.yml");
  writeFileSync(path, JSON.stringify(raw));
  return { dir, path, config: resolveMonitorConfig(raw, path) };
}

function capture() {
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "info" }, { write: (s: string) => void logs.push(JSON.parse(s) as never) });
  return { logs, logger };
}

async function post(url: string, headers: Record<string, string>) {
  const r = await fetch(`${url}/v1/events`, { method: "POST", body: '{"features":{"x":1}}\n', headers });
  await r.arrayBuffer();
  return r.status;
}

test("ingest token: surrounding whitespace of the configured value is not part of it (a secret file's newline)", async () => {
  const { config } = setup();
  const { logs, logger } = capture();
  const token = "s3cret-from-a-file";
  const m = await startMonitor(config, { env: { MODELGUARD_INGEST_TOKEN: ` ${token}\n` }, logger, port: 0 });
  try {
    assert.equal(await post(m.url, { authorization: `Bearer ${token}` }), 202);
    assert.equal(await post(m.url, { authorization: `Bearer ${token}x` }), 401);
    assert.equal(await post(m.url, {}), 401);
    assert.ok(!JSON.stringify(logs).includes(token), "the token is never logged");
  } finally {
    await m.shutdown();
  }
});

test("ingest token: a variable set but blank stops the start (it is not 'no token'), before anything is opened", async () => {
  for (const value of ["", " \n"]) {
    const { config } = setup();
    await assert.rejects(
      startMonitor(config, { env: { MODELGUARD_INGEST_TOKEN: value }, logger: pino({ level: "silent" }), port: 0 }),
      (e: unknown) =>
        e instanceof ModelguardError &&
        e.code === "config" &&
        /MODELGUARD_INGEST_TOKEN is set but empty/.test(e.message) &&
        /unset it/.test(e.hint ?? ""),
    );
    assert.ok(!existsSync(config.state), "no state directory was created");
  }
});

test("ingest without a token: a warning at start on loopback; refused on another address unless ingest.allow_anonymous", async () => {
  const { config } = setup();
  const { logs, logger } = capture();
  const m = await startMonitor(config, { env: {}, logger, port: 0 });
  try {
    const warning = logs.find((l) => l.level === 40 && /MODELGUARD_INGEST_TOKEN is unset/.test(String(l.msg)));
    assert.ok(warning, JSON.stringify(logs));
    assert.equal(await post(m.url, {}), 202);
  } finally {
    await m.shutdown();
  }
  // 203.0.113.1 (TEST-NET-3) is on no machine: the refusal comes before any bind is tried.
  const open = setup({ listen: "203.0.113.1:9470" });
  await assert.rejects(
    startMonitor(open.config, { env: {}, logger: pino({ level: "silent" }) }),
    (e: unknown) =>
      e instanceof ModelguardError &&
      e.code === "config" &&
      /MODELGUARD_INGEST_TOKEN is unset/.test(e.message) &&
      /203\.0\.113\.1/.test(e.message) &&
      /ingest\.allow_anonymous: true/.test(e.hint ?? ""),
  );
  assert.ok(!existsSync(open.config.state));
  // Meant to be open: the refusal is lifted and the start goes on to the bind (which fails here, for another reason).
  const meant = setup({ listen: "203.0.113.1:9470", ingest: { allow_anonymous: true } });
  assert.equal(meant.config.ingest.allowAnonymous, true);
  await assert.rejects(
    startMonitor(meant.config, { env: {}, logger: pino({ level: "silent" }) }),
    (e: unknown) => e instanceof ModelguardError && /cannot listen on 203\.0\.113\.1:9470/.test(e.message),
  );
});

test("listen: a busy port is exit 2 naming the address and the fix, not a stack trace", async () => {
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, "127.0.0.1", () => r()));
  const port = (busy.address() as AddressInfo).port;
  try {
    const { path } = setup({ listen: `127.0.0.1:${port}` });
    const r = await runCli("monitor", "--config", path);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}.*already in use`));
    assert.match(r.stderr, /hint: .*free port/);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  } finally {
    await new Promise((r) => busy.close(r));
  }
});

test("listen: an address that is not this machine's is exit 2 naming it (bind only, nothing is sent)", async () => {
  // A token, so the check of anonymous ingest on a non-loopback address lets the start reach the bind.
  const tokenEnv = "MG_TEST_LISTEN_TOKEN";
  process.env[tokenEnv] = "t0ken";
  try {
    const { path } = setup({ listen: "203.0.113.1:9470", ingest: { token_env: tokenEnv } });
    const r = await runCli("monitor", "--config", path);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot listen on 203\.0\.113\.1:9470.*not an address of this machine/);
    assert.match(r.stderr, /hint: .*127\.0\.0\.1.*0\.0\.0\.0/);
    assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  } finally {
    delete process.env[tokenEnv];
  }
});

test("monitor/main.ts: a busy port exits 2 with the message and hint, like the CLI", async () => {
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, "127.0.0.1", () => r()));
  const port = (busy.address() as AddressInfo).port;
  try {
    const { path } = setup({ listen: `127.0.0.1:${port}` });
    const child = spawn(process.execPath, ["--import", "tsx", "monitor/main.ts", path], {
      env: { ...process.env, MODELGUARD_INGEST_TOKEN: "t" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 2, stderr);
    assert.match(stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}.*already in use`));
    assert.match(stderr, /hint: /);
    assert.doesNotMatch(stderr, /\n\s+at /);
  } finally {
    await new Promise((r) => busy.close(r));
  }
});

test("snapshot_interval: 30d (over setTimeout's 2^31-1 ms) does not snapshot every millisecond", async () => {
  const { config } = setup({ snapshot_interval: "30d" });
  assert.equal(config.snapshotIntervalMs, 30 * 86_400_000);
  const m = await startMonitor(config, { env: {}, logger: pino({ level: "silent" }), port: 0 });
  try {
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!existsSync(join(config.state, "snapshot.json")), "no snapshot before 30 days (or shutdown)");
  } finally {
    await m.shutdown();
  }
  assert.ok(existsSync(join(config.state, "snapshot.json")), "the shutdown snapshot");
});
