/**
 * The fake GitHub itself: its OpenAPI check must bite (a client bug cannot pass silently), its paging must look like
 * GitHub's, and its own responses must match the published schemas.
 */
import { after, before, beforeEach, test } from "node:test";
import assert from "node:assert/strict";
import { startFakeGitHub, type FakeGitHub } from "../fakeGithub/startFakeGitHub.js";
import { openApiValidator, toJsonSchema } from "../fakeGithub/openApiValidator.js";

const TOKEN = "ghs_FakeServerTestToken0000000000000000000";
let fake: FakeGitHub;
let pr: number;

before(async () => {
  fake = await startFakeGitHub({ token: TOKEN, repositories: ["acme/models"] });
  pr = fake.state.addPullRequest("acme/models").number;
});
after(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.violations.length = 0;
  fake.requests.length = 0;
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { authorization: `token ${TOKEN}` },
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(fake.url + path, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** Asserts the request was refused with a 400 and recorded as a violation mentioning `pattern`. */
async function assertRejected(p: Promise<{ status: number; json: unknown }>, pattern: RegExp): Promise<void> {
  const r = await p;
  assert.equal(r.status, 400, JSON.stringify(r.json));
  const problems = (r.json as { problems: string[] }).problems;
  assert.ok(
    problems.some((x) => pattern.test(x)),
    `expected ${pattern} in ${JSON.stringify(problems)}`,
  );
  assert.equal(fake.violations.length, 1);
  assert.ok(fake.violations[0]?.problems.some((x) => pattern.test(x)));
  assert.equal(fake.violations[0]?.kind, "request");
  assert.equal(fake.state.commentsOf("acme/models", pr).length, 0, "nothing was written");
  fake.violations.length = 0;
}

test("a conforming request passes and is recorded without violations", async () => {
  const r = await call("POST", `/repos/acme/models/issues/${pr}/comments`, { body: "hello" });
  assert.equal(r.status, 201);
  assert.deepEqual(fake.violations, []);
  assert.equal(fake.requests[0]?.operationId, "issues/create-comment");
  fake.state.comments.length = 0;
});

test("a body missing a required field, with an unknown field, or of the wrong type is refused", async () => {
  const path = `/repos/acme/models/issues/${pr}/comments`;
  await assertRejected(call("POST", path, {}), /missing required property 'body'/);
  await assertRejected(call("POST", path, { body: "x", bdy: "typo" }), /unknown property 'bdy'/);
  await assertRejected(call("POST", path, { body: 42 }), /body at \/body must be string/);
  await assertRejected(call("POST", path, "{not json"), /not valid JSON/);
  await assertRejected(call("POST", path), /requires a JSON request body/);
  await assertRejected(
    call("POST", "/repos/acme/models/dispatches", {
      event_type: "x",
      client_payload: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, i])),
    }),
    /client_payload must NOT have more than 10 properties/,
  );
  await assertRejected(
    call("PATCH", "/repos/acme/models/issues/1", { state: "shut" }),
    /state must be one of \["open","closed"\]/,
  );
});

test("a wrong path, a wrong method and a bad path parameter are refused", async () => {
  await assertRejected(call("GET", `/repos/acme/models/issue/${pr}/comments`), /no operation .* matches GET/);
  await assertRejected(
    call("PUT", `/repos/acme/models/issues/${pr}/comments`, { body: "x" }),
    /PUT is not an operation/,
  );
  await assertRejected(call("GET", "/repos/acme/models/issues/abc/comments"), /issue_number.*must be integer/);
  await assertRejected(
    call("PATCH", "/repos/acme/models/issues/comments", { body: "x" }),
    /issue_number' \("comments"\) must be integer/,
  );
  await assertRejected(call("GET", "/repos/acme/models/"), /no operation/);
});

test("undeclared, mistyped and repeated query parameters are refused", async () => {
  const path = `/repos/acme/models/issues/${pr}/comments`;
  await assertRejected(call("GET", `${path}?perpage=100`), /query parameter 'perpage' is not declared/);
  await assertRejected(call("GET", `${path}?per_page=lots`), /per_page.*must be integer/);
  await assertRejected(call("GET", `${path}?page=1&page=2`), /'page' is repeated/);
  await assertRejected(call("GET", "/repos/acme/models/issues?state=opened"), /state.*must be one of/);
  await assertRejected(call("GET", `${path}?since=yesterday`), /since.*must match format "date-time"/);
});

test("a missing Authorization header is a violation; a wrong token is GitHub's 401", async () => {
  await assertRejected(call("GET", "/repos/acme/models", undefined, {}), /Authorization header is missing/);
  const wrong = await call("GET", "/repos/acme/models", undefined, { authorization: "token ghs_nottheone" });
  assert.equal(wrong.status, 401);
  assert.equal((wrong.json as { message: string }).message, "Bad credentials");
  assert.deepEqual(fake.violations, []);
  const bearer = await call("GET", "/repos/acme/models", undefined, { authorization: `Bearer ${TOKEN}` });
  assert.equal(bearer.status, 200);
});

test("semantic limits from the description's prose are enforced by the handlers (GitHub's 422)", async () => {
  const big = await call("POST", "/repos/acme/models/dispatches", {
    event_type: "e",
    client_payload: { data: "d".repeat(70_000) },
  });
  assert.equal(big.status, 422);
  assert.match((big.json as { message: string }).message, /less than 64KB/);
  const blank = await call("POST", `/repos/acme/models/issues/${pr}/comments`, { body: "  " });
  assert.equal(blank.status, 422);
  assert.deepEqual(fake.violations, []);
  assert.deepEqual(fake.state.repositoryDispatches, []);
});

test("an operation the fake does not implement answers 404 and is listed, but is not a violation", async () => {
  const r = await call("GET", "/repos/acme/models/pulls");
  assert.equal(r.status, 404);
  assert.deepEqual(fake.violations, []);
  assert.ok(fake.unhandled.some((u) => u.includes("pulls/list")));
});

test("lists page like GitHub: per_page up to 100, Link with next/last/prev/first", async () => {
  const issue = fake.state.addIssue("acme/models", { title: "paged" }).number;
  for (let i = 0; i < 45; i++) fake.state.addComment("acme/models", issue, { body: `c${i}`, user: "octocat" });
  const path = `/repos/acme/models/issues/${issue}/comments`;
  const first = await call("GET", `${path}?per_page=20`);
  assert.equal((first.json as unknown[]).length, 20);
  assert.equal(
    first.headers.get("link"),
    `<${fake.url}${path}?per_page=20&page=2>; rel="next", <${fake.url}${path}?per_page=20&page=3>; rel="last"`,
  );
  const middle = await call("GET", `${path}?per_page=20&page=2`);
  assert.match(
    middle.headers.get("link") ?? "",
    /page=1>; rel="prev".*page=3>; rel="next".*page=3>; rel="last".*page=1>; rel="first"/,
  );
  const last = await call("GET", `${path}?per_page=20&page=3`);
  assert.deepEqual(
    (last.json as { body: string }[]).map((c) => c.body),
    ["c40", "c41", "c42", "c43", "c44"],
  );
  assert.doesNotMatch(last.headers.get("link") ?? "", /rel="next"/);
  const defaults = await call("GET", path);
  assert.equal((defaults.json as unknown[]).length, 30, "GitHub's default page size");
  const capped = await call("GET", `${path}?per_page=500`);
  assert.equal((capped.json as unknown[]).length, 45);
  assert.equal(capped.headers.get("link"), null);
  assert.deepEqual(fake.violations, []);
});

test("the issues list includes pull requests with a pull_request key, as GitHub's does", async () => {
  const r = await call("GET", "/repos/acme/models/issues?state=all&per_page=100");
  const items = r.json as { number: number; pull_request?: { url: string } }[];
  const prItem = items.find((i) => i.number === pr);
  assert.ok(prItem?.pull_request, "the PR is listed with its pull_request key");
  assert.match(prItem.pull_request.url, /\/repos\/acme\/models\/pulls\/\d+$/);
  assert.deepEqual(fake.violations, []);
});

test("faults answer the given status a given number of times, then requests go through", async () => {
  const f = fake.injectFault({ method: "GET", path: /^\/repos\/acme\/models$/, status: 502, times: 2 });
  assert.equal((await call("GET", "/repos/acme/models")).status, 502);
  assert.equal((await call("GET", "/repos/acme/models/issues")).status, 200, "other paths are not affected");
  assert.equal((await call("GET", "/repos/acme/models")).status, 502);
  assert.equal((await call("GET", "/repos/acme/models")).status, 200);
  assert.equal(f.hits, 2);
  const secondary = fake.injectFault({ status: 429 });
  const r = await call("GET", "/repos/acme/models");
  assert.equal(r.status, 429);
  assert.equal(r.headers.get("retry-after"), "1");
  assert.match((r.json as { message: string }).message, /secondary rate limit/);
  assert.equal(secondary.hits, 1);
  // A non-conforming request is refused before any fault is consumed.
  const unused = fake.injectFault({ status: 500 });
  await assertRejected(call("GET", "/repos/acme/models/nope/nope/nope"), /no operation/);
  assert.equal(unused.hits, 0);
});

test("response checking bites: a response missing required fields is reported", () => {
  const v = openApiValidator();
  const op = v.match("POST", "/repos/o/r/issues/1/comments").operation;
  assert.ok(op);
  const problems = v.checkResponse(op, 201, { id: 1, body: "x" });
  assert.ok(
    problems.some((p) => /missing required property 'html_url'/.test(p)),
    problems.join("\n"),
  );
  assert.deepEqual(v.checkResponse(op, 299, {}), ["status 299 is not a documented response of issues/create-comment"]);
});

test("OpenAPI 3.0 nullable becomes JSON Schema null types", () => {
  assert.deepEqual(toJsonSchema({ type: "string", nullable: true, example: "x" }), { type: ["string", "null"] });
  assert.deepEqual(toJsonSchema({ type: "string", enum: ["a"], nullable: true }), {
    type: ["string", "null"],
    enum: ["a", null],
  });
  assert.deepEqual(toJsonSchema({ oneOf: [{ type: "string" }, { type: "integer" }], nullable: true }), {
    anyOf: [{ type: "null" }, { oneOf: [{ type: "string" }, { type: "integer" }] }],
  });
  assert.deepEqual(toJsonSchema({ $ref: "#/components/schemas/simple-user" }), {
    $ref: "https://fake-github.test/openapi-defs.json#/$defs/simple-user",
  });
  // A property that happens to be called "nullable" is a property, not the keyword.
  assert.deepEqual(toJsonSchema({ type: "object", properties: { nullable: { type: "boolean" } } }), {
    type: "object",
    properties: { nullable: { type: "boolean" } },
  });
});

test("GET /user: an installation token (GITHUB_TOKEN) gets GitHub's 403, a user token its account, both checked", async () => {
  const bot = await call("GET", "/user");
  assert.equal(bot.status, 403);
  assert.equal((bot.json as { message: string }).message, "Resource not accessible by integration");
  assert.equal(fake.requests[0]?.operationId, "users/get-authenticated");
  assert.deepEqual(fake.violations, []);

  const userFake = await startFakeGitHub({ token: TOKEN, actor: "ml-bot", repositories: ["acme/models"] });
  try {
    const res = await fetch(`${userFake.url}/user`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    const me = (await res.json()) as { login: string; type: string; user_view_type: string };
    assert.deepEqual([me.login, me.type, me.user_view_type], ["ml-bot", "User", "private"]);
    // What the token writes is authored by its actor, with a realistic user object.
    const n = userFake.state.addPullRequest("acme/models").number;
    const created = await fetch(`${userFake.url}/repos/acme/models/issues/${n}/comments`, {
      method: "POST",
      headers: { authorization: `token ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ body: "hi" }),
    });
    const c = (await created.json()) as { user: { login: string; type: string; id: number } };
    assert.deepEqual([c.user.login, c.user.type], ["ml-bot", "User"]);
    assert.deepEqual(userFake.violations, [], JSON.stringify(userFake.violations));
  } finally {
    await userFake.close();
  }
  const appFake = await startFakeGitHub({ token: TOKEN, actor: "acme-ml[bot]" });
  try {
    const res = await fetch(`${appFake.url}/user`, { headers: { authorization: `token ${TOKEN}` } });
    assert.equal(res.status, 403, "a GitHub App installation token cannot read /user either");
    assert.deepEqual(appFake.violations, []);
  } finally {
    await appFake.close();
  }
});

test("comments and issues carry their author as GitHub's simple-user, with login and type", async () => {
  const issue = fake.state.addIssue("acme/models", { title: "by a stranger", user: "mallory" });
  fake.state.addComment("acme/models", issue.number, { body: "x", user: "mallory" });
  fake.state.addComment("acme/models", issue.number, { body: "y" });
  const comments = await call("GET", `/repos/acme/models/issues/${issue.number}/comments`);
  assert.deepEqual(
    (comments.json as { user: { login: string; type: string } }[]).map((c) => [c.user.login, c.user.type]),
    [
      ["mallory", "User"],
      ["github-actions[bot]", "Bot"],
    ],
  );
  const got = await call("GET", `/repos/acme/models/issues/${issue.number}`);
  assert.deepEqual((got.json as { user: { login: string; type: string } }).user.login, "mallory");
  assert.deepEqual(fake.violations, []);
});
