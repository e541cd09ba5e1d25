/**
 * Text from data (column names, values, class labels, paths, messages) made inert for GitHub-flavoured Markdown: it
 * reads the same once rendered, but cannot format, link, mention, break a table, or inject HTML, in any context our
 * templates put it (paragraphs, table cells, list items, headings, `<summary>` lines). Character references are used
 * rather than backslashes because they work in every one of those contexts, HTML blocks included.
 *
 * Rules, in order:
 * 1. Line breaks (CR, LF, CRLF, U+2028/2029), tabs, vertical tab and form feed become one space each; other control
 *    characters, bidirectional overrides/isolates and lone surrogates become U+FFFD.
 * 2. `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`: no tag, no `<!--` / `-->`, no entity of the
 *    data's own making.
 * 3. `|` `` ` `` `*` `[` `]` `\` `~` `$` become `&#124;` `&#96;` `&#42;` `&#91;` `&#93;` `&#92;` `&#126;` `&#36;`; `_`
 *    becomes `&#95;` unless it sits between two letters or digits (where GFM cannot read it as emphasis).
 * 4. `@` is followed by a zero-width space (`@&#8203;`), so `@everyone` and `@org/team` ping no one: GitHub looks for
 *    mentions in the rendered text, where a character reference would already be decoded.
 * 5. `#` becomes `&#35;`, followed by a zero-width space when a letter or digit follows (`#1` -> `&#35;&#8203;1`): no
 *    heading, no issue reference. `GH-` before a digit gets the same zero-width space.
 * 6. `://` becomes `&#58;//` and `www.` becomes `www&#46;`, so URLs in data are not autolinked.
 * 7. At the start of the text, `-` `+` `=` become `&#45;` `&#43;` `&#61;`, and the `.` or `)` of a leading list
 *    number (`1. `, `2)`) becomes `&#46;` / `&#41;`, so the text cannot start a list or underline a heading.
 *
 * escapeMarkdown("a|b @team #12 <b>") === "a&#124;b @&#8203;team &#35;&#8203;12 &lt;b&gt;"
 */
export function escapeMarkdown(text: string): string {
  const s = sanitizeText(text);
  return s.replace(SPECIAL, (c: string, i: number) => {
    switch (c) {
      case "_":
        return isWordChar(s, i - 1) && isWordChar(s, i + 1) ? "_" : "&#95;";
      case "@":
        return "@&#8203;";
      case "#":
        return isWordChar(s, i + 1) ? "&#35;&#8203;" : "&#35;";
      case ":":
        return s.startsWith("//", i + 1) ? "&#58;" : ":";
      case "-":
        if (i === 0) return "&#45;";
        return i >= 2 && /gh/i.test(s.slice(i - 2, i)) && /[0-9]/.test(s[i + 1] ?? "") ? "-&#8203;" : "-";
      case ".":
        return (i >= 3 && /www/i.test(s.slice(i - 3, i))) || isListNumber(s, i) ? "&#46;" : ".";
      case ")":
        return isListNumber(s, i) ? "&#41;" : ")";
      case "+":
        return i === 0 ? "&#43;" : "+";
      case "=":
        return i === 0 ? "&#61;" : "=";
      default:
        return ALWAYS[c]!;
    }
  });
}

/** Characters replaced wherever they are. */
const ALWAYS: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "|": "&#124;",
  "`": "&#96;",
  "*": "&#42;",
  "[": "&#91;",
  "]": "&#93;",
  "\\": "&#92;",
  "~": "&#126;",
  $: "&#36;",
};

/** Every character some rule looks at; those whose rule depends on context decide in the callback. */
const SPECIAL = /[&<>"'|`*[\]\\~$_@#:\-.)+=]/g;

/**
 * Step 1 of every escape (Markdown, HTML, Mermaid): one line of well-formed text without control or bidirectional
 * formatting characters.
 */
export function sanitizeText(text: string): string {
  return (
    String(text)
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(/\r\n|[\r\n\t\v\f\u2028\u2029\u0085]/g, " ")
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "\ufffd")
  );
}

function isWordChar(s: string, i: number): boolean {
  const c = s[i];
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** True when s[i] is the `.` or `)` of an ordered-list marker opening the text ("1. x", "12)", but not "0.95"). */
function isListNumber(s: string, i: number): boolean {
  return i > 0 && /^[0-9]+$/.test(s.slice(0, i)) && (i + 1 === s.length || s[i + 1] === " ");
}
