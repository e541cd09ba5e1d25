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

/**
 * Why an alert episode fired: dataset `drift` (a window's verdict), a data `quality` signal, a realized `performance`
 * breach (a window judged on its labels, possibly long after it closed), or an `estimated_performance` breach (CBPE,
 * before labels). One issue per model carries every reason of its episode.
 */
export type AlertReason = "drift" | "quality" | "performance" | "estimated_performance";

export const ALERT_REASONS: readonly AlertReason[] = ["drift", "quality", "performance", "estimated_performance"];

export interface AlertState {
  driftStreak: number;
  cleanStreak: number;
  issueOpen: boolean;
  /** Time (ms) of the last dispatch, or null. */
  lastDispatchAt: number | null;
  /** The reasons of the open episode, in the order they first fired (absent in snapshots of older versions). */
  reasons?: AlertReason[];
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
  /**
   * Signals other than drift that fired in this window when it closed (`quality`, `estimated_performance`): a window
   * with any of them counts like a drifted one (it extends the streak, and it is not clean).
   */
  signals?: AlertReason[];
}

/** The decision: next state, actions, and the reasons that fired for them (empty when no action opens or updates). */
export interface AlertDecision {
  state: AlertState;
  actions: AlertActionKind[];
  reasons: AlertReason[];
}

export function decideAlerts(state: AlertState, verdict: WindowVerdict, policy: AlertPolicy): AlertDecision {
  const fired = firedReasons(verdict);
  if (verdict.datasetDrifted === null && fired.length === 0) return { state, actions: [], reasons: [] };
  const actions: AlertActionKind[] = [];
  const next = { ...state };
  if (fired.length > 0) {
    next.driftStreak++;
    next.cleanStreak = 0;
    if (next.driftStreak >= policy.consecutive) {
      openOrUpdate(next, actions, verdict.at, policy, fired);
      return { state: next, actions, reasons: fired };
    }
  } else {
    next.cleanStreak++;
    next.driftStreak = 0;
    if (next.issueOpen && next.cleanStreak >= policy.closeAfterClean) {
      actions.push("issue.close");
      next.issueOpen = false;
      delete next.reasons;
    }
  }
  return { state: next, actions, reasons: [] };
}

/**
 * A breach found outside the window-close order: a window's realized performance, judged once enough of its labels
 * arrived (after it closed). It alerts at once: the rule's interval already asks for evidence, so no streak of windows
 * is waited for. It opens or updates the one issue, dispatches (cooldown permitting), and restarts the clean streak.
 */
export function decideBreach(
  state: AlertState,
  breach: { at: number; reason: AlertReason },
  policy: AlertPolicy,
): AlertDecision {
  const next = { ...state, cleanStreak: 0 };
  const actions: AlertActionKind[] = [];
  openOrUpdate(next, actions, breach.at, policy, [breach.reason]);
  return { state: next, actions, reasons: [breach.reason] };
}

function firedReasons(verdict: WindowVerdict): AlertReason[] {
  const out: AlertReason[] = verdict.datasetDrifted === true ? ["drift"] : [];
  for (const r of verdict.signals ?? []) if (!out.includes(r)) out.push(r);
  return out;
}

function openOrUpdate(
  next: AlertState,
  actions: AlertActionKind[],
  at: number,
  policy: AlertPolicy,
  fired: AlertReason[],
): void {
  actions.push(next.issueOpen ? "issue.update" : "issue.open");
  const episode = next.issueOpen ? [...(next.reasons ?? ["drift"])] : [];
  for (const r of fired) if (!episode.includes(r)) episode.push(r);
  next.reasons = episode;
  next.issueOpen = true;
  if (policy.dispatch && (next.lastDispatchAt === null || at - next.lastDispatchAt >= policy.cooldownMs)) {
    actions.push("dispatch");
    next.lastDispatchAt = at;
  }
}
