import type { Command } from "commander";
import { ModelguardError } from "../../errors.js";
import { runTraining, TrainingFailedError, type RunRecord } from "../../model/train/runTraining.js";
import { writeJsonFile, type CliIO } from "../io.js";
import { delimiterOption, durationOption, listOption, numberOption } from "../options.js";
import { BUILTIN_TRAINERS, describeTrain, trainBuiltinCommand } from "./trainBuiltin.js";
import { MAX_SEED } from "../../stats/seededRandom.js";

interface TrainFlags {
  run?: string;
  builtin?: string;
  /** Milliseconds. */
  timeout?: number;
  model?: string;
  cwd?: string;
  record?: string;
  data?: string;
  target?: string;
  features?: string[];
  exclude?: string[];
  categorical?: string[];
  l2?: number;
  seed?: number;
  output?: string;
  delimiter?: string;
  json?: boolean;
}

export function registerTrain(program: Command, io: CliIO): void {
  program
    .command("train")
    .description("run your training command (--run), or train a built-in model (--builtin) and export ONNX")
    .option("--run <command>", 'your training command, run through the shell, e.g. "python train.py"')
    .option(
      "--timeout <duration>",
      "--run: stop the command (and everything it started) after e.g. 30m, 2h (at most 30d)",
      durationOption("--timeout"),
    )
    .option("--model <file>", "--run: the ONNX file the command must write (checked afterwards)")
    .option("--cwd <dir>", "--run: directory to run in")
    .option("--record <file>", "where to write the run record", "run.json")
    .option("--builtin <trainer>", `built-in trainer: ${BUILTIN_TRAINERS.join(" | ")}`)
    .option(
      "--data <files>",
      "--builtin: training data; --run: data files to fingerprint in the record (comma-separated)",
    )
    .option("--target <column>", "--builtin: the column to predict")
    .option("--features <a,b>", "--builtin: feature columns (default: all but the target and --exclude)", listOption)
    .option(
      "--exclude <a,b>",
      "--builtin: columns to leave out of the default features (ids, leaky columns)",
      listOption,
    )
    .option("--categorical <a,b>", "--builtin: also one-hot encode these columns", listOption)
    .option(
      "--l2 <x>",
      "--builtin: L2 regularisation (sklearn's C = 1 / l2; Ridge's alpha)",
      numberOption("--l2", { min: 1e-12 }),
    )
    .option(
      "--seed <n>",
      "--builtin: seed (recorded; training is deterministic)",
      numberOption("--seed", { integer: true, min: 0, max: MAX_SEED }),
    )
    .option("-o, --output <file>", "--builtin: where to write model.onnx")
    .option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption)
    .option("--json", "print the result as JSON on stdout")
    .action(async (flags: TrainFlags) => {
      if (flags.run && flags.builtin) throw new ModelguardError("usage", "train takes --run or --builtin, not both");
      if (flags.builtin) {
        const result = await trainBuiltinCommand({
          builtin: flags.builtin,
          ...(flags.data ? { data: flags.data } : {}),
          ...(flags.target ? { target: flags.target } : {}),
          ...(flags.features ? { features: flags.features } : {}),
          ...(flags.exclude ? { exclude: flags.exclude } : {}),
          ...(flags.categorical ? { categorical: flags.categorical } : {}),
          ...(flags.l2 !== undefined ? { l2: flags.l2 } : {}),
          ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
          ...(flags.output ? { out: flags.output } : {}),
          ...(flags.delimiter ? { delimiter: flags.delimiter } : {}),
        });
        io.out(flags.json ? JSON.stringify(result, null, 2) : describeTrain(result));
        return;
      }
      if (!flags.run) {
        throw new ModelguardError(
          "usage",
          'train needs --run "<your command>" or --builtin logistic|linear',
          'e.g. modelguard train --run "python train.py" --model model.onnx, or modelguard train --builtin logistic --data train.csv --target y -o model.onnx',
        );
      }
      let record: RunRecord;
      try {
        record = await runTraining({
          command: flags.run,
          ...(flags.cwd ? { cwd: flags.cwd } : {}),
          ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}),
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.data ? { data: listOption(flags.data) } : {}),
          // With --json, stdout carries only the result: the command's own output goes to stderr.
          ...(flags.json ? { out: (c: Buffer) => process.stderr.write(c) } : {}),
        });
      } catch (e) {
        // A failed run is recorded too (outcome, exit code, last output, how long, how much memory): that is the
        // run whose facts someone will look for.
        if (e instanceof TrainingFailedError && e.record && flags.record) writeJsonFile(flags.record, e.record);
        throw e;
      }
      if (flags.record) writeJsonFile(flags.record, record);
      io.out(flags.json ? JSON.stringify(record, null, 2) : describeRun(record, flags.record));
    });
}

function describeRun(r: RunRecord, recordPath?: string): string {
  const lines = [`training finished in ${(r.duration_ms / 1000).toFixed(1)} s`];
  if (r.peak_memory_bytes !== null) lines.push(`peak memory ${(r.peak_memory_bytes / 2 ** 20).toFixed(0)} MiB`);
  if (r.model) lines.push(`model ${r.model.path} (${r.model.bytes} bytes, sha256 ${r.model.sha256.slice(0, 12)}…)`);
  if (recordPath) lines.push(`wrote ${recordPath}`);
  return lines.join("\n");
}
