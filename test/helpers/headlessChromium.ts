/** Headless Chromium for tests (Debian's /usr/bin/chromium): screenshots and the DOM of a page, no profile kept. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";

export const CHROMIUM = "/usr/bin/chromium";
export const noChromium = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is not installed: pages are not checked in a browser`;

export type Rgb = [number, number, number];
export interface Image {
  width: number;
  height: number;
  at(x: number, y: number): Rgb;
}

/**
 * Runs headless Chromium on `url` (a page of a server in this process: spawned, not spawnSync, so the server can
 * answer) without network services or profile state; resolves to its stdout.
 */
export async function chromium(url: string, args: string[]): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), "modelguard-chromium-"));
  try {
    const child = spawn(
      CHROMIUM,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        `--user-data-dir=${profile}`,
        ...args,
        url,
      ],
      // Chromium writes session and debug files into TMPDIR as well as the profile: both go with the profile.
      { env: { ...process.env, TMPDIR: profile }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), 120_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    assert.equal(code, 0, `chromium failed:\n${err.slice(-2000)}`);
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A screenshot of `url` in a width x height window. */
export async function screenshot(url: string, width: number, height: number): Promise<Image> {
  const dir = mkdtempSync(join(tmpdir(), "modelguard-shot-"));
  try {
    const file = join(dir, "page.png");
    await chromium(url, [`--window-size=${width},${height}`, `--screenshot=${file}`]);
    const png = PNG.sync.read(readFileSync(file));
    return {
      width: png.width,
      height: png.height,
      at: (x, y) => {
        const i = (y * png.width + x) * 4;
        return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const near = (a: Rgb, b: Rgb, tolerance = 12) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

/** Share of the pixels of rows [y0, y1) (every other column) for which `pred` holds. */
export function share(img: Image, y0: number, y1: number, pred: (c: Rgb) => boolean): number {
  let n = 0;
  let hit = 0;
  for (let y = y0; y < y1; y++)
    for (let x = 0; x < img.width; x += 2) {
      n++;
      if (pred(img.at(x, y))) hit++;
    }
  return hit / n;
}
