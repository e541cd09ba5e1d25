import { sanitizeText } from "./escapeMarkdown.js";

/**
 * A data-derived label for a quoted Mermaid string (`"..."`) inside a fenced code block: only letters, marks, digits,
 * spaces and `_ . , : + - / ( ) =` are kept; every other character (among them `"` `;` `#` `%` `&` `<` `>` `@` `` ` ``
 * `[` `]` `{` `}` `|` `\`, and line breaks) becomes `?`, so the label can neither end the string, start a statement or
 * comment, form an entity (`#quot;`, `&lt;`), close the code fence, nor mention anyone. Runs of spaces collapse; the
 * label is cut to `max` characters with `...`.
 *
 * escapeMermaidLabel('a"b; #1 @x') === "a?b? ?1 ?x"
 */
export function escapeMermaidLabel(text: string, max = 40): string {
  const kept = sanitizeText(text)
    .replace(/[^\p{L}\p{M}\p{N} _.,:+\-/()=]/gu, "?")
    .replace(/\s+/g, " ")
    .trim();
  const chars = Array.from(kept);
  const label = chars.length > max ? chars.slice(0, max - 3).join("") + "..." : kept;
  return label === "" ? "(blank)" : label;
}
