import type { CardAsset, ModelCard } from "./modelCard.js";
import type { ProductionPointer } from "./productionPointer.js";

/** A version as a listing sees it; `complete` once its card.json is stored (the card is written last). */
export interface ListedVersion {
  version: number;
  tag: string;
  complete: boolean;
  created_at: string | null;
  /** Where a person can look at it: the release page, or the version's directory. */
  url: string;
}

/** The pointer as read, with the opaque revision a compare-and-swap must present (null: no pointer stored yet). */
export interface PointerState {
  pointer: ProductionPointer;
  revision: string | null;
}

/** A file to store with a new version. */
export interface NewAsset {
  name: string;
  bytes: Buffer;
}

/** What storing a version or moving production did besides, for the command's output (e.g. a deployment). */
export interface RegistryNotice {
  deployment?: { id: number; environment: string; url: string | null };
  warnings: string[];
}

/**
 * Where model versions and the production pointer live. Two backends share the layout: a directory (local runs,
 * tests, a volume) and GitHub (releases of a repository). The registry logic (promoteModel, setProduction,
 * pullModelVersion) is written once against this interface.
 */
export interface ModelRegistry {
  /** How the user names it: a directory path, or github:OWNER/REPO. */
  readonly uri: string;
  /** Every version of NAME, oldest first (bounded by the backend's listing limit). */
  listVersions(name: string): Promise<ListedVersion[]>;
  /**
   * Stores version N with its assets and card (card.json written last). Answers "exists" when N is taken (a
   * concurrent promotion got there first): the caller tries N + 1.
   */
  createVersion(name: string, card: ModelCard, assets: NewAsset[], notes: string): Promise<"created" | "exists">;
  /** The card of a version, or null when the version does not exist or is incomplete. */
  readCard(name: string, version: number): Promise<ModelCard | null>;
  /** The bytes of one asset as stored, at most `maxBytes` (checked against the card by the caller). */
  readAsset(name: string, version: number, asset: CardAsset, maxBytes: number): Promise<Buffer>;
  readPointer(name: string): Promise<PointerState>;
  /** Replaces the pointer if its revision is still `revision`; "conflict" when someone else moved it first. */
  writePointer(name: string, next: ProductionPointer, revision: string | null): Promise<"written" | "conflict">;
  /** Called after production moved (GitHub: the deployment to `model/NAME`). */
  productionMoved(name: string, from: ModelCard | null, to: ModelCard): Promise<RegistryNotice>;
}
