import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ModelguardError } from "../errors.js";
import { MAX_CARD_BYTES, parseModelCard, type CardAsset, type ModelCard } from "./modelCard.js";
import type { ListedVersion, ModelRegistry, NewAsset, PointerState, RegistryNotice } from "./ModelRegistry.js";
import { emptyPointer, parsePointer, type ProductionPointer } from "./productionPointer.js";

/** How long a pointer move waits for another one's lock, and when a lock is old enough to be a crashed holder's. */
const LOCK_WAIT_MS = 10_000;
const STALE_LOCK_MS = 60_000;
const MAX_POINTER_BYTES = 1024 * 1024;

/**
 * The registry as a directory: `DIR/NAME/vN/` holds a version's assets, `card.json` and `README.md` (the card as
 * Markdown); `DIR/NAME/production.json` is the pointer. A version appears by renaming a finished temporary directory
 * into place (rename onto an existing version fails), and the pointer moves by an atomic rename under a lock file
 * after comparing the current pointer with the one the caller read.
 */
export class DirectoryModelRegistry implements ModelRegistry {
  readonly uri: string;
  private readonly root: string;

  constructor(dir: string) {
    this.uri = dir;
    this.root = resolve(dir);
  }

  private modelDir(name: string): string {
    return join(this.root, name);
  }

  async listVersions(name: string): Promise<ListedVersion[]> {
    let entries: string[];
    try {
      entries = await readdir(this.modelDir(name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw this.ioError(`cannot list ${this.modelDir(name)}`, e);
    }
    const out: ListedVersion[] = [];
    for (const entry of entries) {
      const m = /^v([1-9][0-9]{0,5})$/.exec(entry);
      if (!m) continue;
      const dir = join(this.modelDir(name), entry);
      const card = await stat(join(dir, "card.json")).catch(() => null);
      out.push({
        version: Number(m[1]),
        tag: `modelguard/${name}/${entry}`,
        complete: card !== null,
        created_at: card ? card.mtime.toISOString() : null,
        url: dir,
      });
    }
    return out.sort((a, b) => a.version - b.version);
  }

  async createVersion(name: string, card: ModelCard, assets: NewAsset[], notes: string): Promise<"created" | "exists"> {
    const final = join(this.modelDir(name), `v${card.model_version}`);
    if (await stat(final).catch(() => null)) return "exists";
    const tmp = join(this.modelDir(name), `.tmp-v${card.model_version}-${randomBytes(6).toString("hex")}`);
    try {
      await mkdir(tmp, { recursive: true });
      for (const a of assets) await writeFile(join(tmp, a.name), a.bytes);
      await writeFile(join(tmp, "README.md"), notes);
      await writeFile(join(tmp, "card.json"), JSON.stringify(card, null, 2) + "\n");
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      throw this.ioError(`cannot write version ${card.model_version} of ${name} under ${this.uri}`, e);
    }
    try {
      // rename(2) onto a non-empty directory fails: whoever renames first owns vN.
      await rename(tmp, final);
      return "created";
    } catch (e) {
      await rm(tmp, { recursive: true, force: true });
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOTEMPTY" || code === "EEXIST") return "exists";
      throw this.ioError(`cannot store version ${card.model_version} of ${name} under ${this.uri}`, e);
    }
  }

  async readCard(name: string, version: number): Promise<ModelCard | null> {
    const path = join(this.modelDir(name), `v${version}`, "card.json");
    const text = await this.readBounded(path, MAX_CARD_BYTES);
    return text === null ? null : parseModelCard(text.toString("utf8"), name, version, path);
  }

  async readAsset(name: string, version: number, asset: CardAsset, maxBytes: number): Promise<Buffer> {
    const path = join(this.modelDir(name), `v${version}`, asset.name);
    const bytes = await this.readBounded(path, maxBytes);
    if (bytes === null) {
      throw new ModelguardError(
        "registry",
        `${path} is missing, though the card of ${name} v${version} lists it`,
        "the version was damaged after it was stored; promote the model again",
      );
    }
    return bytes;
  }

  async readPointer(name: string): Promise<PointerState> {
    const path = this.pointerPath(name);
    const bytes = await this.readBounded(path, MAX_POINTER_BYTES);
    if (bytes === null) return { pointer: emptyPointer(name), revision: null };
    return { pointer: parsePointer(bytes.toString("utf8"), name, path), revision: digest(bytes) };
  }

  async writePointer(name: string, next: ProductionPointer, revision: string | null): Promise<"written" | "conflict"> {
    const path = this.pointerPath(name);
    await mkdir(this.modelDir(name), { recursive: true });
    const release = await this.lock(`${path}.lock`);
    try {
      const current = await this.readBounded(path, MAX_POINTER_BYTES);
      if ((current === null ? null : digest(current)) !== revision) return "conflict";
      const tmp = `${path}.tmp-${randomBytes(6).toString("hex")}`;
      const fh = await open(tmp, "wx");
      try {
        await fh.writeFile(JSON.stringify(next, null, 2) + "\n");
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, path);
      return "written";
    } catch (e) {
      throw this.ioError(`cannot move the production pointer ${path}`, e);
    } finally {
      await release();
    }
  }

  async productionMoved(): Promise<RegistryNotice> {
    return { warnings: [] };
  }

  private pointerPath(name: string): string {
    return join(this.modelDir(name), "production.json");
  }

  /** An exclusive lock file (O_EXCL), waited for up to LOCK_WAIT_MS; one older than STALE_LOCK_MS is taken over. */
  private async lock(path: string): Promise<() => Promise<void>> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        const fh = await open(path, "wx");
        await fh.writeFile(`${process.pid}\n`);
        await fh.close();
        return () => rm(path, { force: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw this.ioError(`cannot create the lock ${path}`, e);
      }
      const held = await stat(path).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        await rm(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ModelguardError(
          "registry",
          `the production pointer is locked by ${path} for more than ${LOCK_WAIT_MS / 1000} s`,
          `another promotion is running; if none is, delete ${path}`,
        );
      }
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
    }
  }

  /** The file's bytes, null when it does not exist; over maxBytes, or not a file, is a registry error. */
  private async readBounded(path: string, maxBytes: number): Promise<Buffer | null> {
    const st = await stat(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT" || e.code === "ENOTDIR") return null;
      throw this.ioError(`cannot read ${path}`, e);
    });
    if (st === null) return null;
    if (!st.isFile())
      throw new ModelguardError("registry", `${path} is not a file`, "the registry directory was altered");
    if (st.size > maxBytes) {
      throw new ModelguardError(
        "registry",
        `${path} is ${st.size} bytes, more than the ${maxBytes} allowed`,
        "the registry directory was altered, or the file is not what the registry stored",
      );
    }
    try {
      return await readFile(path);
    } catch (e) {
      throw this.ioError(`cannot read ${path}`, e);
    }
  }

  private ioError(what: string, e: unknown): ModelguardError {
    return new ModelguardError(
      "registry",
      `${what}: ${(e as Error).message}`,
      `check that ${this.uri} is a writable directory`,
    );
  }
}

function digest(b: Buffer): string {
  return createHash("sha256").update(b).digest("hex");
}
