import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCli } from "../helpers/cli.js";
import { tempFile } from "./tempFiles.js";

/** The first stderr line of `modelguard profile --data path --json`, which must fail with exit 2. */
async function profileError(path: string): Promise<string> {
  const r = await runCli("profile", "--data", path, "--json");
  assert.equal(r.code, 2, r.stderr);
  return r.stderr.split("\n")[0]!;
}

test("the CLI prints a loader error's location once", async () => {
  const ragged = tempFile("ragged.csv", "a,b,c\n1,2,3\n4,5\n");
  assert.equal(
    await profileError(ragged),
    `modelguard: error: ${ragged}, line 3, row 1, column 'c': the row has 2 fields, the header has 3: column 'c' gets no value`,
  );
  const json = tempFile("bad.jsonl", '{"a": 1}\n{"a": tru}\n');
  assert.equal(
    await profileError(json),
    `modelguard: error: ${json}, line 2, row 1, column 'a': invalid value for key 'a' at character 7`,
  );
});

test("an empty file says so, without a line number", async () => {
  const csv = tempFile("empty.csv", "");
  assert.equal(await profileError(csv), `modelguard: error: ${csv}: the file is empty (no header row)`);
  const jsonl = tempFile("empty.jsonl", "\n");
  assert.equal(await profileError(jsonl), `modelguard: error: ${jsonl}: the file is empty (no JSON objects)`);
});

test("a named pipe given as data is an input error saying why, not an internal error (ESPIPE)", async () => {
  const data = tempFile("rows.csv", "a,b\n1,2\n");
  const fifo = join(dirname(data), "pipe.csv");
  execFileSync("mkfifo", [fifo]);
  // A writer, so that opening the pipe for reading does not wait for one.
  const writer = spawn("sh", ["-c", `cat "$0" > "$1"`, data, fifo], { stdio: "ignore" });
  try {
    assert.match(await profileError(fifo), /pipe\.csv is not a regular file \(a pipe, socket or device\)/);
  } finally {
    writer.kill();
    rmSync(fifo, { force: true });
  }
});
