import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  reviveMetricsDocument
} from "./chunk-56NJ2FAC.js";
import {
  validateContract
} from "./chunk-BERRGJKQ.js";
import {
  readBoundedTextFile
} from "./chunk-MYIUVGO5.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/compare/readGitFile.ts
import { execFileSync } from "node:child_process";
function isGitSpec(spec) {
  return spec.startsWith("git:");
}
function readGitFile(spec, maxBytes, flag, cwd = process.cwd()) {
  const example = flag === "--baseline" ? "git:origin/main:ml/metrics.json" : "git:origin/main:ml/model.onnx";
  const rest = spec.slice(4);
  const colon = rest.indexOf(":");
  if (colon <= 0 || colon === rest.length - 1) {
    throw new ModelguardError("usage", `'${spec}' is not git:REF:PATH`, `e.g. ${flag} ${example}`);
  }
  const ref = rest.slice(0, colon);
  const path = rest.slice(colon + 1);
  if (ref.startsWith("-")) {
    throw new ModelguardError(
      "usage",
      `'${spec}': the ref '${ref}' starts with '-', which no git ref does`,
      `e.g. ${flag} ${example}`
    );
  }
  try {
    return execFileSync("git", ["show", "--end-of-options", `${ref}:${path}`], {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: maxBytes
    });
  } catch (e) {
    const code = e.code;
    if (code === "ENOBUFS") {
      throw new ModelguardError(
        "input",
        `${path} at ${ref} is larger than ${maxBytes} bytes`,
        `check the path in ${flag}`
      );
    }
    const stderr = (e.stderr ?? Buffer.alloc(0)).toString().trim().split("\n")[0];
    throw new ModelguardError(
      "input",
      `cannot read ${path} at ${ref} from git: ${stderr || e.message}`,
      "in GitHub Actions the checkout is shallow: use actions/checkout with fetch-depth: 0 (or git fetch origin main) so the ref exists"
    );
  }
}

// src/compare/readMetricsDocument.ts
var MAX_METRICS_FILE_BYTES = 64 * 1024 * 1024;
var MAKE_ONE = "make one with `modelguard evaluate ... -o metrics.json`";
function readMetricsDocument(spec, cwd = process.cwd()) {
  let text;
  if (isGitSpec(spec)) {
    text = readGitFile(spec, MAX_METRICS_FILE_BYTES, "--baseline", cwd).toString("utf8");
  } else {
    text = readMetricsText(spec);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ModelguardError("input", `${spec} is not valid JSON: ${e.message}`, "", { file: spec });
  }
  const problems = validateContract("metrics.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "input",
      `${spec} is not a modelguard metrics file: ${problems.slice(0, 3).join("; ")}`,
      "make one with `modelguard evaluate ... -o metrics.json`",
      { file: spec }
    );
  }
  return reviveMetricsDocument(value);
}
function readMetricsText(path) {
  const fail = (message, hint = MAKE_ONE) => new ModelguardError("input", message, hint, { file: path });
  return readBoundedTextFile(path, MAX_METRICS_FILE_BYTES, (why) => {
    switch (why.reason) {
      case "missing":
        return fail(`metrics file not found: ${path}`);
      case "directory":
        return fail(`${path} is a directory, not a metrics file`, "pass the metrics.json file itself");
      case "not-a-file":
        return fail(`${path} is not a regular file`, "pass the metrics.json file itself");
      case "too-large":
        return fail(
          `${path} is ${why.size} bytes, more than the ${MAX_METRICS_FILE_BYTES / 1024 / 1024} MiB a metrics file may be`,
          "check that the path names the metrics.json `modelguard evaluate -o` wrote"
        );
      case "io":
        return fail(`cannot read ${path}: ${why.message}`);
    }
  });
}

export {
  isGitSpec,
  readGitFile,
  readMetricsDocument
};
