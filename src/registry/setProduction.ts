import { ModelguardError } from "../errors.js";
import type { ModelCard } from "./modelCard.js";
import type { ModelRegistry, RegistryNotice } from "./ModelRegistry.js";
import type { PromotionContext } from "./promoteModel.js";
import { movePointer, type ProductionMove } from "./productionPointer.js";

/** How often a rollback re-reads the pointer when another move keeps landing first. */
const MAX_ATTEMPTS = 5;

/**
 * Makes an existing, complete version production (a rollback, or a version a lost race left behind). Its intent does
 * not depend on what production was, so when another move lands between the read and the swap it retries on the new
 * production, up to MAX_ATTEMPTS times, and the recorded `from` is the production it actually replaced.
 */
export async function setProduction(
  registry: ModelRegistry,
  name: string,
  version: number,
  context: PromotionContext,
  reason: string,
): Promise<{ card: ModelCard; move: ProductionMove | null; notice: RegistryNotice; attempts: number }> {
  const card = await registry.readCard(name, version);
  if (!card) {
    throw new ModelguardError(
      "registry",
      `${name} v${version} does not exist in ${registry.uri} (or was never completed)`,
      `list the versions with \`modelguard registry list ${name}\``,
    );
  }
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { pointer, revision } = await registry.readPointer(name);
    if (pointer.production === version) return { card, move: null, notice: { warnings: [] }, attempts: attempt };
    const move: ProductionMove = {
      kind: "set-production",
      from: pointer.production,
      to: version,
      at: (context.now ?? (() => new Date()))().toISOString(),
      by: context.actor,
      reason,
      ...(context.runUrl ? { run_url: context.runUrl } : {}),
    };
    if ((await registry.writePointer(name, movePointer(pointer, move), revision)) === "written") {
      const from =
        pointer.production === null ? null : await registry.readCard(name, pointer.production).catch(() => null);
      const notice = await registry.productionMoved(name, from, card);
      return { card, move, notice, attempts: attempt };
    }
  }
  throw new ModelguardError(
    "registry",
    `production of ${name} kept moving: ${MAX_ATTEMPTS} attempts to make v${version} production lost to other moves`,
    `check \`modelguard registry show ${name}\` for who is moving it, then run again`,
  );
}
