import { githubAppCredentials } from "../github/githubAuthFromEnv.js";
import { ActionInputError, type ActionInputs } from "./actionInputs.js";

/**
 * The `app-id`, `app-private-key` and `app-installation-id` inputs as the settings every command reads
 * (MODELGUARD_APP_ID, MODELGUARD_APP_PRIVATE_KEY, MODELGUARD_APP_INSTALLATION_ID in `env`): an input wins over a
 * variable the job set, as `github-token` does over GITHUB_TOKEN. The key goes to `mask` (core.setSecret) first, whole
 * and line by line (the runner matches a registered secret within one line of the log, so a multi-line PEM is only
 * masked by its lines), before anything can log it. Settings that cannot work are a usage error naming the input, before
 * any command runs.
 */
export function applyGitHubAppInputs(
  inputs: Pick<ActionInputs, "appId" | "appPrivateKey" | "appInstallationId">,
  env: NodeJS.ProcessEnv,
  mask: (secret: string) => void,
): void {
  const { appId, appPrivateKey, appInstallationId } = inputs;
  if (appPrivateKey !== "") {
    mask(appPrivateKey);
    // A key pasted into a secret with its newlines written as \n is read that way too (githubAppCredentials).
    for (const line of appPrivateKey.replace(/\\n/g, "\n").split(/\r?\n/)) {
      const l = line.trim();
      if (l !== "" && !/^-----(BEGIN|END) /.test(l)) mask(l);
    }
  }
  if (appId === "" && appPrivateKey === "" && appInstallationId === "") return;
  if (appId !== "") env.MODELGUARD_APP_ID = appId;
  if (appPrivateKey !== "") {
    env.MODELGUARD_APP_PRIVATE_KEY = appPrivateKey;
    // The input's key, not a key file the job pointed at.
    delete env.MODELGUARD_APP_PRIVATE_KEY_FILE;
  }
  if (appInstallationId !== "") env.MODELGUARD_APP_INSTALLATION_ID = appInstallationId;
  if ((env.MODELGUARD_APP_ID ?? "").trim() === "") {
    throw new ActionInputError(
      `'${appPrivateKey !== "" ? "app-private-key" : "app-installation-id"}' is set but 'app-id' is not: a GitHub App needs its id too`,
    );
  }
  // Checked now, with the names the workflow used, rather than by the first command that needs GitHub.
  githubAppCredentials(
    {
      id: env.MODELGUARD_APP_ID,
      privateKey: env.MODELGUARD_APP_PRIVATE_KEY,
      privateKeyFile: env.MODELGUARD_APP_PRIVATE_KEY_FILE,
      installationId: env.MODELGUARD_APP_INSTALLATION_ID,
      names: {
        id: appId !== "" ? "app-id" : "MODELGUARD_APP_ID",
        privateKey:
          appPrivateKey !== "" ? "app-private-key" : "MODELGUARD_APP_PRIVATE_KEY or MODELGUARD_APP_PRIVATE_KEY_FILE",
        installationId: appInstallationId !== "" ? "app-installation-id" : "MODELGUARD_APP_INSTALLATION_ID",
      },
    },
    env.GITHUB_REPOSITORY,
  );
}
