import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  reasonOption,
  withRegistryOptions
} from "./chunk-O4ABYM6J.js";
import "./chunk-FN27UHXI.js";
import "./chunk-ZJAEGF6K.js";
import "./chunk-XLYBM3RQ.js";
import "./chunk-SVB6GALK.js";
import {
  pullModelVersion,
  resolveVersion
} from "./chunk-O4L7E7A5.js";
import "./chunk-7DF57UJG.js";
import "./chunk-56NJ2FAC.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-DBRIWJPI.js";
import {
  cacheDirFromFlags,
  promotionContext,
  registryFromFlags
} from "./chunk-ETIZDIC2.js";
import "./chunk-ZMVQBOI5.js";
import {
  checkModelName,
  movePointer,
  parseModelVersionSpec,
  renderModelCard
} from "./chunk-YFEKVSLM.js";
import "./chunk-J6QFQCEU.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-4VXYNFVR.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-63HQ5WJE.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-CIHEETR2.js";
import "./chunk-J3DWLQHK.js";
import "./chunk-BERRGJKQ.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-AI5GVDUK.js";
import {
  formatTable
} from "./chunk-TXLO3S3N.js";
import "./chunk-72K2B37S.js";
import "./chunk-3YGHXF46.js";
import "./chunk-WKNXAUPU.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-IXAQPRDD.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";

// src/registry/setProduction.ts
var MAX_ATTEMPTS = 5;
async function setProduction(registry, name, version, context, reason) {
  const card = await registry.readCard(name, version);
  if (!card) {
    throw new ModelguardError(
      "registry",
      `${name} v${version} does not exist in ${registry.uri} (or was never completed)`,
      `list the versions with \`modelguard registry list ${name}\``
    );
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { pointer, revision } = await registry.readPointer(name);
    if (pointer.production === version) return { card, move: null, notice: { warnings: [] }, attempts: attempt };
    const move = {
      kind: "set-production",
      from: pointer.production,
      to: version,
      at: (context.now ?? (() => /* @__PURE__ */ new Date()))().toISOString(),
      by: context.actor,
      reason,
      ...context.runUrl ? { run_url: context.runUrl } : {}
    };
    if (await registry.writePointer(name, movePointer(pointer, move), revision) === "written") {
      const from = pointer.production === null ? null : await registry.readCard(name, pointer.production).catch(() => null);
      const notice = await registry.productionMoved(name, from, card);
      return { card, move, notice, attempts: attempt };
    }
  }
  throw new ModelguardError(
    "registry",
    `production of ${name} kept moving: ${MAX_ATTEMPTS} attempts to make v${version} production lost to other moves`,
    `check \`modelguard registry show ${name}\` for who is moving it, then run again`
  );
}

// src/cli/commands/registry.ts
function registerRegistry(program, io) {
  const registry = program.command("registry").description("list, show and pull model versions; set production (rollback)");
  withRegistryOptions(
    registry.command("list <name>").description("the versions of a model, marking production").option("--json", "print as JSON")
  ).action(async (name, flags) => {
    checkModelName(name);
    const reg = registryFromFlags(flags, io);
    const [versions, { pointer }] = await Promise.all([reg.listVersions(name), reg.readPointer(name)]);
    if (flags.json) {
      io.out(JSON.stringify({ name, registry: reg.uri, production: pointer.production, versions }, null, 2));
      return;
    }
    if (versions.length === 0) {
      io.out(`${name} has no versions in ${reg.uri}`);
      return;
    }
    io.out(
      formatTable(
        ["version", "production", "created", "state", "where"],
        versions.map((v) => [
          `v${v.version}`,
          v.version === pointer.production ? "yes" : "",
          v.created_at ?? "-",
          v.complete ? "complete" : "incomplete",
          v.url
        ])
      )
    );
  });
  withRegistryOptions(
    registry.command("show <spec>").description("a version's model card and the production history (NAME, NAME@vN or NAME@production)").option("--json", "print as JSON")
  ).action(async (spec, flags) => {
    const reg = registryFromFlags(flags, io);
    const v = await resolveVersion(reg, parseModelVersionSpec(spec));
    const { pointer } = await reg.readPointer(v.name);
    if (flags.json) {
      io.out(
        JSON.stringify(
          { registry: reg.uri, version: v.version, production: v.production, card: v.card, history: pointer.moves },
          null,
          2
        )
      );
      return;
    }
    const lines = [
      renderModelCard(v.card),
      `### Production history of ${v.name} (production: ${pointer.production === null ? "none" : `v${pointer.production}`})`,
      ""
    ];
    if (pointer.moves.length === 0) lines.push("no moves recorded");
    else {
      lines.push(
        formatTable(
          ["when", "what", "from", "to", "by", "why"],
          pointer.moves.map((m) => [
            m.at,
            m.kind,
            m.from === null ? "-" : `v${m.from}`,
            `v${m.to}`,
            m.by ?? "-",
            m.reason ?? "-"
          ])
        )
      );
    }
    io.out(lines.join("\n"));
  });
  withRegistryOptions(
    registry.command("pull <spec>").description("download a version's files (verified against its card) into a directory").requiredOption("-o, --out <dir>", "where to write model.onnx, card.json and the other assets").option("--json", "print as JSON")
  ).action(async (spec, flags) => {
    const reg = registryFromFlags(flags, io);
    const v = await resolveVersion(reg, parseModelVersionSpec(spec));
    const r = await pullModelVersion(reg, v, flags.out, cacheDirFromFlags(flags));
    if (flags.json) {
      io.out(
        JSON.stringify(
          { registry: reg.uri, name: v.name, version: v.version, production: v.production, files: r.files },
          null,
          2
        )
      );
      return;
    }
    io.out(
      `pulled ${v.name} v${v.version}${v.production ? " (production)" : ""} from ${reg.uri} into ${flags.out}: ` + r.files.map((f) => f.name + (f.cached ? " (cached)" : "")).join(", ") + "; every file matches its sha256 in the card"
    );
  });
  withRegistryOptions(
    registry.command("set-production <spec>").description("make an existing version production (a rollback): NAME@vN --reason TEXT").requiredOption("--reason <text>", "why (recorded with the move)", reasonOption).option("--json", "print as JSON")
  ).action(async (spec, flags) => {
    const parsed = parseModelVersionSpec(spec);
    if (parsed.version === "production") {
      throw new ModelguardError("usage", `set-production needs a version: ${parsed.name}@vN`, `e.g. ${parsed.name}@v2`);
    }
    const reg = registryFromFlags(flags, io);
    const r = await setProduction(reg, parsed.name, parsed.version, promotionContext(), flags.reason);
    for (const w of r.notice.warnings) (io.warning ?? ((m) => io.err(`warning: ${m}`)))(w);
    if (flags.json) {
      io.out(
        JSON.stringify(
          {
            registry: reg.uri,
            name: parsed.name,
            version: parsed.version,
            move: r.move,
            deployment: r.notice.deployment ?? null,
            warnings: r.notice.warnings
          },
          null,
          2
        )
      );
      return;
    }
    io.out(
      r.move === null ? `${parsed.name} v${parsed.version} is already production in ${reg.uri}; nothing moved` : `production of ${parsed.name} is now v${parsed.version} in ${reg.uri} (was ${r.move.from === null ? "none" : `v${r.move.from}`})` + (r.notice.deployment ? `; deployed to ${r.notice.deployment.environment}` : "")
    );
  });
}
export {
  registerRegistry
};
