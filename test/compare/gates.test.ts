import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gatePolicyFrom, readGatePolicy } from "../../src/compare/gates.js";
import { judge } from "../../src/compare/compareModels.js";
import { ModelguardError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-gates-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const gate = (raw: object) => gatePolicyFrom({ gates: raw as never }).gates[0]!;
const iv = (lo: number, hi: number) => ({ delta: [lo, hi] as [number, number], relative: null, undefinedResamples: 0 });

test("the example gates file reads with directions and defaults", () => {
  const p = readGatePolicy("fixtures/compare/gates.yml");
  assert.equal(p.confidence, 0.95);
  assert.equal(p.resamples, 2000);
  assert.deepEqual(
    p.gates.map((g) => [g.metric, g.direction, g.on_fail]),
    [
      ["accuracy", "higher", "fail"],
      ["f1", "higher", "fail"],
      ["log_loss", "lower", "fail"],
    ],
  );
});

test("non-inferiority: the interval's worse bound must clear the allowed drop, not just the point estimate", () => {
  const g = gate({ accuracy: { max_drop: 0.005 } });
  // Point estimate better than allowed, but the interval reaches a larger drop: not shown either way, inconclusive.
  const unsure = judge("accuracy", g, 0.9, 0.899, iv(-0.02, 0.018), 0.95);
  assert.equal(unsure.status, "inconclusive");
  assert.equal(unsure.checks[0]!.outcome, "inconclusive");
  assert.equal(unsure.checks[0]!.passed, false);
  assert.equal(unsure.checks[0]!.measured, -0.02);
  assert.deepEqual(unsure.checks[0]!.interval, [-0.02, 0.018]);
  assert.equal(unsure.detectable_change, 0.019);
  // The whole interval beyond the allowed drop: a failure shown with confidence.
  const worse = judge("accuracy", g, 0.9, 0.88, iv(-0.035, -0.006), 0.95);
  assert.equal(worse.status, "fail");
  assert.equal(worse.checks[0]!.outcome, "fail");
  // One unit everywhere: the rule and the check in percent and percentage points, without the metric's name.
  assert.equal(unsure.rule, "max_drop 0.50 pp");
  assert.equal(
    unsure.checks[0]!.description,
    "change >= -0.50 pp (95% interval -2.00 to +1.80 pp, lower bound judged)",
  );
  const shown = judge("accuracy", g, 0.9, 0.905, iv(-0.004, 0.014), 0.95);
  assert.equal(shown.status, "pass");
  // Without pairs (aggregates), the point value is compared.
  assert.equal(judge("accuracy", g, 0.9, 0.897, null, 0.95).status, "pass");
  assert.equal(judge("accuracy", g, 0.9, 0.894, null, 0.95).status, "fail");
});

test("lower-is-better rules use the upper bound; min/max use the candidate's value; warn gates do not fail", () => {
  const ll = gate({ log_loss: { max_increase: 0.02 } });
  assert.equal(judge("log_loss", ll, 0.3, 0.29, iv(-0.03, 0.01), 0.95).status, "pass");
  assert.equal(judge("log_loss", ll, 0.3, 0.29, iv(-0.03, 0.025), 0.95).status, "inconclusive");
  assert.equal(judge("log_loss", ll, 0.3, 0.34, iv(0.021, 0.06), 0.95).status, "fail");
  const abs = gate({ roc_auc: { min: 0.9 } });
  assert.equal(judge("roc_auc", abs, 0.95, 0.89, iv(-0.07, -0.05), 0.95).status, "fail");
  const warn = gate({ f1: { max_drop: 0.001, on_fail: "warn" } });
  assert.equal(judge("f1", warn, 0.8, 0.7, iv(-0.12, -0.08), 0.95).status, "warn");
  const gain = gate({ rmse: { min_gain: 1 } });
  assert.equal(judge("rmse", gain, 50, 48, iv(-3, -1.5), 0.95).status, "pass");
  // The improvement's interval [0.5, 3] straddles the required 1; [0.2, 0.8] is short of it with confidence.
  assert.equal(judge("rmse", gain, 50, 48, iv(-3, -0.5), 0.95).status, "inconclusive");
  assert.equal(judge("rmse", gain, 50, 49.5, iv(-0.8, -0.2), 0.95).status, "fail");
  // An advisory gate that is inconclusive stays inconclusive (the verdict caps it at warn).
  assert.equal(judge("f1", warn, 0.8, 0.8, iv(-0.02, 0.02), 0.95).status, "inconclusive");
});

test("rules that contradict a metric's direction, unknown metrics and bad files are clear config errors", () => {
  assert.throws(
    () => gatePolicyFrom({ gates: { log_loss: { max_drop: 0.1 } } as never }),
    (e: unknown) =>
      e instanceof ModelguardError &&
      /log_loss is lower-is-better/.test(e.message) &&
      /max_increase/.test(e.hint ?? ""),
  );
  assert.throws(
    () => gatePolicyFrom({ gates: { acuracy: { min: 0.9 } } as never }),
    /unknown metric \(did you mean 'accuracy'\?\)/,
  );
  assert.equal(
    gatePolicyFrom({ gates: { my_score: { min: 1, direction: "higher" } } as never }).gates[0]!.direction,
    "higher",
  );
  writeFileSync(join(dir, "bad.yml"), "gates:\n  accuracy: { min: high }\n");
  assert.throws(() => readGatePolicy(join(dir, "bad.yml")), /gates\.accuracy\.min: must be number/);
  writeFileSync(join(dir, "few.yml"), "gates: {}\nresamples: 10\n");
  assert.throws(() => readGatePolicy(join(dir, "few.yml")), /resamples: must be >= 1000/);
  writeFileSync(
    join(dir, "modelguard.yml"),
    "version: 1\ndrift: { method: psi }\ngates:\n  accuracy: { min: 0.8 }\nconfidence: 0.9\n",
  );
  const fromConfig = readGatePolicy(join(dir, "modelguard.yml"));
  assert.equal(fromConfig.confidence, 0.9);
  assert.equal(fromConfig.gates[0]!.metric, "accuracy");
});

// Issue #7: YAML's .inf passed the schema as a number and made a gate no model could pass; --resamples 1e12 asked for a
// typed array of 10^12 numbers and ended in a RangeError stack trace.
test("non-finite gate values and too many resamples are exit 2 with the key or flag and the allowed range", async () => {
  for (const [rule, shown] of [
    ["accuracy: { min: .inf }", /gates\.accuracy\.min: must be a finite number, got Infinity/],
    ["accuracy: { max: -.inf }", /gates\.accuracy\.max: must be a finite number, got -Infinity/],
    ["accuracy: { min: .nan }", /gates\.accuracy\.min: must be a finite number, got NaN/],
    ["log_loss: { max_increase: .inf }", /gates\.log_loss\.max_increase: must be a finite number/],
  ] as const) {
    const file = join(dir, "inf.yml");
    writeFileSync(file, `gates:\n  ${rule}\n`);
    const r = await runCli("compare", "--gates", file, "--candidate", "c.json", "--baseline", "b.json");
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, shown);
    assert.doesNotMatch(r.stderr, /internal error/);
  }
  const many = await runCli("compare", "--resamples", "1e12", "--candidate", "c.json", "--baseline", "b.json");
  assert.equal(many.code, 2, many.stderr);
  assert.match(many.stderr, /--resamples must be an integer >= 1000 and <= 100000, got '1e12'/);
});

// A seed past 2^32 used to wrap silently: --seed 4294967296 gave seed 0's resamples.
test("a seed beyond the generator's 32 bits is exit 2 with the range, on the flag and in the gates file", async () => {
  const flag = await runCli("compare", "--seed", "4294967296", "--candidate", "c.json", "--baseline", "b.json");
  assert.equal(flag.code, 2, flag.stderr);
  assert.match(flag.stderr, /--seed must be an integer >= 0 and <= 4294967295, got '4294967296'/);
  const train = await runCli("train", "--builtin", "logistic", "--seed", "1e10");
  assert.equal(train.code, 2, train.stderr);
  assert.match(train.stderr, /--seed must be an integer >= 0 and <= 4294967295/);
  const file = join(dir, "seed.yml");
  writeFileSync(file, "seed: 4294967296\ngates:\n  accuracy: { min: 0.5 }\n");
  const r = await runCli("compare", "--gates", file, "--candidate", "c.json", "--baseline", "b.json");
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /seed/);
  assert.match(r.stderr, /4294967295/);
});
