// The Action's entry point (bundled to dist/index.js): everything is in run().
import { run } from "./main.js";

await run();
