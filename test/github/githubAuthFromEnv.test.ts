// How the CLI and the Action choose their GitHub credentials, and every mistake in an App's settings as a usage error
// (exit 2) naming the setting, before anything is sent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ModelguardError } from "../../src/errors.js";
import { githubAuthFromEnv } from "../../src/github/githubAuthFromEnv.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 1024,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

test("a token alone, an App (which wins over a token), or nothing", () => {
  assert.deepEqual(githubAuthFromEnv({}, { token: " ghs_x " }), { token: "ghs_x" });
  assert.equal(githubAuthFromEnv({}, { token: "" }), null);
  const app = githubAuthFromEnv(
    { MODELGUARD_APP_ID: "123", MODELGUARD_APP_PRIVATE_KEY: privateKey, MODELGUARD_APP_INSTALLATION_ID: "45" },
    { token: "ghs_x", repository: "acme/models" },
  );
  assert.deepEqual(app, {
    app: { appId: "123", privateKey, installationId: 45, repository: { owner: "acme", repo: "models" } },
  });
  // A PEM squeezed onto one line with literal \n (a .env file) is restored.
  const oneLine = githubAuthFromEnv(
    { MODELGUARD_APP_ID: "Iv1.abcdef0123", MODELGUARD_APP_PRIVATE_KEY: privateKey.replace(/\n/g, "\\n") },
    {},
  );
  assert.equal(oneLine?.app?.privateKey, privateKey);
  assert.equal(oneLine?.app?.installationId, undefined);
});

test("an App's settings that cannot work are usage errors naming the setting", () => {
  const dir = mkdtempSync(join(tmpdir(), "mg-app-env-"));
  try {
    const refuse = (env: NodeJS.ProcessEnv, re: RegExp) =>
      assert.throws(
        () => githubAuthFromEnv(env, { repository: "acme/models" }),
        (e: unknown) => e instanceof ModelguardError && e.exitCode === 2 && re.test(e.message),
      );
    refuse({ MODELGUARD_APP_ID: "12ab", MODELGUARD_APP_PRIVATE_KEY: privateKey }, /MODELGUARD_APP_ID: '12ab' is not/);
    refuse({ MODELGUARD_APP_ID: "12" }, /needs its private key: set MODELGUARD_APP_PRIVATE_KEY or/);
    refuse(
      { MODELGUARD_APP_ID: "12", MODELGUARD_APP_PRIVATE_KEY_FILE: join(dir, "missing.pem") },
      /missing\.pem: cannot read the GitHub App's private key/,
    );
    const notPem = join(dir, "key.txt");
    writeFileSync(notPem, "ssh-rsa AAAA...");
    refuse({ MODELGUARD_APP_ID: "12", MODELGUARD_APP_PRIVATE_KEY_FILE: notPem }, /not a PEM private key/);
    refuse(
      { MODELGUARD_APP_ID: "12", MODELGUARD_APP_PRIVATE_KEY: privateKey, MODELGUARD_APP_INSTALLATION_ID: "-3" },
      /MODELGUARD_APP_INSTALLATION_ID: '-3' is not an installation id/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
