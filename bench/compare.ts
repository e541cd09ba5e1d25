import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { compareBenchFiles } from "./compareData.js";
import { measure } from "./measure.js";

const PEER = resolve("../shared/bench/peer_compare.py");

/**
 * `npm run bench -- compare [rows,rows,...] [peer-resamples]`: the built `modelguard compare` of two logistic ONNX
 * models (10 features, bench/compareData.ts) with the default metric set and 2,000 resamples, end to end (parse, both
 * inferences, every interval, the report as JSON), at 20k, 200k and 1M rows. The peer (../shared/bench/peer_compare.py:
 * scikit-learn metrics in a loop of resamples) runs at 20k rows on the per-row predictions our `evaluate
 * --predictions` writes (Debian's python3 has no onnxruntime). Ratios, never assertions.
 */
export async function benchCompare(args: string[]): Promise<void> {
  const sizes = (args[0] ?? "20000,200000,1000000").split(",").map(Number);
  const peerResamples = Number(args[1] ?? 2000);
  const cli = resolve("bin/modelguard.js");
  console.log(`compare: two logistic models, 10 features, default metrics, 2,000 resamples, --interval auto`);
  for (const rows of sizes) {
    const f = await compareBenchFiles(rows);
    const argv = [
      process.execPath,
      cli,
      "compare",
      "--candidate-model",
      f.candidate,
      "--baseline-model",
      f.baseline,
      "--data",
      f.data,
      "--target",
      "y",
      "--json",
    ];
    const ours = measure(argv);
    const methods = new Set(
      (JSON.parse(ours.stdout) as { metrics: { ci_method?: string }[] }).metrics.map((m) => m.ci_method),
    );
    console.log(
      `  ${rows.toLocaleString("en")} rows: ours ${ours.seconds.toFixed(2)} s wall, ${ours.cpuSeconds.toFixed(2)} s CPU, peak ${ours.peakRssMb.toFixed(0)} MB (intervals: ${[...methods].join(", ")})`,
    );
    if (rows > 50_000) {
      const boot = measure([...argv, "--interval", "bootstrap"]);
      console.log(
        `    with --interval bootstrap: ${boot.seconds.toFixed(2)} s wall, ${boot.cpuSeconds.toFixed(2)} s CPU, peak ${boot.peakRssMb.toFixed(0)} MB`,
      );
    }
    if (rows === 20_000) benchPeer(f, cli, ours.seconds, peerResamples);
  }
}

function benchPeer(
  f: { data: string; candidate: string; baseline: string },
  cli: string,
  oursSeconds: number,
  resamples: number,
): void {
  if (!existsSync(PEER)) {
    console.log(`    peer: skipped, ${PEER} not found`);
    return;
  }
  const probe = spawnSync("/usr/bin/python3", ["-c", "import sklearn, pandas, numpy"], { encoding: "utf8" });
  if (probe.status !== 0) {
    console.log(
      `    peer: skipped, python3 lacks scikit-learn/pandas/numpy (${probe.stderr.trim().split("\n").pop()})`,
    );
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "mg-bench-compare-"));
  try {
    const preds = [f.candidate, f.baseline].map((model, k) => {
      const out = join(dir, `p${k}.csv`);
      const r = spawnSync(
        process.execPath,
        [cli, "evaluate", "--model", model, "--data", f.data, "--target", "y", "--predictions", out],
        { encoding: "utf8" },
      );
      if (r.status !== 0) throw new Error(`evaluate --predictions failed: ${r.stderr}`);
      return out;
    });
    const run = (b: number) => measure(["/usr/bin/python3", PEER, preds[0]!, preds[1]!, f.data, "y", String(b)]);
    const peer = run(resamples);
    // The peer starts from predictions, so its time leaves out parsing the data and both inferences that ours includes.
    // With fewer resamples than 2,000, its time is scaled past its start-up (a one-resample run measures that).
    const startup = resamples < 2000 ? run(1).seconds : 0;
    const scaled =
      resamples < 2000 ? startup + ((peer.seconds - startup) * 1999) / Math.max(1, resamples - 1) : peer.seconds;
    console.log(
      `    peer (scikit-learn loop, ${resamples} resamples${resamples !== 2000 ? `, scaled to 2,000: ${scaled.toFixed(1)} s` : ""}): ${peer.seconds.toFixed(1)} s from predictions -> ours is ${(scaled / oursSeconds).toFixed(0)}x faster end to end`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
