import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { readProjectConfig } from "../config/projectConfig.js";
import { githubAuthFromEnv } from "../github/githubAuthFromEnv.js";
import type { ModelRegistry } from "../registry/ModelRegistry.js";
import { openModelRegistry, registryCacheDir } from "../registry/openModelRegistry.js";
import type { PromotionContext } from "../registry/promoteModel.js";
import type { CliIO } from "./io.js";

export interface RegistryFlags {
  registry?: string;
  config?: string;
  cacheDir?: string;
}

/**
 * The registry the flags name: --registry, else `registry:` of --config (default ./modelguard.yml when it exists),
 * else the current repository inside GitHub Actions. The token comes from GITHUB_TOKEN (or the Action's input), or a
 * GitHub App from MODELGUARD_APP_ID and its key (githubAuthFromEnv).
 */
export function registryFromFlags(
  flags: RegistryFlags,
  io: CliIO,
  env: NodeJS.ProcessEnv = process.env,
): ModelRegistry {
  let uri = flags.registry;
  if (!uri) {
    const config = flags.config ?? (existsSync("modelguard.yml") ? "modelguard.yml" : undefined);
    if (config) uri = readProjectConfig(config).registry;
  }
  const auth = githubAuthFromEnv(env, {
    token: env.GITHUB_TOKEN ?? env["INPUT_GITHUB-TOKEN"],
    repository: env.GITHUB_REPOSITORY,
  });
  return openModelRegistry(uri, {
    ...auth,
    ...(env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {}),
    ...(env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {}),
    ...(env.GITHUB_SHA ? { targetCommit: env.GITHUB_SHA } : {}),
    inActions: env.GITHUB_ACTIONS === "true",
    log: { warn: (m) => io.err(`github: ${m}`) },
  });
}

export function cacheDirFromFlags(flags: RegistryFlags, env: NodeJS.ProcessEnv = process.env): string {
  return registryCacheDir(flags.cacheDir, env);
}

/** Who and where, for the records of a production move: the Actions run, or the local user and git checkout. */
export function promotionContext(env: NodeJS.ProcessEnv = process.env): PromotionContext {
  const git = (args: string[]): string | null => {
    try {
      return (
        execFileSync("git", args, { stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 })
          .toString()
          .trim() || null
      );
    } catch {
      return null;
    }
  };
  const pr = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "");
  const runUrl =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : null;
  return {
    actor: env.GITHUB_ACTOR || env.USER || env.USERNAME || null,
    commit: env.GITHUB_SHA || git(["rev-parse", "HEAD"]),
    ref: env.GITHUB_REF || git(["rev-parse", "--abbrev-ref", "HEAD"]),
    pullRequest: pr ? Number(pr[1]) : null,
    runUrl,
  };
}
