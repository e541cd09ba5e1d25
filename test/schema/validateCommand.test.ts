import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli.js";

// `validate` with schema files that are not what they should be: each is exit 2 with a message, never a stack trace.

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "modelguard-validate-"));
  writeFileSync(join(dir, "data.csv"), "a,b\n1,x\n2,y\n");
});
after(() => rmSync(dir, { recursive: true, force: true }));

const data = () => join(dir, "data.csv");

function assertUserError(r: { code: number; stderr: string }): void {
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^modelguard: error: /);
  assert.match(r.stderr, /\n {2}hint: /);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
}

test("a directory given to --schema says it is a directory", async () => {
  const schemas = join(dir, "schemas");
  mkdirSync(schemas);
  const r = await runCli("validate", "--data", data(), "--schema", schemas);
  assertUserError(r);
  const line = r.stderr.split("\n")[0]!;
  assert.equal(line, `modelguard: error: ${schemas} is a directory, not a schema file`);
  // The message names the path once: no "DIR: schema file DIR is a directory".
  assert.equal(line.split(schemas).length - 1, 1, line);
  assert.doesNotMatch(r.stderr, /not found|EISDIR/);
});

test("a YAML alias bomb in a schema file is exit 2 naming the file, without expanding it", async () => {
  // Nine aliases per level, nine levels: 9^9 (387 million) values if expanded.
  const levels = "abcdefghi".split("");
  const lines = [`${levels[0]}: &${levels[0]} [x, x, x, x, x, x, x, x, x]`];
  for (let i = 1; i < levels.length; i++) {
    lines.push(
      `${levels[i]}: &${levels[i]} [${Array(9)
        .fill(`*${levels[i - 1]}`)
        .join(", ")}]`,
    );
  }
  const path = join(dir, "bomb.yml");
  writeFileSync(path, `version: 1\ncolumns:\n  a: { type: number }\n${lines.join("\n")}\n`);
  const r = await runCli("validate", "--data", data(), "--schema", path);
  assertUserError(r);
  assert.match(r.stderr, new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .*alias`, "i"));
});

test("an alias used before its anchor is exit 2 naming the file", async () => {
  const path = join(dir, "early-alias.yml");
  writeFileSync(path, "version: 1\ncolumns:\n  a: *col\n  b: &col { type: string }\n");
  const r = await runCli("validate", "--data", data(), "--schema", path);
  assertUserError(r);
  assert.match(r.stderr, /early-alias\.yml/);
});

test("a schema with a backreference pattern is exit 2 naming the column", async () => {
  const path = join(dir, "backref.yml");
  writeFileSync(path, "version: 1\ncolumns:\n  a: { type: number }\n  b: { type: string, pattern: '^(x)\\1$' }\n");
  const r = await runCli("validate", "--data", data(), "--schema", path);
  assertUserError(r);
  assert.match(r.stderr, /columns\.b\.pattern: '\^\(x\)\\1\$' uses a backreference/);
});
