// Small tmpfs file systems to fill: how the monitor's fault tests make ENOSPC happen where they want it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from "node:fs";
import type { TestContext } from "node:test";

/**
 * Mounts a tmpfs of each size at each path, in order (a later path may lie inside an earlier mount); returns what
 * unmounts them all. Where this machine cannot mount (not root, no mount permission) it undoes what it did, removes
 * `dir`, skips the test and returns null.
 */
export function mountSmallDisks(
  t: TestContext,
  dir: string,
  mounts: ReadonlyArray<readonly [path: string, size: string]>,
): (() => void) | null {
  const mounted: string[] = [];
  // Lazy: detaches even while a monitor that failed its shutdown still holds a file open there.
  const unmount = () => {
    for (const path of mounted.splice(0).reverse()) execFileSync("umount", ["-l", path]);
  };
  try {
    for (const [path, size] of mounts) {
      mkdirSync(path, { recursive: true });
      execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", path], { stdio: "pipe" });
      mounted.push(path);
    }
  } catch (e) {
    unmount();
    rmSync(dir, { recursive: true, force: true });
    t.skip(`cannot mount a small tmpfs to fill (needs root and mount permission): ${(e as Error).message.trim()}`);
    return null;
  }
  return unmount;
}

/** Writes `path` until its file system is full: every later write that needs a new page fails with ENOSPC. */
export function fillDisk(path: string): void {
  const fd = openSync(path, "w");
  try {
    const block = Buffer.alloc(4096, 1);
    for (;;) writeSync(fd, block);
  } catch (e) {
    assert.equal((e as NodeJS.ErrnoException).code, "ENOSPC");
  } finally {
    closeSync(fd);
  }
}

/** Polls /readyz until 200; fails after `turns` tries 20 ms apart. */
export async function readyWithin(url: string, turns: number): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if ((await fetch(`${url}/readyz`)).status === 200) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail("/readyz did not come back to 200 once the disk had space");
}
