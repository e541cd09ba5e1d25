import { homedir } from "node:os";
import { join } from "node:path";
import { ModelguardError } from "../errors.js";
import { createGitHubClient, type GitHubLogger } from "../github/createGitHubClient.js";
import type { GitHubAppCredentials } from "../github/GitHubAppAuth.js";
import { DirectoryModelRegistry } from "./DirectoryModelRegistry.js";
import { GitHubModelRegistry } from "./GitHubModelRegistry.js";
import type { ModelRegistry } from "./ModelRegistry.js";

const OWNER_REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

export interface RegistryEnvironment {
  /** GITHUB_TOKEN (or the Action's github-token input). */
  token?: string;
  /** A GitHub App to authenticate as instead of the token (githubAuthFromEnv). */
  app?: GitHubAppCredentials;
  /** GITHUB_REPOSITORY, for `github` and as the default inside GitHub Actions. */
  repository?: string;
  apiUrl?: string;
  inActions: boolean;
  /** Where a new release's tag points (GITHUB_SHA), else the default branch. */
  targetCommit?: string;
  log?: GitHubLogger;
}

/**
 * Opens the registry a user named: `github` (the current repository, GITHUB_REPOSITORY), `github:OWNER/REPO`, or a
 * directory path. Nothing named: the current repository inside GitHub Actions, else a usage error.
 */
export function openModelRegistry(uri: string | undefined, env: RegistryEnvironment): ModelRegistry {
  const given = uri?.trim() || (env.inActions && env.repository ? "github" : "");
  if (given === "") {
    throw new ModelguardError(
      "usage",
      "no model registry: give --registry DIR (a directory) or --registry github:OWNER/REPO",
      "or set `registry:` in modelguard.yml; inside GitHub Actions the current repository is the default",
    );
  }
  if (given !== "github" && !given.startsWith("github:")) return new DirectoryModelRegistry(given);
  const full = given === "github" ? (env.repository ?? "") : given.slice("github:".length);
  const m = OWNER_REPO.exec(full);
  if (!m) {
    throw new ModelguardError(
      "usage",
      given === "github"
        ? "--registry github needs GITHUB_REPOSITORY (set inside GitHub Actions)"
        : `'${given.slice(0, 120)}' is not github:OWNER/REPO`,
      "e.g. --registry github:acme/churn-model",
    );
  }
  const owner = m[1]!;
  const repo = m[2]!;
  const client = createGitHubClient({
    // An App without an installation id acts for the installation on the registry's repository.
    ...(env.app
      ? { app: env.app.installationId ? env.app : { ...env.app, repository: { owner, repo } } }
      : { token: env.token ?? "" }),
    ...(env.apiUrl ? { baseUrl: env.apiUrl } : {}),
    ...(env.log ? { log: env.log } : {}),
  });
  return new GitHubModelRegistry(client, owner, repo, env.targetCommit ?? null);
}

/** The download cache: --cache-dir, else the runner's tool cache, else ~/.cache/modelguard. */
export function registryCacheDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  if (flag) return flag;
  if (env.RUNNER_TOOL_CACHE) return join(env.RUNNER_TOOL_CACHE, "modelguard");
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "modelguard");
}
