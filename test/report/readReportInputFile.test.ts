import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModelguardError } from "../../src/errors.js";
import { readReportInputFile, type ReportInputKind } from "../../src/report/readReportInputFile.js";
import { runCli } from "../helpers/cli.js";

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "modelguard-report-input-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) =>
  JSON.parse(readFileSync(`fixtures/report/${name}`, "utf8")) as Record<string, unknown>;

function write(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

function inputError(path: string, kind: ReportInputKind): ModelguardError {
  try {
    readReportInputFile(path, kind);
  } catch (e) {
    assert.ok(e instanceof ModelguardError, `expected a ModelguardError, got ${String(e)}`);
    assert.equal(e.code, "input");
    assert.equal(e.location?.file, path);
    assert.ok(e.hint && e.hint.length > 0);
    return e;
  }
  assert.fail(`expected ${path} to be refused`);
}

test("the shipped example results pass their JSON Schemas", () => {
  const cases: [string, ReportInputKind][] = [
    ["comparison-fail.json", "modelguard.comparison"],
    ["comparison-pass-unpaired.json", "modelguard.comparison"],
    ["validation.json", "modelguard.validation"],
    ["drift.json", "modelguard.drift"],
    ["metrics.json", "modelguard.metrics"],
  ];
  for (const [name, kind] of cases) {
    assert.deepEqual(readReportInputFile(`fixtures/report/${name}`, kind), fixture(name), name);
  }
});

test("a malformed comparison is an input error naming the file and the first problems by path", () => {
  const good = fixture("comparison-fail.json");
  const metrics = good.metrics as Record<string, unknown>[];
  const bad = {
    ...good,
    candidate: undefined,
    metrics: [{ ...metrics[0], delta: "a lot", checks: "none" }, ...metrics.slice(1)],
  };
  const path = write("comparison.json", bad);
  const e = inputError(path, "modelguard.comparison");
  const lines = e.message.split("\n");
  assert.equal(lines[0], `${path} is not a valid modelguard.comparison result (schemas/comparison.schema.json):`);
  assert.ok(lines.length <= 7, e.message);
  assert.match(e.message, /^ {2}\(top level\): must have required property 'candidate'$/m);
  assert.match(e.message, /^ {2}metrics\.0\.checks: must be array$/m);
  assert.match(e.message, /^ {2}metrics\.0\.delta: /m);
  assert.match(e.hint!, /modelguard compare --out/);
});

test("malformed validation, drift and metrics files are refused the same way", () => {
  const validation = { ...fixture("validation.json"), violations: [{ kind: "min" }] };
  let e = inputError(write("validation.json", validation), "modelguard.validation");
  assert.match(e.message, /is not a valid modelguard\.validation result \(schemas\/validation\.schema\.json\)/);
  assert.match(e.message, /violations\.0: must have required property 'column'/);

  const drift = { ...fixture("drift.json"), features: "none" };
  e = inputError(write("drift.json", drift), "modelguard.drift");
  assert.match(e.message, /^ {2}features: must be array$/m);

  const metrics = { ...fixture("metrics.json"), metrics: { accuracy: "high" } };
  e = inputError(write("metrics.json", metrics), "modelguard.metrics");
  assert.match(e.message, /schemas\/metrics\.schema\.json/);
  assert.match(e.message, /metrics\.accuracy/);
});

test("a version newer than this modelguard reads asks for an upgrade; the wrong kind or not JSON says so", () => {
  const path = write("future.json", { ...fixture("comparison-fail.json"), version: 2, something_new: {} });
  let e = inputError(path, "modelguard.comparison");
  assert.equal(
    e.message,
    `${path} is a modelguard.comparison result of version 2, newer than this modelguard reads (version 1)`,
  );
  assert.match(e.hint!, /upgrade modelguard/);
  // Keys a later release of the same version may add are ignored.
  assert.equal(
    (
      readReportInputFile(write("extra.json", { ...fixture("drift.json"), coverage: {} }), "modelguard.drift") as {
        kind: string;
      }
    ).kind,
    "modelguard.drift",
  );
  e = inputError(write("zero.json", { ...fixture("drift.json"), version: 0 }), "modelguard.drift");
  assert.match(e.message, /version: must be equal to constant/);
  e = inputError(write("kind.json", fixture("drift.json")), "modelguard.validation");
  assert.match(e.message, /is not a modelguard\.validation result \(kind is "modelguard\.drift"\)/);
  e = inputError(write("list.json", "[1, 2]"), "modelguard.drift");
  assert.match(e.message, /it holds a list/);
  e = inputError(write("broken.json", "{"), "modelguard.drift");
  assert.match(e.message, /is not valid JSON/);
});

test("a directory or a missing file is named as such", () => {
  let e = inputError(dir, "modelguard.comparison");
  assert.equal(e.message, `${dir} is a directory, not a result file`);
  e = inputError(join(dir, "absent.json"), "modelguard.comparison");
  assert.match(e.message, /absent\.json: not found$/);
});

test("report: a malformed comparison, or one from a newer modelguard, exits 2 with the message, not a stack trace", async () => {
  const path = write("cli-comparison.json", { kind: "modelguard.comparison", version: 1 });
  let r = await runCli("report", "--comparison", path);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /is not a valid modelguard\.comparison result/);
  assert.match(r.stderr, /must have required property 'verdict'/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);

  r = await runCli(
    "report",
    "--validation",
    write("cli-validation.json", { kind: "modelguard.validation", version: 1 }),
  );
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /must have required property 'data'\n.*\n.*\n.*\n.*\n {2}\.\.\. and 1 more/);

  r = await runCli("report", "--drift", write("cli-drift.json", { ...fixture("drift.json"), version: 3 }));
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /version 3, newer than this modelguard reads/);

  r = await runCli(
    "report",
    "--validation",
    "fixtures/report/validation.json",
    "--drift",
    "fixtures/report/drift.json",
  );
  assert.equal(r.code, 0, r.stderr);
});
