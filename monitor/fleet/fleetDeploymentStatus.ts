import type { MonitorDeploymentState } from "../../src/github/reportDeploymentStatus.js";
import type { AlertState } from "../alerts/alertPolicy.js";
import {
  deploymentLoadedVerdict,
  deploymentStatusEntry,
  deploymentVerdictOf,
  type DeploymentVerdict,
} from "../alerts/deploymentStatus.js";
import type { OutboxEntry } from "../alerts/outbox.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import type { WindowReport } from "../windows/windowReport.js";

/** The last status the fleet recorded for production's deployment: kept in the fleet's alert record in Redis. */
export interface FleetDeploymentRecord {
  version: string;
  state: MonitorDeploymentState;
}

/** A status to record: the entry for the shared outbox and the record to write with it (in the same fenced step). */
export interface FleetDeploymentChange {
  entry: OutboxEntry;
  record: FleetDeploymentRecord;
}

/**
 * The status of production's deployment in fleet mode: what DeploymentStatusTracker does for one monitor, decided by
 * the leader alone, once per fleet. The last status recorded lives in the fleet's alert record, written in the same
 * fenced step as its outbox entry, so a new leader goes on from it: it records nothing the former leader recorded,
 * and never turns a verdict back to in_progress. Entry ids carry the window. A status a former leader claimed and did
 * not record as sent is sent again by the next; the sender reads the deployment's latest status first and posts
 * nothing when it already says the same, which is what keeps a status from being posted twice. A Redis restarted
 * empty takes the outbox entries with it: the record restored from a member's copy on disk has no `deployment`, so
 * the status is recorded again (FleetMember's alertIo).
 * - `in_progress` when the version the fleet measures the window open now against changes (the fleet's first plan,
 *   or a switch reaching its window boundary), only if the deployment has no status of the monitor's yet;
 * - `success` / `failure` from the merged windows judged against that version, changes only. A window judged against
 *   another version (the last windows of the version replaced, finalized after the switch) records nothing: that
 *   deployment was retired by the promotion that moved production, and its verdict is no longer the fleet's to give.
 */
export class FleetDeploymentStatus {
  constructor(
    private readonly config: MonitorConfig,
    private readonly target: { owner: string; repo: string },
  ) {}

  /** The fleet measures window `window` (open now) against `version`; null when that was recorded already. */
  inEffect(
    last: FleetDeploymentRecord | undefined,
    version: string,
    window: number,
    at: string,
  ): FleetDeploymentChange | null {
    if (last?.version === version) return null;
    return this.change(version, window, at, deploymentLoadedVerdict(version, window), true);
  }

  /**
   * The leader merged `report`, judged against `version`, and the alert policy is now in `alert`: the status change it
   * makes, or null.
   */
  windowFinalized(
    last: FleetDeploymentRecord | undefined,
    version: string,
    report: WindowReport,
    alert: AlertState,
  ): FleetDeploymentChange | null {
    if (last !== undefined && last.version !== version) return null;
    const verdict = deploymentVerdictOf(report, alert);
    if (verdict === null || verdict.state === last?.state) return null;
    return this.change(version, report.window, report.closed_at, verdict, false);
  }

  private change(
    version: string,
    window: number,
    at: string,
    verdict: DeploymentVerdict,
    onlyIfUnmonitored: boolean,
  ): FleetDeploymentChange {
    return {
      entry: deploymentStatusEntry(this.config, this.target, version, window, at, verdict, onlyIfUnmonitored),
      record: { version, state: verdict.state },
    };
  }
}
