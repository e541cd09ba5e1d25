import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  registryFromFlags
} from "./chunks/chunk-ETIZDIC2.js";
import {
  findMergedPullRequest,
  readPullRequestContext,
  upsertPullRequestComment
} from "./chunks/chunk-ZMVQBOI5.js";
import "./chunks/chunk-YFEKVSLM.js";
import {
  createGitHubClient,
  escapeMarkdown,
  formatMetric,
  githubAppCredentials,
  githubAuthFromEnv,
  isGitHubError,
  redactSecrets
} from "./chunks/chunk-J6QFQCEU.js";
import "./chunks/chunk-KXKSH3KJ.js";
import {
  require_tunnel,
  require_undici
} from "./chunks/chunk-EQZQF4BK.js";
import "./chunks/chunk-Z2HOCP5K.js";
import "./chunks/chunk-CIHEETR2.js";
import "./chunks/chunk-J3DWLQHK.js";
import "./chunks/chunk-BERRGJKQ.js";
import "./chunks/chunk-72K2B37S.js";
import {
  neutralizeWorkflowCommands
} from "./chunks/chunk-3YGHXF46.js";
import "./chunks/chunk-CV6AQ6IM.js";
import "./chunks/chunk-MYIUVGO5.js";
import {
  ModelguardError,
  locatedMessage
} from "./chunks/chunk-7XDOXOVQ.js";
import {
  __toESM
} from "./chunks/chunk-3DORHFRE.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve2) {
      resolve2(value);
    });
  }
  return new (P || (P = Promise))(function(resolve2, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve2(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/action/main.ts
import { existsSync as existsSync4, mkdirSync as mkdirSync2, rmSync as rmSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname2 } from "node:path";
import { fileURLToPath } from "node:url";

// src/action/actionInputs.ts
var COMMANDS = ["validate", "train", "evaluate", "compare", "report", "promote"];
var ActionInputError = class extends Error {
  name = "ActionInputError";
};
function readActionInputs(get) {
  const command = get("command");
  if (!COMMANDS.includes(command)) {
    throw new ActionInputError(
      command === "" ? `the 'command' input is required: one of ${COMMANDS.join(", ")}` : `unknown command '${command}': use one of ${COMMANDS.join(", ")}`
    );
  }
  const comment = (get("comment") || "auto").toLowerCase();
  if (comment !== "auto" && comment !== "true" && comment !== "false") {
    throw new ActionInputError(`'comment' must be auto, true or false, got '${comment}'`);
  }
  const failOn = (get("fail-on") || "fail").toLowerCase();
  if (failOn !== "fail" && failOn !== "warn" && failOn !== "never") {
    throw new ActionInputError(`'fail-on' must be fail, warn or never, got '${failOn}'`);
  }
  const onInconclusive = get("on-inconclusive").toLowerCase();
  if (onInconclusive !== "" && onInconclusive !== "fail" && onInconclusive !== "warn" && onInconclusive !== "pass") {
    throw new ActionInputError(`'on-inconclusive' must be fail, warn or pass, got '${onInconclusive}'`);
  }
  const interval = get("interval").toLowerCase();
  if (interval !== "" && interval !== "auto" && interval !== "bootstrap" && interval !== "analytic") {
    throw new ActionInputError(`'interval' must be auto, bootstrap or analytic, got '${interval}'`);
  }
  const reportId = get("report-id") || "default";
  if (!/^[A-Za-z0-9._-]+$/.test(reportId)) {
    throw new ActionInputError(`'report-id' may hold letters, digits, '.', '_' and '-', got '${reportId}'`);
  }
  return {
    command,
    data: get("data"),
    schema: get("schema"),
    reference: get("reference"),
    holdout: get("holdout"),
    target: get("target"),
    environment: get("environment"),
    run: get("run"),
    builtin: get("builtin") || "logistic",
    model: get("model"),
    baselineModel: get("baseline-model"),
    baseline: get("baseline"),
    metrics: get("metrics"),
    gates: get("gates"),
    onInconclusive,
    interval,
    sliceBy: get("slice-by"),
    config: get("config"),
    name: get("name"),
    registry: get("registry"),
    profile: get("profile"),
    profileData: get("profile-data"),
    reportId,
    comment,
    githubToken: get("github-token"),
    appId: get("app-id"),
    appPrivateKey: get("app-private-key"),
    appInstallationId: get("app-installation-id"),
    failOn
  };
}

// src/action/applyGitHubAppInputs.ts
function applyGitHubAppInputs(inputs, env, mask) {
  const { appId, appPrivateKey, appInstallationId } = inputs;
  if (appPrivateKey !== "") {
    mask(appPrivateKey);
    for (const line of appPrivateKey.replace(/\\n/g, "\n").split(/\r?\n/)) {
      const l = line.trim();
      if (l !== "" && !/^-----(BEGIN|END) /.test(l)) mask(l);
    }
  }
  if (appId === "" && appPrivateKey === "" && appInstallationId === "") return;
  if (appId !== "") env.MODELGUARD_APP_ID = appId;
  if (appPrivateKey !== "") {
    env.MODELGUARD_APP_PRIVATE_KEY = appPrivateKey;
    delete env.MODELGUARD_APP_PRIVATE_KEY_FILE;
  }
  if (appInstallationId !== "") env.MODELGUARD_APP_INSTALLATION_ID = appInstallationId;
  if ((env.MODELGUARD_APP_ID ?? "").trim() === "") {
    throw new ActionInputError(
      `'${appPrivateKey !== "" ? "app-private-key" : "app-installation-id"}' is set but 'app-id' is not: a GitHub App needs its id too`
    );
  }
  githubAppCredentials(
    {
      id: env.MODELGUARD_APP_ID,
      privateKey: env.MODELGUARD_APP_PRIVATE_KEY,
      privateKeyFile: env.MODELGUARD_APP_PRIVATE_KEY_FILE,
      installationId: env.MODELGUARD_APP_INSTALLATION_ID,
      names: {
        id: appId !== "" ? "app-id" : "MODELGUARD_APP_ID",
        privateKey: appPrivateKey !== "" ? "app-private-key" : "MODELGUARD_APP_PRIVATE_KEY or MODELGUARD_APP_PRIVATE_KEY_FILE",
        installationId: appInstallationId !== "" ? "app-installation-id" : "MODELGUARD_APP_INSTALLATION_ID"
      }
    },
    env.GITHUB_REPOSITORY
  );
}

// src/action/ensureOnnxRuntime.ts
import { spawnSync } from "node:child_process";
import {
  existsSync as existsSync2,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
var OnnxRuntimeSetupError = class extends Error {
  name = "OnnxRuntimeSetupError";
};
var ONNXRUNTIME_DIR_ENV = "MODELGUARD_ONNXRUNTIME_DIR";
var COMPLETE_MARKER = ".modelguard-complete";
function onnxRuntimeCacheDir(version, env = process.env) {
  const root = env.RUNNER_TOOL_CACHE && env.RUNNER_TOOL_CACHE.trim() !== "" ? env.RUNNER_TOOL_CACHE : tmpdir();
  return join(root, "modelguard-onnxruntime", version);
}
function ensureOnnxRuntime(o) {
  const env = o.env ?? process.env;
  const log2 = o.log ?? (() => {
  });
  let prefix;
  let source;
  const override = env[ONNXRUNTIME_DIR_ENV];
  if (override && override.trim() !== "") {
    prefix = resolve(override);
    source = "override";
    if (!existsSync2(join(prefix, "node_modules", "onnxruntime-node", "package.json"))) {
      throw new OnnxRuntimeSetupError(
        `${ONNXRUNTIME_DIR_ENV}=${override} has no node_modules/onnxruntime-node; install it there (npm install --prefix DIR onnxruntime-node@${o.version}) or unset ${ONNXRUNTIME_DIR_ENV}`
      );
    }
  } else {
    prefix = onnxRuntimeCacheDir(o.version, env);
    if (isComplete(prefix, o.version)) {
      source = "cache";
      log2(`onnxruntime-node ${o.version}: using the cached copy in ${prefix}`);
    } else {
      install(prefix, o.version, env, log2);
      source = "installed";
    }
  }
  const packageDir = join(prefix, "node_modules", "onnxruntime-node");
  linkInto(o.distDir, packageDir);
  return { packageDir, source };
}
function isComplete(prefix, version) {
  if (!existsSync2(join(prefix, COMPLETE_MARKER))) return false;
  try {
    const manifest = JSON.parse(readFileSync(join(prefix, "node_modules", "onnxruntime-node", "package.json"), "utf8"));
    return manifest.version === version;
  } catch {
    return false;
  }
}
function install(prefix, version, env, log2) {
  const staging = `${prefix}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const args = [
    "install",
    "--no-save",
    "--no-audit",
    "--no-fund",
    "--ignore-scripts",
    "--prefix",
    staging,
    `onnxruntime-node@${version}`
  ];
  log2(`onnxruntime-node ${version} is not cached: npm ${args.join(" ")} (about 290 MB unpacked, once per runner)`);
  const windows = process.platform === "win32";
  const r = spawnSync(windows ? "npm.cmd" : "npm", args, {
    env: { ...env, ONNXRUNTIME_NODE_INSTALL: "skip" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    // npm.cmd needs a shell on Windows; every argument above is fixed or a version number.
    shell: windows
  });
  if (r.error || r.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    const why = r.error ? r.error.message : `exit code ${r.status}: ${lastLines(r.stderr || r.stdout)}`;
    throw new OnnxRuntimeSetupError(
      `could not install onnxruntime-node@${version} with npm (${why}); the runner needs npm and access to the npm registry, or set ${ONNXRUNTIME_DIR_ENV} to a directory where it is installed`
    );
  }
  if (!existsSync2(join(staging, "node_modules", "onnxruntime-node", "package.json"))) {
    rmSync(staging, { recursive: true, force: true });
    throw new OnnxRuntimeSetupError(`npm finished but ${staging}/node_modules/onnxruntime-node is missing`);
  }
  writeMarker(staging);
  mkdirSync(dirname(prefix), { recursive: true });
  if (existsSync2(prefix) && !isComplete(prefix, version)) rmSync(prefix, { recursive: true, force: true });
  try {
    renameSync(staging, prefix);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!isComplete(prefix, version)) {
      throw new OnnxRuntimeSetupError(
        `could not move the onnxruntime-node install into ${prefix}: ${e.message}; re-run the job`
      );
    }
  }
}
function writeMarker(dir) {
  writeFileSync(join(dir, COMPLETE_MARKER), "complete\n");
}
function linkInto(distDir, packageDir) {
  const modules = join(distDir, "node_modules");
  const link = join(modules, "onnxruntime-node");
  mkdirSync(modules, { recursive: true });
  try {
    const st = lstatSync(link);
    if (st.isSymbolicLink() && resolve(modules, readlinkSync(link)) === packageDir) return;
    rmSync(link, { recursive: true, force: true });
  } catch {
  }
  symlinkSync(packageDir, link, process.platform === "win32" ? "junction" : "dir");
}
function lastLines(text) {
  return text.trim().split(/\r?\n/).slice(-5).join(" | ");
}

// src/action/planCommand.ts
import { existsSync as existsSync3 } from "node:fs";
import { join as join2 } from "node:path";
function resultPaths(runnerTemp, reportId) {
  const dir = join2(runnerTemp, "modelguard", reportId);
  return {
    dir,
    validation: join2(dir, "validation.json"),
    drift: join2(dir, "drift.json"),
    metrics: join2(dir, "metrics.json"),
    comparison: join2(dir, "comparison.json"),
    run: join2(dir, "run.json"),
    report: join2(dir, "report.md")
  };
}
function planCommand(inputs, paths, isPullRequest2, mergedPullRequest = null) {
  const opt = (flag, value) => value ? [flag, value] : [];
  const comment = inputs.comment === "true" || inputs.comment === "auto" && isPullRequest2 && (inputs.command === "compare" || inputs.command === "report");
  const publish = [
    "--report",
    paths.report,
    "--summary",
    ...comment ? ["--comment"] : [],
    "--report-id",
    inputs.reportId
  ];
  const earlier = (key) => existsSync3(paths[key]) ? [`--${key}`, paths[key]] : [];
  switch (inputs.command) {
    case "validate": {
      const steps = [];
      if (inputs.environment !== "" && inputs.schema === "") {
        throw new ActionInputError("'environment' goes with 'schema' (it names one of the schema's environments)");
      }
      const checks = inputs.schema !== "" || inputs.holdout !== "";
      if (checks || inputs.reference === "") {
        steps.push({
          argv: [
            "validate",
            ...opt("--data", inputs.data),
            ...opt("--schema", inputs.schema),
            ...inputs.schema ? opt("--environment", inputs.environment) : [],
            ...opt("--holdout", inputs.holdout),
            ...inputs.holdout ? opt("--target", inputs.target) : [],
            "--out",
            paths.validation,
            "--no-fail"
          ],
          onnx: false
        });
      }
      if (inputs.reference !== "") {
        if (inputs.data === "") throw new ActionInputError("validate with 'reference' needs 'data' (the current data)");
        steps.push({
          argv: [
            "drift",
            "--reference",
            inputs.reference,
            "--current",
            inputs.data,
            ...opt("--config", inputs.config),
            // the target is left out of the drift test by default (its drift is the labels', not the inputs')
            ...opt("--target", inputs.target),
            "--out",
            paths.drift,
            "--no-fail"
          ],
          onnx: false
        });
      }
      const report = [
        "report",
        ...checks || inputs.reference === "" ? ["--validation", paths.validation] : [],
        ...inputs.reference !== "" ? ["--drift", paths.drift] : [],
        ...publish
      ];
      steps.push({ argv: report, onnx: false });
      return { steps, modelPath: null };
    }
    case "train": {
      if (inputs.run !== "") {
        return {
          steps: [
            {
              argv: [
                "train",
                "--run",
                inputs.run,
                ...opt("--model", inputs.model),
                ...opt("--data", inputs.data),
                "--record",
                paths.run
              ],
              onnx: false
            }
          ],
          modelPath: inputs.model || null
        };
      }
      const model = inputs.model || "model.onnx";
      return {
        steps: [
          {
            argv: [
              "train",
              "--builtin",
              inputs.builtin,
              ...opt("--data", inputs.data),
              ...opt("--target", inputs.target),
              "-o",
              model
            ],
            onnx: false
          }
        ],
        modelPath: model
      };
    }
    case "evaluate":
      return {
        steps: [
          {
            argv: [
              "evaluate",
              ...opt("--model", inputs.model),
              ...opt("--data", inputs.data),
              ...opt("--target", inputs.target),
              "-o",
              paths.metrics
            ],
            onnx: true
          },
          { argv: ["report", "--metrics", paths.metrics, ...publish], onnx: false }
        ],
        modelPath: null
      };
    case "compare": {
      const gates = inputs.gates || inputs.config;
      const side = inputs.baselineModel !== "" ? [
        ...opt("--candidate-model", inputs.model),
        "--baseline-model",
        inputs.baselineModel,
        ...opt("--data", inputs.data),
        ...opt("--target", inputs.target),
        // registry:NAME baselines: where NAME's versions are (default: this repository's releases).
        ...inputs.baselineModel.startsWith("registry:") ? opt("--registry", inputs.registry) : []
      ] : inputs.baseline !== "" ? [
        ...opt("--candidate", inputs.metrics || (existsSync3(paths.metrics) ? paths.metrics : "")),
        "--baseline",
        inputs.baseline
      ] : [];
      if (side.length === 0) {
        throw new ActionInputError(
          "compare needs 'baseline-model' (with 'model', 'data', 'target') or 'baseline' (a metrics.json or git:REF:PATH)"
        );
      }
      return {
        steps: [
          {
            argv: [
              "compare",
              ...side,
              ...opt("--gates", gates),
              ...opt("--on-inconclusive", inputs.onInconclusive),
              ...opt("--interval", inputs.interval),
              ...inputs.baselineModel !== "" ? opt("--slice-by", inputs.sliceBy) : [],
              ...earlier("validation"),
              ...earlier("drift"),
              "--out",
              paths.comparison,
              "--no-fail",
              ...publish
            ],
            // compare.ts imports the evaluator statically, so even aggregate comparisons load onnxruntime.
            onnx: true
          }
        ],
        modelPath: null
      };
    }
    case "promote": {
      if (inputs.name === "" || inputs.model === "" || inputs.data === "" || inputs.target === "") {
        throw new ActionInputError(
          "promote needs 'name' (the model's name in the registry), 'model' (the merged ONNX model), and 'data' and 'target' (the test set it is evaluated on before it is promoted)"
        );
      }
      const registry = opt("--registry", inputs.registry);
      const profile = inputs.profile || (inputs.profileData ? join2(paths.dir, "profile.json") : "");
      const profileStep = inputs.profile === "" && inputs.profileData !== "" ? [{ argv: ["profile", "--data", inputs.profileData, "-o", profile], onnx: false }] : [];
      const compare = inputs.baselineModel !== "" ? [
        {
          argv: [
            "compare",
            "--candidate-model",
            inputs.model,
            "--baseline-model",
            inputs.baselineModel,
            "--data",
            inputs.data,
            "--target",
            inputs.target,
            ...registry,
            ...opt("--gates", inputs.gates || inputs.config),
            "--out",
            paths.comparison,
            // The pull request passed its gate before it merged: the comparison goes on the card, it does not decide.
            "--no-fail",
            "--report",
            paths.report,
            "--summary",
            "--report-id",
            inputs.reportId
          ],
          onnx: true
        }
      ] : [];
      return {
        steps: [
          {
            argv: [
              "evaluate",
              "--model",
              inputs.model,
              "--data",
              inputs.data,
              "--target",
              inputs.target,
              "-o",
              paths.metrics
            ],
            onnx: true
          },
          ...compare,
          ...profileStep,
          {
            argv: [
              "promote",
              "--name",
              inputs.name,
              "--model",
              inputs.model,
              "--metrics",
              paths.metrics,
              ...opt("--profile", profile),
              ...compare.length > 0 ? ["--comparison", paths.comparison] : [],
              ...existsSync3(paths.run) ? ["--record", paths.run] : [],
              ...mergedPullRequest !== null ? ["--pull-request", String(mergedPullRequest)] : [],
              ...registry
            ],
            onnx: false
          }
        ],
        modelPath: null
      };
    }
    case "report": {
      const inputsFound = [
        ...earlier("validation"),
        ...earlier("drift"),
        ...earlier("metrics"),
        ...existsSync3(paths.comparison) ? ["--comparison", paths.comparison] : []
      ];
      if (inputsFound.length === 0) {
        throw new ActionInputError(
          `report found no results of earlier modelguard steps in this job (report-id '${inputs.reportId}'): run validate, evaluate or compare first`
        );
      }
      return { steps: [{ argv: ["report", ...inputsFound, ...publish], onnx: false }], modelPath: null };
    }
  }
}

// src/action/promoteOnMerge.ts
import { createHash } from "node:crypto";
import { readFileSync as readFileSync2 } from "node:fs";
function pushContextOf(env, log2) {
  const m = /^([^/]+)\/([^/]+)$/.exec(env.GITHUB_REPOSITORY ?? "");
  const sha = env.GITHUB_SHA ?? "";
  const auth = githubAuthFromEnv(env, { token: env.GITHUB_TOKEN, repository: env.GITHUB_REPOSITORY });
  if (!auth) return { context: null, why: "no github-token" };
  if (!m || !/^[0-9a-f]{40}$/.test(sha)) return { context: null, why: "GITHUB_REPOSITORY or GITHUB_SHA is not set" };
  const client = createGitHubClient({
    ...auth,
    ...env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {},
    log: { warn: (w) => log2(`github: ${w}`) }
  });
  return {
    context: { owner: m[1], repo: m[2], sha, client, serverUrl: env.GITHUB_SERVER_URL || "https://github.com" },
    why: null
  };
}
async function mergedPullRequestOf(push, warn, token) {
  try {
    return await findMergedPullRequest(push.client, { owner: push.owner, repo: push.repo, sha: push.sha });
  } catch (e) {
    if (!isGitHubError(e)) throw e;
    warn(redactSecrets(`could not find the pull request of ${push.sha.slice(0, 12)}: ${e.message}`, token));
    return null;
  }
}
async function alreadyPromoted(registry, name, modelPath, commit) {
  const { pointer } = await registry.readPointer(name);
  if (pointer.production === null) return null;
  const card = await registry.readCard(name, pointer.production);
  const model = card?.assets.find((a) => a.name === "model.onnx");
  if (!card || !model || card.git.commit !== commit) return null;
  let sha;
  try {
    sha = createHash("sha256").update(readFileSync2(modelPath)).digest("hex");
  } catch {
    return null;
  }
  if (sha !== model.sha256) return null;
  return {
    name,
    version: card.model_version,
    tag: card.tag,
    previous: card.previous_production,
    registry: registry.uri,
    metrics: card.metrics,
    deployment: null,
    warnings: []
  };
}
function promotionComment(p, push) {
  const code = (s) => "`" + s.replace(/[`\r\n]/g, "") + "`";
  const ownRepo = p.registry.toLowerCase() === `github:${push.owner}/${push.repo}`.toLowerCase();
  const release = ownRepo ? `[${escapeMarkdown(p.tag)}](${push.serverUrl}/${push.owner}/${push.repo}/releases/tag/${p.tag})` : code(p.tag);
  const metrics = p.metrics.filter((m) => m.value !== null).slice(0, 20).map((m) => `| ${escapeMarkdown(m.name)} | ${formatMetric(m.value)} |`);
  return [
    `### modelguard: ${code(p.name)} v${p.version} is production`,
    "",
    `This pull request's model was evaluated on the test set again after the merge and promoted to ${code(p.name)} **v${p.version}** (${p.previous === null ? "the first production version" : `replacing v${p.previous}`}) in ${code(p.registry)}: release ${release}` + (p.deployment ? `, deployment ${p.deployment.id} to ${code(p.deployment.environment)}.` : "."),
    ...metrics.length > 0 ? ["", "| metric | value |", "|---|---|", ...metrics] : [],
    ...p.warnings.length > 0 ? ["", ...p.warnings.map((w) => `> warning: ${escapeMarkdown(w)}`)] : [],
    "",
    `Roll back with ${code(`modelguard registry set-production ${p.name}@v${p.previous ?? p.version} --reason "..."`)}.`
  ].join("\n");
}
async function commentPromotion(push, pr, p, warn, token) {
  try {
    const r = await upsertPullRequestComment(push.client, {
      owner: push.owner,
      repo: push.repo,
      issueNumber: pr.number,
      reportId: `promote/${p.name}`,
      body: promotionComment(p, push)
    });
    return redactSecrets(r.url, token);
  } catch (e) {
    if (!isGitHubError(e)) throw e;
    warn(
      redactSecrets(
        `promoted, but could not comment on pull request #${pr.number}: ${e.message}${e.hint ? ` — ${e.hint}` : ""}`,
        token
      )
    );
    return null;
  }
}

// src/action/runCli.ts
async function runCli(argv, io) {
  const { runCommand } = await import("./chunks/main-GHF356QV.js");
  return runCommand(argv, io);
}

// src/action/summarizeResults.ts
function recordResult(results, result) {
  switch (result.kind) {
    case "validation":
      results.validation = result;
      break;
    case "drift":
      results.drift = result;
      break;
    case "comparison":
      results.comparison = result;
      break;
    case "metrics":
      results.metrics = result;
      break;
    case "promotion":
      results.promotion = result;
      break;
  }
}
function summarizeResults(results) {
  const validation = results.validation?.value;
  const drift = results.drift?.value;
  const comparison = results.comparison?.value;
  const reasons = [];
  if (validation) {
    const errors = validation.violations.filter((v) => v.severity === "error").length;
    const warnings = validation.violations.length - errors;
    if (!validation.ok) reasons.push({ verdict: "fail", text: `data validation failed: ${errors} failing check(s)` });
    else if (warnings > 0) reasons.push({ verdict: "warn", text: `data validation: ${warnings} warning(s)` });
  }
  if (drift?.dataset_drifted) {
    reasons.push({
      verdict: "fail",
      text: `the data drifted from the reference (${(drift.drifted_share * 100).toFixed(1)}% of columns)`
    });
  }
  if (drift?.quality_failed) {
    const columns = new Set(drift.quality?.fired.map((f) => f.feature));
    reasons.push({ verdict: "fail", text: `data quality failed in ${columns.size} column(s)` });
  }
  if (comparison && comparison.verdict !== "pass") {
    reasons.push({ verdict: comparison.verdict, text: `comparison ${comparison.verdict}: ${comparison.reason}` });
  }
  const verdict = reasons.some((r) => r.verdict === "fail") ? "fail" : reasons.some((r) => r.verdict === "warn") ? "warn" : "pass";
  return {
    verdict,
    reason: reasons.length > 0 ? reasons.map((r) => r.text).join("; ") : "all checks passed",
    violations: validation ? validation.violations.length : null,
    driftedShare: drift ? drift.drifted_share : null
  };
}
function stepFails(verdict, failOn) {
  if (failOn === "never") return false;
  if (failOn === "warn") return verdict !== "pass";
  return verdict === "fail";
}

// src/action/main.ts
var WRITTEN = [
  "validation",
  "drift",
  "comparison",
  "metrics",
  "run"
];
function log(text) {
  info(neutralizeWorkflowCommands(text));
}
async function run() {
  try {
    const inputs = readActionInputs((name) => getInput(name));
    if (inputs.githubToken !== "") {
      setSecret(inputs.githubToken);
      process.env.GITHUB_TOKEN = inputs.githubToken;
    }
    applyGitHubAppInputs(inputs, process.env, (secret) => setSecret(secret));
    const paths = resultPaths(process.env.RUNNER_TEMP || tmpdir2(), inputs.reportId);
    mkdirSync2(paths.dir, { recursive: true });
    const warn = (message) => warning(message, { title: "modelguard" });
    const push = inputs.command === "promote" ? pushContextOf(process.env, log) : null;
    if (push?.why) warn(`not looking up the merged pull request: ${push.why}`);
    const merged = push?.context ? await mergedPullRequestOf(push.context, warn, inputs.githubToken) : null;
    if (push?.context && !merged) log(`no merged pull request has commit ${push.context.sha}: a direct push`);
    const plan = planCommand(inputs, paths, await isPullRequest(), merged?.number ?? null);
    if (inputs.command !== "report") for (const k of writtenBy(plan, paths)) rmSync2(paths[k], { force: true });
    rmSync2(paths.report, { force: true });
    const results = {};
    let commentUrl = "";
    const io = {
      out: (text) => log(text),
      err: (text) => log(text),
      commentPosted: (url) => commentUrl = url,
      warning: warn,
      result: (result) => recordResult(results, result)
    };
    let done = null;
    if (inputs.command === "promote" && push?.context) {
      try {
        const registry = registryFromFlags(inputs.registry ? { registry: inputs.registry } : {}, io);
        done = await alreadyPromoted(registry, inputs.name, inputs.model, push.context.sha);
      } catch (e) {
        log(`could not check whether this commit is already production: ${e.message}`);
      }
    }
    if (done) {
      log(
        `${done.name} v${done.version} is already production from commit ${push.context.sha}: not promoting it again`
      );
      recordResult(results, { kind: "promotion", value: done, path: null });
    }
    let ensured = false;
    for (const step of done ? [] : plan.steps) {
      if (step.onnx && !ensured) {
        ensureOnnxRuntime({ version: onnxRuntimeVersion(), distDir: bundleDir(), log: (m) => log(m) });
        ensured = true;
      }
      log(`modelguard ${step.argv.map(quote).join(" ")}`);
      const ended = await runCli(step.argv, io);
      if (ended.error) {
        await failWithError(ended.error);
        return;
      }
      if (ended.internalError) {
        setFailed(`modelguard: internal error: ${ended.internalError.stack ?? String(ended.internalError)}`);
        return;
      }
      if (ended.exitCode !== 0) {
        setFailed(`modelguard ${step.argv[0]} exited with code ${ended.exitCode}`);
        return;
      }
    }
    const promotion = results.promotion?.value;
    if (promotion) {
      setOutput("model-version", `v${promotion.version}`);
      setOutput("model-tag", promotion.tag);
      if (merged) setOutput("pull-request", String(merged.number));
      if (merged && push?.context) {
        const url = await commentPromotion(push.context, merged, promotion, warn, inputs.githubToken);
        if (url) {
          commentUrl = url;
          log(`commented v${promotion.version} on pull request #${merged.number}: ${url}`);
        }
      }
    }
    const outcome = summarizeResults(results);
    setOutput("verdict", outcome.verdict);
    if (existsSync4(paths.report)) setOutput("report-path", paths.report);
    if (results.metrics?.path) setOutput("metrics-path", results.metrics.path);
    if (results.comparison?.path) setOutput("comparison-path", results.comparison.path);
    if (plan.modelPath) setOutput("model-path", plan.modelPath);
    if (outcome.violations !== null) setOutput("violations", String(outcome.violations));
    if (outcome.driftedShare !== null) setOutput("drifted-share", String(outcome.driftedShare));
    if (commentUrl) setOutput("comment-url", commentUrl);
    log(`verdict: ${outcome.verdict} (${outcome.reason})`);
    if (stepFails(outcome.verdict, inputs.failOn)) setFailed(`modelguard: ${outcome.reason}`);
  } catch (e) {
    if (e instanceof ActionInputError || e instanceof OnnxRuntimeSetupError) setFailed(e.message);
    else if (e instanceof ModelguardError) await failWithError(e);
    else setFailed(`modelguard: internal error: ${e.stack ?? String(e)}`);
  }
}
async function failWithError(e) {
  const message = locatedMessage(e.message, e.location);
  setOutput("error-code", e.code);
  const hint = e.hint ? `

**Hint:** ${escapeMarkdown(e.hint)}` : "";
  await summary.addRaw(`### modelguard could not run

${escapeMarkdown(message)}${hint}
`, true).write();
  setFailed(e.hint ? `${message}
hint: ${e.hint}` : message);
}
function writtenBy(plan, paths) {
  const isOutFlag = (flag) => flag === "--out" || flag === "-o" || flag === "--record";
  return WRITTEN.filter(
    (k) => plan.steps.some(({ argv }) => argv.some((v, i) => v === paths[k] && isOutFlag(argv[i - 1])))
  );
}
async function isPullRequest() {
  try {
    return (await readPullRequestContext(process.env)).issueNumber !== null;
  } catch {
    return false;
  }
}
function onnxRuntimeVersion() {
  if (true) return "1.30.0";
  throw new OnnxRuntimeSetupError(
    "this build does not know its onnxruntime-node version: build it with npm run build:dist"
  );
}
function bundleDir() {
  return dirname2(fileURLToPath(import.meta.url));
}
function quote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

// src/action/index.ts
await run();
