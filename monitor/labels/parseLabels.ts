import { idOf, LONE_SURROGATE, VALUE } from "../ingest/eventBatch.js";
import { eventTimeOf } from "../ingest/eventTime.js";

/** A label as sent: a class (string, number or boolean) or a regression target (a number). */
export type LabelValue = string | number | boolean;

/** A parsed batch of labels, in order: the join key (as idOf makes an event's) and the label. */
export interface LabelBatch {
  ids: string[];
  labels: LabelValue[];
}

export type ParsedLabels =
  { ok: true; batch: LabelBatch } | { ok: false; message: string; line?: number; index?: number };

/**
 * Parses a `POST /v1/labels` body (or the label log's lines): NDJSON, one `{id, label, ts?}` per line (blank lines
 * ignored), or a JSON array of them. Stricter than events, since a label dropped quietly is a wrong metric: a line
 * whose `id` is not a join key (a string of 1 to 256 UTF-8 bytes or a safe integer), whose `label` is not a string,
 * finite number or boolean, or whose `ts` (optional, for the sender's records: the join goes by arrival) is not an
 * RFC 3339 time or epoch milliseconds, makes the whole batch a 400 naming its line (NDJSON) or index (array).
 */
export function parseLabels(body: Buffer): ParsedLabels {
  let text = body.toString("utf8");
  // A UTF-8 byte order mark (written by some Windows tools) opens the body, not the first label.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.search(/\S/);
  if (first < 0) return { ok: false, message: "empty body: send NDJSON or a JSON array of {id, label, ts?}" };
  const batch: LabelBatch = { ids: [], labels: [] };
  if (text[first] === "[") {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: `invalid JSON: ${(e as Error).message}` };
    }
    if (!Array.isArray(v)) return { ok: false, message: "expected a JSON array of {id, label, ts?}" };
    for (let k = 0; k < v.length; k++) {
      const problem = addLabel(batch, v[k]);
      if (problem) return { ok: false, index: k, message: `label ${k} (0-based): ${problem}` };
    }
    return { ok: true, batch };
  }
  let line = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const problem = labelLine(batch, text.slice(start, end));
    if (problem) return { ok: false, line, message: `line ${line}: ${problem}` };
    start = end + 1;
  }
  return { ok: true, batch };
}

/** One NDJSON line into the batch: null when added (or blank), else the problem. */
export function labelLine(batch: LabelBatch, raw: string): string | null {
  if (raw.trim() === "") return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return `invalid JSON: ${(e as Error).message}`;
  }
  return addLabel(batch, v);
}

/** One line of the label log: a label, null for a blank line, or why it is malformed. */
export function parseLabelLine(
  raw: string,
): { ok: true; item: { id: string; label: LabelValue } | null } | { ok: false; message: string } {
  const one: LabelBatch = { ids: [], labels: [] };
  const problem = labelLine(one, raw);
  if (problem) return { ok: false, message: problem };
  return { ok: true, item: one.ids.length > 0 ? { id: one.ids[0]!, label: one.labels[0]! } : null };
}

function addLabel(batch: LabelBatch, v: unknown): string | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return "a label must be a JSON object {id, label, ts?}";
  const o = v as { id?: unknown; label?: unknown; ts?: unknown };
  const id = idOf(o.id);
  if (id.status !== VALUE)
    return o.id === undefined
      ? "a label needs an 'id' (the id of the event it labels)"
      : "'id' must be a string of 1 to 256 UTF-8 bytes or an integer (a string without a lone surrogate escape such as \\ud800)";
  const label = o.label;
  if (typeof label !== "string" && typeof label !== "boolean" && !(typeof label === "number" && Number.isFinite(label)))
    return label === undefined
      ? "a label needs a 'label' (a class or a number)"
      : "'label' must be a string, a finite number or a boolean";
  if (typeof label === "string" && LONE_SURROGATE.test(label))
    return "'label' has a lone surrogate escape (such as \\ud800): not text UTF-8 can hold";
  if (o.ts !== undefined && Number.isNaN(eventTimeOf(o.ts)))
    return "'ts' must be an RFC 3339 time (2024-05-01T12:00:00Z) or epoch milliseconds";
  batch.ids.push(id.id!);
  batch.labels.push(label);
  return null;
}
