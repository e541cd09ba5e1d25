import { readFileSync, statSync } from "node:fs";
import { ModelguardError } from "../errors.js";
import type { GitHubAppCredentials } from "./GitHubAppAuth.js";

/** How a client authenticates: a token, or a GitHub App (createGitHubClient's `token` / `app`). */
export interface GitHubAuth {
  token?: string;
  app?: GitHubAppCredentials;
}

/** Where an App's settings come from, named in messages: environment variables (CLI, Action) or monitor.yml keys. */
export interface GitHubAppSettings {
  id: string | undefined;
  /** The PEM itself. */
  privateKey?: string | undefined;
  /** A file holding the PEM. */
  privateKeyFile?: string | undefined;
  installationId?: string | number | undefined;
  /** How each setting is spelled where the user wrote it, for messages. */
  names: { id: string; privateKey: string; installationId: string };
}

/** A PEM private key is a few KB; anything larger is not one. */
const MAX_KEY_BYTES = 64 * 1024;
const PEM = /-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+-----END (?:RSA )?PRIVATE KEY-----/;
const OWNER_REPO = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

/**
 * The GitHub credentials of the CLI and the Action: a GitHub App when MODELGUARD_APP_ID is set (with
 * MODELGUARD_APP_PRIVATE_KEY, the PEM itself, or MODELGUARD_APP_PRIVATE_KEY_FILE, and optionally
 * MODELGUARD_APP_INSTALLATION_ID; without it the installation is found from `repository`), else `token` (GITHUB_TOKEN
 * or the Action's github-token), else null. The App wins over a token: setting its id is the explicit choice.
 */
export function githubAuthFromEnv(
  env: NodeJS.ProcessEnv,
  options: { token?: string | undefined; repository?: string | undefined } = {},
): GitHubAuth | null {
  if ((env.MODELGUARD_APP_ID ?? "").trim() !== "") {
    return {
      app: githubAppCredentials(
        {
          id: env.MODELGUARD_APP_ID,
          privateKey: env.MODELGUARD_APP_PRIVATE_KEY,
          privateKeyFile: env.MODELGUARD_APP_PRIVATE_KEY_FILE,
          installationId: env.MODELGUARD_APP_INSTALLATION_ID,
          names: {
            id: "MODELGUARD_APP_ID",
            privateKey: "MODELGUARD_APP_PRIVATE_KEY or MODELGUARD_APP_PRIVATE_KEY_FILE",
            installationId: "MODELGUARD_APP_INSTALLATION_ID",
          },
        },
        options.repository,
      ),
    };
  }
  const token = options.token?.trim() ?? "";
  return token === "" ? null : { token };
}

/** Checks an App's settings (wherever they were written) and reads its key: every mistake is a usage error, exit 2. */
export function githubAppCredentials(s: GitHubAppSettings, repository: string | undefined): GitHubAppCredentials {
  const id = String(s.id ?? "").trim();
  if (!/^(?:[1-9][0-9]{0,12}|Iv[0-9A-Za-z._-]{4,60})$/.test(id)) {
    throw new ModelguardError(
      "usage",
      `${s.names.id}: '${id.slice(0, 40)}' is not a GitHub App id`,
      "the App id is the number on the App's settings page (or its client id, Iv1...)",
    );
  }
  let key = s.privateKey;
  if (key === undefined || key.trim() === "") {
    if (!s.privateKeyFile) {
      throw new ModelguardError(
        "usage",
        `a GitHub App needs its private key: set ${s.names.privateKey}`,
        "the key is the .pem file generated on the App's settings page; keep it in a secret",
      );
    }
    try {
      const size = statSync(s.privateKeyFile).size;
      if (size > MAX_KEY_BYTES) throw new Error(`${size} bytes, not a private key`);
      key = readFileSync(s.privateKeyFile, "utf8");
    } catch (e) {
      throw new ModelguardError(
        "input",
        `${s.privateKeyFile}: cannot read the GitHub App's private key: ${(e as Error).message}`,
        "give the path of the .pem file GitHub generated for the App",
      );
    }
  }
  // A key passed through an environment variable often has its newlines written as \n.
  const pem = key.includes("\\n") && !key.includes("\n") ? key.replace(/\\n/g, "\n") : key;
  if (!PEM.test(pem)) {
    throw new ModelguardError(
      "usage",
      `${s.names.privateKey}: not a PEM private key (-----BEGIN RSA PRIVATE KEY----- ... -----END RSA PRIVATE KEY-----)`,
      "use the whole .pem file GitHub generated for the App, newlines included",
    );
  }
  let installationId: number | undefined;
  const rawInstallation = String(s.installationId ?? "").trim();
  if (rawInstallation !== "") {
    if (!/^[1-9][0-9]{0,15}$/.test(rawInstallation) || !Number.isSafeInteger(Number(rawInstallation))) {
      throw new ModelguardError(
        "usage",
        `${s.names.installationId}: '${rawInstallation.slice(0, 40)}' is not an installation id`,
        "the installation id is the number at the end of the App installation's settings URL; or leave it out to look it up from the repository",
      );
    }
    installationId = Number(rawInstallation);
  }
  // Without an installation id, the repository's installation is looked up when first needed (a caller that knows
  // the repository better, e.g. a registry's github:OWNER/REPO, may set it meanwhile).
  const m = OWNER_REPO.exec(repository ?? "");
  return {
    appId: id,
    privateKey: pem,
    ...(installationId !== undefined ? { installationId } : {}),
    ...(m ? { repository: { owner: m[1]!, repo: m[2]! } } : {}),
  };
}
