import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  openModelRegistry,
  registryCacheDir
} from "./chunk-YFEKVSLM.js";
import {
  githubAuthFromEnv
} from "./chunk-J6QFQCEU.js";
import {
  readProjectConfig
} from "./chunk-CIHEETR2.js";

// src/cli/registryFromFlags.ts
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
function registryFromFlags(flags, io, env = process.env) {
  let uri = flags.registry;
  if (!uri) {
    const config = flags.config ?? (existsSync("modelguard.yml") ? "modelguard.yml" : void 0);
    if (config) uri = readProjectConfig(config).registry;
  }
  const auth = githubAuthFromEnv(env, {
    token: env.GITHUB_TOKEN ?? env["INPUT_GITHUB-TOKEN"],
    repository: env.GITHUB_REPOSITORY
  });
  return openModelRegistry(uri, {
    ...auth,
    ...env.GITHUB_REPOSITORY ? { repository: env.GITHUB_REPOSITORY } : {},
    ...env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {},
    ...env.GITHUB_SHA ? { targetCommit: env.GITHUB_SHA } : {},
    inActions: env.GITHUB_ACTIONS === "true",
    log: { warn: (m) => io.err(`github: ${m}`) }
  });
}
function cacheDirFromFlags(flags, env = process.env) {
  return registryCacheDir(flags.cacheDir, env);
}
function promotionContext(env = process.env) {
  const git = (args) => {
    try {
      return execFileSync("git", args, { stdio: ["ignore", "pipe", "ignore"], timeout: 1e4 }).toString().trim() || null;
    } catch {
      return null;
    }
  };
  const pr = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "");
  const runUrl = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  return {
    actor: env.GITHUB_ACTOR || env.USER || env.USERNAME || null,
    commit: env.GITHUB_SHA || git(["rev-parse", "HEAD"]),
    ref: env.GITHUB_REF || git(["rev-parse", "--abbrev-ref", "HEAD"]),
    pullRequest: pr ? Number(pr[1]) : null,
    runUrl
  };
}

export {
  registryFromFlags,
  cacheDirFromFlags,
  promotionContext
};
