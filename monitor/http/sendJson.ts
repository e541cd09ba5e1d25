import type { ServerResponse } from "node:http";
import { stringifyContract } from "../../src/contracts/contractJson.js";

/** Answers with a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  // Drift statistics can be infinite (mass moved to an infinity): written as "Infinity", as the CLI's reports do.
  res.end(stringifyContract(body));
}
