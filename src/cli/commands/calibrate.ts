import type { Command } from "commander";
import { sha256File } from "../../model/evaluate/sha256File.js";
import { buildCbpeCalibration } from "../../performance/cbpe/buildCbpeCalibration.js";
import { writeCalibration } from "../../performance/cbpe/calibrationFile.js";
import { CBPE_METRICS } from "../../performance/cbpe/cbpeMetric.js";
import { readLabelledPredictions } from "../../performance/cbpe/readLabelledPredictions.js";
import { ModelguardError } from "../../errors.js";
import { formatTable, type CliIO } from "../io.js";

interface CalibrateFlags {
  predictions?: string;
  output?: string;
  positiveLabel?: string;
  json?: boolean;
}

const EXAMPLE = "e.g. modelguard calibrate --predictions preds.csv -o calibration.json";

/**
 * `modelguard calibrate`: learns, from a binary classifier's labelled predictions (`evaluate --predictions`), what the
 * monitor needs to estimate its performance before labels arrive (calibration.json; `promote --calibration` stores it
 * with the model version in the registry).
 */
export function registerCalibrate(program: Command, io: CliIO): void {
  program
    .command("calibrate")
    .description("learn the calibration the monitor's estimated performance needs, from labelled predictions")
    .option("--predictions <csv>", "per-row predictions of a binary classifier (modelguard evaluate --predictions)")
    .option("-o, --output <file>", "where to write calibration.json")
    .option("--positive-label <label>", "the positive class (default: the second class, as evaluate's)")
    .option("--json", "print the calibration on stdout")
    .action(async (flags: CalibrateFlags) => {
      if (!flags.predictions) throw new ModelguardError("usage", "calibrate needs --predictions FILE", EXAMPLE);
      if (!flags.output && !flags.json)
        throw new ModelguardError("usage", "calibrate needs -o FILE or --json", EXAMPLE);
      const rows = await readLabelledPredictions(flags.predictions, flags.positiveLabel);
      const calibration = buildCbpeCalibration(rows, {
        positiveClass: rows.positiveClass,
        negativeClass: rows.negativeClass,
        path: flags.predictions,
        sha256: await sha256File(flags.predictions),
      });
      if (flags.output) writeCalibration(flags.output, calibration);
      if (flags.json) {
        io.out(JSON.stringify(calibration, null, 2));
        return;
      }
      const c = calibration.check;
      const ece = (v: number | null) => (v === null ? "-" : v.toFixed(4));
      io.out(
        `${calibration.predictions.rows} rows, positive class '${calibration.positive_class}' ` +
          `(${calibration.predictions.positives} positives)\n` +
          (c.calibrate
            ? `isotonic calibration used: cross-validated ECE ${ece(c.ece_before)} -> ${ece(c.ece_after)} (${calibration.isotonic!.x.length} points)`
            : c.ece_before === null
              ? "probabilities used as they are (one class only, or the classes are separated)"
              : `probabilities used as they are: calibration would not lower the cross-validated ECE (${ece(c.ece_before)} -> ${ece(c.ece_after)})`) +
          "\n" +
          formatTable(
            ["metric", "reference", "sampling std"],
            CBPE_METRICS.map((m) => [
              m,
              calibration.reference_metrics[m]?.toFixed(4) ?? "-",
              calibration.sampling_error[m].std?.toFixed(4) ?? "-",
            ]),
          ) +
          `\nwrote ${flags.output}`,
      );
    });
}
