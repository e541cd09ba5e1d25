// Kubernetes manifests checked offline against Kubernetes' API model (the OpenAPI-generated models of
// @kubernetes/client-node) plus the API server's validation rules the monitor's manifests touch. Used by
// test/monitor/monitorDeploy.test.ts (the sidecar) and test/monitor/monitorDeployFleet.test.ts (the fleet).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseAllDocuments } from "yaml";

// Parsed Kubernetes objects are walked freely here; a wrong path fails the assertions that use it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Manifest = Record<string, any>;

// The manifest against Kubernetes' API model, offline. @kubernetes/client-node's models are generated from the
// Kubernetes OpenAPI spec (release-1.34 for 1.4.0, the last major that supports Node 20): for each type an
// `attributeTypeMap` (JSON name and type of every field) and, in its .d.ts, which fields the spec marks required (no
// `?`). The models are loaded file by file: the package's index pulls in its whole HTTP client.

interface ModelAttribute {
  name: string;
  baseName: string;
  type: string;
  format: string;
}

interface Model {
  attributes: Map<string, ModelAttribute>;
  required: string[];
}

const MODELS_DIR = dirname(
  createRequire(import.meta.url).resolve("@kubernetes/client-node/dist/gen/models/ObjectSerializer.js"),
);

/** apiVersion of the kinds this validator knows (the model names the version, not the API group). */
const API_VERSIONS: Record<string, string> = {
  ConfigMap: "v1",
  Secret: "v1",
  Service: "v1",
  ServiceAccount: "v1",
  PersistentVolumeClaim: "v1",
  Pod: "v1",
  Deployment: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
  Ingress: "networking.k8s.io/v1",
  NetworkPolicy: "networking.k8s.io/v1",
  PodDisruptionBudget: "policy/v1",
  HorizontalPodAutoscaler: "autoscaling/v2",
};

/** Fields typed string in the model that the API server reads as a resource.Quantity (a number is fine there). */
const QUANTITY_FIELDS = new Set([
  "V1ResourceRequirements.limits",
  "V1ResourceRequirements.requests",
  "V1VolumeResourceRequirements.limits",
  "V1VolumeResourceRequirements.requests",
  "V1EmptyDirVolumeSource.sizeLimit",
]);

const SCALARS = new Set(["string", "number", "boolean", "Date", "any", "IntOrString"]);

function innerType(type: string): string | null {
  return (/^Array<(.+)>$/.exec(type) ?? /^\{ \[key: string\]: (.+); \}$/.exec(type))?.[1] ?? null;
}

/** The models reachable from `roots`, with their required fields. */
async function loadModels(roots: string[]): Promise<Map<string, Model>> {
  const models = new Map<string, Model>();
  const queue = [...roots];
  while (queue.length > 0) {
    let type = queue.pop()!;
    for (let inner = innerType(type); inner !== null; inner = innerType(type)) type = inner;
    if (SCALARS.has(type) || models.has(type)) continue;
    const file = join(MODELS_DIR, `${type}.js`);
    const mod = (await import(pathToFileURL(file).href)) as Record<string, { attributeTypeMap: ModelAttribute[] }>;
    const attributes = new Map(mod[type]!.attributeTypeMap.map((a) => [a.baseName, a]));
    const byName = new Map(mod[type]!.attributeTypeMap.map((a) => [a.name, a.baseName]));
    const dts = readFileSync(file.replace(/\.js$/, ".d.ts"), "utf8");
    const required = [...dts.matchAll(/^ {4}'([^']+)':/gm)].map((m) => byName.get(m[1]!)!);
    assert.ok(
      required.every((r) => r !== undefined),
      `${type}: required fields of its .d.ts are attributes`,
    );
    models.set(type, { attributes, required });
    queue.push(...[...attributes.values()].map((a) => a.type));
  }
  return models;
}

const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** A resource.Quantity as a number ("500m" -> 0.5, "1Gi" -> 1073741824), NaN when it does not parse. */
export function quantity(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value !== "string" || !QUANTITY.test(value)) return NaN;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/.exec(value)!;
  const suffix = m[2]!;
  const binary = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"].indexOf(suffix);
  const decimal = ["n", "u", "m", "", "k", "M", "G", "T", "P", "E"].indexOf(suffix);
  const scale =
    binary >= 0 ? 1024 ** (binary + 1) : decimal >= 0 ? 1000 ** (decimal - 3) : 10 ** Number(suffix.slice(1));
  return Number(m[1]) * scale;
}

/** Structural problems of `value` as a `type` of the model, each as "path: what". */
function checkType(models: Map<string, Model>, value: unknown, type: string, path: string, out: string[]): void {
  const fail = (why: string): void => void out.push(`${path}: ${why}`);
  if (value === null || value === undefined) return fail(`null where ${type} is expected (give a value or drop it)`);
  const inner = innerType(type);
  if (inner !== null && type.startsWith("Array<")) {
    if (!Array.isArray(value)) return fail(`expected a list (${type})`);
    value.forEach((v, i) => checkType(models, v, inner, `${path}[${i}]`, out));
    return;
  }
  const isMap = typeof value === "object" && !Array.isArray(value);
  if (inner !== null) {
    if (!isMap) return fail(`expected a map (${type})`);
    for (const [k, v] of Object.entries(value)) checkType(models, v, inner, `${path}.${k}`, out);
    return;
  }
  switch (type) {
    case "any":
      return;
    case "string":
      if (typeof value !== "string") fail(`expected a string, got ${JSON.stringify(value)}`);
      return;
    case "boolean":
      if (typeof value !== "boolean") fail(`expected true or false, got ${JSON.stringify(value)}`);
      return;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) fail(`expected a number, got ${JSON.stringify(value)}`);
      return;
    case "Date":
      if (typeof value !== "string" || Number.isNaN(Date.parse(value))) fail("expected an RFC 3339 time");
      return;
    case "IntOrString":
      if (!(typeof value === "string" || Number.isInteger(value))) fail(`expected an integer or a string`);
      return;
  }
  const model = models.get(type);
  if (!model) return fail(`no model ${type}`);
  if (!isMap) return fail(`expected a mapping (${type})`);
  const obj = value as Record<string, unknown>;
  for (const r of model.required) if (!(r in obj)) fail(`missing required field '${r}' (${type})`);
  for (const [key, v] of Object.entries(obj)) {
    const attr = model.attributes.get(key);
    if (!attr) {
      const known = [...model.attributes.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
      fail(`unknown field '${key}' in ${type}${known ? ` (did you mean '${known}'?)` : ""}`);
      continue;
    }
    const at = `${path}.${key}`;
    if (QUANTITY_FIELDS.has(`${type}.${key}`)) {
      const values = attr.type === "string" ? { [key]: v } : isPlainMap(v) ? v : null;
      if (values === null) out.push(`${at}: expected a map of quantities`);
      else
        for (const [k, q] of Object.entries(values))
          if (Number.isNaN(quantity(q))) out.push(`${at}.${k}: not a quantity: ${q}`);
      continue;
    }
    checkType(models, v, attr.type, at, out);
    if (attr.type === "number" && typeof v === "number" && /^int(32|64)$/.test(attr.format)) {
      if (!Number.isInteger(v)) out.push(`${at}: expected an integer (${attr.format})`);
      else if (attr.format === "int32" && Math.abs(v) > 2 ** 31 - 1) out.push(`${at}: out of int32 range`);
    }
  }
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

function ianaSvcName(name: string): boolean {
  return (
    name.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) && /[a-z]/.test(name) && !name.includes("--")
  );
}

/** Kinds whose `spec.template` is a pod template (checked alike). */
const WORKLOADS = new Set(["Deployment", "StatefulSet"]);

const VOLUME_SOURCES = [
  "configMap",
  "secret",
  "persistentVolumeClaim",
  "emptyDir",
  "projected",
  "downwardAPI",
  "hostPath",
];

/**
 * What the API server's validation (pkg/apis/core/validation, apps/validation) would refuse among the fields this
 * manifest uses: names, label selectors, references inside the pod, probes, env, quantities and enums. Returns the
 * problems and the objects the manifest refers to without defining them.
 */
function semanticProblems(docs: Manifest[]): { problems: string[]; external: string[] } {
  const problems: string[] = [];
  const defined = new Set(docs.map((d) => `${d.kind}/${d.metadata?.name}`));
  const referenced = new Set<string>();
  const bad = (path: string, why: string): void => void problems.push(`${path}: ${why}`);
  docs.forEach((doc, i) => {
    const at = `${doc.kind ?? "?"}/${doc.metadata?.name ?? i}`;
    const name = doc.metadata?.name;
    if (typeof name !== "string" || name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
      bad(`${at}.metadata.name`, "must be a DNS-1123 subdomain");
    }
    const labelsOk = (labels: unknown, path: string) => {
      for (const [k, v] of Object.entries((labels ?? {}) as Record<string, unknown>)) {
        if (!/^([a-z0-9.-]+\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(k)) bad(path, `label key '${k}'`);
        if (typeof v !== "string" || v.length > 63 || !LABEL_VALUE.test(v)) bad(path, `label value of '${k}'`);
      }
    };
    labelsOk(doc.metadata?.labels, `${at}.metadata.labels`);
    if (doc.kind === "ConfigMap") {
      for (const k of Object.keys({ ...doc.data, ...doc.binaryData })) {
        if (!CONFIG_KEY.test(k)) bad(`${at}.data`, `key '${k}'`);
      }
      const size = JSON.stringify({ ...doc.data, ...doc.binaryData }).length;
      if (size > 1024 * 1024) bad(`${at}.data`, "a ConfigMap holds at most 1 MiB");
    }
    if (doc.kind === "PersistentVolumeClaim") {
      for (const m of doc.spec?.accessModes ?? []) {
        if (!["ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"].includes(m)) {
          bad(`${at}.spec.accessModes`, `'${m}'`);
        }
      }
      if (!((doc.spec?.accessModes ?? []) as string[]).length) bad(`${at}.spec.accessModes`, "at least one");
      if (doc.spec?.resources?.requests?.storage === undefined)
        bad(`${at}.spec.resources.requests.storage`, "required");
    }
    if (doc.kind === "Service") {
      const selector = (doc.spec?.selector ?? {}) as Record<string, string>;
      const pods = docs.filter(
        (w) =>
          WORKLOADS.has(w.kind) &&
          Object.entries(selector).every(([k, v]) => w.spec?.template?.metadata?.labels?.[k] === v),
      );
      if (Object.keys(selector).length > 0 && pods.length === 0) bad(`${at}.spec.selector`, "selects no pod here");
      for (const [k, port] of ((doc.spec?.ports ?? []) as Manifest[]).entries()) {
        if (!(port.port >= 1 && port.port <= 65535)) bad(`${at}.spec.ports[${k}].port`, "1-65535");
        const target = port.targetPort;
        const named = (w: Manifest) =>
          ((w.spec?.template?.spec?.containers ?? []) as Manifest[]).some((c) =>
            ((c.ports ?? []) as Manifest[]).some((cp) => cp.name === target),
          );
        if (typeof target === "string" && pods.length > 0 && !pods.every(named))
          bad(`${at}.spec.ports[${k}].targetPort`, `no container port '${target}' in the selected pods`);
      }
      if (
        doc.spec?.clusterIP !== undefined &&
        doc.spec.clusterIP !== "None" &&
        !/^[0-9.:a-f]+$/.test(doc.spec.clusterIP)
      )
        bad(`${at}.spec.clusterIP`, "None or an IP");
    }
    if (!WORKLOADS.has(doc.kind)) return;
    const spec = doc.spec ?? {};
    if (doc.kind === "StatefulSet") {
      if (!["OrderedReady", "Parallel", undefined].includes(spec.podManagementPolicy))
        bad(`${at}.spec.podManagementPolicy`, "enum");
      if (!["RollingUpdate", "OnDelete", undefined].includes(spec.updateStrategy?.type))
        bad(`${at}.spec.updateStrategy.type`, "enum");
      if (spec.serviceName !== undefined) referenced.add(`Service/${spec.serviceName}`);
    }
    const template = spec.template ?? {};
    labelsOk(template.metadata?.labels, `${at}.spec.template.metadata.labels`);
    const selector = spec.selector?.matchLabels ?? {};
    if (Object.keys(selector).length === 0) bad(`${at}.spec.selector`, "empty selector");
    for (const [k, v] of Object.entries(selector)) {
      if (template.metadata?.labels?.[k] !== v) bad(`${at}.spec.selector`, `does not match the template's labels`);
    }
    if (doc.kind === "Deployment" && !["Recreate", "RollingUpdate", undefined].includes(spec.strategy?.type))
      bad(`${at}.spec.strategy.type`, "enum");
    if (spec.strategy?.type === "Recreate" && spec.strategy.rollingUpdate) {
      bad(`${at}.spec.strategy`, "rollingUpdate with Recreate");
    }
    const pod = template.spec ?? {};
    const p = `${at}.spec.template.spec`;
    const volumes = new Map<string, Manifest>();
    for (const [j, v] of ((pod.volumes ?? []) as Manifest[]).entries()) {
      if (!DNS1123_LABEL.test(v.name ?? "") || v.name.length > 63) bad(`${p}.volumes[${j}].name`, "DNS-1123 label");
      if (volumes.has(v.name)) bad(`${p}.volumes[${j}].name`, "duplicate");
      volumes.set(v.name, v);
      const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined);
      if (sources.length !== 1)
        bad(`${p}.volumes[${j}]`, `exactly one volume source, got ${sources.join(", ") || "none"}`);
      if (v.configMap) referenced.add(`ConfigMap/${v.configMap.name}`);
      if (v.secret) referenced.add(`Secret/${v.secret.secretName}`);
      if (v.persistentVolumeClaim) referenced.add(`PersistentVolumeClaim/${v.persistentVolumeClaim.claimName}`);
    }
    // A StatefulSet's volumeClaimTemplates are volumes of its pods too (each pod gets its own claim of each).
    for (const [j, t] of ((spec.volumeClaimTemplates ?? []) as Manifest[]).entries()) {
      const name = t.metadata?.name;
      const tp = `${at}.spec.volumeClaimTemplates[${j}]`;
      if (!DNS1123_LABEL.test(name ?? "")) bad(`${tp}.metadata.name`, "DNS-1123 label");
      if (volumes.has(name)) bad(`${tp}.metadata.name`, "also a volume of the pod");
      volumes.set(name, { name, persistentVolumeClaim: { claimName: `${name}-<pod>` } });
      const modes = (t.spec?.accessModes ?? []) as string[];
      if (modes.length === 0) bad(`${tp}.spec.accessModes`, "at least one");
      if (t.spec?.resources?.requests?.storage === undefined) bad(`${tp}.spec.resources.requests.storage`, "required");
    }
    const containerNames = new Set<string>();
    const used = new Set<string>();
    for (const [j, c] of ((pod.containers ?? []) as Manifest[]).entries()) {
      const cp = `${p}.containers[${j}]`;
      if (!DNS1123_LABEL.test(c.name ?? "") || c.name.length > 63) bad(`${cp}.name`, "DNS-1123 label");
      if (containerNames.has(c.name)) bad(`${cp}.name`, "duplicate");
      containerNames.add(c.name);
      if (typeof c.image !== "string" || c.image.trim() === "") bad(`${cp}.image`, "required");
      if (!["Always", "IfNotPresent", "Never", undefined].includes(c.imagePullPolicy))
        bad(`${cp}.imagePullPolicy`, "enum");
      const portNames = new Set<string>();
      for (const [k, port] of ((c.ports ?? []) as Manifest[]).entries()) {
        if (!(port.containerPort >= 1 && port.containerPort <= 65535))
          bad(`${cp}.ports[${k}].containerPort`, "1-65535");
        if (port.name !== undefined) {
          if (!ianaSvcName(port.name)) bad(`${cp}.ports[${k}].name`, "IANA_SVC_NAME (15 chars a-z0-9-)");
          if (portNames.has(port.name)) bad(`${cp}.ports[${k}].name`, "duplicate");
          portNames.add(port.name);
        }
        if (!["TCP", "UDP", "SCTP", undefined].includes(port.protocol)) bad(`${cp}.ports[${k}].protocol`, "enum");
      }
      for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        const pr = c[probe] as Manifest | undefined;
        if (!pr) continue;
        const handlers = ["exec", "httpGet", "tcpSocket", "grpc"].filter((h) => pr[h] !== undefined);
        if (handlers.length !== 1) bad(`${cp}.${probe}`, "exactly one handler");
        const port = pr.httpGet?.port ?? pr.tcpSocket?.port;
        if (typeof port === "string" && !portNames.has(port))
          bad(`${cp}.${probe}`, `port '${port}' is no port name here`);
        if (typeof port === "number" && !(port >= 1 && port <= 65535)) bad(`${cp}.${probe}`, "port 1-65535");
        if (probe !== "readinessProbe" && (pr.successThreshold ?? 1) !== 1) bad(`${cp}.${probe}`, "successThreshold 1");
      }
      for (const [k, e] of ((c.env ?? []) as Manifest[]).entries()) {
        if (!ENV_NAME.test(e.name ?? "")) bad(`${cp}.env[${k}].name`, "env var name");
        if (e.value !== undefined && e.valueFrom !== undefined) bad(`${cp}.env[${k}]`, "value and valueFrom");
        if (e.valueFrom?.secretKeyRef) referenced.add(`Secret/${e.valueFrom.secretKeyRef.name}`);
        if (e.valueFrom?.configMapKeyRef) referenced.add(`ConfigMap/${e.valueFrom.configMapKeyRef.name}`);
      }
      const paths = new Set<string>();
      for (const [k, m] of ((c.volumeMounts ?? []) as Manifest[]).entries()) {
        if (!volumes.has(m.name)) bad(`${cp}.volumeMounts[${k}].name`, `no volume '${m.name}'`);
        used.add(m.name);
        if (typeof m.mountPath !== "string" || !m.mountPath.startsWith("/")) bad(`${cp}.volumeMounts[${k}]`, "path");
        if (paths.has(m.mountPath)) bad(`${cp}.volumeMounts[${k}].mountPath`, "mounted twice");
        paths.add(m.mountPath);
      }
      const { requests = {}, limits = {} } = (c.resources ?? {}) as Record<string, Record<string, unknown>>;
      for (const [r, limit] of Object.entries(limits)) {
        if (r in requests && quantity(requests[r]) > quantity(limit)) bad(`${cp}.resources`, `${r} request > limit`);
      }
    }
    for (const v of volumes.keys()) if (!used.has(v)) bad(`${p}.volumes`, `'${v}' is mounted nowhere`);
    const sc = pod.securityContext ?? {};
    if (sc.runAsNonRoot === true && sc.runAsUser === 0) bad(`${p}.securityContext`, "runAsNonRoot with uid 0");
  });
  const external = [...referenced].filter((r) => !defined.has(r)).sort();
  return { problems, external };
}

/** Every problem of a manifest's text: YAML, apiVersion/kind, the API model, the server-side rules above. */
export async function manifestProblems(text: string): Promise<{ problems: string[]; external: string[] }> {
  const problems: string[] = [];
  const parsed = parseAllDocuments(text);
  const docs: Manifest[] = [];
  for (const [i, d] of parsed.entries()) {
    for (const e of d.errors) problems.push(`document ${i}: ${e.message}`);
    docs.push(d.toJS() as Manifest);
  }
  // kubectl reads YAML through sigs.k8s.io/yaml (go-yaml, YAML 1.1 scalars: yes/no/on/off are booleans, 0777 octal):
  // the manifest must mean the same under both.
  const asYaml11 = parseAllDocuments(text, { version: "1.1" }).map((d) => d.toJS() as unknown);
  if (JSON.stringify(asYaml11) !== JSON.stringify(docs)) problems.push("reads differently as YAML 1.1 (kubectl)");
  const types = docs.map((d) => `${String(d.apiVersion).split("/").at(-1)!.replace(/^v/, "V")}${d.kind}`);
  const models = await loadModels(types.filter((_, i) => API_VERSIONS[docs[i]!.kind] !== undefined));
  docs.forEach((doc, i) => {
    const where = `${doc.kind ?? "?"}/${doc.metadata?.name ?? i}`;
    const apiVersion = API_VERSIONS[doc.kind];
    if (apiVersion === undefined) {
      problems.push(`${where}: kind '${doc.kind}' unknown to this test`);
      return;
    }
    if (doc.apiVersion !== apiVersion) problems.push(`${where}: apiVersion ${doc.apiVersion}, expected ${apiVersion}`);
    if (doc.status !== undefined) problems.push(`${where}: status is written by the cluster, not the manifest`);
    checkType(models, doc, types[i]!, where, problems);
  });
  const semantic = semanticProblems(docs);
  return { problems: [...problems, ...semantic.problems], external: semantic.external };
}
