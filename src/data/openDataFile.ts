import { open, type FileHandle } from "node:fs/promises";
import { ModelguardError } from "../errors.js";

/** Opens a data file for reading; a missing or unreadable file is an "input" error that names it. */
export async function openDataFile(file: string): Promise<FileHandle> {
  try {
    const fh = await open(file, "r");
    const stat = await fh.stat();
    if (stat.isDirectory()) {
      await fh.close();
      throw new ModelguardError("input", `${file} is a directory, not a data file`, "Pass the path of a file.", {
        file,
      });
    }
    // A pipe or device cannot be read by position, nor twice (the type sample, blocks of columns): ESPIPE otherwise.
    if (!stat.isFile()) {
      await fh.close();
      throw new ModelguardError(
        "input",
        `${file} is not a regular file (a pipe, socket or device): data files are read by position, some more than once`,
        "Write the data to a file first and pass its path.",
        { file },
      );
    }
    return fh;
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new ModelguardError(
        "input",
        `${file}: no such file`,
        "Check the path (it is relative to the working directory).",
        {
          file,
        },
      );
    if (code === "EISDIR")
      throw new ModelguardError("input", `${file} is a directory, not a data file`, "Pass the path of a file.", {
        file,
      });
    if (code === "EACCES" || code === "EPERM")
      throw new ModelguardError("input", `${file}: permission denied`, "Make the file readable for this user.", {
        file,
      });
    throw new ModelguardError("input", `${file}: cannot open (${(e as Error).message})`, "Check the path.", { file });
  }
}
