import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);

// src/cli/neutralizeWorkflowCommands.ts
var MARKER = "​";
var LEADING_COMMAND = /^[\s\u0085\u180e]*::/;
function neutralizeWorkflowCommands(text) {
  return text.split(/(\r\n|\r|\n)/).map((part) => {
    if (part === "\n" || part === "\r" || part === "\r\n") return part;
    const line = part.replace(/##\[/g, `##${MARKER}[`);
    return LEADING_COMMAND.test(line) ? MARKER + line : line;
  }).join("");
}

export {
  neutralizeWorkflowCommands
};
