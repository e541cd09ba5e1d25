import { escapeMarkdown } from "../../src/report/escapeMarkdown.js";
import type { FeatureDrift } from "../../src/drift/driftReport.js";
import type { MethodName } from "../../src/drift/methods/driftMethod.js";
import type { AlertActionKind, AlertReason } from "./alertPolicy.js";
import type { WindowReport } from "../windows/windowReport.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import type { OutboxEntry, OutboxEntryStatus, OutboxResult } from "./outbox.js";
import { windowSignals } from "./windowSignals.js";

/** The hidden marker that makes the model's drift issue findable (same format as src/github's issueMarker). */
export function driftIssueMarker(model: string): string {
  return `<!-- modelguard:issue id=drift/${model} -->`;
}

export function repositoryOf(config: MonitorConfig): string {
  return config.github.repository ?? process.env.GITHUB_REPOSITORY ?? "OWNER/REPO";
}

/** The API root requests go to: `github.api_url`, else GITHUB_API_URL, else https://api.github.com (no trailing /). */
export function apiRootOf(config: MonitorConfig, env: NodeJS.ProcessEnv = process.env): string {
  return (config.github.apiUrl || env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
}

/**
 * GitHub's web root for links (no trailing slash): `github.web_url`, else derived from the API root:
 * https://api.github.com -> https://github.com, https://api.SUB.ghe.com -> https://SUB.ghe.com (GHE.com),
 * https://HOST/api/v3 -> https://HOST (GitHub Enterprise Server), anything else -> the API root itself.
 */
export function webRootOf(config: MonitorConfig, env: NodeJS.ProcessEnv = process.env): string {
  if (config.github.webUrl) return config.github.webUrl;
  const api = apiRootOf(config, env);
  let u: URL;
  try {
    u = new URL(api);
  } catch {
    return "https://github.com";
  }
  const path = u.pathname.replace(/\/+$/, "");
  if (u.host === "api.github.com" && path === "") return "https://github.com";
  const ghe = /^api\.([a-z0-9-]+\.ghe\.com)$/.exec(u.host);
  if (ghe && path === "") return `${u.protocol}//${ghe[1]}`;
  // URL leaves ( ) [ ] unencoded in a path; encoded, a configured API path cannot end the Markdown link early.
  const safePath = path
    .replace(/\/api\/v3$/, "")
    .replace(/[()[\]<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${u.protocol}//${u.host}${safePath}`;
}

/**
 * Where an issue or comment body links the retraining dispatch decided in the same window. The body is recorded with
 * `text` (the fallback link) in it; when the entry is sent, `text` is replaced with the dispatched run's link if the
 * dispatch entry `dispatch` was sent and GitHub returned the run (see resolveRunLink).
 */
export interface RunLinkRef {
  dispatch: string;
  text: string;
}

/**
 * The window an alert is about: a closed window's report (drift, quality), or for a breach judged after the window
 * closed (realized performance) its span alone, when its report may have left the recent ones.
 */
export type AlertSubject = Pick<WindowReport, "window" | "started_at" | "closed_at" | "model_version"> &
  Partial<Pick<WindowReport, "drift" | "prediction" | "events" | "dataset_drifted">>;

/**
 * Why an action fires: the reasons of this window (`fired`, default drift), and Markdown sections their owners add to
 * the issue body (already escaped: data-derived text in them went through escapeMarkdown or a code span).
 */
export interface AlertCause {
  fired: AlertReason[];
  sections?: string[];
}

const DRIFT_CAUSE: AlertCause = { fired: ["drift"] };

/** How the issue names each reason. */
const REASON_TEXT: Record<AlertReason, string> = {
  drift: "dataset drift",
  quality: "data quality",
  performance: "realized performance below its rule",
  estimated_performance: "estimated performance below its rule",
};

/**
 * The GitHub request an alert action stands for, as recorded in the outbox. Issue numbers are not known when the
 * decision is made (the issue is found by its marker when sent), so update and close paths carry `{issue_number}`.
 * Fields that are not part of GitHub's request body (`marker`, `comment`, `run_link`) tell the sender what to do.
 */
export function buildAlertRequest(
  config: MonitorConfig,
  action: AlertActionKind,
  report: AlertSubject,
  recent: WindowReport[],
  dispatched = false,
  cause: AlertCause = DRIFT_CAUSE,
): OutboxEntry {
  const repo = repositoryOf(config);
  // A window's drift keeps its ids; a breach of another reason about the same window (judged later) is its own alert.
  const tag = cause.fired.includes("drift") || cause.fired.length === 0 ? "" : `${cause.fired.join("+")}:`;
  const idOf = (a: AlertActionKind) => `${config.model}:w${report.window}:${tag}${a}`;
  const base = { id: idOf(action), kind: action, created_at: report.closed_at };
  const marker = driftIssueMarker(config.model);
  const fallback = dispatched ? fallbackRunLink(config) : null;
  const runLink: { run_link?: RunLinkRef } = fallback
    ? { run_link: { dispatch: idOf("dispatch"), text: fallback } }
    : {};
  switch (action) {
    case "issue.open":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues`,
        body: {
          title: cause.fired.every((r) => r === "drift")
            ? `Data drift detected for model ${config.model}`
            : `Model ${config.model}: ${cause.fired.map((r) => REASON_TEXT[r]).join(", ")}`,
          body: `${marker}\n${alertMarker(base.id)}\n${issueBody(config, report, recent, dispatched, cause)}`,
          labels: config.actions.issue.labels,
          ...runLink,
        },
      };
    case "issue.update":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues/{issue_number}/comments`,
        body: { body: issueBody(config, report, recent, dispatched, cause), marker, ...runLink },
      };
    case "issue.close":
      return {
        ...base,
        method: "PATCH",
        path: `/repos/${repo}/issues/{issue_number}`,
        body: {
          state: "closed",
          state_reason: "completed",
          comment: `No dataset drift in the last ${config.alert.closeAfterClean} windows (up to window ${report.window}, closed ${report.closed_at}); closing.`,
          marker,
        },
      };
    case "dispatch": {
      const d = config.actions.dispatch!;
      const payload = dispatchPayload(config, report, cause.fired);
      return "workflow" in d
        ? {
            ...base,
            method: "POST",
            path: `/repos/${repo}/actions/workflows/${encodeURIComponent(d.workflow)}/dispatches`,
            // return_run_details: GitHub answers with the run it started, which the issue then links.
            body: { ref: d.ref, inputs: payload, return_run_details: true },
          }
        : {
            ...base,
            method: "POST",
            path: `/repos/${repo}/dispatches`,
            body: { event_type: d.event, client_payload: { ...payload, model: config.model } },
          };
    }
  }
}

/**
 * The note on the open drift issue that production moved (the monitor measures against the new version's profile
 * from window `window` on). Kind `issue.note`: a comment when the model's issue is open, nothing when it is not.
 */
export function productionChangedRequest(
  config: MonitorConfig,
  change: { version: string; previous: string | null; window: number; at: string },
): OutboxEntry {
  const repo = repositoryOf(config);
  const name = config.referenceRegistry?.name ?? config.model;
  return {
    id: `${config.model}:w${change.window}:production.${change.version}`,
    kind: "issue.note",
    created_at: change.at,
    method: "POST",
    path: `/repos/${repo}/issues/{issue_number}/comments`,
    body: {
      body:
        `Production is now ${codeSpan(`${name} ${change.version}`)}` +
        (change.previous ? ` (was ${codeSpan(change.previous)})` : "") +
        `: windows from window ${change.window} on are measured against its profile, and a new alert episode starts. ` +
        `This issue closes after ${config.alert.closeAfterClean} clean window(s) in a row.`,
      marker: driftIssueMarker(config.model),
    },
  };
}

/** The hidden second line of an issue body or comment naming the outbox entry it carries (resends skip it). */
export function alertMarker(id: string): string {
  return `<!-- modelguard:alert id=${id} -->`;
}

/**
 * The retraining dispatch's inputs (workflow_dispatch) or client payload (repository_dispatch), what a training job
 * can use: why (`reason`: the reasons that fired, comma-separated keywords a workflow can branch on, e.g. `drift` or
 * `performance`; `detail`: the same in words), which window (index and span, and its start and end as ISO 8601 instants), the drifted features
 * (comma-separated, at most 1,000 characters so GitHub accepts it), and the production version the window drifted
 * from ("" for a file reference). A workflow must declare each as an input: GitHub refuses undeclared ones.
 */
export function dispatchPayload(
  config: MonitorConfig,
  report: AlertSubject,
  fired: AlertReason[] = ["drift"],
): {
  reason: string;
  detail: string;
  window: string;
  window_start: string;
  window_end: string;
  features: string;
  production_version: string;
} {
  let features = "";
  for (const f of report.drift?.drifted_features ?? []) {
    const next = features === "" ? f : `${features},${f}`;
    if (next.length > 1000) break;
    features = next;
  }
  return {
    reason: fired.join(","),
    detail: fired
      .map((r) =>
        r === "drift"
          ? `dataset drift in ${config.alert.consecutive} consecutive window(s)`
          : `${REASON_TEXT[r]} in window ${report.window}`,
      )
      .concat(`for model ${config.model}`)
      .join("; "),
    window: `${report.window} (${report.started_at}/${report.closed_at})`,
    window_start: report.started_at,
    window_end: report.closed_at,
    features,
    production_version: report.model_version ?? "",
  };
}

/** A URL path segment that is also inert in a Markdown link destination (no parentheses, spaces or brackets). */
function pathSegment(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function repositoryPath(config: MonitorConfig): string {
  return repositoryOf(config).split("/").map(pathSegment).join("/");
}

/**
 * Where people see the runs the dispatch starts, in GitHub's web UI: the workflow's runs (workflow_dispatch), or the
 * repository's runs filtered by the repository_dispatch event (GitHub returns no run for those); null without a
 * dispatch. The link of an issue whose dispatch GitHub did not return a run for (a 204 from an older server).
 */
export function dispatchLink(config: MonitorConfig, env: NodeJS.ProcessEnv = process.env): string | null {
  const d = config.actions.dispatch;
  if (!d) return null;
  const repo = `${webRootOf(config, env)}/${repositoryPath(config)}`;
  return "workflow" in d
    ? `${repo}/actions/workflows/${pathSegment(d.workflow)}`
    : `${repo}/actions?query=event%3Arepository_dispatch`;
}

/** The Markdown the issue body carries for the dispatched run until it is known: `([runs](<dispatchLink>))`. */
function fallbackRunLink(config: MonitorConfig): string | null {
  const link = dispatchLink(config);
  return link ? `([runs](${link}))` : null;
}

/**
 * The run page GitHub returned for a dispatch (`html_url`), when it can be trusted in a link: https, on the web
 * root's host (and under its path), exactly `/<owner>/<repo>/actions/runs/<workflow_run_id>` for this repository,
 * with no credentials, query or fragment. Rebuilt from its parts, so only `[A-Za-z0-9._-/:]` reach the Markdown.
 * Null otherwise: the issue then keeps the runs-page link.
 */
export function trustedRunUrl(htmlUrl: unknown, runId: unknown, webRoot: string, repository: string): string | null {
  if (typeof htmlUrl !== "string" || typeof runId !== "number" || !Number.isSafeInteger(runId) || runId <= 0) {
    return null;
  }
  let u: URL;
  let w: URL;
  try {
    u = new URL(htmlUrl);
    w = new URL(webRoot);
  } catch {
    return null;
  }
  if (u.protocol !== "https:" || w.protocol !== "https:" || u.host !== w.host) return null;
  if (u.username !== "" || u.password !== "" || u.search !== "" || u.hash !== "") return null;
  const prefix = w.pathname.replace(/\/+$/, "");
  if (!u.pathname.startsWith(prefix + "/")) return null;
  const m = /^\/([A-Za-z0-9._-]+)\/([A-Za-z0-9._-]+)\/actions\/runs\/([0-9]+)$/.exec(u.pathname.slice(prefix.length));
  if (!m || `${m[1]}/${m[2]}`.toLowerCase() !== repository.toLowerCase() || Number(m[3]) !== runId) return null;
  return `https://${u.host}${u.pathname}`;
}

/**
 * The body to send for an issue or comment entry that links a dispatch, from the dispatch entry's status in the
 * outbox: the dispatched run's link when the dispatch was sent and its recorded result holds a trusted run URL; the
 * recorded runs-page link (plus a note) when GitHub refused the dispatch and it was parked behind this entry; the
 * recorded text otherwise (a 204 without run details, a repository_dispatch).
 */
export function resolveRunLink(
  text: string,
  ref: RunLinkRef | undefined,
  dispatch: OutboxEntryStatus,
  webRoot: string,
  repository: string,
): { text: string; linked: boolean } {
  if (!ref || !text.includes(ref.text)) return { text, linked: false };
  if (dispatch.state === "sent") {
    const run = runOf(dispatch.result, webRoot, repository);
    return run ? { text: text.replace(ref.text, () => `(${run})`), linked: true } : { text, linked: false };
  }
  if (dispatch.state === "parked") {
    const note = `${ref.text}, but GitHub has not accepted it yet: the monitor keeps retrying (see its log)`;
    return { text: text.replace(ref.text, () => note), linked: false };
  }
  return { text, linked: false };
}

/** `[run N](url)` from a dispatch's recorded result, or null when it holds no trusted run. */
function runOf(result: OutboxResult | null, webRoot: string, repository: string): string | null {
  if (!result) return null;
  const url = trustedRunUrl(result.html_url, result.workflow_run_id, webRoot, repository);
  return url ? `[run ${result.workflow_run_id as number}](${url})` : null;
}

/** A code span: mentions, references and HTML are inert inside one, and a value cannot close it early. */
function codeSpan(text: string): string {
  return "`" + text.replace(/[`\r\n]/g, "") + "`";
}

function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return Math.abs(x) !== 0 && Math.abs(x) < 1e-4 ? x.toExponential(2) : x.toFixed(4);
}

/**
 * Markdown: the reason(s) that fired, the verdict and window span, a table of drifted features with their PSI and KS
 * statistics, the prediction drift (when predictions are compared with a reference column), the sections of the other
 * reasons, the retraining dispatch (with the runs-page link that the sender replaces with the dispatched run's) and
 * the streak of recent windows. The drift part is left out for a window whose report is not at hand (a breach judged
 * after the window left the recent ones).
 */
export function issueBody(
  config: MonitorConfig,
  report: AlertSubject,
  recent: WindowReport[],
  dispatched = false,
  cause: AlertCause = DRIFT_CAUSE,
): string {
  const because = `Reason: ${cause.fired.map((r) => `${escapeMarkdown(r)} (${REASON_TEXT[r]})`).join(", ")}.`;
  const span = `window ${report.window} (${report.started_at} to ${report.closed_at}${report.events !== undefined ? `, ${report.events} events` : ""})`;
  const drift = report.drift;
  const rows = (drift?.features ?? [])
    .filter((f) => f.drifted)
    .sort((a, b) => b.statistic - a.statistic)
    .slice(0, 100)
    .map(
      (f) =>
        `| ${escapeMarkdown(f.name)} | ${f.kind} | ${fmt(f.tests.psi?.statistic)} | ${fmt(f.tests.ks?.statistic)} | ${fmt(f.p_value)} | ${f.current.count} |`,
    );
  const streak = recent
    .slice(-Math.max(config.alert.consecutive, 1))
    .map((r) => `window ${r.window} (${r.closed_at}): ${windowState(r)}`);
  const d = config.actions.dispatch;
  const link = fallbackRunLink(config);
  const retrain =
    dispatched && d
      ? "workflow" in d
        ? `Retraining dispatched: workflow ${codeSpan(d.workflow)} on ${codeSpan(d.ref)}${link ? ` ${link}` : ""}.`
        : `Retraining dispatched: repository_dispatch event ${codeSpan(d.event)}${link ? ` ${link}` : ""}.`
      : null;
  const prediction = report.prediction ? predictionLine(config, report.prediction, report.drift) : null;
  return [
    because,
    "",
    // Column names and config values are data: escaped so a column named @everyone pings no one.
    ...(drift
      ? [
          `**${escapeMarkdown(drift.summary)}** in ${span}.`,
          "",
          "| feature | kind | PSI | KS | p-value (adjusted) | events |",
          "|---|---|---|---|---|---|",
          ...rows,
          "",
        ]
      : [`In ${span}.`, ""]),
    ...(prediction ? [prediction, ""] : []),
    ...(cause.sections ?? []).flatMap((x) => [x, ""]),
    ...(retrain ? [retrain, ""] : []),
    // Empty when no report is at hand (a fleet whose Redis restarted empty lost the merged ones): no bare "Recent windows: ."
    streak.length > 0 ? `Recent windows: ${streak.join("; ")}.` : "Recent windows: no window report is at hand.",
  ].join("\n");
}

/** How the issue names each statistic, in the order it lists them. */
const STAT_LABEL: [MethodName, string][] = [
  ["psi", "PSI"],
  ["ks", "KS"],
  ["chisquare", "chi-square"],
  ["jensenshannon", "Jensen-Shannon"],
  ["wasserstein", "Wasserstein"],
];

/**
 * One line on the window's prediction drift (its statistics, adjusted p-value and count, and whether it counts toward
 * dataset drift), or null when predictions are not compared with a reference column.
 */
function predictionLine(
  config: MonitorConfig,
  p: WindowReport["prediction"],
  drift: WindowReport["drift"] | undefined,
): string | null {
  if (!p.column) return null;
  const what = `Predictions against the reference column ${escapeMarkdown(p.column)}`;
  const f: FeatureDrift | null | undefined = p.drift;
  if (!f) return `${what}: not tested (${escapeMarkdown(p.skipped ?? "no predictions")}).`;
  const stats = STAT_LABEL.filter(([m]) => f.tests[m] !== undefined).map(
    ([m, label]) => `${label} ${fmt(f.tests[m]!.statistic)}`,
  );
  const counts = !config.prediction.countsTowardDataset
    ? "; reported only, not counted toward dataset drift"
    : f.drifted && drift?.dataset_drifted === false
      ? "; this window counts as drifted because of them (prediction.counts_toward_dataset)"
      : "";
  return (
    `${what}: **${f.drifted ? "drifted" : "no drift"}** ` +
    `(${f.kind}; ${[...stats, `p-value (adjusted) ${fmt(f.p_value)}`].join(", ")}; ${f.current.count} predictions)${counts}.`
  );
}

/** A recent window in the issue: drifted and each other signal it raised (data quality, ...), or clean: none. */
function windowState(r: WindowReport): string {
  const signals = [...(r.dataset_drifted ? ["drifted"] : []), ...windowSignals(r).map((s) => REASON_TEXT[s])];
  return signals.length > 0 ? signals.join(", ") : "clean";
}
