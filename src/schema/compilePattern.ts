import { RE2JS, RE2JSSyntaxException } from "re2js";

/** A schema `pattern`, compiled for a linear-time engine; `test` is true when it matches anywhere in the text. */
export interface CompiledPattern {
  test(text: string): boolean;
}

export type PatternCompileResult =
  | { readonly ok: true; readonly pattern: CompiledPattern }
  | {
      readonly ok: false;
      /** Why, for a message after the pattern: "uses a backreference (\1), ..." or "is not a valid ...: ...". */
      readonly reason: string;
      /** The pattern is valid in JavaScript but needs a backtracking engine (backreference, lookaround). */
      readonly unsupported: boolean;
    };

/**
 * Compiles a schema pattern with RE2 (the re2js port): matching time is linear in the length of the text for every
 * pattern, so `^(a+)+$` against "aaaa…b" cannot stall validation the way a backtracking engine (JavaScript's RegExp)
 * does. The price is RE2's syntax: no backreferences and no lookaround. JavaScript's `\uXXXX` and `\u{X}` escapes are
 * rewritten to RE2's `\x{X}`, since schema files documented JavaScript syntax before.
 */
export function compilePattern(source: string): PatternCompileResult {
  try {
    const re = RE2JS.compile(rewriteUnicodeEscapes(source));
    return { ok: true, pattern: { test: (text) => re.test(text) } };
  } catch (e) {
    if (!(e instanceof RE2JSSyntaxException)) {
      return { ok: false, unsupported: false, reason: `is not a valid regular expression: ${(e as Error).message}` };
    }
    const fragment = e.getPattern() ?? "";
    const construct = unsupportedConstruct(fragment);
    if (construct) {
      return {
        ok: false,
        unsupported: true,
        reason: `uses ${construct.what} (${construct.token}), which modelguard does not support: patterns run on RE2, a linear-time engine, so that no pattern can stall validation`,
      };
    }
    return {
      ok: false,
      unsupported: false,
      reason: `is not a valid regular expression: ${e.getDescription()}${fragment ? `: ${fragment}` : ""}`,
    };
  }
}

/** The backtracking-only construct RE2 stopped at, from the fragment its error quotes. */
function unsupportedConstruct(fragment: string): { what: string; token: string } | undefined {
  const backreference = /^\\[1-9]\d*/.exec(fragment);
  if (backreference) return { what: "a backreference", token: backreference[0] };
  if (fragment.startsWith("\\k")) return { what: "a named backreference", token: "\\k" };
  for (const token of ["(?=", "(?!"]) if (fragment.startsWith(token)) return { what: "a lookahead", token };
  for (const token of ["(?<=", "(?<!"]) if (fragment.startsWith(token)) return { what: "a lookbehind", token };
  return undefined;
}

/** `\uXXXX` and `\u{X}` to `\x{X}`; an escaped backslash (`\\u`) is left alone. */
function rewriteUnicodeEscapes(source: string): string {
  return source.replace(/\\(?:u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\}|([\s\S]))/g, (all, four, braced) =>
    four !== undefined ? `\\x{${four}}` : braced !== undefined ? `\\x{${braced}}` : all,
  );
}
