import { GitHubError } from "./GitHubError.js";

/** GitHub refuses issue and comment bodies longer than this many characters (HTTP 422 "body is too long"). */
export const MAX_COMMENT_BODY_CHARS = 65536;

const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}$/;
const MARKER = /^<!--(?:(?!-->)[^\r\n])*-->$/;

/** The hidden first line that marks a modelguard PR report: `<!-- modelguard:report id=ID -->`. */
export function reportMarker(reportId: string): string {
  if (!REPORT_ID.test(reportId)) {
    throw new GitHubError(
      "other",
      `invalid report id '${reportId}'`,
      "a report id is 1-128 characters: letters, digits and . _ : / @ + - (e.g. 'evaluate' or 'drift/fraud-model')",
    );
  }
  return `<!-- modelguard:report id=${reportId} -->`;
}

/** A hidden marker for a tracking issue (the drift monitor keeps one open issue per model). */
export function issueMarker(key: string): string {
  if (!REPORT_ID.test(key)) {
    throw new GitHubError(
      "other",
      `invalid issue key '${key}'`,
      "an issue key is 1-128 characters: letters, digits and . _ : / @ + -",
    );
  }
  return `<!-- modelguard:issue id=${key} -->`;
}

/** Throws unless the marker is a one-line HTML comment (so it stays hidden and can be matched as a first line). */
export function assertMarker(marker: string): void {
  if (!MARKER.test(marker)) {
    throw new GitHubError(
      "other",
      `invalid marker ${JSON.stringify(marker)}`,
      "a marker is a one-line hidden HTML comment such as '<!-- modelguard:issue id=fraud-model -->'",
    );
  }
}

/** True when the body's first line is exactly the marker: a marker quoted or embedded anywhere else does not count. */
export function startsWithMarker(body: string | null | undefined, marker: string): boolean {
  if (!body || !body.startsWith(marker)) return false;
  const rest = body.slice(marker.length);
  return rest === "" || rest.startsWith("\n") || rest.startsWith("\r\n");
}

/** The body with the marker as its first line (not added twice). */
export function withMarker(marker: string, body: string): string {
  return startsWithMarker(body, marker) ? body : `${marker}\n${body}`;
}

/** Length as GitHub counts it: characters (Unicode code points), not UTF-16 units or bytes. */
export function commentBodyLength(body: string): number {
  let n = 0;
  for (const _ of body) n++;
  return n;
}

/** Refuses a body GitHub would refuse, before sending it. */
export function assertBodyFits(body: string, what: string): void {
  const length = commentBodyLength(body);
  if (length > MAX_COMMENT_BODY_CHARS) {
    throw new GitHubError(
      "too_long",
      `${what} is ${length.toLocaleString("en-US")} characters; GitHub accepts at most ${MAX_COMMENT_BODY_CHARS.toLocaleString("en-US")}`,
      tooLongHint,
    );
  }
}

export const tooLongHint =
  "trim the report to fit 65,536 characters and link the full report (job summary or artifact) instead";
