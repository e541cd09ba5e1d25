import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Outbox, parkable, type OutboxEntry, type OutboxEntryStatus } from "../../monitor/alerts/outbox.js";

// Every temporary directory of this file lives here, removed after its tests.
const tmpRoot = mkdtempSync(join(tmpdir(), "mg-outbox-"));
after(() => rmSync(tmpRoot, { recursive: true, force: true }));

function entry(id: string, kind: string): OutboxEntry {
  return { id, kind, method: "POST", path: `/x/${id}`, body: {}, created_at: "2026-01-01T00:00:00.000Z" };
}

function outboxPath(): string {
  return join(mkdtempSync(join(tmpRoot, "outbox-")), "outbox.jsonl");
}

test("outbox: a sender's result is recorded in the `sent` line, seen by later entries, and survives a restart", async () => {
  const path = outboxPath();
  const seen: OutboxEntryStatus[] = [];
  const box = new Outbox(path, async (e, context) => {
    if (e.kind === "dispatch") return { workflow_run_id: 7, html_url: "https://github.com/a/b/actions/runs/7" };
    seen.push(context.statusOf("m:w1:dispatch"), context.statusOf("m:w9:dispatch"));
  });
  box.stop(); // driven by hand
  box.add(entry("m:w1:dispatch", "dispatch"));
  box.add(entry("m:w1:issue.open", "issue.open"));
  await box.sendPending();
  const result = { workflow_run_id: 7, html_url: "https://github.com/a/b/actions/runs/7" };
  assert.deepEqual(seen, [{ state: "sent", result }, { state: "unknown" }]);
  const sentLine = readFileSync(path, "utf8")
    .split("\n")
    .find((l) => l.includes('"status":"sent"') && l.includes("dispatch"))!;
  assert.deepEqual(JSON.parse(sentLine).result, result);
  const reloaded = new Outbox(path, null);
  assert.deepEqual(reloaded.statusOf("m:w1:dispatch"), { state: "sent", result });
  assert.deepEqual(reloaded.statusOf("m:w1:issue.open"), { state: "sent", result: null });
});

test("outbox: a parkable failure steps aside (later entries are sent), is retried after its backoff, and stays parked across a restart; other failures hold the rest back", async () => {
  const path = outboxPath();
  const calls: string[] = [];
  let refuse = true;
  const sender = async (e: OutboxEntry) => {
    calls.push(e.id);
    if (e.kind === "dispatch" && refuse) throw parkable(new Error("404 no such workflow"));
  };
  let clock = Date.parse("2026-01-01T00:00:00Z");
  const box = new Outbox(path, sender, { baseDelayMs: 1000, elapsed: () => clock });
  box.stop();
  box.add(entry("m:w1:dispatch", "dispatch"));
  box.add(entry("m:w1:issue.open", "issue.open"));
  box.add(entry("m:w2:issue.update", "issue.update"));
  await box.sendPending();
  // The dispatch was tried first, parked, then the issue entries went out in order; the dispatch waits its backoff.
  assert.deepEqual(calls, ["m:w1:dispatch", "m:w1:issue.open", "m:w2:issue.update"]);
  await box.sendPending();
  assert.deepEqual(calls.length, 3, "not retried before its backoff (1 s) is over");
  clock += 1000;
  await box.sendPending();
  assert.deepEqual(calls, ["m:w1:dispatch", "m:w1:issue.open", "m:w2:issue.update", "m:w1:dispatch"]);
  assert.deepEqual(box.statusOf("m:w1:dispatch"), { state: "parked" });
  assert.deepEqual(
    box.pending().map((e) => e.id),
    ["m:w1:dispatch"],
  );
  assert.match(
    readFileSync(path, "utf8"),
    /"id":"m:w1:dispatch","status":"failed","attempts":1,"error":"404 no such workflow","parked":true/,
  );

  // A restart remembers it is parked: a new entry goes before it.
  calls.length = 0;
  const again = new Outbox(path, sender);
  again.stop();
  assert.deepEqual(again.statusOf("m:w1:dispatch"), { state: "parked" });
  again.add(entry("m:w3:issue.update", "issue.update"));
  refuse = false;
  await again.sendPending();
  assert.deepEqual(calls, ["m:w3:issue.update", "m:w1:dispatch"]);
  assert.equal(again.pending().length, 0);

  // A failure that is not parkable (an outage) holds back what follows, as before.
  const held = new Outbox(outboxPath(), async (e) => {
    if (e.kind === "dispatch") throw new Error("502 Bad Gateway");
  });
  held.stop();
  held.add(entry("m:w1:dispatch", "dispatch"));
  held.add(entry("m:w1:issue.open", "issue.open"));
  await held.sendPending();
  assert.deepEqual(held.statusOf("m:w1:dispatch"), { state: "pending" });
  assert.deepEqual(held.statusOf("m:w1:issue.open"), { state: "pending" });
});
