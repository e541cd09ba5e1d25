import { ModelguardError } from "../errors.js";

/** One move of the production pointer: who moved it, when, from which version to which, and why. */
export interface ProductionMove {
  kind: "promote" | "set-production";
  from: number | null;
  to: number;
  at: string;
  by: string | null;
  reason: string | null;
  /** The workflow run that moved it, when it ran in GitHub Actions. */
  run_url?: string;
}

/**
 * The production pointer of one model, stored next to its versions (`production.json` in a directory, a file on the
 * registry branch on GitHub). It is replaced as a whole with a compare-and-swap, so its history cannot fork.
 */
export interface ProductionPointer {
  kind: "modelguard.production";
  version: 1;
  name: string;
  production: number | null;
  /** Oldest first; the oldest are dropped beyond MAX_MOVES. */
  moves: ProductionMove[];
}

/** A pointer file stays small (the contents API serves files up to 1 MB inline): 1,000 moves is years of releases. */
export const MAX_MOVES = 1000;

export function emptyPointer(name: string): ProductionPointer {
  return { kind: "modelguard.production", version: 1, name, production: null, moves: [] };
}

export function movePointer(p: ProductionPointer, move: ProductionMove): ProductionPointer {
  return { ...p, production: move.to, moves: [...p.moves, move].slice(-MAX_MOVES) };
}

/** Parses a stored pointer; anything else is a registry error naming where it was read. */
export function parsePointer(text: string, name: string, where: string): ProductionPointer {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw corrupt(where, `not JSON: ${(e as Error).message}`);
  }
  const p = v as Partial<ProductionPointer> | null;
  if (
    !p ||
    typeof p !== "object" ||
    p.kind !== "modelguard.production" ||
    p.version !== 1 ||
    p.name !== name ||
    !(p.production === null || (Number.isInteger(p.production) && (p.production as number) > 0)) ||
    !Array.isArray(p.moves) ||
    !p.moves.every(isMove)
  ) {
    throw corrupt(where, `not the production pointer of '${name}'`);
  }
  return p as ProductionPointer;
}

function isMove(m: unknown): m is ProductionMove {
  const x = m as ProductionMove;
  return (
    typeof x === "object" &&
    x !== null &&
    (x.kind === "promote" || x.kind === "set-production") &&
    (x.from === null || Number.isInteger(x.from)) &&
    Number.isInteger(x.to) &&
    typeof x.at === "string" &&
    (x.by === null || typeof x.by === "string") &&
    (x.reason === null || typeof x.reason === "string")
  );
}

function corrupt(where: string, why: string): ModelguardError {
  return new ModelguardError(
    "registry",
    `${where}: ${why}`,
    "the registry's production pointer was edited by hand or damaged; restore it from its history (git log of the registry branch, or a backup of the directory)",
  );
}
