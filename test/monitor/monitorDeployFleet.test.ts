// The fleet example (monitor/deploy/kubernetes-fleet.yaml) checked like the sidecar one: offline, against Kubernetes'
// API model and the API server's rules (test/helpers/kubernetesManifest.ts), and for agreement between its objects,
// its monitor.yml (the config schema, fleet mode) and the image. Nothing is applied to a cluster.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseAllDocuments, parse as parseYaml } from "yaml";
import { deploymentRepositoryOf } from "../../monitor/alerts/deploymentStatus.js";
import { resolveMonitorConfig } from "../../monitor/config/monitorConfig.js";
import { manifestProblems, type Manifest } from "../helpers/kubernetesManifest.js";

const MANIFEST = "monitor/deploy/kubernetes-fleet.yaml";
const text = readFileSync(MANIFEST, "utf8");
const docs = parseAllDocuments(text).map((d) => d.toJS() as Manifest);
const find = (kind: string, name?: string) =>
  docs.find((d) => d.kind === kind && (name === undefined || d.metadata.name === name))!;
const envOf = (c: Manifest, name: string) => (c.env as Manifest[]).find((e) => e.name === name);

test("deploy fleet: every object of the fleet manifest is valid against Kubernetes' API model", async () => {
  const { problems, external } = await manifestProblems(text);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    docs.map((d) => `${d.kind}/${d.metadata.name}`),
    [
      "ConfigMap/fraud-model-monitor",
      "Service/fraud-model",
      "Service/fraud-model-members",
      "StatefulSet/fraud-model",
      "Service/fraud-model-redis",
      "Deployment/fraud-model-redis",
    ],
  );
  assert.deepEqual(external, ["Secret/modelguard-github", "Secret/modelguard-ingest", "Secret/modelguard-redis"]);
  const header = text.slice(0, text.indexOf("apiVersion:"));
  for (const e of external) assert.ok(header.includes(e.split("/")[1]!), `the header explains ${e}`);
});

test("deploy fleet: several members, each with its own journal volume and name, share one Redis the config names", () => {
  const monitorYml = parseYaml(find("ConfigMap").data["monitor.yml"] as string) as Record<string, unknown>;
  assert.equal((monitorYml.fleet as Record<string, unknown>).member, undefined, "the member name is the pod's");
  const config = resolveMonitorConfig(monitorYml, "/config/monitor.yml"); // throws on any schema problem
  assert.ok(config.fleet, "fleet mode");
  assert.ok("durationMs" in config.window, "windows by time, the same on every member");

  const set = find("StatefulSet");
  assert.ok(set.spec.replicas >= 2, "scaled out");
  assert.equal(find("Service", set.spec.serviceName).spec.clusterIP, "None", "a headless governing Service");
  const pod = set.spec.template.spec;
  const monitor = (pod.containers as Manifest[]).find((c) => c.name === "modelguard-monitor")!;
  assert.deepEqual(monitor.args, ["monitor", "--config", "/config/monitor.yml"]);
  assert.equal(monitor.ports[0].containerPort, config.port);
  assert.deepEqual(monitor.readinessProbe.httpGet, { path: "/readyz", port: monitor.ports[0].name });
  // The member name: HOSTNAME from the pod's name (stable across reschedules), so partials are overwritten.
  assert.deepEqual(envOf(monitor, "HOSTNAME")?.valueFrom, { fieldRef: { fieldPath: "metadata.name" } });
  // Each member's journal on its own claim (a 202 means durable on that member; it is back after a reschedule).
  const state = (monitor.volumeMounts as Manifest[]).find((m) => m.mountPath === config.state)!;
  assert.ok(state, "the state directory is mounted");
  assert.ok(
    (set.spec.volumeClaimTemplates as Manifest[]).some((t) => t.metadata.name === state.name),
    "from a volumeClaimTemplate, one claim per pod",
  );
  assert.ok(!(pod.volumes as Manifest[]).some((v) => v.name === state.name), "not a volume shared by the pods");

  // Redis: the URL's host and port are the Redis Service's, which selects the Redis pod's port.
  const url = new URL(config.fleet.redisUrl);
  const redisService = find("Service", url.hostname);
  assert.ok(redisService, `a Service named ${url.hostname}`);
  const servicePort = (redisService.spec.ports as Manifest[]).find((p) => String(p.port) === url.port)!;
  assert.ok(servicePort, `the Service listens on ${url.port}`);
  const redisPod = find("Deployment", "fraud-model-redis").spec.template;
  for (const [k, v] of Object.entries(redisService.spec.selector as Record<string, string>))
    assert.equal(redisPod.metadata.labels[k], v);
  const redis = redisPod.spec.containers[0] as Manifest;
  assert.ok((redis.ports as Manifest[]).some((p) => p.name === servicePort.targetPort));
  // One password, from one Secret: what the monitor reads from password_env is what Redis requires.
  assert.ok(config.fleet.passwordEnv);
  const mine = envOf(monitor, config.fleet.passwordEnv)?.valueFrom?.secretKeyRef;
  assert.ok(mine, "the Redis password comes from a Secret");
  const [, passVar] = /--requirepass "\$([A-Z_]+)"/.exec((redis.command as string[]).join(" "))!;
  assert.deepEqual(envOf(redis, passVar!)?.valueFrom?.secretKeyRef, mine);
  assert.match((redis.command as string[]).join(" "), /--save "" --appendonly no/, "no persistence, as documented");
  for (const c of [...(pod.containers as Manifest[]), redis])
    assert.ok(!(c.env as Manifest[]).some((e) => typeof e.value === "string" && /token|password/i.test(e.value)));
});

test("deploy fleet: the members follow production in the GitHub registry, with the token from a Secret", () => {
  const monitorYml = parseYaml(find("ConfigMap").data["monitor.yml"] as string) as Record<string, unknown>;
  const config = resolveMonitorConfig(monitorYml, "/config/monitor.yml");
  assert.deepEqual(config.referenceRegistry, { name: config.model, registry: "github" });
  // The registry is github.repository's, where promotion makes the deployments the leader posts statuses of.
  assert.deepEqual(deploymentRepositoryOf(config, {}), { owner: "acme", repo: "models" });
  const pod = find("StatefulSet").spec.template.spec;
  const monitor = (pod.containers as Manifest[]).find((c) => c.name === "modelguard-monitor")!;
  // Required: every member reads the registry with it (a missing Secret stops the pod, not a silent dry run).
  assert.deepEqual(envOf(monitor, "GITHUB_TOKEN")?.valueFrom, {
    secretKeyRef: { name: "modelguard-github", key: "token" },
  });
  // No profile mounted: each version's profile is downloaded (and verified) into the state volume's cache.
  assert.ok(!(pod.volumes as Manifest[]).some((v) => v.configMap?.name === "fraud-model-profile"));
  assert.ok((monitor.volumeMounts as Manifest[]).some((m) => m.mountPath === config.state && !m.readOnly));
});

test("deploy fleet: the check reports a broken governing Service, journal volume or Redis port", async () => {
  const broken = async (from: string, to: string) => {
    const mutated = text.replace(from, to);
    assert.ok(mutated !== text, `mutation ${from} applies`);
    return manifestProblems(mutated);
  };
  assert.ok(
    (await broken("serviceName: fraud-model-members", "serviceName: fraud-model-member")).external.includes(
      "Service/fraud-model-member",
    ),
  );
  assert.deepEqual(
    (
      await broken(
        "  volumeClaimTemplates:\n    - metadata:\n        name: state",
        "  volumeClaimTemplates:\n    - metadata:\n        name: stat",
      )
    ).problems,
    [
      "StatefulSet/fraud-model.spec.template.spec.containers[1].volumeMounts[1].name: no volume 'state'",
      "StatefulSet/fraud-model.spec.template.spec.volumes: 'stat' is mounted nowhere",
    ],
  );
  assert.deepEqual((await broken("port: 6379, targetPort: redis }", "port: 6379, targetPort: redsi }")).problems, [
    "Service/fraud-model-redis.spec.ports[0].targetPort: no container port 'redsi' in the selected pods",
  ]);
  assert.deepEqual((await broken("podManagementPolicy: Parallel", "podManagementPolicy: parallel")).problems, [
    "StatefulSet/fraud-model.spec.podManagementPolicy: enum",
  ]);
});
