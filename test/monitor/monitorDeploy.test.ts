// Docker and Kubernetes are not available here: these tests parse the deploy files and check that they agree with
// each other and with the monitor's config schema, and check every Kubernetes object against Kubernetes' own API
// model (the OpenAPI-generated models of @kubernetes/client-node) plus the API server's validation rules this
// manifest touches. They do not build the image (test/monitor/monitorDockerfile.test.ts replays it) or apply the
// manifest: admission webhooks, policies, quotas, the kubelet and the container runtime stay unverified.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { manifestProblems, type Manifest } from "../helpers/kubernetesManifest.js";

const MANIFEST = "monitor/deploy/kubernetes-sidecar.yaml";

/** Dockerfile instructions (continuation lines joined, comments dropped) as [KEYWORD, rest]. */
function instructions(text: string): [string, string][] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => {
      const m = /^([A-Za-z]+)\s+(.*)$/.exec(l)!;
      return [m[1]!.toUpperCase(), m[2]!];
    });
}

test("deploy: the Dockerfile runs `modelguard monitor --config /config/monitor.yml` on node:24-slim as a non-root user", () => {
  const ins = instructions(readFileSync("monitor/Dockerfile", "utf8"));
  const all = (k: string) => ins.filter(([i]) => i === k).map(([, r]) => r);
  const froms = all("FROM");
  assert.ok(froms.length >= 1 && froms.every((f) => f.startsWith("node:24-slim")), froms.join("; "));
  // The last stage (after the last FROM) is the runtime image.
  const last = ins.slice(ins.map(([i]) => i).lastIndexOf("FROM"));
  const inLast = (k: string) => last.filter(([i]) => i === k).map(([, r]) => r);
  assert.ok(
    inLast("RUN").some((r) => /\bnpm ci --omit=dev\b/.test(r)),
    "production dependencies via npm ci --omit=dev",
  );
  const user = inLast("USER");
  assert.equal(user.length, 1);
  assert.doesNotMatch(user[0]!, /^(root|0)(:|$)/);
  const entry = JSON.parse(inLast("ENTRYPOINT")[0]!) as string[];
  const cmd = JSON.parse(inLast("CMD")[0]!) as string[];
  assert.deepEqual([...entry, ...cmd], ["modelguard", "monitor", "--config", "/config/monitor.yml"]);
  const health = inLast("HEALTHCHECK")[0]!;
  assert.match(health, /http:\/\/127\.0\.0\.1:9470\/healthz/);
  assert.deepEqual(inLast("EXPOSE"), ["9470"]);
  assert.deepEqual(JSON.parse(inLast("VOLUME")[0]!), ["/var/lib/modelguard"]);
  // The bin the entrypoint names is the package's own, and it needs the built CLI copied in.
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { bin: Record<string, string> };
  assert.equal(pkg.bin.modelguard, "bin/modelguard.js");
  assert.ok(inLast("COPY").some((c) => /--from=build \/app\/build \.\/build/.test(c)));
  assert.ok(inLast("RUN").some((r) => r.includes("/usr/local/bin/modelguard")));
});

test("deploy: the Kubernetes sidecar manifest agrees with its monitor.yml, the config schema and the image", () => {
  const docs = parseAllDocuments(readFileSync(MANIFEST, "utf8")).map((d) => {
    assert.deepEqual(d.errors, []);
    return d.toJS() as Manifest;
  });
  const byKind = (k: string) => docs.find((d) => d.kind === k)!;
  const monitorYml = parseYaml(byKind("ConfigMap").data["monitor.yml"] as string) as unknown;
  const config = resolveMonitorConfig(monitorYml, "/config/monitor.yml"); // throws on any schema problem
  assert.equal(config.host, "0.0.0.0");

  const deployment = byKind("Deployment");
  const pod = deployment.spec.template.spec;
  assert.equal(deployment.spec.replicas, 1);
  assert.equal(pod.containers.length, 2);
  const monitor = pod.containers.find((c: { name: string }) => c.name === "modelguard-monitor");
  const server = pod.containers.find((c: { name: string }) => c.name !== "modelguard-monitor");
  assert.deepEqual(monitor.args, ["monitor", "--config", "/config/monitor.yml"]);
  const port = monitor.ports[0];
  assert.equal(port.containerPort, config.port);
  assert.equal(port.containerPort, 9470); // the Dockerfile's EXPOSE and HEALTHCHECK port
  assert.deepEqual(monitor.readinessProbe.httpGet, { path: "/readyz", port: port.name });
  assert.deepEqual(monitor.livenessProbe.httpGet, { path: "/healthz", port: port.name });
  for (const c of pod.containers) assert.ok(c.resources?.requests && c.resources?.limits, c.name);

  const token = monitor.env.find((e: { name: string }) => e.name === config.ingest.tokenEnv);
  assert.ok(token?.valueFrom?.secretKeyRef, "the ingest token comes from a Secret");
  assert.ok(!monitor.env.some((e: { value?: string }) => typeof e.value === "string" && /token/i.test(e.value)));

  const volumes = new Map<string, Manifest>(pod.volumes.map((v: { name: string }) => [v.name, v]));
  const mount = (c: { volumeMounts: { name: string; mountPath: string }[] }, path: string) =>
    c.volumeMounts.find((m) => m.mountPath === path);
  const stateMount = mount(monitor, config.state)!;
  assert.ok(stateMount, "the config's state directory is mounted");
  const claim = volumes.get(stateMount.name)!.persistentVolumeClaim.claimName;
  assert.equal(byKind("PersistentVolumeClaim").metadata.name, claim);
  const shared = server.volumeMounts.find((m: { name: string }) => volumes.get(m.name)?.emptyDir !== undefined);
  assert.ok(shared, "the model server mounts an emptyDir");
  assert.ok(
    monitor.volumeMounts.some((m: { name: string }) => m.name === shared.name),
    "shared with the monitor",
  );
  assert.ok(config.reference.startsWith("/config/"));
  assert.ok(mount(monitor, "/config"), "monitor.yml is mounted where the image's CMD reads it");
});

test("deploy: every object of the Kubernetes manifest is valid against Kubernetes' API model", async () => {
  const text = readFileSync(MANIFEST, "utf8");
  const { problems, external } = await manifestProblems(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    parseAllDocuments(text).map((d) => (d.toJS() as Manifest).kind),
    ["ConfigMap", "PersistentVolumeClaim", "Deployment"],
  );
  // What the manifest expects to exist already; its header says how to create each.
  assert.deepEqual(external, ["ConfigMap/fraud-model-profile", "Secret/modelguard-github", "Secret/modelguard-ingest"]);
  const header = text.slice(0, text.indexOf("apiVersion:"));
  for (const e of external) assert.ok(header.includes(e.split("/")[1]!), `the header explains ${e}`);
});

test("deploy: the Kubernetes check reports typos, wrong types, missing required fields and broken references", async () => {
  const text = readFileSync(MANIFEST, "utf8");
  const broken = async (from: string | RegExp, to: string) => {
    const mutated = text.replace(from, to);
    assert.ok(mutated !== text, `mutation ${String(from)} applies`);
    return (await manifestProblems(mutated)).problems;
  };
  assert.deepEqual(await broken("readinessProbe:", "readinessprobe:"), [
    "Deployment/fraud-model.spec.template.spec.containers[1]: unknown field 'readinessprobe' in V1Container (did you mean 'readinessProbe'?)",
  ]);
  assert.deepEqual(await broken("containerPort: 9470", 'containerPort: "9470"'), [
    'Deployment/fraud-model.spec.template.spec.containers[1].ports[0].containerPort: expected a number, got "9470"',
  ]);
  assert.ok(
    (await broken(/ {2}selector:\n {4}matchLabels: \{ app: fraud-model \}\n/, "")).includes(
      "Deployment/fraud-model.spec: missing required field 'selector' (V1DeploymentSpec)",
    ),
  );
  assert.deepEqual(
    await broken(
      "/readyz, port: monitor }\n            periodSeconds: 5",
      "/readyz, port: monitor }\n            periodSeconds: 2.5",
    ),
    [
      "Deployment/fraud-model.spec.template.spec.containers[1].readinessProbe.periodSeconds: expected an integer (int32)",
    ],
  );
  assert.deepEqual(await broken("cpu: 100m", "cpu: 100x"), [
    "Deployment/fraud-model.spec.template.spec.containers[1].resources.requests.cpu: not a quantity: 100x",
  ]);
  assert.deepEqual(await broken("/readyz, port: monitor }", "/readyz, port: monitr }"), [
    "Deployment/fraud-model.spec.template.spec.containers[1].readinessProbe: port 'monitr' is no port name here",
  ]);
  assert.deepEqual(await broken("apiVersion: apps/v1", "apiVersion: v1"), [
    "Deployment/fraud-model: apiVersion v1, expected apps/v1",
  ]);
  assert.deepEqual(await broken("readOnly: true }", "readOnly: yes }"), [
    "reads differently as YAML 1.1 (kubectl)",
    'Deployment/fraud-model.spec.template.spec.containers[1].volumeMounts[0].readOnly: expected true or false, got "yes"',
  ]);
});

test("deploy: the pod runs the monitor as the image's user", () => {
  const user = /^USER\s+(\d+):(\d+)\s*$/m.exec(readFileSync("monitor/Dockerfile", "utf8"))!;
  const doc = parseAllDocuments(readFileSync(MANIFEST, "utf8"))
    .map((d) => d.toJS() as Manifest)
    .find((d) => d.kind === "Deployment")!;
  const sc = doc.spec.template.spec.securityContext;
  assert.equal(sc.runAsNonRoot, true);
  assert.equal(String(sc.runAsUser), user[1]);
  assert.equal(String(sc.runAsGroup), user[2]);
  assert.equal(String(sc.fsGroup), user[2], "the state volume is writable by the image's group");
});
