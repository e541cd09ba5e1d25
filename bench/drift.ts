import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { measure, median } from "./measure.js";

const SHARED = resolve("../shared/bench");

interface PeerFeature {
  name: string;
  ks?: number;
  p: number;
  psi: number;
  chi2?: number;
}

/**
 * `npm run bench -- drift [rows]`: our `modelguard drift --json` against the pandas + scipy peer on the same
 * generated files, in the same run; prints ratios of wall time and peak memory and checks the statistics agree.
 */
export function benchDrift(args: string[]): void {
  const rows = Number(args[0] ?? 1_000_000);
  const repeats = Number(args[1] ?? 3);
  const dir = resolve(".bench-data", `drift-${rows}`);
  const ref = join(dir, "reference.csv");
  const cur = join(dir, "current.csv");
  if (!existsSync(cur)) {
    mkdirSync(dir, { recursive: true });
    console.log(`generating ${rows} rows with ${SHARED}/gen_data.py ...`);
    const g = spawnSync("/usr/bin/python3", [join(SHARED, "gen_data.py"), String(rows), dir], { stdio: "inherit" });
    if (g.status !== 0) throw new Error("gen_data.py failed (needs Debian's python3-pandas)");
  }
  const ours = [
    "node",
    resolve("bin/modelguard.js"),
    "drift",
    "--reference",
    ref,
    "--current",
    cur,
    "--json",
    "--no-fail",
  ];
  const peer = ["/usr/bin/python3", join(SHARED, "peer_drift.py"), ref, cur];

  const runs: { ours: ReturnType<typeof measure>; peer: ReturnType<typeof measure> }[] = [];
  for (let i = 0; i < repeats; i++) {
    // Alternate the order so neither side always runs with a warm page cache.
    const a = i % 2 === 0 ? measure(ours) : undefined;
    const p = measure(peer);
    const o = a ?? measure(ours);
    runs.push({ ours: o, peer: p });
    console.log(
      `run ${i + 1}: modelguard ${o.seconds.toFixed(2)} s / ${o.peakRssMb.toFixed(0)} MB, peer ${p.seconds.toFixed(2)} s / ${p.peakRssMb.toFixed(0)} MB`,
    );
  }
  const ourReport = JSON.parse(runs[0]!.ours.stdout) as {
    features: {
      name: string;
      tests: { ks?: { statistic: number }; psi?: { statistic: number }; chisquare?: { statistic: number } };
    }[];
  };
  const peerReport = JSON.parse(runs[0]!.peer.stdout) as { features: PeerFeature[] };
  let worstKs = 0;
  let worstPsi = 0;
  let worstChi = 0;
  for (const pf of peerReport.features) {
    const of = ourReport.features.find((f) => f.name === pf.name);
    if (!of) throw new Error(`column ${pf.name} missing from our report`);
    if (pf.ks !== undefined) worstKs = Math.max(worstKs, Math.abs(of.tests.ks!.statistic - pf.ks));
    worstPsi = Math.max(worstPsi, Math.abs(of.tests.psi!.statistic - pf.psi));
    if (pf.chi2 !== undefined)
      worstChi = Math.max(worstChi, Math.abs(of.tests.chisquare!.statistic - pf.chi2) / pf.chi2);
  }
  const ot = median(runs.map((r) => r.ours.seconds));
  const pt = median(runs.map((r) => r.peer.seconds));
  const om = median(runs.map((r) => r.ours.peakRssMb));
  const pm = median(runs.map((r) => r.peer.peakRssMb));
  console.log("");
  console.log(`drift, ${rows} rows x 20 columns, median of ${repeats}`);
  console.log(
    `  wall time   modelguard ${ot.toFixed(2)} s   peer ${pt.toFixed(2)} s   ratio ${(ot / pt).toFixed(3)}x (target <= 0.25x)`,
  );
  console.log(
    `  peak memory modelguard ${om.toFixed(0)} MB   peer ${pm.toFixed(0)} MB   ratio ${(om / pm).toFixed(3)}x (target <= 1x)`,
  );
  console.log(
    `  agreement   max |KS D diff| ${worstKs.toExponential(2)} (<= 1e-12)   max |PSI diff| ${worstPsi.toExponential(2)} (<= 1e-9)   max chi2 rel diff ${worstChi.toExponential(2)}`,
  );
  const ok = worstKs <= 1e-12 && worstPsi <= 1e-9;
  if (!ok) {
    console.log("  DISAGREEMENT with the peer: the statistics differ beyond tolerance");
    process.exitCode = 1;
  }
}
