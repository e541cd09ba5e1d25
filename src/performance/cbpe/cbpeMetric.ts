/** The metrics CBPE estimates for a binary classifier, in the order reports list them. */
export const CBPE_METRICS = ["accuracy", "precision", "recall", "f1", "roc_auc"] as const;

export type CbpeMetric = (typeof CBPE_METRICS)[number];

export function isCbpeMetric(name: string): name is CbpeMetric {
  return (CBPE_METRICS as readonly string[]).includes(name);
}
