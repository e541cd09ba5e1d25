// The registry commands end to end against a directory registry: promote, list, show, pull (with the cache and
// tamper detection), set-production (rollback), compare --baseline-model registry:NAME, and the pointer race.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { DirectoryModelRegistry } from "../../src/registry/DirectoryModelRegistry.js";
import { promoteModel } from "../../src/registry/promoteModel.js";
import { setProduction } from "../../src/registry/setProduction.js";
import type { ModelRegistry } from "../../src/registry/ModelRegistry.js";

const dir = mkdtempSync(join(tmpdir(), "mg-registry-dir-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const reg = join(dir, "registry");
const cache = join(dir, "cache");
const DATA = "fixtures/datasets/breast_cancer/test.csv";
const M1 = "fixtures/models/breast_cancer_columns.onnx";
const M2 = "fixtures/models/breast_cancer_double.onnx";
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
const context = { actor: "tester", commit: null, ref: null, pullRequest: null, runUrl: null };

test("promote, list, show, pull, compare against production, rollback", async () => {
  const metrics = join(dir, "metrics.json");
  let r = await runCli("evaluate", "--model", M1, "--data", DATA, "--target", "malignant", "-o", metrics);
  assert.equal(r.code, 0, r.stderr);

  r = await runCli(
    "promote",
    "--name",
    "bc",
    "--model",
    M1,
    "--metrics",
    metrics,
    "--registry",
    reg,
    "--reason",
    "first <b>@team</b> | x",
    "--json",
  );
  assert.equal(r.code, 0, r.stderr);
  const first = JSON.parse(r.stdout);
  assert.equal(first.version, 1);
  assert.equal(first.previous, null);
  assert.equal(first.tag, "modelguard/bc/v1");
  assert.equal(first.assets.find((a: { name: string }) => a.name === "model.onnx").sha256, sha(M1));
  // The card as Markdown escapes what the user wrote.
  const notes = readFileSync(join(reg, "bc", "v1", "README.md"), "utf8");
  assert.match(notes, /first &lt;b&gt;@&#8203;team&lt;\/b&gt; &#124; x/);
  assert.doesNotMatch(notes, /<b>/);

  // The candidate compared with production: the result names the version.
  const cmp = join(dir, "cmp.json");
  r = await runCli(
    "compare",
    "--candidate-model",
    M2,
    "--baseline-model",
    "registry:bc",
    "--registry",
    reg,
    "--cache-dir",
    cache,
    "--data",
    DATA,
    "--target",
    "malignant",
    "--out",
    cmp,
    "--no-fail",
  );
  assert.equal(r.code, 0, r.stderr);
  const comparison = JSON.parse(readFileSync(cmp, "utf8"));
  assert.equal(comparison.baseline.source, "registry:bc@v1");
  assert.deepEqual(comparison.baseline.registry, { uri: reg, name: "bc", version: 1, production: true });
  assert.equal(comparison.baseline.model.sha256, sha(M1));
  assert.ok(comparison.notes.some((n: string) => n.includes("bc v1") && n.includes("(production)")));
  assert.ok(existsSync(join(cache, "sha256", sha(M1))), "the download is cached by sha256");

  r = await runCli(
    "promote",
    "--name",
    "bc",
    "--model",
    M2,
    "--comparison",
    cmp,
    "--registry",
    reg,
    "--reason",
    "better",
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /promoted bc v2 to production .* \(was v1\)/);
  const card2 = JSON.parse(readFileSync(join(reg, "bc", "v2", "card.json"), "utf8"));
  assert.equal(card2.comparison.baseline_version, 1);
  assert.equal(card2.previous_production, 1);

  r = await runCli("registry", "list", "bc", "--registry", reg, "--json");
  assert.equal(r.code, 0, r.stderr);
  const listed = JSON.parse(r.stdout);
  assert.equal(listed.production, 2);
  assert.deepEqual(
    listed.versions.map((v: { version: number; complete: boolean }) => [v.version, v.complete]),
    [
      [1, true],
      [2, true],
    ],
  );

  // A comparison against v1, which is no longer production, cannot promote.
  r = await runCli("promote", "--name", "bc", "--model", M2, "--comparison", cmp, "--registry", reg);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /compares with bc v1, but production is v2/);

  // Rollback, recorded with who and why.
  r = await runCli("registry", "set-production", "bc@v1", "--reason", "v2 misbehaves", "--registry", reg);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /production of bc is now v1 .* \(was v2\)/);
  r = await runCli("registry", "show", "bc", "--registry", reg, "--json");
  const shown = JSON.parse(r.stdout);
  assert.equal(shown.version, 1);
  assert.deepEqual(
    shown.history.map((m: { kind: string; from: number | null; to: number; reason: string }) => [
      m.kind,
      m.from,
      m.to,
      m.reason,
    ]),
    [
      ["promote", null, 1, "first <b>@team</b> | x"],
      ["promote", 1, 2, "better"],
      ["set-production", 2, 1, "v2 misbehaves"],
    ],
  );
  r = await runCli("registry", "show", "bc@v2", "--registry", reg);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /## bc v2/);
  assert.match(r.stdout, /set-production +v2 +v1/);

  // Pull: verified files; then a tampered asset is refused, from the registry and from the cache alike.
  const out = join(dir, "pulled");
  r = await runCli("registry", "pull", "bc@v2", "-o", out, "--registry", reg, "--cache-dir", cache);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(sha(join(out, "model.onnx")), sha(M2));
  assert.ok(existsSync(join(out, "card.json")) && existsSync(join(out, "comparison.json")));
  writeFileSync(join(reg, "bc", "v2", "model.onnx"), Buffer.concat([readFileSync(M2), Buffer.from("x")]));
  rmSync(join(cache, "sha256", sha(M2)));
  r = await runCli("registry", "pull", "bc@v2", "-o", join(dir, "pulled2"), "--registry", reg, "--cache-dir", cache);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /model\.onnx of bc v2 .* does not match its model card: .*refusing to use it/);
  assert.doesNotMatch(r.stderr, /internal error|\n\s+at /);
  assert.ok(!existsSync(join(dir, "pulled2", "model.onnx")), "nothing of a tampered version is written");
});

test("usage errors: bad names, versions, no registry", async () => {
  let r = await runCli("promote", "--name", "../evil", "--model", M1, "--registry", reg);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--name must be 1-64 letters/);
  r = await runCli("registry", "show", "bc@latest", "--registry", reg);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /vN .* or 'production'/);
  r = await runCli("registry", "show", "nope", "--registry", reg);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope has no production version/);
  r = await runCli("registry", "set-production", "bc@v9", "--reason", "x", "--registry", reg);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bc v9 does not exist/);
});

/** A registry whose first pointer write lets `interloper` run to completion first: a deterministic race. */
function racing(inner: ModelRegistry, interloper: () => Promise<unknown>): ModelRegistry {
  let raced = false;
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === "writePointer") {
        return async (...args: Parameters<ModelRegistry["writePointer"]>) => {
          if (!raced) {
            raced = true;
            await interloper();
          }
          return target.writePointer(...args);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

export async function checkRace(registry: ModelRegistry, name: string): Promise<void> {
  const files = (p: string) => ({ model: { path: p, bytes: readFileSync(p) } });
  await promoteModel(registry, name, files(M1), context, "base");
  // The loser of a promotion race fails and says what happened; its version stays stored, not production.
  const loser = promoteModel(
    racing(registry, () => promoteModel(registry, name, files(M2), { ...context, actor: "winner" }, "won")),
    name,
    files(M1),
    context,
    "lost",
  );
  await assert.rejects(loser, (e: Error & { code?: string; hint?: string }) => {
    assert.equal(e.code, "registry");
    assert.match(
      e.message,
      new RegExp(
        `production of ${name} moved from v1 to v3 while v2 was being promoted .*by winner.*v2 is stored but is NOT production`,
      ),
    );
    assert.match(e.hint!, /set-production/);
    return true;
  });
  let { pointer } = await registry.readPointer(name);
  assert.equal(pointer.production, 3);
  // A rollback that loses the race retries on the new production, and records what it really replaced.
  const r = await setProduction(
    racing(registry, () => setProduction(registry, name, 2, { ...context, actor: "other" }, "other move")),
    name,
    1,
    context,
    "rollback",
  );
  assert.equal(r.attempts, 2);
  ({ pointer } = await registry.readPointer(name));
  assert.equal(pointer.production, 1);
  assert.deepEqual(
    pointer.moves.map((m) => [m.from, m.to, m.reason]),
    [
      [null, 1, "base"],
      [1, 3, "won"],
      [3, 2, "other move"],
      [2, 1, "rollback"],
    ],
  );
}

test("the race: a promotion that loses fails with what happened; a rollback retries on the new production", async () => {
  await checkRace(new DirectoryModelRegistry(join(dir, "race")), "racer");
});

test("concurrent promotions never both win from the same production", async () => {
  const registry = new DirectoryModelRegistry(join(dir, "concurrent"));
  const files = (p: string) => ({ model: { path: p, bytes: readFileSync(p) } });
  await promoteModel(registry, "c", files(M1), context, "base");
  const results = await Promise.allSettled(
    [1, 2, 3, 4].map(() => promoteModel(registry, "c", files(M2), context, "race")),
  );
  const { pointer } = await registry.readPointer("c");
  const won = results.filter((x) => x.status === "fulfilled").length;
  assert.ok(won >= 1);
  assert.equal(pointer.moves.length, 1 + won);
  // The history is a chain: each move starts where the previous one ended.
  for (let i = 1; i < pointer.moves.length; i++) assert.equal(pointer.moves[i]!.from, pointer.moves[i - 1]!.to);
  for (const x of results) if (x.status === "rejected") assert.match(String(x.reason.message), /is NOT production/);
});
