// The import rules of .dependency-cruiser.cjs (run by `npm run lint`) on a small tree of their own, so a rule that
// stops matching (a renamed folder, a changed option) fails here instead of silently passing the real tree.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const ROOT = resolve(".");
const tree = mkdtempSync(join(tmpdir(), "mg-architecture-"));
after(() => rmSync(tree, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  // Allowed: the core's own imports, the edges importing the core, src/data/ on src/stats/ and the errors.
  "src/errors.ts": "export class ModelguardError extends Error {}\n",
  "src/stats/mean.ts": "export const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;\n",
  "src/data/loadTable.ts":
    'import { mean } from "../stats/mean.js";\nimport { ModelguardError } from "../errors.js";\n' +
    "export const load = () => (mean([1]) > 0 ? 1 : new ModelguardError());\n",
  "src/cli/options.ts":
    'import { load } from "../data/loadTable.js";\nexport interface Options { n: number }\n' +
    "export const x = load;\n",
  "src/github/client.ts":
    'import { Octokit } from "octokit";\nimport { context } from "@actions/github";\n' +
    "export const client = () => [new Octokit(), context];\n",
  "src/registry/releases.ts": 'import { client } from "../github/client.js";\nexport const r = client;\n',
  // Violations, one per rule.
  "src/drift/detect.ts": 'import type { Options } from "../cli/options.js";\nexport const d = (o: Options) => o.n;\n',
  "src/stats/quantile.ts":
    'import { ModelguardError } from "../errors.js";\nexport const q = () => new ModelguardError();\n',
  "src/data/csv.ts": 'import { d } from "../drift/detect.js";\nexport const c = d;\n',
  "src/compare/gates.ts": 'import { Octokit } from "octokit";\nexport const g = Octokit;\n',
  "src/action/context.ts": 'import { context } from "@actions/github";\nexport const c = context;\n',
  "src/profile/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
  "src/profile/b.ts": 'import { a } from "./a.js";\nexport const b = () => a;\n',
  // The monitor has no allowed cycles either: two files of one folder importing each other are reported, as is a
  // cycle across the monitor's folders.
  "monitor/alerts/alertRequests.ts": 'import { dm } from "../windows/driftMonitor.js";\nexport const ar = () => dm;\n',
  "monitor/windows/driftMonitor.ts": 'import { ar } from "../alerts/alertRequests.js";\nexport const dm = () => ar;\n',
  "monitor/ingest/eventBatch.ts": 'import { ws } from "./windowState.js";\nexport const eb = () => ws;\n',
  "monitor/ingest/windowState.ts": 'import { eb } from "./eventBatch.js";\nexport const ws = () => eb;\n',
  "monitor/state/journal.ts": 'import { crc } from "./crc32c.js";\nexport const journal = () => crc;\n',
  "monitor/state/crc32c.ts": "export const crc = 1;\n",
};

for (const [path, text] of Object.entries(FILES)) {
  mkdirSync(dirname(join(tree, path)), { recursive: true });
  writeFileSync(join(tree, path), text);
}
writeFileSync(
  join(tree, "tsconfig.json"),
  JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }),
);
symlinkSync(join(ROOT, "node_modules"), join(tree, "node_modules"), "junction");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

test("every import rule reports its violation, and only those", () => {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
      "--config",
      join(ROOT, ".dependency-cruiser.cjs"),
      "--output-type",
      "json",
      "src",
      "monitor",
    ],
    { cwd: tree, encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(r.error, undefined);
  assert.equal(r.status, 0, r.stderr);
  const { summary } = JSON.parse(r.stdout) as { summary: { violations: Violation[]; error: number } };
  const violations = summary.violations;
  // A cycle is reported once; a package resolves to its real path, wherever node_modules is linked from.
  const found = violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^.*node_modules\//, "")}`).sort();
  assert.deepEqual(found, [
    "core-imports-no-edge: src/drift/detect.ts -> src/cli/options.ts",
    "data-imports-only-stats-and-errors: src/data/csv.ts -> src/drift/detect.ts",
    "no-circular: monitor/alerts/alertRequests.ts -> monitor/windows/driftMonitor.ts",
    "no-circular: monitor/ingest/eventBatch.ts -> monitor/ingest/windowState.ts",
    "no-circular: src/profile/a.ts -> src/profile/b.ts",
    "octokit-only-in-github: src/action/context.ts -> @actions/github/lib/github.d.ts",
    "octokit-only-in-github: src/compare/gates.ts -> octokit/dist-types/index.d.ts",
    "stats-imports-nothing-of-ours: src/stats/quantile.ts -> src/errors.ts",
  ]);
  assert.equal(summary.error, violations.length, "every rule is an error, so `npm run lint` fails on each");
});
