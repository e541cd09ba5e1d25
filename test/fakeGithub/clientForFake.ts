/**
 * A modelguard GitHub client pointed at a fake GitHub, with its log lines captured and the pacing shortened so test
 * suites stay fast (5xx backoff of 1 ms steps, no minimum gap between writes: writes still go one at a time).
 * Rate-limit waits are not shortened: they follow the fake's `retry-after` / `x-ratelimit-reset` headers.
 */
import {
  createGitHubClient,
  type GitHubClient,
  type GitHubClientOptions,
} from "../../src/github/createGitHubClient.js";
import type { FakeGitHub } from "./startFakeGitHub.js";

export interface LogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
}

export function clientForFake(
  fake: FakeGitHub,
  options: Partial<GitHubClientOptions> = {},
): { client: GitHubClient; logs: LogLine[] } {
  const logs: LogLine[] = [];
  const client = createGitHubClient({
    token: fake.token ?? "test-token",
    baseUrl: fake.url,
    log: {
      debug: (message) => logs.push({ level: "debug", message }),
      info: (message) => logs.push({ level: "info", message }),
      warn: (message) => logs.push({ level: "warn", message }),
      error: (message) => logs.push({ level: "error", message }),
    },
    ...options,
    pacing: { retryBaseMs: 1, writeIntervalMs: 0, notifyingWriteIntervalMs: 0, ...options.pacing },
  });
  return { client, logs };
}
