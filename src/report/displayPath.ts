import { isAbsolute, relative, sep } from "node:path";

/**
 * A file path as a report shows it: relative to `base` (the repository: GITHUB_WORKSPACE or the git top level) when
 * it is inside it, with `/` separators; an absolute path outside it shows its last two parts after "…/" (the machine
 * that ran the job is nobody's business, and its directories mean nothing to a reviewer); relative paths and other
 * sources (`git:REF:PATH`) as they are.
 *
 * Example: displayPath("/home/runner/work/shop/shop/data/test.csv", "/home/runner/work/shop/shop") -> "data/test.csv"
 */
export function displayPath(path: string, base: string | undefined): string {
  if (!isAbsolute(path)) return path;
  if (base !== undefined && isAbsolute(base)) {
    const rel = relative(base, path);
    if (rel === "") return ".";
    if (!rel.startsWith("..") && !isAbsolute(rel)) return rel.split(sep).join("/");
  }
  const parts = path.split(/[\\/]+/).filter(Boolean);
  return parts.length <= 2 ? parts.join("/") : `…/${parts.slice(-2).join("/")}`;
}
