import { ModelguardError } from "../errors.js";
import { escapeMarkdown } from "../report/escapeMarkdown.js";
import { formatBytes, formatDuration, formatMetric } from "../report/formatNumber.js";

/** A file of a model version, as its card records it: the card is what a download is verified against. */
export interface CardAsset {
  name: string;
  sha256: string;
  bytes: number;
}

/** What the comparison given at promotion said, reduced to what a reader of the card needs. */
export interface CardComparison {
  verdict: string;
  reason: string;
  baseline: string;
  /** The registry version the comparison's baseline was, when it came from this registry. */
  baseline_version: number | null;
  paired: boolean;
  confidence: number;
  metrics: {
    name: string;
    baseline: number | null;
    candidate: number | null;
    delta: number | null;
    ci: [number, number] | null;
    status: string | null;
  }[];
}

/**
 * The model card of one version (`card.json`, an asset of the version, and rendered as the release notes): what the
 * model is, how it was measured, where it came from, and the sha256 of every other asset. card.json is the record and
 * the only thing read back (downloads are verified against it); the release notes are a rendering for people and are
 * never parsed or cross-checked: GitHub lets anyone with write access edit them in the UI, cuts them at 125,000
 * characters, and a disagreement could only be resolved in the card's favour anyway. Correcting a version means
 * promoting a new one, not editing either.
 */
export interface ModelCard {
  kind: "modelguard.model-card";
  version: 1;
  name: string;
  model_version: number;
  tag: string;
  created_at: string;
  created_by: string | null;
  reason: string | null;
  /** Production when this version was created (the version it was meant to replace). */
  previous_production: number | null;
  task: string | null;
  metrics: { name: string; value: number | null }[];
  comparison: CardComparison | null;
  git: { commit: string | null; ref: string | null; pull_request: number | null; run_url: string | null };
  training: {
    command: string;
    start: string;
    end: string;
    duration_ms: number;
    exit_code: number;
    peak_memory_bytes: number | null;
    environment: Record<string, string | number>;
  } | null;
  /** The data files the metrics, the profile and the training run name, with their sha256. */
  data: { role: string; path: string; sha256: string; rows?: number; bytes?: number }[];
  assets: CardAsset[];
}

/** A card is a few kilobytes; anything far larger is not one. */
export const MAX_CARD_BYTES = 1024 * 1024;

const SHA256 = /^[0-9a-f]{64}$/;

/** Parses card.json of a version; a card that is not one is a registry error (its assets cannot be verified). */
export function parseModelCard(text: string, name: string, version: number, where: string): ModelCard {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw badCard(where, `not JSON: ${(e as Error).message}`);
  }
  const c = v as Partial<ModelCard> | null;
  if (
    !c ||
    typeof c !== "object" ||
    c.kind !== "modelguard.model-card" ||
    c.version !== 1 ||
    c.name !== name ||
    c.model_version !== version ||
    !Array.isArray(c.assets) ||
    !c.assets.every(
      (a) =>
        typeof a === "object" &&
        a !== null &&
        typeof a.name === "string" &&
        /^[a-z0-9][a-z0-9._-]{0,63}$/.test(a.name) &&
        typeof a.sha256 === "string" &&
        SHA256.test(a.sha256) &&
        Number.isInteger(a.bytes) &&
        a.bytes >= 0,
    ) ||
    !c.assets.some((a) => a.name === "model.onnx")
  ) {
    throw badCard(where, `not the model card of ${name} v${version}`);
  }
  return c as ModelCard;
}

function badCard(where: string, why: string): ModelguardError {
  return new ModelguardError(
    "registry",
    `${where}: ${why}`,
    "a version's card.json lists the sha256 of its assets; without a valid one nothing of the version can be verified",
  );
}

/**
 * The card as Markdown, for the release notes and `registry show`. Every data-derived string (paths, metric names,
 * reasons, commands) is escaped: release notes render on GitHub like any comment.
 */
export function renderModelCard(card: ModelCard): string {
  const e = escapeMarkdown;
  const code = (s: string) => `<code>${e(s)}</code>`;
  const num = (x: number | null) => formatMetric(x);
  const lines: string[] = [];
  lines.push(`## ${e(card.name)} v${card.model_version}`, "");
  const facts: [string, string][] = [
    ["tag", code(card.tag)],
    ["created", `${e(card.created_at)}${card.created_by ? ` by ${e(card.created_by)}` : ""}`],
    ["task", card.task ? e(card.task) : "–"],
    [
      "previous production",
      card.previous_production === null ? "none (first version)" : `v${card.previous_production}`,
    ],
  ];
  if (card.reason) facts.push(["reason", e(card.reason)]);
  if (card.git.commit) facts.push(["git commit", code(card.git.commit)]);
  if (card.git.ref) facts.push(["git ref", e(card.git.ref)]);
  if (card.git.pull_request !== null) facts.push(["pull request", `&#35;${card.git.pull_request}`]);
  if (card.git.run_url) facts.push(["workflow run", e(card.git.run_url)]);
  lines.push("| | |", "|---|---|", ...facts.map(([k, v]) => `| ${k} | ${v} |`), "");

  if (card.metrics.length > 0) {
    lines.push("### Metrics", "", "| metric | value |", "|---|---:|");
    for (const m of card.metrics) lines.push(`| ${e(m.name)} | ${num(m.value)} |`);
    lines.push("");
  }
  const c = card.comparison;
  if (c) {
    const against = c.baseline_version !== null ? `v${c.baseline_version}` : e(c.baseline);
    lines.push(
      "### Comparison with production",
      "",
      `Verdict **${e(c.verdict)}** against ${against}: ${e(c.reason)}`,
      "",
      `| metric | baseline | candidate | delta | ${Math.round(c.confidence * 100)}% interval | gate |`,
      "|---|---:|---:|---:|---|---|",
    );
    for (const m of c.metrics) {
      const ci = m.ci ? `[${formatMetric(m.ci[0])}, ${formatMetric(m.ci[1])}]` : "–";
      lines.push(
        `| ${e(m.name)} | ${num(m.baseline)} | ${num(m.candidate)} | ${num(m.delta)} | ${ci} | ${m.status ? e(m.status) : "–"} |`,
      );
    }
    lines.push(
      "",
      c.paired ? "Intervals: paired bootstrap on the same rows." : "Aggregate metrics only: no intervals.",
      "",
    );
  }
  const t = card.training;
  if (t) {
    lines.push("### Training", "", `Command: ${code(t.command)}`, "");
    lines.push(
      `Ran ${e(t.start)} to ${e(t.end)} (${formatDuration(t.duration_ms)}), exit code ${t.exit_code}` +
        (t.peak_memory_bytes !== null ? `, peak memory ${formatBytes(t.peak_memory_bytes)}` : "") +
        ".",
      "",
    );
    const env = Object.entries(t.environment).map(([k, v]) => `${e(k)} ${e(String(v))}`);
    if (env.length > 0) lines.push(`Environment: ${env.join(", ")}.`, "");
  }
  if (card.data.length > 0) {
    lines.push("### Data", "", "| role | file | sha256 |", "|---|---|---|");
    for (const d of card.data) lines.push(`| ${e(d.role)} | ${e(d.path)} | ${code(d.sha256)} |`);
    lines.push("");
  }
  lines.push("### Assets", "", "| file | bytes | sha256 |", "|---|---:|---|");
  for (const a of card.assets) lines.push(`| ${e(a.name)} | ${a.bytes} | ${code(a.sha256)} |`);
  lines.push(
    "",
    "<sub>Written by modelguard. `card.json` holds the same facts; downloads are verified against it.</sub>",
    "",
  );
  return lines.join("\n");
}
