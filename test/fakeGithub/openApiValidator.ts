/**
 * Checks HTTP requests (and the fake's own responses) against GitHub's published OpenAPI description, the one
 * `@octokit/openapi` ships as `generated/api.github.com.json` (OpenAPI 3.0.3).
 *
 * The description is read once per process (13 MB of JSON, about a quarter of a second) and its schemas are turned
 * into JSON Schema 2020-12 for Ajv: `nullable: true` becomes a `null` type (or an `anyOf` with `{type: "null"}` when
 * there is no `type`), `null` is added to a nullable `enum`, `$ref`s point into one shared `$defs` document, and
 * OpenAPI-only keywords (`example`, `discriminator`, `x-*`, ...) are dropped. Validators are compiled lazily, per
 * operation and per status, so a test file pays only for the operations it uses.
 *
 * Checked: the method + path match an operation (the most literal template wins, as `/issues/comments` beats
 * `/issues/{issue_number}`); each path parameter is declared and its value (as text, or the number / boolean it
 * spells) matches its schema; each query parameter is declared, not repeated unless an array, and matches its schema
 * (enums, integer, `date-time`); required query parameters are present; a JSON body is present when required, absent
 * when the operation takes none, sent as application/json, parses, and matches the requestBody schema (stricter than
 * GitHub: unknown top-level fields are refused, since GitHub would silently ignore a misspelt one). Responses: a 2xx
 * must be a documented status and match its schema; an error status is checked only when documented.
 * Not checked: header and path-level parameters, path parameters containing `/` (e.g. contents paths), formats with
 * no check here (`uri-template`, `int64`, ...), unknown fields below the top level of a body, semantic limits that
 * are prose in the description (body length, payload bytes: the fake's handlers enforce those it implements), and
 * response headers such as `Link`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonObject;
}

interface Operation {
  operationId: string;
  parameters?: JsonObject[];
  requestBody?: JsonObject;
  responses?: JsonObject;
}

interface PathEntry {
  template: string;
  segments: string[];
  /** Number of literal (non-`{param}`) segments: the most literal template wins, as in GitHub's own router. */
  literals: number;
  methods: Map<string, Operation>;
}

/** The operation a request was matched to, with its decoded path parameters. */
export interface MatchedOperation {
  operationId: string;
  method: string;
  template: string;
  pathParams: Record<string, string>;
}

export interface RequestToCheck {
  method: string;
  /** The path after the API prefix, e.g. `/repos/o/r/issues` (no query string). */
  pathname: string;
  query: URLSearchParams;
  contentType: string | undefined;
  /** The raw request body ("" when there is none). */
  rawBody: string;
}

export interface RequestCheck {
  operation: MatchedOperation | null;
  /** Parsed JSON body (undefined when there was none or it did not parse). */
  body: unknown;
  /** Typed query values after coercion (e.g. `per_page` as a number). */
  query: Record<string, unknown>;
  problems: string[];
}

const SPEC_MODULE = "@octokit/openapi/generated/api.github.com.json";
const DEFS_ID = "https://fake-github.test/openapi-defs.json";
const SCHEMA_REF = "#/components/schemas/";
/** OpenAPI 3.0 keywords that are not JSON Schema and carry no validation. */
const DROPPED = new Set(["nullable", "example", "discriminator", "xml", "externalDocs", "deprecated"]);

let shared: OpenApiValidator | undefined;

/** The process-wide validator (the description is parsed on first use). */
export function openApiValidator(): OpenApiValidator {
  shared ??= new OpenApiValidator(
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve(SPEC_MODULE), "utf8")),
  );
  return shared;
}

export class OpenApiValidator {
  private readonly paths: PathEntry[] = [];
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction | null>();
  private readonly components: JsonObject;

  constructor(spec: JsonObject) {
    this.components = (spec.components ?? {}) as JsonObject;
    for (const [template, item] of Object.entries((spec.paths ?? {}) as JsonObject)) {
      const segments = template.split("/").slice(1);
      const methods = new Map<string, Operation>();
      for (const [method, op] of Object.entries(item as JsonObject)) {
        if (method === "parameters" || method === "summary" || method === "description") continue;
        methods.set(method.toUpperCase(), op as unknown as Operation);
      }
      this.paths.push({ template, segments, literals: segments.filter((s) => !isParam(s)).length, methods });
    }
    this.paths.sort((a, b) => b.literals - a.literals);

    const defs: JsonObject = {};
    for (const [name, schema] of Object.entries((this.components.schemas ?? {}) as JsonObject)) {
      defs[name] = toJsonSchema(schema);
    }
    this.ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DEFS_ID, $defs: defs });
  }

  /** The operation for a method and path; `null` with `pathKnown` when the path exists for other methods only. */
  match(method: string, pathname: string): { operation: MatchedOperation | null; pathKnown: boolean } {
    const parts = pathname.split("/").slice(1);
    let pathKnown = false;
    for (const entry of this.paths) {
      if (entry.segments.length !== parts.length) continue;
      const pathParams: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = entry.segments[i] as string;
        const part = parts[i] as string;
        if (isParam(seg)) {
          if (part === "") ok = false;
          else pathParams[seg.slice(1, -1)] = safeDecode(part);
        } else if (seg !== part) ok = false;
      }
      if (!ok) continue;
      pathKnown = true;
      const op = entry.methods.get(method.toUpperCase());
      if (op) {
        return {
          operation: {
            operationId: op.operationId,
            method: method.toUpperCase(),
            template: entry.template,
            pathParams,
          },
          pathKnown,
        };
      }
    }
    return { operation: null, pathKnown };
  }

  /** Checks method + path, path and query parameters, and the JSON body against the description. */
  checkRequest(req: RequestToCheck): RequestCheck {
    const problems: string[] = [];
    const { operation, pathKnown } = this.match(req.method, req.pathname);
    const result: RequestCheck = { operation, body: undefined, query: {}, problems };
    if (!operation) {
      problems.push(
        pathKnown
          ? `${req.method} is not an operation of ${req.pathname} in GitHub's REST API description`
          : `no operation in GitHub's REST API description matches ${req.method} ${req.pathname}`,
      );
      return result;
    }
    const op = this.operation(operation);
    const params = (op.parameters ?? []).map((p) => this.resolve(p) as unknown as Parameter);

    for (const [name, value] of Object.entries(operation.pathParams)) {
      const declared = params.find((p) => p.in === "path" && p.name === name);
      if (!declared) problems.push(`path parameter '${name}' is not declared for ${operation.operationId}`);
      else problems.push(...this.checkParameter(operation, declared, value));
    }

    const seen = new Set<string>();
    for (const [name, value] of req.query) {
      const declared = params.find((p) => p.in === "query" && p.name === name);
      if (!declared) {
        problems.push(`query parameter '${name}' is not declared for ${operation.operationId}`);
        continue;
      }
      if (seen.has(name) && declared.schema?.type !== "array") {
        problems.push(`query parameter '${name}' is repeated`);
        continue;
      }
      seen.add(name);
      const typed = declared.schema?.type === "array" ? req.query.getAll(name) : value;
      const holder = { value: typed as unknown };
      problems.push(...this.checkParameter(operation, declared, holder.value, holder));
      result.query[name] = holder.value;
    }
    for (const p of params) {
      if (p.in === "query" && p.required && !req.query.has(p.name)) {
        problems.push(`required query parameter '${p.name}' is missing`);
      }
    }

    const requestBody = op.requestBody ? (this.resolve(op.requestBody) as JsonObject) : undefined;
    const hasBody = req.rawBody.trim() !== "";
    if (!requestBody) {
      if (hasBody) problems.push(`${operation.operationId} takes no request body`);
      return result;
    }
    if (!hasBody) {
      if (requestBody.required === true) problems.push(`${operation.operationId} requires a JSON request body`);
      return result;
    }
    const content = (requestBody.content ?? {}) as JsonObject;
    if (!content["application/json"]) {
      // A binary body (a release asset upload): only its media type can be checked.
      const mediaType = (req.contentType ?? "").split(";")[0]!.trim().toLowerCase();
      if (!content[mediaType] && !content["*/*"]) {
        problems.push(`${operation.operationId} takes ${Object.keys(content).join(" or ")}, got '${mediaType}'`);
      }
      return result;
    }
    if (!/^application\/json\b/i.test(req.contentType ?? "")) {
      problems.push(`content-type must be application/json, got '${req.contentType ?? "(none)"}'`);
    }
    try {
      result.body = JSON.parse(req.rawBody);
    } catch (e) {
      problems.push(`request body is not valid JSON: ${(e as Error).message}`);
      return result;
    }
    const validate = this.compiled(`body ${operation.method} ${operation.template}`, () => {
      const schema = toJsonSchema(((content["application/json"] as JsonObject).schema ?? {}) as Json) as JsonObject;
      // Stricter than GitHub, which ignores unknown top-level fields: a misspelt field is a client bug we want to see.
      if (schema.type === "object" && schema.properties && schema.additionalProperties === undefined) {
        schema.additionalProperties = false;
      }
      return schema;
    });
    if (validate && !validate(result.body)) {
      problems.push(...describe("body", validate.errors));
    }
    return result;
  }

  /** Checks a response the fake is about to send: a 2xx must be documented and match its schema. */
  checkResponse(operation: MatchedOperation, status: number, body: unknown): string[] {
    const op = this.operation(operation);
    const responses = (op.responses ?? {}) as JsonObject;
    const declared = responses[String(status)];
    if (!declared) {
      return status >= 200 && status < 300
        ? [`status ${status} is not a documented response of ${operation.operationId}`]
        : [];
    }
    const response = this.resolve(declared as JsonObject) as JsonObject;
    const schema = ((response.content as JsonObject | undefined)?.["application/json"] as JsonObject | undefined)
      ?.schema;
    if (!schema) {
      return body === undefined ? [] : [`${operation.operationId} ${status} has no body in the description`];
    }
    const validate = this.compiled(`response ${status} ${operation.method} ${operation.template}`, () => {
      const converted = toJsonSchema(schema) as JsonObject;
      // Some error responses (409 of the contents API) are a oneOf of basic-error and repository-rule-violation-error,
      // whose fields are all optional: every error body matches both, so for errors the description means anyOf.
      if (status >= 400 && Array.isArray(converted.oneOf)) {
        converted.anyOf = converted.oneOf;
        delete converted.oneOf;
      }
      return converted;
    });
    if (validate && !validate(body)) return describe(`response ${status}`, validate.errors);
    return [];
  }

  /**
   * A parameter arrives as text; it conforms when the text itself, or the number / boolean it spells, matches the
   * declared schema (so `oneOf: [integer, string]` takes both "123" and "ci.yml"). The typed value is kept.
   */
  private checkParameter(
    operation: MatchedOperation,
    p: Parameter,
    value: unknown,
    holder: { value: unknown } = { value },
  ): string[] {
    if (!p.schema) return [];
    const validate = this.compiled(`param ${p.in} ${p.name} ${operation.method} ${operation.template}`, () =>
      toJsonSchema(p.schema as Json),
    );
    if (!validate) return [];
    const candidates: unknown[] = [value];
    if (typeof value === "string") {
      if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value)) candidates.push(Number(value));
      if (value === "true" || value === "false") candidates.push(value === "true");
    }
    for (const c of candidates) {
      if (validate(c)) {
        holder.value = c;
        return [];
      }
    }
    validate(candidates[candidates.length - 1]);
    return describe(`${p.in} parameter '${p.name}' (${JSON.stringify(value)})`, validate.errors);
  }

  private operation(m: MatchedOperation): Operation {
    const entry = this.paths.find((e) => e.template === m.template);
    return entry?.methods.get(m.method) as Operation;
  }

  /** Follows a `#/components/...` reference (parameters, responses, request bodies). */
  private resolve(obj: JsonObject): JsonObject {
    let cur: JsonObject = obj;
    for (let i = 0; i < 10 && typeof cur.$ref === "string"; i++) {
      const parts = cur.$ref.replace(/^#\//, "").split("/");
      let target: Json = { components: this.components };
      for (const part of parts) target = (target as JsonObject)[part.replace(/~1/g, "/").replace(/~0/g, "~")] ?? null;
      if (!target || typeof target !== "object") throw new Error(`unresolvable $ref ${cur.$ref}`);
      cur = target as JsonObject;
    }
    return cur;
  }

  private compiled(key: string, schema: () => Json): ValidateFunction | null {
    if (!this.cache.has(key)) this.cache.set(key, this.ajv.compile(schema() as JsonObject));
    return this.cache.get(key) ?? null;
  }
}

/** OpenAPI 3.0 schema object -> JSON Schema 2020-12 (see the module comment). Exported for its own tests. */
export function toJsonSchema(s: Json): Json {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (s === null || typeof s !== "object") return s;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(s)) {
    if (DROPPED.has(k) || k.startsWith("x-")) continue;
    if (k === "$ref" && typeof v === "string") {
      out.$ref = v.startsWith(SCHEMA_REF) ? `${DEFS_ID}#/$defs/${v.slice(SCHEMA_REF.length)}` : v;
    } else if (k === "properties" || k === "patternProperties" || k === "$defs") {
      out[k] = Object.fromEntries(Object.entries(v as JsonObject).map(([p, ps]) => [p, toJsonSchema(ps)]));
    } else if (["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf", "prefixItems"].includes(k)) {
      out[k] = toJsonSchema(v);
    } else {
      out[k] = v;
    }
  }
  if (s.nullable === true) {
    if (typeof out.type === "string") {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    } else if (out.type === undefined) {
      return { anyOf: [{ type: "null" }, out] };
    }
  }
  return out;
}

function addFormats(ajv: Ajv2020): void {
  const dateTime = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/;
  ajv.addFormat("date-time", { type: "string", validate: (v: string) => dateTime.test(v) && !isNaN(Date.parse(v)) });
  ajv.addFormat("date", { type: "string", validate: /^\d{4}-\d{2}-\d{2}$/ });
  ajv.addFormat("uri", {
    type: "string",
    validate: (v: string) => {
      try {
        new URL(v);
        return true;
      } catch {
        return false;
      }
    },
  });
  ajv.addFormat("email", { type: "string", validate: /^[^\s@]+@[^\s@]+$/ });
  // Formats that carry no check we need (or none JSON Schema can express): accepted as they are.
  for (const f of ["uri-template", "int64", "int32", "repo.nwo", "binary", "byte", "password", "uuid", "hostname"]) {
    ajv.addFormat(f, true);
  }
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  // With allErrors, a failed oneOf/anyOf reports every branch; keep the messages short and unique.
  const out = new Set<string>();
  for (const e of errors ?? []) {
    const path = e.instancePath;
    let msg = e.message ?? "is invalid";
    if (e.keyword === "additionalProperties") msg = `has unknown property '${String(e.params.additionalProperty)}'`;
    if (e.keyword === "required") msg = `is missing required property '${String(e.params.missingProperty)}'`;
    if (e.keyword === "enum") msg = `must be one of ${JSON.stringify(e.params.allowedValues)}`;
    out.add(`${where}${path ? ` at ${path}` : ""} ${msg}`);
  }
  return [...out];
}

function isParam(seg: string): boolean {
  return seg.startsWith("{") && seg.endsWith("}");
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
