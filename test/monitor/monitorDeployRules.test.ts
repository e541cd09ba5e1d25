// The Prometheus alerting rules of monitor/deploy: valid (`promtool check rules`), and each alert unit-tested with
// series that make it fire (`promtool test rules`), with Debian's promtool (.ci/run installs `prometheus`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { parse } from "yaml";

const PROMTOOL = "/usr/bin/promtool";
const RULES = "monitor/deploy/modelguard-rules.yml";
const RULE_TESTS = "monitor/deploy/tests/modelguard-rules.test.yml";
const skip = existsSync(PROMTOOL) ? false : `${PROMTOOL} is not installed (Debian's prometheus package)`;

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; expr: string }[] }[];
}
interface RuleTestFile {
  rule_files: string[];
  tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[];
}

function promtool(...args: string[]) {
  const r = spawnSync(PROMTOOL, args, { encoding: "utf8", timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}${r.error ? r.error.message : ""}` };
}

test("promtool check rules: the alerting rules are valid", { skip }, () => {
  const r = promtool("check", "rules", RULES);
  assert.equal(r.status, 0, r.out);
  const alerts = (parse(readFileSync(RULES, "utf8")) as RuleFile).groups.flatMap((g) => g.rules);
  assert.match(r.out, new RegExp(`SUCCESS: ${alerts.length} rules found`));
});

test("promtool test rules: the committed series give the expected alerts", { skip }, () => {
  const r = promtool("test", "rules", RULE_TESTS);
  assert.equal(r.status, 0, r.out);
  assert.match(r.out, /SUCCESS/);
});

test("every alert has a unit test in which it fires, and the tests load the shipped rules", () => {
  const rules = parse(readFileSync(RULES, "utf8")) as RuleFile;
  const tests = parse(readFileSync(RULE_TESTS, "utf8")) as RuleTestFile;
  assert.deepEqual(tests.rule_files, ["../modelguard-rules.yml"]);
  const names = rules.groups.flatMap((g) => g.rules.map((x) => x.alert).filter((a): a is string => a !== undefined));
  assert.equal(new Set(names).size, names.length, "alert names are unique");
  const fired = new Set(
    tests.tests.flatMap((t) =>
      (t.alert_rule_test ?? []).filter((a) => a.exp_alerts.length > 0).map((a) => a.alertname),
    ),
  );
  const untested = names.filter((n) => !fired.has(n));
  assert.deepEqual(untested, [], "alerts without a firing test case");
  // Every rule says how bad it is and what happened.
  for (const g of rules.groups)
    for (const x of g.rules as { alert?: string; labels?: { severity?: string }; annotations?: { summary?: string } }[])
      if (x.alert) {
        assert.match(x.labels?.severity ?? "", /^(critical|warning|info)$/, `${x.alert} severity`);
        assert.ok(x.annotations?.summary, `${x.alert} summary`);
      }
});
