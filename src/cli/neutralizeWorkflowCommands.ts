/** U+200B ZERO WIDTH SPACE: invisible in the log, and not whitespace to the runner's String.TrimStart. */
const MARKER = "\u200b";
/**
 * `::` after what .NET's char.IsWhiteSpace calls whitespace: JavaScript's \s plus U+0085 (NEL), and U+180E, which
 * older Unicode tables count as a space.
 */
const LEADING_COMMAND = /^[\s\u0085\u180e]*::/;

/**
 * Text the Action (or the CLI inside a workflow step) logs, made inert for the runner: every line that the runner would read as a workflow command is
 * prefixed with a zero-width space. The runner treats a line as a command when, after leading whitespace, it starts
 * with `::` (`::warning title=x::y`, `::add-mask::v`, `::stop-commands::t`), or when it contains the legacy `##[`
 * form anywhere; the CLI's output carries data (column names start table rows), so neither may reach the log as is.
 *
 * A prefix per line rather than `::stop-commands::<random>` around the output: it is stateless, so a crash in the
 * middle cannot leave commands off for the rest of the step (which would swallow the step's own `::error::`), and
 * nothing the data says can end it early.
 */
export function neutralizeWorkflowCommands(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part) => {
      if (part === "\n" || part === "\r" || part === "\r\n") return part;
      const line = part.replace(/##\[/g, `##${MARKER}[`);
      return LEADING_COMMAND.test(line) ? MARKER + line : line;
    })
    .join("");
}
