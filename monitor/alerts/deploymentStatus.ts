import type { MonitorDeploymentState } from "../../src/github/reportDeploymentStatus.js";
import { deploymentEnvironment, versionTag } from "../../src/registry/modelVersionSpec.js";
import type { MonitorConfig } from "../config/monitorConfig.js";
import type { WindowReport } from "../windows/windowReport.js";
import type { AlertState } from "./alertPolicy.js";
import type { Outbox, OutboxEntry } from "./outbox.js";

export const DEPLOYMENT_STATUS_KIND = "deployment.status";

const OWNER_REPO = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

/**
 * Where the deployments of the production the monitor follows live: the repository of a GitHub registry (`github`:
 * github.repository, else GITHUB_REPOSITORY; `github:OWNER/REPO`); null for a file reference or a directory registry,
 * which have no deployments.
 */
export function deploymentRepositoryOf(
  config: MonitorConfig,
  env: NodeJS.ProcessEnv,
): { owner: string; repo: string } | null {
  const r = config.referenceRegistry;
  if (!r || (r.registry !== "github" && !r.registry.startsWith("github:"))) return null;
  const full =
    r.registry === "github" ? (config.github.repository ?? env.GITHUB_REPOSITORY ?? "") : r.registry.slice(7);
  const m = OWNER_REPO.exec(full);
  return m ? { owner: m[1]!, repo: m[2]! } : null;
}

/** A deployment status the monitor posts: its state and what it says (without MONITOR_STATUS_PREFIX). */
export interface DeploymentVerdict {
  state: MonitorDeploymentState;
  description: string;
}

/**
 * What window `report` says of its version's deployment, the alert policy now in `alert`: failure while a drift alert
 * is open, success for a window without dataset drift, else nothing (a drifted window with no alert open yet).
 */
export function deploymentVerdictOf(report: WindowReport, alert: AlertState): DeploymentVerdict | null {
  if (alert.issueOpen) {
    const drifted = report.drift.drifted_features;
    return {
      state: "failure",
      description: `drift alert open: window ${report.window} drifted${drifted.length ? ` (${drifted.join(", ")})` : ""}`,
    };
  }
  if (report.dataset_drifted === false)
    return {
      state: "success",
      description: `window ${report.window} without drift (${report.events} events), no drift alert open`,
    };
  return null;
}

/** The in_progress status of a version the monitor (or the fleet) measures windows against from window `window` on. */
export function deploymentLoadedVerdict(version: string, window: number): DeploymentVerdict {
  return { state: "in_progress", description: `watching ${version} from window ${window}, no window closed yet` };
}

/**
 * The outbox entry that posts `verdict` as the status of production `version`'s deployment. Its id carries the window
 * it was decided at, so a replay (or another fleet leader) recording the same change records the same entry.
 * `onlyIfUnmonitored` (in_progress): posted only when the deployment has no status of the monitor's yet.
 */
export function deploymentStatusEntry(
  config: MonitorConfig,
  target: { owner: string; repo: string },
  version: string,
  window: number,
  at: string,
  verdict: DeploymentVerdict,
  onlyIfUnmonitored: boolean,
): OutboxEntry {
  const name = config.referenceRegistry!.name;
  const number = Number(version.slice(1));
  const { owner, repo } = target;
  return {
    id: `${config.model}:w${window}:deployment.${version}.${verdict.state}`,
    kind: DEPLOYMENT_STATUS_KIND,
    method: "POST",
    path: `/repos/${owner}/${repo}/deployments/{deployment_id}/statuses`,
    body: {
      owner,
      repo,
      environment: deploymentEnvironment(name),
      ref: versionTag(name, number),
      state: verdict.state,
      description: verdict.description,
      ...(onlyIfUnmonitored ? { only_if_unmonitored: true } : {}),
    },
    created_at: at,
  };
}

/**
 * Follows what the monitor sees of each production version and records it, through the outbox, as the status of the
 * version's deployment to `model/NAME` (the one promotion created with state success):
 * - `in_progress` when the monitor loads the version (start, or the switch at a window boundary), unless the
 *   deployment already has a status of the monitor's (a restart does not undo a verdict);
 * - `success` at the first window without dataset drift, and again when a drift alert's issue closes;
 * - `failure` while a drift alert is open (the alert policy opened the issue).
 * Only changes are recorded, so a status is one write per change, not per window. `inactive` is never posted here:
 * retiring the replaced version is promotion's, and the sender leaves a deployment someone retired alone. Entry ids
 * carry the window, so a journal replay after a crash records nothing twice. (A fleet's leader records them from the
 * merged windows instead: fleet/fleetDeploymentStatus.ts.)
 */
export class DeploymentStatusTracker {
  private version: string | null = null;
  private posted: MonitorDeploymentState | null = null;

  constructor(
    private readonly config: MonitorConfig,
    private readonly target: { owner: string; repo: string },
    private readonly outbox: Outbox,
  ) {}

  /** The monitor measures windows against production `version` ("v3") from window `window` on. */
  loaded(version: string | null, window: number, at: string): void {
    if (version === null || (version === this.version && this.posted !== null)) return;
    this.version = version;
    this.posted = "in_progress";
    this.outbox.add(
      deploymentStatusEntry(
        this.config,
        this.target,
        version,
        window,
        at,
        deploymentLoadedVerdict(version, window),
        true,
      ),
    );
  }

  /** Window `report` closed, and the alert policy is now in `alert`. */
  windowClosed(report: WindowReport, alert: AlertState): void {
    const version = report.model_version ?? null;
    if (version === null) return;
    if (version !== this.version) {
      this.version = version;
      this.posted = null;
    }
    const verdict = deploymentVerdictOf(report, alert);
    if (verdict === null || verdict.state === this.posted) return;
    this.posted = verdict.state;
    this.outbox.add(
      deploymentStatusEntry(this.config, this.target, version, report.window, report.closed_at, verdict, false),
    );
  }
}
