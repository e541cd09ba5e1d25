import type { Command } from "commander";
import { ModelguardError } from "../../errors.js";
import { renderModelCard } from "../../registry/modelCard.js";
import { parseModelVersionSpec, checkModelName } from "../../registry/modelVersionSpec.js";
import { pullModelVersion, resolveVersion } from "../../registry/pullModelVersion.js";
import { setProduction } from "../../registry/setProduction.js";
import { formatTable, type CliIO } from "../io.js";
import { cacheDirFromFlags, promotionContext, registryFromFlags, type RegistryFlags } from "../registryFromFlags.js";
import { reasonOption, withRegistryOptions } from "./promote.js";

interface Flags extends RegistryFlags {
  json?: boolean;
  out?: string;
  reason?: string;
}

/** `modelguard registry list|show|pull|set-production`: read the registry, and move production by hand (rollback). */
export function registerRegistry(program: Command, io: CliIO): void {
  const registry = program
    .command("registry")
    .description("list, show and pull model versions; set production (rollback)");

  withRegistryOptions(
    registry
      .command("list <name>")
      .description("the versions of a model, marking production")
      .option("--json", "print as JSON"),
  ).action(async (name: string, flags: Flags) => {
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
          v.url,
        ]),
      ),
    );
  });

  withRegistryOptions(
    registry
      .command("show <spec>")
      .description("a version's model card and the production history (NAME, NAME@vN or NAME@production)")
      .option("--json", "print as JSON"),
  ).action(async (spec: string, flags: Flags) => {
    const reg = registryFromFlags(flags, io);
    const v = await resolveVersion(reg, parseModelVersionSpec(spec));
    const { pointer } = await reg.readPointer(v.name);
    if (flags.json) {
      io.out(
        JSON.stringify(
          { registry: reg.uri, version: v.version, production: v.production, card: v.card, history: pointer.moves },
          null,
          2,
        ),
      );
      return;
    }
    const lines = [
      renderModelCard(v.card),
      `### Production history of ${v.name} (production: ${pointer.production === null ? "none" : `v${pointer.production}`})`,
      "",
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
            m.reason ?? "-",
          ]),
        ),
      );
    }
    io.out(lines.join("\n"));
  });

  withRegistryOptions(
    registry
      .command("pull <spec>")
      .description("download a version's files (verified against its card) into a directory")
      .requiredOption("-o, --out <dir>", "where to write model.onnx, card.json and the other assets")
      .option("--json", "print as JSON"),
  ).action(async (spec: string, flags: Flags) => {
    const reg = registryFromFlags(flags, io);
    const v = await resolveVersion(reg, parseModelVersionSpec(spec));
    const r = await pullModelVersion(reg, v, flags.out!, cacheDirFromFlags(flags));
    if (flags.json) {
      io.out(
        JSON.stringify(
          { registry: reg.uri, name: v.name, version: v.version, production: v.production, files: r.files },
          null,
          2,
        ),
      );
      return;
    }
    io.out(
      `pulled ${v.name} v${v.version}${v.production ? " (production)" : ""} from ${reg.uri} into ${flags.out}: ` +
        r.files.map((f) => f.name + (f.cached ? " (cached)" : "")).join(", ") +
        "; every file matches its sha256 in the card",
    );
  });

  withRegistryOptions(
    registry
      .command("set-production <spec>")
      .description("make an existing version production (a rollback): NAME@vN --reason TEXT")
      .requiredOption("--reason <text>", "why (recorded with the move)", reasonOption)
      .option("--json", "print as JSON"),
  ).action(async (spec: string, flags: Flags) => {
    const parsed = parseModelVersionSpec(spec);
    if (parsed.version === "production") {
      throw new ModelguardError("usage", `set-production needs a version: ${parsed.name}@vN`, `e.g. ${parsed.name}@v2`);
    }
    const reg = registryFromFlags(flags, io);
    const r = await setProduction(reg, parsed.name, parsed.version, promotionContext(), flags.reason!);
    for (const w of r.notice.warnings) (io.warning ?? ((m: string) => io.err(`warning: ${m}`)))(w);
    if (flags.json) {
      io.out(
        JSON.stringify(
          {
            registry: reg.uri,
            name: parsed.name,
            version: parsed.version,
            move: r.move,
            deployment: r.notice.deployment ?? null,
            warnings: r.notice.warnings,
          },
          null,
          2,
        ),
      );
      return;
    }
    io.out(
      r.move === null
        ? `${parsed.name} v${parsed.version} is already production in ${reg.uri}; nothing moved`
        : `production of ${parsed.name} is now v${parsed.version} in ${reg.uri} (was ${r.move.from === null ? "none" : `v${r.move.from}`})` +
            (r.notice.deployment ? `; deployed to ${r.notice.deployment.environment}` : ""),
    );
  });
}
