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
          body: `${marker}\n${issueBody(config, report, recent)}`,
          labels: config.actions.issue.labels,
        },
      };
    case "issue.update":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues/{issue_number}/comments`,
        body: { body: issueBody(config, report, recent), marker },
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
      const payload = {
        model: config.model,
        window: report.window,
        drifted_features: report.drift.drifted_features.slice(0, 20).join(","),
      };
      return "workflow" in d
        ? {
            ...base,
            method: "POST",
            path: `/repos/${repo}/actions/workflows/${encodeURIComponent(d.workflow)}/dispatches`,
            body: { ref: d.ref, inputs: { ...payload, window: String(report.window) } },
          }
        : {
            ...base,
            method: "POST",
            path: `/repos/${repo}/dispatches`,
            body: { event_type: d.event, client_payload: payload },
          };
    }
  }
}

function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return Math.abs(x) !== 0 && Math.abs(x) < 1e-4 ? x.toExponential(2) : x.toFixed(4);
}

/** Markdown: the verdict, a table of drifted features, and the streak of recent windows. */
export function issueBody(config: MonitorConfig, report: WindowReport, recent: WindowReport[]): string {
  const rows = report.drift.features
    .filter((f) => f.drifted)
    .sort((a, b) => b.statistic - a.statistic)
    .slice(0, 100)
    .map((f) => `| ${f.name} | ${f.method} | ${fmt(f.statistic)} | ${fmt(f.p_value)} | ${f.current.count} |`);
  const streak = recent
    .slice(-Math.max(config.alert.consecutive, 1))
    .map((r) => `window ${r.window} (${r.closed_at}): ${r.dataset_drifted ? "drifted" : "clean"}`);
  return [
    `**${report.drift.summary}** in window ${report.window} (${report.started_at} to ${report.closed_at}, ${report.events} events).`,
    "",
    "| feature | method | statistic | p-value (adjusted) | events |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    `Recent windows: ${streak.join("; ")}.`,
  ].join("\n");
}
