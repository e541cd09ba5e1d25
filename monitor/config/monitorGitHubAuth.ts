import { githubAppCredentials, type GitHubAuth } from "../../src/github/githubAuthFromEnv.js";
import type { MonitorConfig } from "./monitorConfig.js";

/**
 * How the monitor authenticates to GitHub: the App of `github.app` (its key from `private_key_file`, or from the
 * environment variable `private_key_env` names; the installation from `installation_id`, else looked up from the
 * repository), else GITHUB_TOKEN, else null (a dry run). Used by the alert sender and the registry reference alike.
 */
export function monitorGitHubAuth(config: MonitorConfig, env: NodeJS.ProcessEnv): GitHubAuth | null {
  const app = config.github.app;
  if (app) {
    const keyEnv = app.privateKeyEnv;
    return {
      app: githubAppCredentials(
        {
          id: app.id,
          privateKey: keyEnv !== null ? (env[keyEnv] ?? "") : undefined,
          privateKeyFile: app.privateKeyFile ?? undefined,
          installationId: app.installationId ?? undefined,
          names: {
            id: `${config.file}: github.app.id`,
            privateKey:
              keyEnv !== null
                ? `${config.file}: github.app.private_key_env (the variable ${keyEnv})`
                : `${config.file}: github.app.private_key_file`,
            installationId: `${config.file}: github.app.installation_id`,
          },
        },
        config.github.repository ?? env.GITHUB_REPOSITORY,
      ),
    };
  }
  const token = env.GITHUB_TOKEN?.trim() ?? "";
  return token === "" ? null : { token };
}
