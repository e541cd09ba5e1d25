/**
 * The alert policy as a pure state machine: given the state and one closed window's verdict, it returns the next state
 * and the actions to take. The monitor records the actions (durably, in the outbox) before any is executed, and the
 * state is part of the snapshot, so a restart neither forgets nor repeats an alert.
 */
export interface AlertPolicy {
  /** Dataset drift in this many windows in a row opens (or updates) the issue. */
  consecutive: number;
  /** Least time between two retraining dispatches. */
  cooldownMs: number;
  /** This many clean windows in a row close the issue. */
  closeAfterClean: number;
  /** Whether a retraining dispatch is configured. */
  dispatch: boolean;
}

export interface AlertState {
  driftStreak: number;
  cleanStreak: number;
  issueOpen: boolean;
  /** Time (ms) of the last dispatch, or null. */
  lastDispatchAt: number | null;
}

export const INITIAL_ALERT_STATE: AlertState = {
  driftStreak: 0,
  cleanStreak: 0,
  issueOpen: false,
  lastDispatchAt: null,
};

export type AlertActionKind = "issue.open" | "issue.update" | "issue.close" | "dispatch";

export interface WindowVerdict {
  window: number;
  /** When the window closed (ms). */
  at: number;
  /** null: nothing could be tested (an empty window); it neither extends nor breaks a streak. */
  datasetDrifted: boolean | null;
}

export function decideAlerts(
  state: AlertState,
  verdict: WindowVerdict,
  policy: AlertPolicy,
): { state: AlertState; actions: AlertActionKind[] } {
  if (verdict.datasetDrifted === null) return { state, actions: [] };
  const actions: AlertActionKind[] = [];
  const next = { ...state };
  if (verdict.datasetDrifted) {
    next.driftStreak++;
    next.cleanStreak = 0;
    if (next.driftStreak >= policy.consecutive) {
      actions.push(next.issueOpen ? "issue.update" : "issue.open");
      next.issueOpen = true;
      if (policy.dispatch && (next.lastDispatchAt === null || verdict.at - next.lastDispatchAt >= policy.cooldownMs)) {
        actions.push("dispatch");
        next.lastDispatchAt = verdict.at;
      }
    }
  } else {
    next.cleanStreak++;
    next.driftStreak = 0;
    if (next.issueOpen && next.cleanStreak >= policy.closeAfterClean) {
      actions.push("issue.close");
      next.issueOpen = false;
    }
  }
  return { state: next, actions };
}
