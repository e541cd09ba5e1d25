import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { FencedError, FleetStore, FleetUnavailableError } from "../../../monitor/fleet/fleetStore.js";
import type { FleetConfig } from "../../../monitor/fleet/fleetConfig.js";
import { startRedisServer, type RedisServer } from "../../helpers/redisServer.js";
import { waitFor } from "../monitorFixtures.js";

let redis: RedisServer;
before(async () => {
  redis = await startRedisServer();
});
after(() => redis.stop());

function fleet(member: string, prefix: string, leaseMs = 300): FleetConfig {
  return { redisUrl: redis.url, passwordEnv: null, keyPrefix: prefix, member, leaseMs, graceMs: 0 };
}

async function connected(member: string, prefix: string, leaseMs?: number): Promise<FleetStore> {
  const s = new FleetStore(fleet(member, prefix, leaseMs), {});
  await s.connect();
  await waitFor("Redis to answer", () => s.down === null);
  return s;
}

test("lease: one holder; renewing keeps it; when it lapses the next holder gets a higher fencing token and the old holder's writes are refused", async () => {
  const a = await connected("a", "t1:");
  const b = await connected("b", "t1:");
  try {
    const la = await a.lease(null, "a");
    assert.ok(la?.endsWith(":a"));
    assert.equal(await b.lease(null, "b"), null, "a second member must not get a held lease");
    assert.equal(await a.lease(la, "a"), la, "renewal keeps the same value");
    // a stops renewing (a long GC pause): the lease lapses and b takes it.
    let lb: string | null = null;
    for (let i = 0; i < 200 && lb === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
      lb = await b.lease(null, "b");
    }
    assert.ok(lb !== null && lb.endsWith(":b"));
    assert.ok(Number(lb.split(":")[0]) > Number(la!.split(":")[0]), "the fencing token grows");
    // a wakes up and writes as if it still led: every fenced write is refused.
    await assert.rejects(a.finalize(la!, 1000, "{}", "{}", [], 10), FencedError);
    await assert.rejects(a.claim(la!, "m:w1:dispatch", false), FencedError);
    assert.equal(await a.lease(la, "a"), null, "a does not get the lease back while b holds it");
    assert.equal(await b.finalize(lb, 1000, '{"w":1}', "{}", ['{"id":"x"}'], 10), true);
    assert.equal(await b.finalize(lb, 1000, '{"w":1}', "{}", [], 10), false, "a window is finalized once");
    assert.deepEqual(await b.reports(10), ['{"w":1}']);
    assert.deepEqual(await b.outbox(), ['{"id":"x"}']);
  } finally {
    await a.close();
    await b.close();
  }
});

test("partials: a member's partial of a window is overwritten, never added; after finalization a partial is refused as late", async () => {
  const a = await connected("a", "t2:");
  try {
    const rec = (events: number) => ({ member: "a", final: false, published_at: 1, window: { events } });
    assert.equal(await a.publish(60_000, rec(5), 60_000), true);
    assert.equal(await a.publish(60_000, rec(9), 60_000), true);
    const ps = await a.partials(60_000);
    assert.equal(ps.length, 1);
    assert.deepEqual(ps[0]!.window, { events: 9 });
    assert.deepEqual(await a.windowsUpTo(60_000), [60_000]);
    const lease = (await a.lease(null, "a"))!;
    assert.equal(await a.finalize(lease, 60_000, "{}", "{}", [], 5), true);
    assert.deepEqual(await a.windowsUpTo(60_000), []);
    assert.equal(await a.publish(60_000, rec(10), 60_000), false);
    assert.deepEqual(await a.partials(60_000), []);
  } finally {
    await a.close();
  }
});

test("claims: an alert id is claimed once; a later leader sees who claimed it; recorded sent, it leaves the outbox", async () => {
  const a = await connected("a", "t3:", 200);
  const b = await connected("b", "t3:", 200);
  try {
    const la = (await a.lease(null, "a"))!;
    await a.finalize(la, 1, "{}", "{}", ['{"id":"m:w1:issue.open"}', '{"id":"m:w1:dispatch"}'], 5);
    assert.equal(await a.claim(la, "m:w1:issue.open", false), "claimed");
    assert.equal(await a.claim(la, "m:w1:issue.open", false), "mine");
    await a.markSent(la, "m:w1:issue.open", { n: 1 }, '{"id":"m:w1:issue.open"}');
    assert.equal(await a.claim(la, "m:w1:issue.open", false), "sent");
    assert.deepEqual(await a.sentResult("m:w1:issue.open"), { n: 1 });
    assert.equal(await a.claim(la, "m:w1:dispatch", false), "claimed");
    let lb: string | null = null;
    for (let i = 0; i < 200 && lb === null; i++) {
      await new Promise((r) => setTimeout(r, 10));
      lb = await b.lease(null, "b");
    }
    assert.ok(lb);
    assert.equal(await b.claim(lb, "m:w1:dispatch", false), la, "b learns that a claimed the dispatch");
    assert.equal(await b.claim(lb, "m:w1:dispatch", false), la, "without takeOver the claim stays a's");
    assert.deepEqual(await b.outbox(), ['{"id":"m:w1:dispatch"}']);
    // Giving a claim back never drops another leader's claim.
    await b.unclaim(lb, "m:w1:dispatch");
    assert.equal(await b.claim(lb, "m:w1:dispatch", false), la, "a's claim is not b's to give back");
    // Its maker may give it back after its lease lapsed (GitHub refused the dispatch while a's lease ran out): then
    // the next leader claims it and sends it, once.
    await a.unclaim(la, "m:w1:dispatch");
    assert.equal(await b.claim(lb, "m:w1:dispatch", false), "claimed");
    // A claim given back by its leader (GitHub refused the dispatch: nothing ran) may be claimed again.
    assert.equal(await b.claim(lb, "m:w1:dispatch-2", false), "claimed");
    await b.unclaim(lb, "m:w1:dispatch-2");
    assert.equal(await b.claim(lb, "m:w1:dispatch-2", false), "claimed");
  } finally {
    await a.close();
    await b.close();
  }
});

test("outage: with Redis down commands fail fast as FleetUnavailableError and `down` says since when; the client reconnects when it returns", async () => {
  const a = await connected("a", "t4:");
  try {
    await redis.kill();
    await waitFor("the client to notice", () => a.down !== null);
    await assert.rejects(a.heartbeat("a", 1, 1), FleetUnavailableError);
    assert.ok(a.down!.since > 0);
    await redis.restart();
    await waitFor("the reconnect", () => a.down === null, 2000);
    await a.heartbeat("a", 1, 1);
    assert.deepEqual([...(await a.members()).keys()], ["a"]);
  } finally {
    await a.close();
  }
});
