import { test } from "node:test";
import assert from "node:assert/strict";
import { authorizedBy, ingestAuthFromEnv, isLoopback } from "../../monitor/ingest/ingestAuth.js";
import { ModelguardError } from "../../src/errors.js";

function config(host: string, allowAnonymous = false) {
  return { host, ingest: { tokenEnv: "TOKEN", maxBodyBytes: 1024, allowAnonymous } };
}

function warnings() {
  const seen: string[] = [];
  return { seen, log: { warn: (_o: object, m: string) => void seen.push(m) } };
}

test("ingestAuthFromEnv: the token without surrounding whitespace; blank is an error; nothing logs the token", () => {
  const { seen, log } = warnings();
  const auth = ingestAuthFromEnv(config("0.0.0.0"), { TOKEN: "\tabc123\r\n" }, log);
  assert.ok(auth);
  assert.ok(authorizedBy("Bearer abc123", auth));
  assert.ok(authorizedBy("bearer   abc123  ", auth));
  assert.ok(!authorizedBy("Bearer abc1234", auth));
  assert.ok(!authorizedBy("abc123", auth), "the Bearer scheme is required");
  assert.ok(!authorizedBy(undefined, auth));
  assert.deepEqual(seen, [], "a token: no warning");
  for (const blank of ["", "   ", "\n"]) {
    assert.throws(
      () => ingestAuthFromEnv(config("127.0.0.1"), { TOKEN: blank }, log),
      (e: unknown) => e instanceof ModelguardError && e.code === "config" && /TOKEN is set but empty/.test(e.message),
    );
  }
});

test("ingestAuthFromEnv: unset is anonymous with a warning on loopback, refused elsewhere unless allowed", () => {
  for (const host of ["127.0.0.1", "127.1.2.3", "localhost"]) {
    const { seen, log } = warnings();
    assert.equal(ingestAuthFromEnv(config(host), {}, log), null);
    assert.equal(seen.length, 1, host);
    assert.match(seen[0]!, /TOKEN is unset: POST \/v1\/events accepts events without a token/);
  }
  for (const host of ["0.0.0.0", "10.0.0.5", "monitor.internal", "128.0.0.1"]) {
    assert.throws(
      () => ingestAuthFromEnv(config(host), {}, warnings().log),
      (e: unknown) =>
        e instanceof ModelguardError && e.message.includes(host) && /ingest\.allow_anonymous: true/.test(e.hint ?? ""),
      host,
    );
    const { seen, log } = warnings();
    assert.equal(ingestAuthFromEnv(config(host, true), {}, log), null, `${host} with allow_anonymous`);
    assert.equal(seen.length, 1, "still warned");
  }
});

test("isLoopback: 127.0.0.0/8, ::1 and localhost only", () => {
  for (const h of ["127.0.0.1", "127.255.0.9", "localhost", "LOCALHOST", "a.localhost", "::1", "[::1]"]) {
    assert.ok(isLoopback(h), h);
  }
  for (const h of ["0.0.0.0", "::", "192.168.1.1", "127.0.0.1.example.com", "localhost.example.com", "1.127.0.0"]) {
    assert.ok(!isLoopback(h), h);
  }
});
