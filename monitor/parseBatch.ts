/** One event as posted: `{id?, ts?, features: {name: value}, prediction?}`. */
export interface IngestEvent {
  id?: unknown;
  ts?: unknown;
  features: Record<string, unknown>;
  prediction?: unknown;
}

export type ParsedBatch =
  { ok: true; events: IngestEvent[] } | { ok: false; message: string; line?: number; index?: number };

/**
 * Parses a request body: a JSON array of events, or NDJSON (one event per line; blank lines ignored). A syntax error
 * names its 1-based line; an event without a `features` object names its line (NDJSON) or array index.
 */
export function parseBatch(body: Buffer): ParsedBatch {
  const text = body.toString("utf8");
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xfeff)) i++;
  if (i === text.length) return { ok: false, message: "empty body: send NDJSON or a JSON array of events" };
  if (text[i] === "[") return parseArray(text);
  const events: IngestEvent[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === "") continue;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch (e) {
      return { ok: false, line, message: `line ${line}: invalid JSON: ${(e as Error).message}` };
    }
    const problem = checkEvent(v);
    if (problem) return { ok: false, line, message: `line ${line}: ${problem}` };
    events.push(v as IngestEvent);
  }
  return { ok: true, events };
}

/**
 * One line of a JSONL prediction log (the file source): an event, a blank line (null), or why it is malformed. A line
 * accepted here is also accepted by parseBatch as a line of an NDJSON body, which is how the journal stores it.
 */
export function parseEventLine(raw: string): { ok: true; event: IngestEvent | null } | { ok: false; message: string } {
  if (raw.trim() === "") return { ok: true, event: null };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return { ok: false, message: `invalid JSON: ${(e as Error).message}` };
  }
  const problem = checkEvent(v);
  return problem ? { ok: false, message: problem } : { ok: true, event: v as IngestEvent };
}

function parseArray(text: string): ParsedBatch {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : firstBadArrayLine(text);
    return {
      ok: false,
      message: `${line !== undefined ? `line ${line}: ` : ""}invalid JSON: ${message}`,
      ...(line !== undefined ? { line } : {}),
    };
  }
  if (!Array.isArray(v)) return { ok: false, message: "expected a JSON array of events" };
  for (let k = 0; k < v.length; k++) {
    const problem = checkEvent(v[k]);
    if (problem) return { ok: false, index: k, message: `event ${k} (0-based): ${problem}` };
  }
  return { ok: true, events: v as IngestEvent[] };
}

function checkEvent(v: unknown): string | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return "an event must be a JSON object";
  const f = (v as { features?: unknown }).features;
  if (f === null || typeof f !== "object" || Array.isArray(f)) return "an event needs a 'features' object";
  return null;
}

/**
 * Node 20's JSON.parse does not always say where it failed. For the common layout of one element per line, find the
 * first line that is not valid JSON once the array brackets and separating commas are stripped; undefined when the
 * elements span lines (then the message has no line).
 */
function firstBadArrayLine(text: string): number | undefined {
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) {
    let s = lines[k]!.trim();
    if (k === 0 || s.startsWith("[")) s = s.replace(/^\uFEFF?\s*\[/, "");
    s = s
      .replace(/\]\s*$/, "")
      .trim()
      .replace(/,$/, "")
      .trim();
    if (s === "") continue;
    try {
      JSON.parse(s);
    } catch {
      return k + 1;
    }
  }
  return undefined;
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let k = 0; k < pos && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}
