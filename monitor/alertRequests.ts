import { escapeMarkdown } from "../src/report/escapeMarkdown.js";
import type { AlertActionKind } from "./alertPolicy.js";
import type { WindowReport } from "./driftMonitor.js";
import type { MonitorConfig } from "./monitorConfig.js";
import type { OutboxEntry } from "./outbox.js";

/** The hidden marker that makes the model's drift issue findable (same format as src/github's issueMarker). */
export function driftIssueMarker(model: string): string {
  return `<!-- modelguard:issue id=drift/${model} -->`;
}

export function repositoryOf(config: MonitorConfig): string {
  return config.github.repository ?? process.env.GITHUB_REPOSITORY ?? "OWNER/REPO";
}

/**
 * The GitHub request an alert action stands for, as recorded in the outbox. Issue numbers are not known when the
 * decision is made (the issue is found by its marker when sent), so update and close paths carry `{issue_number}`.
 */
export function buildAlertRequest(
  config: MonitorConfig,
  action: AlertActionKind,
  report: WindowReport,
  recent: WindowReport[],
  dispatched = false,
): OutboxEntry {
  const repo = repositoryOf(config);
  const base = {
    id: `${config.model}:w${report.window}:${action}`,
    kind: action,
    created_at: report.closed_at,
  };
  const marker = driftIssueMarker(config.model);
  switch (action) {
    case "issue.open":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues`,
        body: {
          title: `Data drift detected for model ${config.model}`,
          body: `${marker}\n${alertMarker(base.id)}\n${issueBody(config, report, recent, dispatched)}`,
          labels: config.actions.issue.labels,
        },
      };
    case "issue.update":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues/{issue_number}/comments`,
        body: { body: issueBody(config, report, recent, dispatched), marker },
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
      const payload = dispatchPayload(config, report);
      return "workflow" in d
        ? {
            ...base,
            method: "POST",
            path: `/repos/${repo}/actions/workflows/${encodeURIComponent(d.workflow)}/dispatches`,
            body: { ref: d.ref, inputs: payload },
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

/** The hidden second line of an issue body or comment naming the outbox entry it carries (resends skip it). */
export function alertMarker(id: string): string {
  return `<!-- modelguard:alert id=${id} -->`;
}

/**
 * The retraining dispatch's inputs (workflow_dispatch) or client payload (repository_dispatch): why, which window
 * (index and span), and the drifted features (comma-separated, at most 1,000 characters so GitHub accepts it).
 */
export function dispatchPayload(
  config: MonitorConfig,
  report: WindowReport,
): { reason: string; window: string; features: string } {
  let features = "";
  for (const f of report.drift.drifted_features) {
    const next = features === "" ? f : `${features},${f}`;
    if (next.length > 1000) break;
    features = next;
  }
  return {
    reason: `modelguard: dataset drift in ${config.alert.consecutive} consecutive window(s) for model ${config.model}`,
    window: `${report.window} (${report.started_at}/${report.closed_at})`,
    features,
  };
}

/** Where people look at the dispatched workflow's runs (GitHub's web UI), or null for a repository_dispatch. */
export function dispatchLink(config: MonitorConfig): string | null {
  const d = config.actions.dispatch;
  if (!d || !("workflow" in d)) return null;
  const api = (config.github.apiUrl ?? "https://api.github.com").replace(/\/+$/, "");
  const web = api === "https://api.github.com" ? "https://github.com" : api.replace(/\/api\/v3$/, "");
  return `${web}/${repositoryOf(config)}/actions/workflows/${encodeURIComponent(d.workflow)}`;
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
 * Markdown: the verdict and window span, a table of drifted features with their PSI and KS statistics, the retraining
 * dispatch (with a link to the workflow's runs when one is dispatched) and the streak of recent windows.
 */
export function issueBody(
  config: MonitorConfig,
  report: WindowReport,
  recent: WindowReport[],
  dispatched = false,
): string {
  const rows = report.drift.features
    .filter((f) => f.drifted)
    .sort((a, b) => b.statistic - a.statistic)
    .slice(0, 100)
    .map(
      (f) =>
        `| ${escapeMarkdown(f.name)} | ${f.kind} | ${fmt(f.tests.psi?.statistic)} | ${fmt(f.tests.ks?.statistic)} | ${fmt(f.p_value)} | ${f.current.count} |`,
    );
  const streak = recent
    .slice(-Math.max(config.alert.consecutive, 1))
    .map((r) => `window ${r.window} (${r.closed_at}): ${r.dataset_drifted ? "drifted" : "clean"}`);
  const d = config.actions.dispatch;
  const link = dispatchLink(config);
  const retrain =
    dispatched && d
      ? "workflow" in d
        ? `Retraining dispatched: workflow ${codeSpan(d.workflow)} on ${codeSpan(d.ref)}${link ? ` ([runs](${link}))` : ""}.`
        : `Retraining dispatched: repository_dispatch event ${codeSpan(d.event)}.`
      : null;
  return [
    // Column names and config values are data: escaped so a column named @everyone pings no one.
    `**${escapeMarkdown(report.drift.summary)}** in window ${report.window} (${report.started_at} to ${report.closed_at}, ${report.events} events).`,
    "",
    "| feature | kind | PSI | KS | p-value (adjusted) | events |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    ...(retrain ? [retrain, ""] : []),
    `Recent windows: ${streak.join("; ")}.`,
  ].join("\n");
}
