#!/usr/bin/env node
// `npm run demo`: the whole modelguard loop on bundled data, through the same public commands a user runs.
// CI side: validate -> drift -> train -> compare with production (paired, gated) -> PR report files.
// Production side: profile -> monitor sidecar -> replay traffic whose drift starts halfway -> windows -> alert (dry run).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(new URL("..", import.meta.url).pathname);
const out = join(root, "out", "demo");
const data = join(root, "fixtures", "datasets", "breast_cancer");
const cli = join(root, "bin", "modelguard.js");
if (!existsSync(join(root, "build", "src", "cli", "main.js"))) {
  console.error("modelguard is not built: run `npm ci` (or `npm run build`) first");
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const started = performance.now();
let step = 0;
const STEPS = 9;

/** Runs one CLI command, prints its progress line and time, and returns its result. */
function run(title, args, { okCodes = [0], env = {} } = {}) {
  step++;
  const t = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  const secs = ((performance.now() - t) / 1000).toFixed(1);
  console.log(`\n[${step}/${STEPS}] ${title} (${secs} s)`);
  console.log(
    `      $ modelguard ${args.map((a) => (a.includes(" ") ? JSON.stringify(a) : a.replace(root + "/", ""))).join(" ")}`,
  );
  if (!okCodes.includes(r.status)) {
    console.error(r.stdout + r.stderr);
    console.error(`demo step failed with exit code ${r.status}`);
    process.exit(1);
  }
  return r;
}

const indent = (text, lines = 40) =>
  text
    .trimEnd()
    .split("\n")
    .slice(0, lines)
    .map((l) => "      " + l)
    .join("\n");

// 1. Data tests: schema + leakage against the holdout.
const schema = join(out, "schema.yml");
run("infer a schema from the training data", ["schema", "infer", "--data", join(data, "train.csv"), "-o", schema]);
const validation = run(
  "validate the training data: schema, and leakage against the test set",
  [
    "validate",
    "--data",
    join(data, "train.csv"),
    "--schema",
    schema,
    "--holdout",
    join(data, "test.csv"),
    "--target",
    "malignant",
    "--out",
    join(out, "validation.json"),
  ],
  { okCodes: [0, 1] },
);
console.log(indent(validation.stdout, 12));

// 2. Drift of newer data against the training data.
const drift = run("test the newest data for drift against the training data", [
  "drift",
  "--reference",
  join(data, "train.csv"),
  "--current",
  join(data, "current.csv"),
  "--out",
  join(out, "drift.json"),
  "--no-fail",
]);
console.log(
  indent(
    drift.stdout
      .split("\n")
      .filter((l) => /DRIFT|drift|skipped/.test(l))
      .join("\n"),
    10,
  ),
);

// 3. Train a candidate with the built-in trainer.
const header = readFileSync(join(data, "train.csv"), "utf8").split("\n", 1)[0].split(",");
const features = header.filter((c) => c !== "id" && c !== "malignant" && c !== "size_band");
const candidate = join(out, "candidate.onnx");
const trained = run("train a candidate model (built-in logistic regression, exported to ONNX)", [
  "train",
  "--builtin",
  "logistic",
  "--data",
  join(data, "train.csv"),
  "--target",
  "malignant",
  "--features",
  features.join(","),
  "--l2",
  "10",
  "-o",
  candidate,
]);
console.log(indent(trained.stdout, 6));

// 4. Compare with the production model on the same rows, gate it, render the PR report.
const summary = join(out, "job-summary.md");
writeFileSync(summary, "");
const compare = run(
  "compare with the production model on the same test rows, paired, and gate it",
  [
    "compare",
    "--candidate-model",
    candidate,
    "--baseline-model",
    join(root, "fixtures", "models", "breast_cancer_columns.onnx"),
    "--data",
    join(data, "test.csv"),
    "--target",
    "malignant",
    "--gates",
    join(root, "fixtures", "compare", "gates.yml"),
    "--validation",
    join(out, "validation.json"),
    "--drift",
    join(out, "drift.json"),
    "--out",
    join(out, "comparison.json"),
    "--report",
    join(out, "report.md"),
    "--html",
    join(out, "report.html"),
    "--summary",
  ],
  { okCodes: [0, 1], env: { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: "" } },
);
console.log(indent(compare.stdout, 16));
// The verdict, explained from the comparison itself: what the data can show at this many test rows.
{
  const c = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8"));
  const acc = c.metrics.find((m) => m.name === "accuracy");
  const pp = (x) => (x * 100).toFixed(2);
  const lines = [`verdict: ${c.verdict} (evidence: ${c.outcome}, on_inconclusive: ${c.on_inconclusive})`];
  if (c.outcome === "inconclusive" && acc?.detectable_change != null) {
    const gate = acc.checks.find((k) => k.kind === "max_drop");
    lines.push(
      `not enough evidence: with ${c.rows} test rows one row is ${pp(1 / c.rows)} points of accuracy, and the ${Math.round(c.confidence * 100)}% interval`,
      `of the change is about ±${pp(acc.detectable_change)} points wide${gate ? `, so a ${pp(gate.threshold)}-point max_drop can only pass if the candidate` : ""}`,
      gate ? "is measurably better: more test rows (or a wider margin) would decide it." : "",
    );
  }
  console.log(indent(lines.filter(Boolean).join("\n")));
}

// 5-8. Production: profile, start the monitor, replay traffic, watch the windows and the alert.
const profile = join(out, "profile.json");
run("build the reference profile the monitor compares production with", [
  "profile",
  "--data",
  join(data, "train.csv"),
  "-o",
  profile,
]);

const state = join(out, "monitor-state");
const config = join(out, "monitor.yml");
writeFileSync(
  config,
  [
    "model: breast-cancer",
    `reference: ${profile}`,
    "listen: 127.0.0.1:0",
    "window: { size: 200 }",
    "# the planted drift moves 3 of 31 features: mark the one the model relies on as critical",
    "drift: { columns: { mean_texture: { critical: true } } }",
    "alert: { consecutive: 2, cooldown: 24h, close_after_clean: 6 }",
    "actions:",
    "  issue: { labels: [modelguard-drift] }",
    "  dispatch: { workflow: retrain.yml, ref: main }",
    "github: { repository: acme/models }",
    `state: ${state}`,
    "",
  ].join("\n"),
);
step++;
let t = performance.now();
const env = { ...process.env };
delete env.GITHUB_TOKEN; // dry run: every GitHub request goes to the outbox
const monitor = spawn(process.execPath, [cli, "monitor", "--config", config], {
  cwd: root,
  env,
  stdio: ["ignore", "ignore", "pipe"],
});
const url = await new Promise((resolveUrl, reject) => {
  let err = "";
  monitor.stderr.on("data", (c) => {
    err += c;
    const m = /listening on (http:\/\/\S+)/.exec(err);
    if (m) resolveUrl(m[1]);
  });
  monitor.once("exit", (code) => reject(new Error(`monitor exited with ${code}: ${err}`)));
});
console.log(`\n[${step}/${STEPS}] start the monitor sidecar (${((performance.now() - t) / 1000).toFixed(1)} s)`);
console.log(`      $ modelguard monitor --config out/demo/monitor.yml   -> ${url} (dry run: no GITHUB_TOKEN)`);

step++;
t = performance.now();
const events = readFileSync(join(root, "fixtures", "traffic", "production.jsonl"), "utf8")
  .trimEnd()
  .split("\n");
for (let i = 0; i < events.length; i += 100) {
  const body = events.slice(i, i + 100).join("\n") + "\n";
  const res = await fetch(`${url}/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson" },
    body,
  });
  if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}
console.log(
  `\n[${step}/${STEPS}] replay ${events.length} production events, drift from event 600 on (${((performance.now() - t) / 1000).toFixed(1)} s)`,
);
const report = await (await fetch(`${url}/v1/drift?limit=20`)).json();
const windows = [...report.windows].reverse();
for (const w of windows) {
  const d = w.drift;
  const top = [...(d.features ?? [])].sort(
    (a, b) => (b.tests?.psi?.statistic ?? 0) - (a.tests?.psi?.statistic ?? 0),
  )[0];
  const label = top
    ? `max PSI ${top.tests.psi.statistic.toFixed(3)} (${top.name}), KS ${top.tests.ks?.statistic?.toFixed(3) ?? "-"}`
    : "";
  console.log(`      window ${w.window} (${w.events} events) ${d.dataset_drifted ? "DRIFT" : "clean"}: ${label}`);
  console.log(`        ${d.summary}`);
}

step++;
t = performance.now();
monitor.kill("SIGTERM");
await new Promise((r) => monitor.once("exit", r));
const outbox = existsSync(join(state, "outbox.jsonl"))
  ? readFileSync(join(state, "outbox.jsonl"), "utf8").trimEnd().split("\n").filter(Boolean)
  : [];
console.log(
  `\n[${step}/${STEPS}] the alert the monitor sent, and stop it (${((performance.now() - t) / 1000).toFixed(1)} s)`,
);
for (const line of outbox) {
  const e = JSON.parse(line);
  if (e.method)
    console.log(
      `      ${e.method} ${e.path}${e.body?.title ? `  "${e.body.title}"` : ""}${e.body?.inputs ? `  inputs ${JSON.stringify(e.body.inputs)}` : ""}`,
    );
}

console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(1)} s. Files:`);
for (const [what, file] of [
  ["schema", "schema.yml"],
  ["validation result", "validation.json"],
  ["drift report", "drift.json"],
  ["candidate model", "candidate.onnx"],
  ["comparison", "comparison.json"],
  ["PR report (Markdown)", "report.md"],
  ["PR report (HTML)", "report.html"],
  ["job summary", "job-summary.md"],
  ["reference profile", "profile.json"],
  ["monitor config", "monitor.yml"],
  ["monitor state and outbox", "monitor-state/"],
]) {
  console.log(`  ${what.padEnd(26)} out/demo/${file}`);
}
