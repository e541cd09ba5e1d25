import { stat } from "node:fs/promises";
import { ModelguardError } from "../errors.js";

/**
 * A file read more than once (a very wide file, once per block of its columns), as it was when first read: a file
 * written to or replaced between passes would mix rows of two files in one result, so that is an input error.
 */
export class UnchangedFile {
  private constructor(
    private readonly file: string,
    private readonly identity: string,
  ) {}

  /** Take this after the file was opened: a missing or unreadable file is the opener's error, with its hint. */
  static async of(file: string): Promise<UnchangedFile> {
    return new UnchangedFile(file, await fileIdentity(file));
  }

  /** Throws the input error when the file is no longer the one first read. */
  async check(): Promise<void> {
    if ((await fileIdentity(this.file)) === this.identity) return;
    throw new ModelguardError(
      "input",
      `${this.file} changed while it was being read (a file this wide is read once per block of its columns)`,
      "run again once nothing writes to the file, or on a copy of it",
      { file: this.file },
    );
  }
}

/** The file's device, inode, size and modification time; "gone" once it cannot be found (removed between passes). */
async function fileIdentity(file: string): Promise<string> {
  try {
    const s = await stat(file, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return "gone";
  }
}
