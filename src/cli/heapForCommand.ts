import { setFlagsFromString } from "node:v8";

/** The commands whose peak memory follows the shape of their data (issue 11: about twice the data held). */
const DATA_COMMANDS = new Set(["validate", "schema", "profile", "drift"]);

/**
 * Sizes V8's heap for the command `argv` names, before its modules load: for the CLI's own process
 * (bin/modelguard.js), not for a process that calls main() among other work.
 *
 * A data command keeps V8's young generation at its starting size instead of letting it grow to 2 x 16 MB: a wide
 * file's many short-lived per-column objects made it grow, and its pages stayed resident. `drift` of 10,000 columns x
 * 3 rows peaked at 109-111 MB with the growth and at 76-78 MB without it (peak RSS, Node 20). What survives a young
 * collection now moves to the old generation sooner: the block loops collect it (collectGarbage). Large files are read
 * in worker threads, whose young generations the flag holds small too: `profile`, `validate` and `drift` of 1,000,000
 * rows x 20 columns (130 MB a file) took the same time with it as without (1.2 / 1.0 / 1.9 s), and so did 100,000 rows
 * read in this thread (0.4-0.6 s). V8 reads the flag whenever it would grow the space, so setting it at run time takes
 * effect: on Node 24.22 (V8 13.6, GitHub's node24 runners) the flag alone took drift of 100,000 columns from 303 to
 * 205 MB. Were a later V8 to drop it, setFlagsFromString would print "unrecognized flag" on stderr: the heap test
 * (test/cli/heapForCommand.test.ts) fails first.
 */
export function sizeHeapForCommand(argv: readonly string[]): void {
  if (DATA_COMMANDS.has(argv[0] ?? "")) setFlagsFromString("--semi-space-growth-factor=1");
}
