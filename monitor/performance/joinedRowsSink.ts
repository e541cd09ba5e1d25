/**
 * Where the label join hands the rows it matched: each a prediction (as the event carried it) and the label that
 * arrived for its `id`, with the prediction window the event was counted in. The realized-performance windows
 * (monitor/performance/performanceWindows.ts) implement it; the join (monitor/labels/) calls it once per applied
 * label batch, deterministically in the journal, so replay after a restart feeds the same rows again (the sink's state
 * is in the snapshot, and rows of a label record already covered by it are not applied twice).
 *
 * Columnar, like EventBatch: `length` rows, row i is (window[i], prediction[i], probability[i], label[i]).
 */
export interface JoinedRows {
  length: number;
  /** The index of the prediction window the event was counted in (its report's `window`). */
  window: ArrayLike<number>;
  /**
   * The event's prediction as sent (a class label: string, number or boolean; or a regression value), null when it
   * had none.
   */
  prediction: ArrayLike<unknown>;
  /** The positive class's probability (EventBatch.positiveProbability), NaN when the event had none. */
  probability: ArrayLike<number>;
  /** The label as sent in `POST /v1/labels` or the label file. */
  label: ArrayLike<unknown>;
  /** When the labels were applied (ms, the journal record's arrival time): rows past `labels.max_delay` are not judged. */
  at: number;
}

export interface JoinedRowsSink {
  addJoined(rows: JoinedRows): void;
}
