import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { constants as osConstants, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { runTraining, TrainingFailedError } from "../../../src/model/train/runTraining.js";
import { MAX_DURATION_MS, parseDuration } from "../../../src/model/train/parseDuration.js";
import { trainBuiltinCommand } from "../../../src/cli/commands/trainBuiltin.js";
import { runCli } from "../../helpers/cli.js";
import { ModelguardError } from "../../../src/errors.js";

const dir = mkdtempSync(join(tmpdir(), "mg-run-"));
const quiet = { out: () => {}, err: () => {} };
const modelSource = join(dir, "source.onnx");
const trainCsv = resolve("fixtures/datasets/breast_cancer/train.csv");

// Run ids (MODELGUARD_RUN_ID) the escaped-process tests saw: whatever still carries one is killed at the end.
const runIds: string[] = [];

// If a test failed to stop a grandchild, stop it here so the failure does not also hang the test process.
test.after(() => {
  for (const id of runIds) for (const pid of pidsWithRunId(id)) process.kill(pid, "SIGKILL");
  const pidFile = join(dir, "grandchild.pid");
  if (existsSync(pidFile)) {
    try {
      process.kill(Number(readFileSync(pidFile, "utf8")), "SIGKILL");
    } catch {
      // already gone, as it should be
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

test.before(async () => {
  await trainBuiltinCommand({
    builtin: "logistic",
    data: trainCsv,
    target: "malignant",
    features: ["mean_radius", "mean_texture"],
    out: modelSource,
  });
});

/** Running, as opposed to gone or a zombie (killed but not yet reaped by whoever adopted it). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

/**
 * Live processes whose environment carries MODELGUARD_RUN_ID=id, read from /proc here rather than with the code
 * under test.
 */
function pidsWithRunId(id: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const vars = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (vars.includes(`MODELGUARD_RUN_ID=${id}`) && alive(Number(entry))) found.push(Number(entry));
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

/** Fails instead of hanging when the promise takes longer than `ms`. */
async function settlesWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not return within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

test("a successful command: the model is checked and the run record says what ran where", async () => {
  const record = await runTraining({
    command: `echo training; cp ${JSON.stringify(modelSource)} model.onnx`,
    cwd: dir,
    model: "model.onnx",
    data: [trainCsv],
    ...quiet,
  });
  assert.equal(record.exit_code, 0);
  assert.equal(record.cwd, dir);
  assert.ok(record.duration_ms >= 0);
  assert.equal(record.model!.path, "model.onnx");
  assert.match(record.model!.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(record.model!.outputs, ["label", "probabilities"]);
  assert.equal(record.data[0]!.bytes, readFileSync(trainCsv).length);
  assert.match(record.data[0]!.sha256, /^[0-9a-f]{64}$/);
  assert.equal(record.environment.node, process.version);
});

test("output streams live and the environment passes through", async () => {
  let seen = "";
  process.env.MG_TEST_VALUE = "from-parent";
  await runTraining({
    command: "echo value=$MG_TEST_VALUE; echo oops >&2",
    cwd: dir,
    out: (c) => (seen += c),
    err: (c) => (seen += c),
  });
  assert.match(seen, /value=from-parent/);
  assert.match(seen, /oops/);
});

test("a failing command propagates its exit code with the last lines of output", async () => {
  await assert.rejects(
    runTraining({
      command: "for i in $(seq 1 30); do echo line $i; done; echo 'ValueError: bad' >&2; exit 3",
      cwd: dir,
      ...quiet,
    }),
    (e: unknown) => {
      assert.ok(e instanceof TrainingFailedError);
      assert.equal(e.exitCode, 3);
      assert.match(e.message, /exit code 3/);
      assert.match(e.message, /ValueError: bad/);
      assert.match(e.message, /line 30/);
      assert.doesNotMatch(e.message, /line 5\n/);
      return true;
    },
  );
});

// The grandchild would live 10 minutes: if the group kill failed, this test fails by its own timeout.
test(
  "a timeout kills the whole process tree, not only the shell",
  { skip: process.platform !== "linux", timeout: 20_000 },
  async () => {
    const pidFile = join(dir, "grandchild.pid");
    await assert.rejects(
      runTraining({
        command: `sleep 600 & echo $! > ${JSON.stringify(pidFile)}; wait`,
        cwd: dir,
        timeoutMs: 500,
        killGraceMs: 200,
        ...quiet,
      }),
      (e: unknown) => e instanceof TrainingFailedError && e.exitCode === 124 && /timed out/.test(e.message),
    );
    const pid = Number(readFileSync(pidFile, "utf8"));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(alive(pid), false, "the background sleep was killed");
  },
);

// Issue #6: a descendant that left the process group (setsid) kept the pipes open, so the timeout returned only when
// it ended (after 100 s, or never with sleep infinity).
test(
  "a timeout returns although a descendant left the process group, and nothing carrying the run's marker survives",
  { skip: process.platform !== "linux", timeout: 90_000 },
  async () => {
    const idFile = join(dir, "run-id");
    const commands = [
      "setsid sleep 100 & sleep 100",
      "setsid sleep infinity & sleep infinity",
      // Ignores SIGTERM: only the SIGKILL after the grace period ends it.
      `setsid sh -c 'trap "" TERM; while :; do sleep 0.1; done' & sleep infinity`,
    ];
    for (const command of commands) {
      rmSync(idFile, { force: true });
      const r = await settlesWithin(
        runCli(
          "train",
          "--run",
          `echo "$MODELGUARD_RUN_ID" > ${JSON.stringify(idFile)}; ${command}`,
          "--timeout",
          "2s",
          "--cwd",
          dir,
          "--record",
          join(dir, "timeout-run.json"),
        ),
        25_000,
        command,
      );
      const id = readFileSync(idFile, "utf8").trim();
      runIds.push(id);
      assert.match(id, /^[0-9a-f]{16,}$/, "the command sees its run id");
      assert.equal(r.code, 124, command);
      assert.match(r.stderr, /timed out after 2s/);
      // Killed processes are reaped by whoever adopted them: allow a moment.
      await new Promise((done) => setTimeout(done, 300));
      assert.deepEqual(pidsWithRunId(id), [], `${command}: processes with the run's marker survived`);
    }
  },
);

test(
  "a command that exits leaves no escaped descendant behind and does not wait on its pipes",
  {
    skip: process.platform !== "linux",
    timeout: 30_000,
  },
  async () => {
    const idFile = join(dir, "run-id-exit");
    await settlesWithin(
      runTraining({
        command: `echo "$MODELGUARD_RUN_ID" > ${JSON.stringify(idFile)}; setsid sleep infinity & echo done`,
        cwd: dir,
        killGraceMs: 200,
        ...quiet,
      }),
      15_000,
      "runTraining",
    );
    const id = readFileSync(idFile, "utf8").trim();
    runIds.push(id);
    await new Promise((done) => setTimeout(done, 300));
    assert.deepEqual(pidsWithRunId(id), []);
  },
);

// Issue #18: a command killed by a signal exited 128 for every signal but the five in a hand-written table.
test("a command killed by a signal exits 128 + the signal's number", async () => {
  await assert.rejects(runTraining({ command: "kill -USR1 $$", cwd: dir, ...quiet }), (e: unknown) => {
    assert.ok(e instanceof TrainingFailedError);
    assert.equal(e.exitCode, 128 + osConstants.signals.SIGUSR1);
    assert.match(e.message, /SIGUSR1/);
    return true;
  });
});

// Issue #11: 30 days overflowed Node's 32-bit timer, which then fired at once and killed the command.
test("a long --timeout is honoured, and one beyond the bound is a usage error naming the flag and the range", async () => {
  const ok = await runCli(
    "train",
    "--run",
    "sleep 1",
    "--timeout",
    "30d",
    "--cwd",
    dir,
    "--record",
    join(dir, "r30.json"),
  );
  assert.equal(ok.code, 0, ok.stderr);
  const tooLong = await runCli("train", "--run", "true", "--timeout", "31d", "--cwd", dir);
  assert.equal(tooLong.code, 2);
  assert.match(tooLong.stderr, /--timeout must be between 1ms and 30d, got '31d'/);
  assert.doesNotMatch(tooLong.stderr, /\n\s+at /);
  assert.equal(parseDuration("30d", "--timeout"), MAX_DURATION_MS);
  assert.throws(() => parseDuration("99999999999999999999999d", "--timeout"), /between 1ms and 30d/);
});

test("a missing or non-ONNX model is a clear error", async () => {
  await assert.rejects(
    runTraining({ command: "true", cwd: dir, model: "nope.onnx", ...quiet }),
    /did not write the model nope\.onnx/,
  );
  writeFileSync(join(dir, "garbage.onnx"), "not a model");
  await assert.rejects(
    runTraining({ command: "true", cwd: dir, model: "garbage.onnx", ...quiet }),
    (e: unknown) => e instanceof ModelguardError && e.code === "model",
  );
});

test("peak memory of the process tree is sampled", { skip: process.platform !== "linux" }, async () => {
  const record = await runTraining({
    command: `${JSON.stringify(process.execPath)} -e "const b = Buffer.alloc(80 * 2 ** 20, 1); setTimeout(() => b.length, 1200)"`,
    cwd: dir,
    ...quiet,
  });
  assert.ok(record.peak_memory_bytes! >= 80 * 2 ** 20, `peak ${record.peak_memory_bytes}`);
});

test("durations parse in the usual units and bad ones are usage errors", () => {
  assert.equal(parseDuration("90"), 90_000);
  assert.equal(parseDuration("30m"), 1_800_000);
  assert.equal(parseDuration("1h30m"), 5_400_000);
  assert.equal(parseDuration("500ms"), 500);
  assert.throws(() => parseDuration("soon", "--timeout"), /--timeout must be a duration/);
  assert.throws(() => parseDuration("5x"), ModelguardError);
});

test("modelguard train --run writes run.json, and a failure exits with the command's code", async () => {
  const record = join(dir, "run.json");
  const ok = await runCli(
    "train",
    "--run",
    `cp ${JSON.stringify(modelSource)} m.onnx`,
    "--cwd",
    dir,
    "--model",
    "m.onnx",
    "--record",
    record,
  );
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /training finished/);
  assert.ok(existsSync(record));
  const okRecord = JSON.parse(readFileSync(record, "utf8"));
  assert.deepEqual(
    [okRecord.kind, okRecord.outcome, okRecord.exit_code, "error" in okRecord],
    ["modelguard.run", "succeeded", 0, false],
  );
  // The failed run is recorded too: outcome, the command's exit code, why, with its last output.
  const failedRecord = join(dir, "r2.json");
  const bad = await runCli("train", "--run", "echo loss exploded; exit 7", "--cwd", dir, "--record", failedRecord);
  assert.equal(bad.code, 7);
  assert.match(bad.stderr, /training command failed with exit code 7/);
  const failed = JSON.parse(readFileSync(failedRecord, "utf8"));
  assert.deepEqual([failed.outcome, failed.exit_code, failed.model], ["failed", 7, null]);
  assert.match(failed.error, /exit code 7; last output:\nloss exploded/);
  assert.ok(failed.duration_ms >= 0 && failed.command === "echo loss exploded; exit 7");
  const late = await runCli("train", "--run", "sleep 30", "--timeout", "300ms", "--cwd", dir, "--record", failedRecord);
  assert.equal(late.code, 124);
  assert.deepEqual((({ outcome, exit_code }) => [outcome, exit_code])(JSON.parse(readFileSync(failedRecord, "utf8"))), [
    "timed_out",
    124,
  ]);
  const promoted = await runCli(
    "promote",
    ...["--name", "m", "--model", modelSource, "--record", failedRecord, "--registry", join(dir, "registry")],
  );
  assert.equal(promoted.code, 2);
  assert.match(promoted.stderr, /records a training run that did not succeed \(timed_out, exit code 124\)/);
  const usage = await runCli("train");
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /train needs --run/);
});

test("modelguard train --builtin writes a model that describes itself", async () => {
  const out = join(dir, "builtin.onnx");
  const r = await runCli(
    "train",
    "--builtin",
    "logistic",
    "--data",
    trainCsv,
    "--target",
    "malignant",
    "--features",
    "mean_radius,mean_texture,size_band",
    "-o",
    out,
    "--json",
  );
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.task, "binary");
  assert.deepEqual(result.categorical, ["size_band"]);
  assert.ok(existsSync(out));
});
