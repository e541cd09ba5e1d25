import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  Command,
  exitCodeForError
} from "./chunk-KM7LGMFD.js";
import {
  binomialDeviance,
  buildProfile,
  categoricalProfileFrom,
  detectDrift,
  numericProfileFrom,
  pairwiseSum,
  quantileSorted,
  readYamlFile,
  registerDrift,
  resolvePolicy,
  stirlingError
} from "./chunk-6APYSW3U.js";
import {
  QuantileSketch,
  radixSortFloat64,
  radixSortFloat64InPlace,
  sampleProfile
} from "./chunk-T6YKG5IH.js";
import {
  readProfile,
  validateContract,
  writeProfile
} from "./chunk-2GS3UWSJ.js";
import {
  GitHubError,
  closeIssue,
  createGitHubClient,
  dispatchRepositoryEvent,
  dispatchWorkflow,
  emitReport,
  escapeMarkdown,
  findOpenIssueByMarker,
  openIssue,
  readResult,
  registerReport,
  upsertPullRequestComment,
  withReportOptions
} from "./chunk-AFVOULVQ.js";
import "./chunk-LKZV3K4F.js";
import {
  registerTrain,
  require_onnx
} from "./chunk-DKJB5IIV.js";
import {
  VERSION
} from "./chunk-JBZJQFLZ.js";
import {
  registerValidate
} from "./chunk-CFZMBTN6.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-WVMWPFZZ.js";
import "./chunk-72K2B37S.js";
import "./chunk-JLCG6PKP.js";
import {
  cellText,
  getColumn,
  isMissing,
  jsonStringScan,
  loadTable,
  readColumnNames,
  scanJsonString,
  scanTable
} from "./chunk-Z2HQZFGL.js";
import {
  choiceOption,
  delimiterOption,
  formatNumber,
  formatTable,
  listOption,
  numberOption,
  processIO,
  writeJsonFile
} from "./chunk-7PZ5DIST.js";
import {
  didYouMean
} from "./chunk-QIDGOCBZ.js";
import {
  ensureParentDir
} from "./chunk-ICTC3HKU.js";
import {
  ModelguardError,
  formatLocation
} from "./chunk-A3WDWWYJ.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-3DORHFRE.js";

// node_modules/pino-std-serializers/lib/err-helpers.js
var require_err_helpers = __commonJS({
  "node_modules/pino-std-serializers/lib/err-helpers.js"(exports, module) {
    "use strict";
    var isErrorLike = (err) => {
      return err && typeof err.message === "string";
    };
    var getErrorCause = (err) => {
      if (!err) return;
      const cause = err.cause;
      if (typeof cause === "function") {
        const causeResult = err.cause();
        return isErrorLike(causeResult) ? causeResult : void 0;
      } else {
        return isErrorLike(cause) ? cause : void 0;
      }
    };
    var _stackWithCauses = (err, seen) => {
      if (!isErrorLike(err)) return "";
      const stack = err.stack || "";
      if (seen.has(err)) {
        return stack + "\ncauses have become circular...";
      }
      const cause = getErrorCause(err);
      if (cause) {
        seen.add(err);
        return stack + "\ncaused by: " + _stackWithCauses(cause, seen);
      } else {
        return stack;
      }
    };
    var stackWithCauses = (err) => _stackWithCauses(err, /* @__PURE__ */ new Set());
    var _messageWithCauses = (err, seen, skip) => {
      if (!isErrorLike(err)) return "";
      const message = skip ? "" : err.message || "";
      if (seen.has(err)) {
        return message + ": ...";
      }
      const cause = getErrorCause(err);
      if (cause) {
        seen.add(err);
        const skipIfVErrorStyleCause = typeof err.cause === "function";
        return message + (skipIfVErrorStyleCause ? "" : ": ") + _messageWithCauses(cause, seen, skipIfVErrorStyleCause);
      } else {
        return message;
      }
    };
    var messageWithCauses = (err) => _messageWithCauses(err, /* @__PURE__ */ new Set());
    module.exports = {
      isErrorLike,
      getErrorCause,
      stackWithCauses,
      messageWithCauses
    };
  }
});

// node_modules/pino-std-serializers/lib/err-proto.js
var require_err_proto = __commonJS({
  "node_modules/pino-std-serializers/lib/err-proto.js"(exports, module) {
    "use strict";
    var seen = /* @__PURE__ */ Symbol("circular-ref-tag");
    var rawSymbol = /* @__PURE__ */ Symbol("pino-raw-err-ref");
    var pinoErrProto = Object.create({}, {
      type: {
        enumerable: true,
        writable: true,
        value: void 0
      },
      message: {
        enumerable: true,
        writable: true,
        value: void 0
      },
      stack: {
        enumerable: true,
        writable: true,
        value: void 0
      },
      aggregateErrors: {
        enumerable: true,
        writable: true,
        value: void 0
      },
      raw: {
        enumerable: false,
        get: function() {
          return this[rawSymbol];
        },
        set: function(val) {
          this[rawSymbol] = val;
        }
      }
    });
    Object.defineProperty(pinoErrProto, rawSymbol, {
      writable: true,
      value: {}
    });
    module.exports = {
      pinoErrProto,
      pinoErrorSymbols: {
        seen,
        rawSymbol
      }
    };
  }
});

// node_modules/pino-std-serializers/lib/err.js
var require_err = __commonJS({
  "node_modules/pino-std-serializers/lib/err.js"(exports, module) {
    "use strict";
    module.exports = errSerializer;
    var { messageWithCauses, stackWithCauses, isErrorLike } = require_err_helpers();
    var { pinoErrProto, pinoErrorSymbols } = require_err_proto();
    var { seen } = pinoErrorSymbols;
    var { toString } = Object.prototype;
    function errSerializer(err) {
      if (!isErrorLike(err)) {
        return err;
      }
      err[seen] = void 0;
      const _err = Object.create(pinoErrProto);
      _err.type = toString.call(err.constructor) === "[object Function]" ? err.constructor.name : err.name;
      _err.message = messageWithCauses(err);
      _err.stack = stackWithCauses(err);
      if (Array.isArray(err.errors)) {
        _err.aggregateErrors = err.errors.map((err2) => errSerializer(err2));
      }
      for (const key in err) {
        if (_err[key] === void 0) {
          const val = err[key];
          if (isErrorLike(val)) {
            if (key !== "cause" && !Object.prototype.hasOwnProperty.call(val, seen)) {
              _err[key] = errSerializer(val);
            }
          } else {
            _err[key] = val;
          }
        }
      }
      delete err[seen];
      _err.raw = err;
      return _err;
    }
  }
});

// node_modules/pino-std-serializers/lib/err-with-cause.js
var require_err_with_cause = __commonJS({
  "node_modules/pino-std-serializers/lib/err-with-cause.js"(exports, module) {
    "use strict";
    module.exports = errWithCauseSerializer;
    var { isErrorLike } = require_err_helpers();
    var { pinoErrProto, pinoErrorSymbols } = require_err_proto();
    var { seen } = pinoErrorSymbols;
    var { toString } = Object.prototype;
    function errWithCauseSerializer(err) {
      if (!isErrorLike(err)) {
        return err;
      }
      err[seen] = void 0;
      const _err = Object.create(pinoErrProto);
      _err.type = toString.call(err.constructor) === "[object Function]" ? err.constructor.name : err.name;
      _err.message = err.message;
      _err.stack = err.stack;
      if (Array.isArray(err.errors)) {
        _err.aggregateErrors = err.errors.map((err2) => errWithCauseSerializer(err2));
      }
      if (isErrorLike(err.cause) && !Object.prototype.hasOwnProperty.call(err.cause, seen)) {
        _err.cause = errWithCauseSerializer(err.cause);
      }
      for (const key in err) {
        if (_err[key] === void 0) {
          const val = err[key];
          if (isErrorLike(val)) {
            if (!Object.prototype.hasOwnProperty.call(val, seen)) {
              _err[key] = errWithCauseSerializer(val);
            }
          } else {
            _err[key] = val;
          }
        }
      }
      delete err[seen];
      _err.raw = err;
      return _err;
    }
  }
});

// node_modules/pino-std-serializers/lib/req.js
var require_req = __commonJS({
  "node_modules/pino-std-serializers/lib/req.js"(exports, module) {
    "use strict";
    module.exports = {
      mapHttpRequest,
      reqSerializer
    };
    var rawSymbol = /* @__PURE__ */ Symbol("pino-raw-req-ref");
    var pinoReqProto = Object.create({}, {
      id: {
        enumerable: true,
        writable: true,
        value: ""
      },
      method: {
        enumerable: true,
        writable: true,
        value: ""
      },
      url: {
        enumerable: true,
        writable: true,
        value: ""
      },
      query: {
        enumerable: true,
        writable: true,
        value: ""
      },
      params: {
        enumerable: true,
        writable: true,
        value: ""
      },
      headers: {
        enumerable: true,
        writable: true,
        value: {}
      },
      remoteAddress: {
        enumerable: true,
        writable: true,
        value: ""
      },
      remotePort: {
        enumerable: true,
        writable: true,
        value: ""
      },
      raw: {
        enumerable: false,
        get: function() {
          return this[rawSymbol];
        },
        set: function(val) {
          this[rawSymbol] = val;
        }
      }
    });
    Object.defineProperty(pinoReqProto, rawSymbol, {
      writable: true,
      value: {}
    });
    function reqSerializer(req) {
      const connection = req.info || req.socket;
      const _req = Object.create(pinoReqProto);
      _req.id = typeof req.id === "function" ? req.id() : req.id || (req.info ? req.info.id : void 0);
      _req.method = req.method;
      if (req.originalUrl) {
        _req.url = req.originalUrl;
      } else {
        const path = req.path;
        _req.url = typeof path === "string" ? path : req.url ? req.url.path || req.url : void 0;
      }
      if (req.query) {
        _req.query = req.query;
      }
      if (req.params) {
        _req.params = req.params;
      }
      _req.headers = req.headers;
      _req.remoteAddress = connection && connection.remoteAddress;
      _req.remotePort = connection && connection.remotePort;
      _req.raw = req.raw || req;
      return _req;
    }
    function mapHttpRequest(req) {
      return {
        req: reqSerializer(req)
      };
    }
  }
});

// node_modules/pino-std-serializers/lib/res.js
var require_res = __commonJS({
  "node_modules/pino-std-serializers/lib/res.js"(exports, module) {
    "use strict";
    module.exports = {
      mapHttpResponse,
      resSerializer
    };
    var rawSymbol = /* @__PURE__ */ Symbol("pino-raw-res-ref");
    var pinoResProto = Object.create({}, {
      statusCode: {
        enumerable: true,
        writable: true,
        value: 0
      },
      headers: {
        enumerable: true,
        writable: true,
        value: ""
      },
      raw: {
        enumerable: false,
        get: function() {
          return this[rawSymbol];
        },
        set: function(val) {
          this[rawSymbol] = val;
        }
      }
    });
    Object.defineProperty(pinoResProto, rawSymbol, {
      writable: true,
      value: {}
    });
    function resSerializer(res) {
      const _res = Object.create(pinoResProto);
      _res.statusCode = res.headersSent ? res.statusCode : null;
      _res.headers = res.getHeaders ? res.getHeaders() : res._headers;
      _res.raw = res;
      return _res;
    }
    function mapHttpResponse(res) {
      return {
        res: resSerializer(res)
      };
    }
  }
});

// node_modules/pino-std-serializers/index.js
var require_pino_std_serializers = __commonJS({
  "node_modules/pino-std-serializers/index.js"(exports, module) {
    "use strict";
    var errSerializer = require_err();
    var errWithCauseSerializer = require_err_with_cause();
    var reqSerializers = require_req();
    var resSerializers = require_res();
    module.exports = {
      err: errSerializer,
      errWithCause: errWithCauseSerializer,
      mapHttpRequest: reqSerializers.mapHttpRequest,
      mapHttpResponse: resSerializers.mapHttpResponse,
      req: reqSerializers.reqSerializer,
      res: resSerializers.resSerializer,
      wrapErrorSerializer: function wrapErrorSerializer(customSerializer) {
        if (customSerializer === errSerializer) return customSerializer;
        return function wrapErrSerializer(err) {
          return customSerializer(errSerializer(err));
        };
      },
      wrapRequestSerializer: function wrapRequestSerializer(customSerializer) {
        if (customSerializer === reqSerializers.reqSerializer) return customSerializer;
        return function wrappedReqSerializer(req) {
          return customSerializer(reqSerializers.reqSerializer(req));
        };
      },
      wrapResponseSerializer: function wrapResponseSerializer(customSerializer) {
        if (customSerializer === resSerializers.resSerializer) return customSerializer;
        return function wrappedResSerializer(res) {
          return customSerializer(resSerializers.resSerializer(res));
        };
      }
    };
  }
});

// node_modules/pino/lib/caller.js
var require_caller = __commonJS({
  "node_modules/pino/lib/caller.js"(exports, module) {
    "use strict";
    var util = __require("node:util");
    var getCallSites = util.getCallSites ?? util.getCallSite;
    function noOpPrepareStackTrace(_, stack) {
      return stack;
    }
    module.exports = function getCallers() {
      if (getCallSites) {
        return getCallSites().slice(2).map((callSite) => callSite.scriptName);
      }
      const originalPrepare = Error.prepareStackTrace;
      Error.prepareStackTrace = noOpPrepareStackTrace;
      const stack = new Error().stack;
      Error.prepareStackTrace = originalPrepare;
      if (!Array.isArray(stack)) {
        return void 0;
      }
      const entries = stack.slice(2);
      const fileNames = [];
      for (const entry of entries) {
        if (!entry) {
          continue;
        }
        fileNames.push(entry.getFileName());
      }
      return fileNames;
    };
  }
});

// node_modules/@pinojs/redact/index.js
var require_redact = __commonJS({
  "node_modules/@pinojs/redact/index.js"(exports, module) {
    "use strict";
    function deepClone(obj) {
      if (obj === null || typeof obj !== "object") {
        return obj;
      }
      if (obj instanceof Date) {
        return new Date(obj.getTime());
      }
      if (obj instanceof Array) {
        const cloned = [];
        for (let i = 0; i < obj.length; i++) {
          cloned[i] = deepClone(obj[i]);
        }
        return cloned;
      }
      if (typeof obj === "object") {
        const cloned = Object.create(Object.getPrototypeOf(obj));
        for (const key in obj) {
          if (Object.prototype.hasOwnProperty.call(obj, key)) {
            cloned[key] = deepClone(obj[key]);
          }
        }
        return cloned;
      }
      return obj;
    }
    function parsePath(path) {
      const parts = [];
      let current = "";
      let inBrackets = false;
      let inQuotes = false;
      let quoteChar = "";
      for (let i = 0; i < path.length; i++) {
        const char = path[i];
        if (!inBrackets && char === ".") {
          if (current) {
            parts.push(current);
            current = "";
          }
        } else if (char === "[") {
          if (current) {
            parts.push(current);
            current = "";
          }
          inBrackets = true;
        } else if (char === "]" && inBrackets) {
          parts.push(current);
          current = "";
          inBrackets = false;
          inQuotes = false;
        } else if ((char === '"' || char === "'") && inBrackets) {
          if (!inQuotes) {
            inQuotes = true;
            quoteChar = char;
          } else if (char === quoteChar) {
            inQuotes = false;
            quoteChar = "";
          } else {
            current += char;
          }
        } else {
          current += char;
        }
      }
      if (current) {
        parts.push(current);
      }
      return parts;
    }
    function setValue(obj, parts, value) {
      let current = obj;
      for (let i = 0; i < parts.length - 1; i++) {
        const key = parts[i];
        if (typeof current !== "object" || current === null || !(key in current)) {
          return false;
        }
        if (typeof current[key] !== "object" || current[key] === null) {
          return false;
        }
        current = current[key];
      }
      const lastKey = parts[parts.length - 1];
      if (lastKey === "*") {
        if (Array.isArray(current)) {
          for (let i = 0; i < current.length; i++) {
            current[i] = value;
          }
        } else if (typeof current === "object" && current !== null) {
          for (const key in current) {
            if (Object.prototype.hasOwnProperty.call(current, key)) {
              current[key] = value;
            }
          }
        }
      } else {
        if (typeof current === "object" && current !== null && lastKey in current && Object.prototype.hasOwnProperty.call(current, lastKey)) {
          current[lastKey] = value;
        }
      }
      return true;
    }
    function removeKey(obj, parts) {
      let current = obj;
      for (let i = 0; i < parts.length - 1; i++) {
        const key = parts[i];
        if (typeof current !== "object" || current === null || !(key in current)) {
          return false;
        }
        if (typeof current[key] !== "object" || current[key] === null) {
          return false;
        }
        current = current[key];
      }
      const lastKey = parts[parts.length - 1];
      if (lastKey === "*") {
        if (Array.isArray(current)) {
          for (let i = 0; i < current.length; i++) {
            current[i] = void 0;
          }
        } else if (typeof current === "object" && current !== null) {
          for (const key in current) {
            if (Object.prototype.hasOwnProperty.call(current, key)) {
              delete current[key];
            }
          }
        }
      } else {
        if (typeof current === "object" && current !== null && lastKey in current && Object.prototype.hasOwnProperty.call(current, lastKey)) {
          delete current[lastKey];
        }
      }
      return true;
    }
    var PATH_NOT_FOUND = /* @__PURE__ */ Symbol("PATH_NOT_FOUND");
    function getValueIfExists(obj, parts) {
      let current = obj;
      for (const part of parts) {
        if (current === null || current === void 0) {
          return PATH_NOT_FOUND;
        }
        if (typeof current !== "object" || current === null) {
          return PATH_NOT_FOUND;
        }
        if (!(part in current)) {
          return PATH_NOT_FOUND;
        }
        current = current[part];
      }
      return current;
    }
    function getValue(obj, parts) {
      let current = obj;
      for (const part of parts) {
        if (current === null || current === void 0) {
          return void 0;
        }
        if (typeof current !== "object" || current === null) {
          return void 0;
        }
        current = current[part];
      }
      return current;
    }
    function redactPaths(obj, paths, censor, remove = false) {
      for (const path of paths) {
        const parts = parsePath(path);
        if (parts.includes("*")) {
          redactWildcardPath(obj, parts, censor, path, remove);
        } else {
          if (remove) {
            removeKey(obj, parts);
          } else {
            const value = getValueIfExists(obj, parts);
            if (value === PATH_NOT_FOUND) {
              continue;
            }
            const actualCensor = typeof censor === "function" ? censor(value, parts) : censor;
            setValue(obj, parts, actualCensor);
          }
        }
      }
    }
    function redactWildcardPath(obj, parts, censor, originalPath, remove = false) {
      const wildcardIndex = parts.indexOf("*");
      if (wildcardIndex === parts.length - 1) {
        const parentParts = parts.slice(0, -1);
        let current = obj;
        for (const part of parentParts) {
          if (current === null || current === void 0) return;
          if (typeof current !== "object" || current === null) return;
          current = current[part];
        }
        if (Array.isArray(current)) {
          if (remove) {
            for (let i = 0; i < current.length; i++) {
              current[i] = void 0;
            }
          } else {
            for (let i = 0; i < current.length; i++) {
              const indexPath = [...parentParts, i.toString()];
              const actualCensor = typeof censor === "function" ? censor(current[i], indexPath) : censor;
              current[i] = actualCensor;
            }
          }
        } else if (typeof current === "object" && current !== null) {
          if (remove) {
            const keysToDelete = [];
            for (const key in current) {
              if (Object.prototype.hasOwnProperty.call(current, key)) {
                keysToDelete.push(key);
              }
            }
            for (const key of keysToDelete) {
              delete current[key];
            }
          } else {
            for (const key in current) {
              const keyPath = [...parentParts, key];
              const actualCensor = typeof censor === "function" ? censor(current[key], keyPath) : censor;
              current[key] = actualCensor;
            }
          }
        }
      } else {
        redactIntermediateWildcard(obj, parts, censor, wildcardIndex, originalPath, remove);
      }
    }
    function redactIntermediateWildcard(obj, parts, censor, wildcardIndex, originalPath, remove = false) {
      const beforeWildcard = parts.slice(0, wildcardIndex);
      const afterWildcard = parts.slice(wildcardIndex + 1);
      const pathArray = [];
      function traverse(current, pathLength) {
        if (pathLength === beforeWildcard.length) {
          if (Array.isArray(current)) {
            for (let i = 0; i < current.length; i++) {
              pathArray[pathLength] = i.toString();
              traverse(current[i], pathLength + 1);
            }
          } else if (typeof current === "object" && current !== null) {
            for (const key in current) {
              pathArray[pathLength] = key;
              traverse(current[key], pathLength + 1);
            }
          }
        } else if (pathLength < beforeWildcard.length) {
          const nextKey = beforeWildcard[pathLength];
          if (current && typeof current === "object" && current !== null && nextKey in current) {
            pathArray[pathLength] = nextKey;
            traverse(current[nextKey], pathLength + 1);
          }
        } else {
          if (afterWildcard.includes("*")) {
            const wrappedCensor = typeof censor === "function" ? (value, path) => {
              const fullPath = [...pathArray.slice(0, pathLength), ...path];
              return censor(value, fullPath);
            } : censor;
            redactWildcardPath(current, afterWildcard, wrappedCensor, originalPath, remove);
          } else {
            if (remove) {
              removeKey(current, afterWildcard);
            } else {
              const actualCensor = typeof censor === "function" ? censor(getValue(current, afterWildcard), [...pathArray.slice(0, pathLength), ...afterWildcard]) : censor;
              setValue(current, afterWildcard, actualCensor);
            }
          }
        }
      }
      if (beforeWildcard.length === 0) {
        traverse(obj, 0);
      } else {
        let current = obj;
        for (let i = 0; i < beforeWildcard.length; i++) {
          const part = beforeWildcard[i];
          if (current === null || current === void 0) return;
          if (typeof current !== "object" || current === null) return;
          current = current[part];
          pathArray[i] = part;
        }
        if (current !== null && current !== void 0) {
          traverse(current, beforeWildcard.length);
        }
      }
    }
    function buildPathStructure(pathsToClone) {
      if (pathsToClone.length === 0) {
        return null;
      }
      const pathStructure = /* @__PURE__ */ new Map();
      for (const path of pathsToClone) {
        const parts = parsePath(path);
        let current = pathStructure;
        for (let i = 0; i < parts.length; i++) {
          const part = parts[i];
          if (!current.has(part)) {
            current.set(part, /* @__PURE__ */ new Map());
          }
          current = current.get(part);
        }
      }
      return pathStructure;
    }
    function selectiveClone(obj, pathStructure) {
      if (!pathStructure) {
        return obj;
      }
      function cloneSelectively(source, pathMap, depth = 0) {
        if (!pathMap || pathMap.size === 0) {
          return source;
        }
        if (source === null || typeof source !== "object") {
          return source;
        }
        if (source instanceof Date) {
          return new Date(source.getTime());
        }
        if (Array.isArray(source)) {
          const cloned2 = [];
          for (let i = 0; i < source.length; i++) {
            const indexStr = i.toString();
            if (pathMap.has(indexStr) || pathMap.has("*")) {
              cloned2[i] = cloneSelectively(source[i], pathMap.get(indexStr) || pathMap.get("*"));
            } else {
              cloned2[i] = source[i];
            }
          }
          return cloned2;
        }
        const cloned = Object.create(Object.getPrototypeOf(source));
        for (const key in source) {
          if (Object.prototype.hasOwnProperty.call(source, key)) {
            if (pathMap.has(key) || pathMap.has("*")) {
              cloned[key] = cloneSelectively(source[key], pathMap.get(key) || pathMap.get("*"));
            } else {
              cloned[key] = source[key];
            }
          }
        }
        return cloned;
      }
      return cloneSelectively(obj, pathStructure);
    }
    function validatePath(path) {
      if (typeof path !== "string") {
        throw new Error("Paths must be (non-empty) strings");
      }
      if (path === "") {
        throw new Error("Invalid redaction path ()");
      }
      if (path.includes("..")) {
        throw new Error(`Invalid redaction path (${path})`);
      }
      if (path.includes(",")) {
        throw new Error(`Invalid redaction path (${path})`);
      }
      let bracketCount = 0;
      let inQuotes = false;
      let quoteChar = "";
      for (let i = 0; i < path.length; i++) {
        const char = path[i];
        if ((char === '"' || char === "'") && bracketCount > 0) {
          if (!inQuotes) {
            inQuotes = true;
            quoteChar = char;
          } else if (char === quoteChar) {
            inQuotes = false;
            quoteChar = "";
          }
        } else if (char === "[" && !inQuotes) {
          bracketCount++;
        } else if (char === "]" && !inQuotes) {
          bracketCount--;
          if (bracketCount < 0) {
            throw new Error(`Invalid redaction path (${path})`);
          }
        }
      }
      if (bracketCount !== 0) {
        throw new Error(`Invalid redaction path (${path})`);
      }
    }
    function validatePaths(paths) {
      if (!Array.isArray(paths)) {
        throw new TypeError("paths must be an array");
      }
      for (const path of paths) {
        validatePath(path);
      }
    }
    function slowRedact(options = {}) {
      const {
        paths = [],
        censor = "[REDACTED]",
        serialize = JSON.stringify,
        strict = true,
        remove = false
      } = options;
      validatePaths(paths);
      const pathStructure = buildPathStructure(paths);
      return function redact(obj) {
        if (strict && (obj === null || typeof obj !== "object")) {
          if (obj === null || obj === void 0) {
            return serialize ? serialize(obj) : obj;
          }
          if (typeof obj !== "object") {
            return serialize ? serialize(obj) : obj;
          }
        }
        const cloned = selectiveClone(obj, pathStructure);
        const original = obj;
        let actualCensor = censor;
        if (typeof censor === "function") {
          actualCensor = censor;
        }
        redactPaths(cloned, paths, actualCensor, remove);
        if (serialize === false) {
          cloned.restore = function() {
            return deepClone(original);
          };
          return cloned;
        }
        if (typeof serialize === "function") {
          return serialize(cloned);
        }
        return JSON.stringify(cloned);
      };
    }
    module.exports = slowRedact;
  }
});

// node_modules/pino/lib/symbols.js
var require_symbols = __commonJS({
  "node_modules/pino/lib/symbols.js"(exports, module) {
    "use strict";
    var setLevelSym = /* @__PURE__ */ Symbol("pino.setLevel");
    var getLevelSym = /* @__PURE__ */ Symbol("pino.getLevel");
    var levelValSym = /* @__PURE__ */ Symbol("pino.levelVal");
    var levelCompSym = /* @__PURE__ */ Symbol("pino.levelComp");
    var useLevelLabelsSym = /* @__PURE__ */ Symbol("pino.useLevelLabels");
    var useOnlyCustomLevelsSym = /* @__PURE__ */ Symbol("pino.useOnlyCustomLevels");
    var mixinSym = /* @__PURE__ */ Symbol("pino.mixin");
    var lsCacheSym = /* @__PURE__ */ Symbol("pino.lsCache");
    var chindingsSym = /* @__PURE__ */ Symbol("pino.chindings");
    var asJsonSym = /* @__PURE__ */ Symbol("pino.asJson");
    var writeSym = /* @__PURE__ */ Symbol("pino.write");
    var redactFmtSym = /* @__PURE__ */ Symbol("pino.redactFmt");
    var timeSym = /* @__PURE__ */ Symbol("pino.time");
    var timeSliceIndexSym = /* @__PURE__ */ Symbol("pino.timeSliceIndex");
    var streamSym = /* @__PURE__ */ Symbol("pino.stream");
    var stringifySym = /* @__PURE__ */ Symbol("pino.stringify");
    var stringifySafeSym = /* @__PURE__ */ Symbol("pino.stringifySafe");
    var stringifiersSym = /* @__PURE__ */ Symbol("pino.stringifiers");
    var endSym = /* @__PURE__ */ Symbol("pino.end");
    var formatOptsSym = /* @__PURE__ */ Symbol("pino.formatOpts");
    var messageKeySym = /* @__PURE__ */ Symbol("pino.messageKey");
    var errorKeySym = /* @__PURE__ */ Symbol("pino.errorKey");
    var nestedKeySym = /* @__PURE__ */ Symbol("pino.nestedKey");
    var nestedKeyStrSym = /* @__PURE__ */ Symbol("pino.nestedKeyStr");
    var mixinMergeStrategySym = /* @__PURE__ */ Symbol("pino.mixinMergeStrategy");
    var msgPrefixSym = /* @__PURE__ */ Symbol("pino.msgPrefix");
    var wildcardFirstSym = /* @__PURE__ */ Symbol("pino.wildcardFirst");
    var serializersSym = /* @__PURE__ */ Symbol.for("pino.serializers");
    var formattersSym = /* @__PURE__ */ Symbol.for("pino.formatters");
    var hooksSym = /* @__PURE__ */ Symbol.for("pino.hooks");
    var needsMetadataGsym = /* @__PURE__ */ Symbol.for("pino.metadata");
    var transportUsesMultistreamSym = /* @__PURE__ */ Symbol.for("pino.transport.usesMultistream");
    module.exports = {
      setLevelSym,
      getLevelSym,
      levelValSym,
      levelCompSym,
      useLevelLabelsSym,
      mixinSym,
      lsCacheSym,
      chindingsSym,
      asJsonSym,
      writeSym,
      serializersSym,
      redactFmtSym,
      timeSym,
      timeSliceIndexSym,
      streamSym,
      stringifySym,
      stringifySafeSym,
      stringifiersSym,
      endSym,
      formatOptsSym,
      messageKeySym,
      errorKeySym,
      nestedKeySym,
      wildcardFirstSym,
      needsMetadataGsym,
      useOnlyCustomLevelsSym,
      formattersSym,
      hooksSym,
      nestedKeyStrSym,
      mixinMergeStrategySym,
      msgPrefixSym,
      transportUsesMultistreamSym
    };
  }
});

// node_modules/pino/lib/redaction.js
var require_redaction = __commonJS({
  "node_modules/pino/lib/redaction.js"(exports, module) {
    "use strict";
    var Redact = require_redact();
    var { redactFmtSym, wildcardFirstSym } = require_symbols();
    var rx = /[^.[\]]+|\[([^[\]]*?)\]/g;
    var CENSOR = "[Redacted]";
    var strict = false;
    function redaction(opts, serialize) {
      const { paths, censor, remove } = handle(opts);
      const shape = paths.reduce((o, str) => {
        rx.lastIndex = 0;
        const first = rx.exec(str);
        const next = rx.exec(str);
        let ns = first[1] !== void 0 ? first[1].replace(/^(?:"|'|`)(.*)(?:"|'|`)$/, "$1") : first[0];
        if (ns === "*") {
          ns = wildcardFirstSym;
        }
        if (next === null) {
          o[ns] = null;
          return o;
        }
        if (o[ns] === null) {
          return o;
        }
        const { index } = next;
        const nextPath = `${str.substr(index, str.length - 1)}`;
        o[ns] = o[ns] || [];
        if (ns !== wildcardFirstSym && o[ns].length === 0) {
          o[ns].push(...o[wildcardFirstSym] || []);
        }
        if (ns === wildcardFirstSym) {
          Object.keys(o).forEach(function(k) {
            if (o[k]) {
              o[k].push(nextPath);
            }
          });
        }
        o[ns].push(nextPath);
        return o;
      }, /* @__PURE__ */ Object.create(null));
      const result = Object.assign(/* @__PURE__ */ Object.create(null), {
        [redactFmtSym]: Redact({ paths, censor, serialize, strict, remove })
      });
      const topCensor = (...args) => {
        return typeof censor === "function" ? serialize(censor(...args)) : serialize(censor);
      };
      return [...Object.keys(shape), ...Object.getOwnPropertySymbols(shape)].reduce((o, k) => {
        if (shape[k] === null) {
          o[k] = (value) => topCensor(value, [k]);
        } else {
          const wrappedCensor = typeof censor === "function" ? (value, path) => {
            return censor(value, [k, ...path]);
          } : censor;
          o[k] = Redact({
            paths: shape[k],
            censor: wrappedCensor,
            serialize,
            strict,
            remove
          });
        }
        return o;
      }, result);
    }
    function handle(opts) {
      if (Array.isArray(opts)) {
        opts = { paths: opts, censor: CENSOR };
        return opts;
      }
      let { paths, censor = CENSOR, remove } = opts;
      if (Array.isArray(paths) === false) {
        throw Error("pino – redact must contain an array of strings");
      }
      if (remove === true) censor = void 0;
      return { paths, censor, remove };
    }
    module.exports = redaction;
  }
});

// node_modules/pino/lib/time.js
var require_time = __commonJS({
  "node_modules/pino/lib/time.js"(exports, module) {
    "use strict";
    var nullTime = () => "";
    var epochTime = () => `,"time":${Date.now()}`;
    var unixTime = () => `,"time":${Math.round(Date.now() / 1e3)}`;
    var isoTime = () => `,"time":"${new Date(Date.now()).toISOString()}"`;
    var NS_PER_MS = 1000000n;
    var NS_PER_SEC = 1000000000n;
    var startWallTimeNs = BigInt(Date.now()) * NS_PER_MS;
    var startHrTime = process.hrtime.bigint();
    var isoTimeNano = () => {
      const elapsedNs = process.hrtime.bigint() - startHrTime;
      const currentTimeNs = startWallTimeNs + elapsedNs;
      const secondsSinceEpoch = currentTimeNs / NS_PER_SEC;
      const nanosWithinSecond = currentTimeNs % NS_PER_SEC;
      const msSinceEpoch = Number(secondsSinceEpoch * 1000n + nanosWithinSecond / 1000000n);
      const date = new Date(msSinceEpoch);
      const year = date.getUTCFullYear();
      const month = (date.getUTCMonth() + 1).toString().padStart(2, "0");
      const day = date.getUTCDate().toString().padStart(2, "0");
      const hours = date.getUTCHours().toString().padStart(2, "0");
      const minutes = date.getUTCMinutes().toString().padStart(2, "0");
      const seconds = date.getUTCSeconds().toString().padStart(2, "0");
      return `,"time":"${year}-${month}-${day}T${hours}:${minutes}:${seconds}.${nanosWithinSecond.toString().padStart(9, "0")}Z"`;
    };
    module.exports = { nullTime, epochTime, unixTime, isoTime, isoTimeNano };
  }
});

// node_modules/quick-format-unescaped/index.js
var require_quick_format_unescaped = __commonJS({
  "node_modules/quick-format-unescaped/index.js"(exports, module) {
    "use strict";
    function tryStringify(o) {
      try {
        return JSON.stringify(o);
      } catch (e) {
        return '"[Circular]"';
      }
    }
    module.exports = format;
    function format(f, args, opts) {
      var ss = opts && opts.stringify || tryStringify;
      var offset = 1;
      if (typeof f === "object" && f !== null) {
        var len = args.length + offset;
        if (len === 1) return f;
        var objects = new Array(len);
        objects[0] = ss(f);
        for (var index = 1; index < len; index++) {
          objects[index] = ss(args[index]);
        }
        return objects.join(" ");
      }
      if (typeof f !== "string") {
        return f;
      }
      var argLen = args.length;
      if (argLen === 0) return f;
      var str = "";
      var a = 1 - offset;
      var lastPos = -1;
      var flen = f && f.length || 0;
      for (var i = 0; i < flen; ) {
        if (f.charCodeAt(i) === 37 && i + 1 < flen) {
          lastPos = lastPos > -1 ? lastPos : 0;
          switch (f.charCodeAt(i + 1)) {
            case 100:
            // 'd'
            case 102:
              if (a >= argLen)
                break;
              if (args[a] == null) break;
              if (lastPos < i)
                str += f.slice(lastPos, i);
              str += Number(args[a]);
              lastPos = i + 2;
              i++;
              break;
            case 105:
              if (a >= argLen)
                break;
              if (args[a] == null) break;
              if (lastPos < i)
                str += f.slice(lastPos, i);
              str += Math.floor(Number(args[a]));
              lastPos = i + 2;
              i++;
              break;
            case 79:
            // 'O'
            case 111:
            // 'o'
            case 106:
              if (a >= argLen)
                break;
              if (args[a] === void 0) break;
              if (lastPos < i)
                str += f.slice(lastPos, i);
              var type = typeof args[a];
              if (type === "string") {
                str += "'" + args[a] + "'";
                lastPos = i + 2;
                i++;
                break;
              }
              if (type === "function") {
                str += args[a].name || "<anonymous>";
                lastPos = i + 2;
                i++;
                break;
              }
              str += ss(args[a]);
              lastPos = i + 2;
              i++;
              break;
            case 115:
              if (a >= argLen)
                break;
              if (lastPos < i)
                str += f.slice(lastPos, i);
              str += String(args[a]);
              lastPos = i + 2;
              i++;
              break;
            case 37:
              if (lastPos < i)
                str += f.slice(lastPos, i);
              str += "%";
              lastPos = i + 2;
              i++;
              a--;
              break;
          }
          ++a;
        }
        ++i;
      }
      if (lastPos === -1)
        return f;
      else if (lastPos < flen) {
        str += f.slice(lastPos);
      }
      return str;
    }
  }
});

// node_modules/atomic-sleep/index.js
var require_atomic_sleep = __commonJS({
  "node_modules/atomic-sleep/index.js"(exports, module) {
    "use strict";
    if (typeof SharedArrayBuffer !== "undefined" && typeof Atomics !== "undefined") {
      let sleep = function(ms) {
        const valid = ms > 0 && ms < Infinity;
        if (valid === false) {
          if (typeof ms !== "number" && typeof ms !== "bigint") {
            throw TypeError("sleep: ms must be a number");
          }
          throw RangeError("sleep: ms must be a number that is greater than 0 but less than Infinity");
        }
        Atomics.wait(nil, 0, 0, Number(ms));
      };
      const nil = new Int32Array(new SharedArrayBuffer(4));
      module.exports = sleep;
    } else {
      let sleep = function(ms) {
        const valid = ms > 0 && ms < Infinity;
        if (valid === false) {
          if (typeof ms !== "number" && typeof ms !== "bigint") {
            throw TypeError("sleep: ms must be a number");
          }
          throw RangeError("sleep: ms must be a number that is greater than 0 but less than Infinity");
        }
        const target = Date.now() + Number(ms);
        while (target > Date.now()) {
        }
      };
      module.exports = sleep;
    }
  }
});

// node_modules/sonic-boom/index.js
var require_sonic_boom = __commonJS({
  "node_modules/sonic-boom/index.js"(exports, module) {
    "use strict";
    var fs = __require("fs");
    var EventEmitter = __require("events");
    var inherits = __require("util").inherits;
    var path = __require("path");
    var sleep = require_atomic_sleep();
    var assert = __require("assert");
    var BUSY_WRITE_TIMEOUT = 100;
    var kEmptyBuffer = Buffer.allocUnsafe(0);
    var MAX_WRITE = 16 * 1024;
    var kContentModeBuffer = "buffer";
    var kContentModeUtf8 = "utf8";
    var [major, minor] = (process.versions.node || "0.0").split(".").map(Number);
    var kCopyBuffer = major >= 22 && minor >= 7;
    function openFile(file, sonic) {
      sonic._opening = true;
      sonic._writing = true;
      sonic._asyncDrainScheduled = false;
      function fileOpened(err, fd) {
        if (err) {
          sonic._reopening = false;
          sonic._writing = false;
          sonic._opening = false;
          if (sonic.sync) {
            process.nextTick(() => {
              if (sonic.listenerCount("error") > 0) {
                sonic.emit("error", err);
              }
            });
          } else {
            sonic.emit("error", err);
          }
          return;
        }
        const reopening = sonic._reopening;
        sonic.fd = fd;
        sonic.file = file;
        sonic._reopening = false;
        sonic._opening = false;
        sonic._writing = false;
        if (sonic.sync) {
          process.nextTick(() => sonic.emit("ready"));
        } else {
          sonic.emit("ready");
        }
        if (sonic.destroyed) {
          return;
        }
        if (!sonic._writing && sonic._len > sonic.minLength || sonic._flushPending) {
          sonic._actualWrite();
        } else if (reopening) {
          process.nextTick(() => sonic.emit("drain"));
        }
      }
      const flags = sonic.append ? "a" : "w";
      const mode = sonic.mode;
      if (sonic.sync) {
        try {
          if (sonic.mkdir) fs.mkdirSync(path.dirname(file), { recursive: true });
          const fd = fs.openSync(file, flags, mode);
          fileOpened(null, fd);
        } catch (err) {
          fileOpened(err);
          throw err;
        }
      } else if (sonic.mkdir) {
        fs.mkdir(path.dirname(file), { recursive: true }, (err) => {
          if (err) return fileOpened(err);
          fs.open(file, flags, mode, fileOpened);
        });
      } else {
        fs.open(file, flags, mode, fileOpened);
      }
    }
    function SonicBoom(opts) {
      if (!(this instanceof SonicBoom)) {
        return new SonicBoom(opts);
      }
      let { fd, dest, minLength, maxLength, maxWrite, periodicFlush, sync, append = true, mkdir, retryEAGAIN, fsync, contentMode, mode } = opts || {};
      fd = fd || dest;
      this._len = 0;
      this.fd = -1;
      this._bufs = [];
      this._lens = [];
      this._writing = false;
      this._ending = false;
      this._reopening = false;
      this._asyncDrainScheduled = false;
      this._flushPending = false;
      this._hwm = Math.max(minLength || 0, 16387);
      this.file = null;
      this.destroyed = false;
      this.minLength = minLength || 0;
      this.maxLength = maxLength || 0;
      this.maxWrite = maxWrite || MAX_WRITE;
      this._periodicFlush = periodicFlush || 0;
      this._periodicFlushTimer = void 0;
      this.sync = sync || false;
      this.writable = true;
      this._fsync = fsync || false;
      this.append = append || false;
      this.mode = mode;
      this.retryEAGAIN = retryEAGAIN || (() => true);
      this.mkdir = mkdir || false;
      let fsWriteSync;
      let fsWrite;
      if (contentMode === kContentModeBuffer) {
        this._writingBuf = kEmptyBuffer;
        this.write = writeBuffer;
        this.flush = flushBuffer;
        this.flushSync = flushBufferSync;
        this._actualWrite = actualWriteBuffer;
        fsWriteSync = () => fs.writeSync(this.fd, this._writingBuf);
        fsWrite = () => fs.write(this.fd, this._writingBuf, this.release);
      } else if (contentMode === void 0 || contentMode === kContentModeUtf8) {
        this._writingBuf = "";
        this.write = write2;
        this.flush = flush;
        this.flushSync = flushSync;
        this._actualWrite = actualWrite;
        fsWriteSync = () => {
          if (Buffer.isBuffer(this._writingBuf)) {
            return fs.writeSync(this.fd, this._writingBuf);
          }
          return fs.writeSync(this.fd, this._writingBuf, "utf8");
        };
        fsWrite = () => {
          if (Buffer.isBuffer(this._writingBuf)) {
            return fs.write(this.fd, this._writingBuf, this.release);
          }
          return fs.write(this.fd, this._writingBuf, "utf8", this.release);
        };
      } else {
        throw new Error(`SonicBoom supports "${kContentModeUtf8}" and "${kContentModeBuffer}", but passed ${contentMode}`);
      }
      if (typeof fd === "number") {
        this.fd = fd;
        process.nextTick(() => this.emit("ready"));
      } else if (typeof fd === "string") {
        openFile(fd, this);
      } else {
        throw new Error("SonicBoom supports only file descriptors and files");
      }
      if (this.minLength >= this.maxWrite) {
        throw new Error(`minLength should be smaller than maxWrite (${this.maxWrite})`);
      }
      this.release = (err, n) => {
        if (err) {
          if ((err.code === "EAGAIN" || err.code === "EBUSY") && this.retryEAGAIN(err, this._writingBuf.length, this._len - this._writingBuf.length)) {
            if (this.sync) {
              try {
                sleep(BUSY_WRITE_TIMEOUT);
                this.release(void 0, 0);
              } catch (err2) {
                this.release(err2);
              }
            } else {
              setTimeout(fsWrite, BUSY_WRITE_TIMEOUT);
            }
          } else {
            this._writing = false;
            this.emit("error", err);
          }
          return;
        }
        this.emit("write", n);
        const releasedBufObj = releaseWritingBuf(this._writingBuf, this._len, n);
        this._len = releasedBufObj.len;
        this._writingBuf = releasedBufObj.writingBuf;
        if (this._writingBuf.length) {
          if (!this.sync) {
            fsWrite();
            return;
          }
          try {
            do {
              const n2 = fsWriteSync();
              const releasedBufObj2 = releaseWritingBuf(this._writingBuf, this._len, n2);
              this._len = releasedBufObj2.len;
              this._writingBuf = releasedBufObj2.writingBuf;
            } while (this._writingBuf.length);
          } catch (err2) {
            this.release(err2);
            return;
          }
        }
        if (this._fsync) {
          fs.fsyncSync(this.fd);
        }
        const len = this._len;
        if (this._reopening) {
          this._writing = false;
          this._reopening = false;
          this.reopen();
        } else if (len > this.minLength) {
          this._actualWrite();
        } else if (this._ending) {
          if (len > 0) {
            this._actualWrite();
          } else {
            this._writing = false;
            actualClose(this);
          }
        } else {
          this._writing = false;
          if (this.sync) {
            if (!this._asyncDrainScheduled) {
              this._asyncDrainScheduled = true;
              process.nextTick(emitDrain, this);
            }
          } else {
            this.emit("drain");
          }
        }
      };
      this.on("newListener", function(name) {
        if (name === "drain") {
          this._asyncDrainScheduled = false;
        }
      });
      if (this._periodicFlush !== 0) {
        this._periodicFlushTimer = setInterval(() => this.flush(null), this._periodicFlush);
        this._periodicFlushTimer.unref();
      }
    }
    function releaseWritingBuf(writingBuf, len, n) {
      if (typeof writingBuf === "string") {
        writingBuf = Buffer.from(writingBuf);
      }
      len = Math.max(len - n, 0);
      writingBuf = writingBuf.subarray(n);
      return { writingBuf, len };
    }
    function emitDrain(sonic) {
      const hasListeners = sonic.listenerCount("drain") > 0;
      if (!hasListeners) return;
      sonic._asyncDrainScheduled = false;
      sonic.emit("drain");
    }
    inherits(SonicBoom, EventEmitter);
    function mergeBuf(bufs, len) {
      if (bufs.length === 0) {
        return kEmptyBuffer;
      }
      if (bufs.length === 1) {
        return bufs[0];
      }
      return Buffer.concat(bufs, len);
    }
    function write2(data) {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      data = "" + data;
      const dataLen = Buffer.byteLength(data);
      const len = this._len + dataLen;
      const bufs = this._bufs;
      if (this.maxLength && len > this.maxLength) {
        this.emit("drop", data);
        return this._len < this._hwm;
      }
      if (bufs.length === 0 || Buffer.byteLength(bufs[bufs.length - 1]) + dataLen > this.maxWrite) {
        bufs.push(data);
      } else {
        bufs[bufs.length - 1] += data;
      }
      this._len = len;
      if (!this._writing && this._len >= this.minLength) {
        this._actualWrite();
      }
      return this._len < this._hwm;
    }
    function writeBuffer(data) {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      const len = this._len + data.length;
      const bufs = this._bufs;
      const lens = this._lens;
      if (this.maxLength && len > this.maxLength) {
        this.emit("drop", data);
        return this._len < this._hwm;
      }
      if (bufs.length === 0 || lens[lens.length - 1] + data.length > this.maxWrite) {
        bufs.push([data]);
        lens.push(data.length);
      } else {
        bufs[bufs.length - 1].push(data);
        lens[lens.length - 1] += data.length;
      }
      this._len = len;
      if (!this._writing && this._len >= this.minLength) {
        this._actualWrite();
      }
      return this._len < this._hwm;
    }
    function callFlushCallbackOnDrain(cb) {
      this._flushPending = true;
      const onDrain = () => {
        if (!this._fsync) {
          try {
            fs.fsync(this.fd, (err) => {
              this._flushPending = false;
              cb(err);
            });
          } catch (err) {
            cb(err);
          }
        } else {
          this._flushPending = false;
          cb();
        }
        this.off("error", onError);
      };
      const onError = (err) => {
        this._flushPending = false;
        cb(err);
        this.off("drain", onDrain);
      };
      this.once("drain", onDrain);
      this.once("error", onError);
    }
    function flush(cb) {
      if (cb != null && typeof cb !== "function") {
        throw new Error("flush cb must be a function");
      }
      if (this.destroyed) {
        const error = new Error("SonicBoom destroyed");
        if (cb) {
          cb(error);
          return;
        }
        throw error;
      }
      if (this.minLength <= 0) {
        cb?.();
        return;
      }
      if (cb) {
        callFlushCallbackOnDrain.call(this, cb);
      }
      if (this._writing) {
        return;
      }
      if (this._bufs.length === 0) {
        this._bufs.push("");
      }
      this._actualWrite();
    }
    function flushBuffer(cb) {
      if (cb != null && typeof cb !== "function") {
        throw new Error("flush cb must be a function");
      }
      if (this.destroyed) {
        const error = new Error("SonicBoom destroyed");
        if (cb) {
          cb(error);
          return;
        }
        throw error;
      }
      if (this.minLength <= 0) {
        cb?.();
        return;
      }
      if (cb) {
        callFlushCallbackOnDrain.call(this, cb);
      }
      if (this._writing) {
        return;
      }
      if (this._bufs.length === 0) {
        this._bufs.push([]);
        this._lens.push(0);
      }
      this._actualWrite();
    }
    SonicBoom.prototype.reopen = function(file) {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      if (this._opening) {
        this.once("ready", () => {
          this.reopen(file);
        });
        return;
      }
      if (this._ending) {
        return;
      }
      if (!this.file) {
        throw new Error("Unable to reopen a file descriptor, you must pass a file to SonicBoom");
      }
      if (file) {
        this.file = file;
      }
      this._reopening = true;
      if (this._writing) {
        return;
      }
      const fd = this.fd;
      this.once("ready", () => {
        if (fd !== this.fd) {
          fs.close(fd, (err) => {
            if (err) {
              return this.emit("error", err);
            }
          });
        }
      });
      openFile(this.file, this);
    };
    SonicBoom.prototype.end = function() {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      if (this._opening) {
        this.once("ready", () => {
          this.end();
        });
        return;
      }
      if (this._ending) {
        return;
      }
      this._ending = true;
      if (this._writing) {
        return;
      }
      if (this._len > 0 && this.fd >= 0) {
        this._actualWrite();
      } else {
        actualClose(this);
      }
    };
    function flushSync() {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      if (this.fd < 0) {
        throw new Error("sonic boom is not ready yet");
      }
      if (!this._writing && this._writingBuf.length > 0) {
        this._bufs.unshift(this._writingBuf);
        this._writingBuf = "";
      }
      let buf = "";
      while (this._bufs.length || buf.length) {
        if (buf.length <= 0) {
          buf = this._bufs[0];
        }
        try {
          const n = Buffer.isBuffer(buf) ? fs.writeSync(this.fd, buf) : fs.writeSync(this.fd, buf, "utf8");
          const releasedBufObj = releaseWritingBuf(buf, this._len, n);
          buf = releasedBufObj.writingBuf;
          this._len = releasedBufObj.len;
          if (buf.length <= 0) {
            this._bufs.shift();
          }
        } catch (err) {
          const shouldRetry = err.code === "EAGAIN" || err.code === "EBUSY";
          if (shouldRetry && !this.retryEAGAIN(err, buf.length, this._len - buf.length)) {
            throw err;
          }
          sleep(BUSY_WRITE_TIMEOUT);
        }
      }
      try {
        fs.fsyncSync(this.fd);
      } catch {
      }
    }
    function flushBufferSync() {
      if (this.destroyed) {
        throw new Error("SonicBoom destroyed");
      }
      if (this.fd < 0) {
        throw new Error("sonic boom is not ready yet");
      }
      if (!this._writing && this._writingBuf.length > 0) {
        this._bufs.unshift([this._writingBuf]);
        this._writingBuf = kEmptyBuffer;
      }
      let buf = kEmptyBuffer;
      while (this._bufs.length || buf.length) {
        if (buf.length <= 0) {
          buf = mergeBuf(this._bufs[0], this._lens[0]);
        }
        try {
          const n = fs.writeSync(this.fd, buf);
          buf = buf.subarray(n);
          this._len = Math.max(this._len - n, 0);
          if (buf.length <= 0) {
            this._bufs.shift();
            this._lens.shift();
          }
        } catch (err) {
          const shouldRetry = err.code === "EAGAIN" || err.code === "EBUSY";
          if (shouldRetry && !this.retryEAGAIN(err, buf.length, this._len - buf.length)) {
            throw err;
          }
          sleep(BUSY_WRITE_TIMEOUT);
        }
      }
    }
    SonicBoom.prototype.destroy = function() {
      if (this.destroyed) {
        return;
      }
      actualClose(this);
    };
    function actualWrite() {
      const release = this.release;
      this._writing = true;
      this._writingBuf = this._writingBuf.length ? this._writingBuf : this._bufs.shift() || "";
      if (this.sync) {
        try {
          const written = Buffer.isBuffer(this._writingBuf) ? fs.writeSync(this.fd, this._writingBuf) : fs.writeSync(this.fd, this._writingBuf, "utf8");
          release(null, written);
        } catch (err) {
          release(err);
        }
      } else {
        fs.write(this.fd, this._writingBuf, release);
      }
    }
    function actualWriteBuffer() {
      const release = this.release;
      this._writing = true;
      this._writingBuf = this._writingBuf.length ? this._writingBuf : mergeBuf(this._bufs.shift(), this._lens.shift());
      if (this.sync) {
        try {
          const written = fs.writeSync(this.fd, this._writingBuf);
          release(null, written);
        } catch (err) {
          release(err);
        }
      } else {
        if (kCopyBuffer) {
          this._writingBuf = Buffer.from(this._writingBuf);
        }
        fs.write(this.fd, this._writingBuf, release);
      }
    }
    function actualClose(sonic) {
      if (sonic.fd === -1) {
        sonic.once("ready", actualClose.bind(null, sonic));
        return;
      }
      if (sonic._periodicFlushTimer !== void 0) {
        clearInterval(sonic._periodicFlushTimer);
      }
      sonic.destroyed = true;
      sonic._bufs = [];
      sonic._lens = [];
      assert(typeof sonic.fd === "number", `sonic.fd must be a number, got ${typeof sonic.fd}`);
      try {
        fs.fsync(sonic.fd, closeWrapped);
      } catch {
      }
      function closeWrapped() {
        if (sonic.fd !== 1 && sonic.fd !== 2) {
          fs.close(sonic.fd, done);
        } else {
          done();
        }
      }
      function done(err) {
        if (err) {
          sonic.emit("error", err);
          return;
        }
        if (sonic._ending && !sonic._writing) {
          sonic.emit("finish");
        }
        sonic.emit("close");
      }
    }
    SonicBoom.SonicBoom = SonicBoom;
    SonicBoom.default = SonicBoom;
    module.exports = SonicBoom;
  }
});

// node_modules/on-exit-leak-free/index.js
var require_on_exit_leak_free = __commonJS({
  "node_modules/on-exit-leak-free/index.js"(exports, module) {
    "use strict";
    var refs = {
      exit: [],
      beforeExit: []
    };
    var functions = {
      exit: onExit,
      beforeExit: onBeforeExit
    };
    var registry;
    function ensureRegistry() {
      if (registry === void 0) {
        registry = new FinalizationRegistry(clear);
      }
    }
    function install(event) {
      if (refs[event].length > 0) {
        return;
      }
      process.on(event, functions[event]);
    }
    function uninstall(event) {
      if (refs[event].length > 0) {
        return;
      }
      process.removeListener(event, functions[event]);
      if (refs.exit.length === 0 && refs.beforeExit.length === 0) {
        registry = void 0;
      }
    }
    function onExit() {
      callRefs("exit");
    }
    function onBeforeExit() {
      callRefs("beforeExit");
    }
    function callRefs(event) {
      for (const ref of refs[event]) {
        const obj = ref.deref();
        const fn = ref.fn;
        if (obj !== void 0) {
          fn(obj, event);
        }
      }
      refs[event] = [];
    }
    function clear(ref) {
      for (const event of ["exit", "beforeExit"]) {
        const index = refs[event].indexOf(ref);
        refs[event].splice(index, index + 1);
        uninstall(event);
      }
    }
    function _register(event, obj, fn) {
      if (obj === void 0) {
        throw new Error("the object can't be undefined");
      }
      install(event);
      const ref = new WeakRef(obj);
      ref.fn = fn;
      ensureRegistry();
      registry.register(obj, ref);
      refs[event].push(ref);
    }
    function register(obj, fn) {
      _register("exit", obj, fn);
    }
    function registerBeforeExit(obj, fn) {
      _register("beforeExit", obj, fn);
    }
    function unregister(obj) {
      if (registry === void 0) {
        return;
      }
      registry.unregister(obj);
      for (const event of ["exit", "beforeExit"]) {
        refs[event] = refs[event].filter((ref) => {
          const _obj = ref.deref();
          return _obj && _obj !== obj;
        });
        uninstall(event);
      }
    }
    module.exports = {
      register,
      registerBeforeExit,
      unregister
    };
  }
});

// node_modules/thread-stream/package.json
var require_package = __commonJS({
  "node_modules/thread-stream/package.json"(exports, module) {
    module.exports = {
      name: "thread-stream",
      version: "4.2.1",
      description: "A streaming way to send data to a Node.js Worker Thread",
      main: "index.js",
      types: "index.d.ts",
      engines: {
        node: ">=20"
      },
      dependencies: {
        "real-require": "^1.0.0"
      },
      devDependencies: {
        "@types/node": "^26.1.1",
        "@yao-pkg/pkg": "^6.0.0",
        borp: "^1.0.0",
        desm: "^1.3.0",
        eslint: "^9.39.1",
        fastbench: "^1.0.1",
        neostandard: "^0.13.0",
        "pino-elasticsearch": "^9.0.0",
        "sonic-boom": "^5.0.0",
        "ts-node": "^10.8.0",
        tsd: "^0.33.0",
        typescript: "~5.7.3"
      },
      scripts: {
        build: "tsc --noEmit",
        lint: "eslint",
        test: 'npm run lint && npm run build && npm run test:types && npm run transpile && borp --expose-gc --pattern "test/*.test.{js,mjs}"',
        "test:ci": 'npm run lint && npm run test:types && npm run transpile && borp --expose-gc --pattern "test/*.test.{js,mjs}"',
        "test:types": "tsd",
        "test:yarn": 'npm run transpile && borp --expose-gc --pattern "test/*.test.js"',
        transpile: "sh ./test/ts/transpile.sh"
      },
      tsd: {
        directory: "test/types"
      },
      repository: {
        type: "git",
        url: "git+https://github.com/mcollina/thread-stream.git"
      },
      keywords: [
        "worker",
        "thread",
        "threads",
        "stream"
      ],
      author: "Matteo Collina <hello@matteocollina.com>",
      license: "MIT",
      bugs: {
        url: "https://github.com/mcollina/thread-stream/issues"
      },
      homepage: "https://github.com/mcollina/thread-stream#readme"
    };
  }
});

// node_modules/thread-stream/lib/wait.js
var require_wait = __commonJS({
  "node_modules/thread-stream/lib/wait.js"(exports, module) {
    "use strict";
    var WAIT_MS = 1e4;
    function wait(state, index, expected, timeout, done) {
      const max = timeout === Infinity ? Infinity : Date.now() + timeout;
      const check = (previous) => {
        const current = Atomics.load(state, index);
        if (current >= expected) {
          done(null, "ok");
          return;
        }
        if (previous !== void 0 && current !== previous) {
          done(null, "not-equal");
          return;
        }
        if (max !== Infinity && Date.now() > max) {
          done(null, "timed-out");
          return;
        }
        const remaining = max === Infinity ? WAIT_MS : Math.min(WAIT_MS, Math.max(1, max - Date.now()));
        const result = Atomics.waitAsync(state, index, current, remaining);
        if (result.async) {
          result.value.then((res) => {
            if (res === "ok") {
              const latest = Atomics.load(state, index);
              done(null, latest >= expected ? "ok" : "not-equal");
              return;
            }
            check(current);
          });
        } else {
          setImmediate(done, null, "not-equal");
        }
      };
      check();
    }
    function waitDiff(state, index, expected, timeout, done) {
      const max = timeout === Infinity ? Infinity : Date.now() + timeout;
      const check = () => {
        const current = Atomics.load(state, index);
        if (current !== expected) {
          done(null, "ok");
          return;
        }
        if (max !== Infinity && Date.now() > max) {
          done(null, "timed-out");
          return;
        }
        const remaining = max === Infinity ? WAIT_MS : Math.min(WAIT_MS, Math.max(1, max - Date.now()));
        const result = Atomics.waitAsync(state, index, expected, remaining);
        if (result.async) {
          result.value.then((res) => {
            if (res === "ok") {
              done(null, "ok");
              return;
            }
            check();
          });
        } else {
          setImmediate(check);
        }
      };
      check();
    }
    module.exports = { wait, waitDiff };
  }
});

// node_modules/thread-stream/lib/indexes.js
var require_indexes = __commonJS({
  "node_modules/thread-stream/lib/indexes.js"(exports, module) {
    "use strict";
    var SEQ_INDEX = 2;
    var WRITE_INDEX = 4;
    var READ_INDEX = 8;
    module.exports = {
      WRITE_INDEX,
      READ_INDEX,
      SEQ_INDEX
    };
  }
});

// node_modules/thread-stream/index.js
var require_thread_stream = __commonJS({
  "node_modules/thread-stream/index.js"(exports, module) {
    "use strict";
    var { version } = require_package();
    var { EventEmitter } = __require("events");
    var { Worker } = __require("worker_threads");
    var { join: join5 } = __require("path");
    var { pathToFileURL } = __require("url");
    var { wait } = require_wait();
    var {
      WRITE_INDEX,
      READ_INDEX,
      SEQ_INDEX
    } = require_indexes();
    var buffer = __require("buffer");
    var assert = __require("assert");
    var kImpl = /* @__PURE__ */ Symbol("kImpl");
    var MAX_STRING = buffer.constants.MAX_STRING_LENGTH;
    function noop() {
    }
    function updateState(stream, fn) {
      Atomics.add(stream[kImpl].state, SEQ_INDEX, 1);
      fn();
      Atomics.add(stream[kImpl].state, SEQ_INDEX, 1);
      Atomics.notify(stream[kImpl].state, SEQ_INDEX);
    }
    function resetIndexes(stream) {
      updateState(stream, () => {
        Atomics.store(stream[kImpl].state, READ_INDEX, 0);
        Atomics.store(stream[kImpl].state, WRITE_INDEX, 0);
      });
      Atomics.notify(stream[kImpl].state, READ_INDEX);
    }
    var FakeWeakRef = class {
      constructor(value) {
        this._value = value;
      }
      deref() {
        return this._value;
      }
    };
    var FakeFinalizationRegistry = class {
      register() {
      }
      unregister() {
      }
    };
    var FinalizationRegistry2 = process.env.NODE_V8_COVERAGE ? FakeFinalizationRegistry : global.FinalizationRegistry || FakeFinalizationRegistry;
    var WeakRef2 = process.env.NODE_V8_COVERAGE ? FakeWeakRef : global.WeakRef || FakeWeakRef;
    var registry = new FinalizationRegistry2((worker) => {
      if (worker.exited) {
        return;
      }
      worker.terminate();
    });
    function createWorker(stream, opts) {
      const { filename, workerData } = opts;
      const bundlerOverrides = "__bundlerPathsOverrides" in globalThis ? globalThis.__bundlerPathsOverrides : {};
      const toExecute = bundlerOverrides["thread-stream-worker"] || join5(__dirname, "lib", "worker.js");
      const worker = new Worker(toExecute, {
        ...opts.workerOpts,
        name: opts.workerOpts?.name || "thread-stream",
        trackUnmanagedFds: false,
        workerData: {
          filename: filename.indexOf("file://") === 0 ? filename : pathToFileURL(filename).href,
          dataBuf: stream[kImpl].dataBuf,
          stateBuf: stream[kImpl].stateBuf,
          workerData: {
            $context: {
              threadStreamVersion: version
            },
            ...workerData
          }
        }
      });
      worker.stream = new FakeWeakRef(stream);
      worker.on("message", onWorkerMessage);
      worker.on("exit", onWorkerExit);
      registry.register(stream, worker);
      return worker;
    }
    function drain(stream) {
      assert(!stream[kImpl].sync);
      if (stream[kImpl].needDrain) {
        stream[kImpl].needDrain = false;
        stream.emit("drain");
      }
    }
    function nextFlush(stream) {
      while (true) {
        const writeIndex = Atomics.load(stream[kImpl].state, WRITE_INDEX);
        if (stream.destroyed || writeIndex < 0) {
          return;
        }
        const leftover = stream[kImpl].data.length - writeIndex;
        if (leftover > 0) {
          if (stream[kImpl].bufLen === 0) {
            stream[kImpl].flushing = false;
            if (stream[kImpl].ending) {
              end(stream);
            } else if (stream[kImpl].needDrain) {
              process.nextTick(drain, stream);
            }
            return;
          }
          write2(stream, leftover, noop);
          continue;
        }
        if (leftover === 0) {
          if (writeIndex === 0 && stream[kImpl].bufLen === 0) {
            return;
          }
          waitForRead(stream, () => {
            if (stream.destroyed) {
              return;
            }
            resetIndexes(stream);
            nextFlush(stream);
          });
          return;
        }
        destroy(stream, new Error("overwritten"));
        return;
      }
    }
    function onWorkerMessage(msg) {
      const stream = this.stream.deref();
      if (stream === void 0) {
        this.exited = true;
        this.terminate();
        return;
      }
      if (msg?.code == null) {
        return;
      }
      switch (msg.code) {
        case "READY":
          if (!stream[kImpl].ending) {
            this.stream = new WeakRef2(stream);
          }
          waitForRead(stream, () => {
            stream[kImpl].ready = true;
            stream.emit("ready");
          });
          break;
        case "ERROR":
          destroy(stream, msg.err);
          break;
        case "EVENT":
          if (Array.isArray(msg.args)) {
            stream.emit(msg.name, ...msg.args);
          } else {
            stream.emit(msg.name, msg.args);
          }
          break;
        case "FLUSHED": {
          if (msg.context !== "thread-stream") {
            destroy(stream, new Error("this should not happen: " + msg.code));
            break;
          }
          const cb = stream[kImpl].flushCallbacks.get(msg.id);
          if (cb) {
            stream[kImpl].flushCallbacks.delete(msg.id);
            process.nextTick(cb);
          }
          break;
        }
        case "WARNING":
          process.emitWarning(msg.err);
          break;
        default:
          destroy(stream, new Error("this should not happen: " + msg.code));
      }
    }
    function onWorkerExit(code) {
      const stream = this.stream.deref();
      if (stream === void 0) {
        return;
      }
      registry.unregister(stream);
      stream.worker.exited = true;
      stream.worker.off("exit", onWorkerExit);
      destroy(stream, code !== 0 ? new Error("the worker thread exited") : null);
    }
    var ThreadStream = class extends EventEmitter {
      constructor(opts = {}) {
        super();
        if (opts.bufferSize < 4) {
          throw new Error("bufferSize must at least fit a 4-byte utf-8 char");
        }
        this[kImpl] = {};
        this[kImpl].stateBuf = new SharedArrayBuffer(128);
        this[kImpl].state = new Int32Array(this[kImpl].stateBuf);
        this[kImpl].dataBuf = new SharedArrayBuffer(opts.bufferSize || 4 * 1024 * 1024);
        this[kImpl].data = Buffer.from(this[kImpl].dataBuf);
        this[kImpl].sync = opts.sync || false;
        this[kImpl].ending = false;
        this[kImpl].ended = false;
        this[kImpl].needDrain = false;
        this[kImpl].destroyed = false;
        this[kImpl].flushing = false;
        this[kImpl].ready = false;
        this[kImpl].finished = false;
        this[kImpl].errored = null;
        this[kImpl].closed = false;
        this[kImpl].buf = [];
        this[kImpl].bufHead = 0;
        this[kImpl].bufLen = 0;
        this[kImpl].flushCallbacks = /* @__PURE__ */ new Map();
        this[kImpl].nextFlushId = 0;
        this[kImpl].flushRetainCount = 0;
        this[kImpl].userRef = true;
        this.worker = createWorker(this, opts);
        this.on("message", (message, transferList) => {
          this.worker.postMessage(message, transferList);
        });
      }
      write(data) {
        const dataBuf = Buffer.isBuffer(data) ? data : Buffer.from(data);
        if (this[kImpl].destroyed) {
          error(this, new Error("the worker has exited"));
          return false;
        }
        if (this[kImpl].ending) {
          error(this, new Error("the worker is ending"));
          return false;
        }
        if (this[kImpl].flushing && this[kImpl].bufLen + dataBuf.length >= MAX_STRING) {
          try {
            writeSync3(this);
            this[kImpl].flushing = true;
          } catch (err) {
            destroy(this, err);
            return false;
          }
        }
        this[kImpl].buf.push(dataBuf);
        this[kImpl].bufLen += dataBuf.length;
        if (this[kImpl].sync) {
          try {
            writeSync3(this);
            return true;
          } catch (err) {
            destroy(this, err);
            return false;
          }
        }
        if (!this[kImpl].flushing) {
          this[kImpl].flushing = true;
          setImmediate(nextFlush, this);
        }
        this[kImpl].needDrain = this[kImpl].data.length - this[kImpl].bufLen - Atomics.load(this[kImpl].state, WRITE_INDEX) <= 0;
        return !this[kImpl].needDrain;
      }
      end() {
        if (this[kImpl].destroyed) {
          return;
        }
        this[kImpl].ending = true;
        this.worker.stream = new FakeWeakRef(this);
        end(this);
      }
      flush(cb) {
        const userCb = typeof cb === "function" ? cb : null;
        cb = userCb || noop;
        if (userCb) {
          retainWorkerForPendingFlush(this);
        }
        let finished = false;
        const done = (err) => {
          if (finished) {
            return;
          }
          finished = true;
          if (userCb) {
            releaseWorkerForPendingFlush(this);
          }
          cb(err);
        };
        flushBuffer(this, (err) => {
          if (err) {
            process.nextTick(done, err);
            return;
          }
          requestWorkerFlush(this, done);
        });
      }
      flushSync() {
        if (this[kImpl].destroyed) {
          return;
        }
        writeSync3(this);
        flushSync(this);
      }
      unref() {
        this[kImpl].userRef = false;
        if (this[kImpl].flushRetainCount === 0) {
          this.worker.unref();
        }
      }
      ref() {
        this[kImpl].userRef = true;
        this.worker.ref();
      }
      get ready() {
        return this[kImpl].ready;
      }
      get destroyed() {
        return this[kImpl].destroyed;
      }
      get closed() {
        return this[kImpl].closed;
      }
      get writable() {
        return !this[kImpl].destroyed && !this[kImpl].ending;
      }
      get writableEnded() {
        return this[kImpl].ending;
      }
      get writableFinished() {
        return this[kImpl].finished;
      }
      get writableNeedDrain() {
        return this[kImpl].needDrain;
      }
      get writableObjectMode() {
        return false;
      }
      get writableErrored() {
        return this[kImpl].errored;
      }
    };
    function flushBuffer(stream, cb) {
      if (stream[kImpl].destroyed) {
        process.nextTick(cb, new Error("the worker has exited"));
        return;
      }
      if (!stream[kImpl].sync && (stream[kImpl].flushing || stream[kImpl].bufLen > 0)) {
        setImmediate(flushBuffer, stream, cb);
        return;
      }
      waitForRead(stream, cb);
    }
    function waitForRead(stream, cb) {
      const writeIndex = Atomics.load(stream[kImpl].state, WRITE_INDEX);
      wait(stream[kImpl].state, READ_INDEX, writeIndex, Infinity, (err, res) => {
        if (err) {
          destroy(stream, err);
          cb(err);
          return;
        }
        if (res !== "ok") {
          waitForRead(stream, cb);
          return;
        }
        cb();
      });
    }
    function retainWorkerForPendingFlush(stream) {
      if (stream[kImpl].flushRetainCount === 0) {
        stream.worker.ref();
      }
      stream[kImpl].flushRetainCount++;
    }
    function releaseWorkerForPendingFlush(stream) {
      if (stream[kImpl].flushRetainCount === 0) {
        return;
      }
      stream[kImpl].flushRetainCount--;
      if (stream[kImpl].flushRetainCount === 0 && !stream[kImpl].userRef) {
        stream.worker.unref();
      }
    }
    function requestWorkerFlush(stream, cb) {
      if (stream[kImpl].destroyed) {
        process.nextTick(cb, new Error("the worker has exited"));
        return;
      }
      if (!stream[kImpl].ready) {
        const onReady = () => {
          cleanup();
          requestWorkerFlush(stream, cb);
        };
        const onClose = () => {
          cleanup();
          process.nextTick(cb, new Error("the worker has exited"));
        };
        const cleanup = () => {
          stream.off("ready", onReady);
          stream.off("close", onClose);
        };
        stream.once("ready", onReady);
        stream.once("close", onClose);
        return;
      }
      const id = ++stream[kImpl].nextFlushId;
      stream[kImpl].flushCallbacks.set(id, cb);
      try {
        stream.worker.postMessage({
          code: "FLUSH",
          context: "thread-stream",
          id
        });
      } catch (err) {
        stream[kImpl].flushCallbacks.delete(id);
        destroy(stream, err);
        process.nextTick(cb, err);
      }
    }
    function failPendingFlushCallbacks(stream, err) {
      const callbacks = stream[kImpl].flushCallbacks;
      if (callbacks.size === 0) {
        return;
      }
      const flushErr = err || new Error("the worker has exited");
      for (const cb of callbacks.values()) {
        process.nextTick(cb, flushErr);
      }
      callbacks.clear();
    }
    function error(stream, err) {
      setImmediate(() => {
        stream.emit("error", err);
      });
    }
    function destroy(stream, err) {
      if (stream[kImpl].destroyed) {
        return;
      }
      stream[kImpl].destroyed = true;
      failPendingFlushCallbacks(stream, err);
      if (err) {
        stream[kImpl].errored = err;
        error(stream, err);
      }
      if (!stream.worker.exited) {
        stream.worker.terminate().catch(() => {
        }).then(() => {
          stream[kImpl].closed = true;
          stream.emit("close");
        });
      } else {
        setImmediate(() => {
          stream[kImpl].closed = true;
          stream.emit("close");
        });
      }
    }
    function write2(stream, maxBytes, cb) {
      const current = Atomics.load(stream[kImpl].state, WRITE_INDEX);
      let offset = current;
      let remaining = maxBytes;
      while (remaining > 0 && stream[kImpl].bufLen !== 0) {
        const head = stream[kImpl].bufHead;
        const buf = stream[kImpl].buf[head];
        if (buf.length <= remaining) {
          buf.copy(stream[kImpl].data, offset);
          offset += buf.length;
          remaining -= buf.length;
          stream[kImpl].bufLen -= buf.length;
          stream[kImpl].bufHead = head + 1;
          if (stream[kImpl].bufHead === stream[kImpl].buf.length) {
            stream[kImpl].buf.length = 0;
            stream[kImpl].bufHead = 0;
          } else if (stream[kImpl].bufHead >= 1024 && stream[kImpl].bufHead * 2 >= stream[kImpl].buf.length) {
            stream[kImpl].buf.splice(0, stream[kImpl].bufHead);
            stream[kImpl].bufHead = 0;
          }
          continue;
        }
        buf.copy(stream[kImpl].data, offset, 0, remaining);
        stream[kImpl].buf[head] = buf.subarray(remaining);
        stream[kImpl].bufLen -= remaining;
        offset += remaining;
        remaining = 0;
      }
      updateState(stream, () => {
        Atomics.store(stream[kImpl].state, WRITE_INDEX, offset);
      });
      cb();
      return true;
    }
    function end(stream) {
      if (stream[kImpl].ended || !stream[kImpl].ending || stream[kImpl].flushing) {
        return;
      }
      stream[kImpl].ended = true;
      try {
        stream.flushSync();
        let readIndex = Atomics.load(stream[kImpl].state, READ_INDEX);
        updateState(stream, () => {
          Atomics.store(stream[kImpl].state, WRITE_INDEX, -1);
        });
        let spins = 0;
        while (readIndex !== -1) {
          Atomics.wait(stream[kImpl].state, READ_INDEX, readIndex, 1e3);
          readIndex = Atomics.load(stream[kImpl].state, READ_INDEX);
          if (readIndex === -2) {
            destroy(stream, new Error("end() failed"));
            return;
          }
          if (++spins === 10) {
            destroy(stream, new Error("end() took too long (10s)"));
            return;
          }
        }
        process.nextTick(() => {
          stream[kImpl].finished = true;
          stream.emit("finish");
        });
      } catch (err) {
        destroy(stream, err);
      }
    }
    function writeSync3(stream) {
      const cb = () => {
        if (stream[kImpl].ending) {
          end(stream);
        } else if (stream[kImpl].needDrain) {
          process.nextTick(drain, stream);
        }
      };
      stream[kImpl].flushing = false;
      while (stream[kImpl].bufLen !== 0) {
        const writeIndex = Atomics.load(stream[kImpl].state, WRITE_INDEX);
        if (writeIndex < 0) {
          throw new Error("_writeSync failed");
        }
        const leftover = stream[kImpl].data.length - writeIndex;
        if (leftover === 0) {
          flushSync(stream);
          resetIndexes(stream);
          continue;
        } else if (leftover < 0) {
          throw new Error("overwritten");
        }
        write2(stream, leftover, cb);
      }
    }
    function flushSync(stream) {
      if (stream[kImpl].flushing) {
        throw new Error("unable to flush while flushing");
      }
      const writeIndex = Atomics.load(stream[kImpl].state, WRITE_INDEX);
      let spins = 0;
      while (true) {
        const readIndex = Atomics.load(stream[kImpl].state, READ_INDEX);
        if (readIndex === -2) {
          throw Error("_flushSync failed");
        }
        if (readIndex !== writeIndex) {
          Atomics.wait(stream[kImpl].state, READ_INDEX, readIndex, 1e3);
        } else {
          break;
        }
        if (++spins === 10) {
          throw new Error("_flushSync took too long (10s)");
        }
      }
    }
    module.exports = ThreadStream;
  }
});

// node_modules/pino/lib/transport.js
var require_transport = __commonJS({
  "node_modules/pino/lib/transport.js"(exports, module) {
    "use strict";
    var { createRequire } = __require("module");
    var { existsSync: existsSync4 } = __require("node:fs");
    var getCallers = require_caller();
    var { join: join5, isAbsolute: isAbsolute2, sep } = __require("node:path");
    var { fileURLToPath } = __require("node:url");
    var sleep = require_atomic_sleep();
    var onExit = require_on_exit_leak_free();
    var ThreadStream = require_thread_stream();
    var { transportUsesMultistreamSym } = require_symbols();
    function setupOnExit(stream) {
      onExit.register(stream, autoEnd);
      onExit.registerBeforeExit(stream, flush);
      stream.on("close", function() {
        onExit.unregister(stream);
      });
    }
    function hasPreloadFlags() {
      const execArgv = process.execArgv;
      for (let i = 0; i < execArgv.length; i++) {
        const arg = execArgv[i];
        if (arg === "--import" || arg === "--require" || arg === "-r") {
          return true;
        }
        if (arg.startsWith("--import=") || arg.startsWith("--require=") || arg.startsWith("-r=")) {
          return true;
        }
      }
      return false;
    }
    function sanitizeNodeOptions(nodeOptions) {
      const tokens = nodeOptions.match(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g);
      if (!tokens) {
        return nodeOptions;
      }
      const sanitized = [];
      let changed = false;
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i];
        if (token === "--require" || token === "-r" || token === "--import") {
          const next = tokens[i + 1];
          if (next && shouldDropPreload(next)) {
            changed = true;
            i++;
            continue;
          }
          sanitized.push(token);
          if (next) {
            sanitized.push(next);
            i++;
          }
          continue;
        }
        if (token.startsWith("--require=") || token.startsWith("-r=") || token.startsWith("--import=")) {
          const value = token.slice(token.indexOf("=") + 1);
          if (shouldDropPreload(value)) {
            changed = true;
            continue;
          }
        }
        sanitized.push(token);
      }
      return changed ? sanitized.join(" ") : nodeOptions;
    }
    function shouldDropPreload(value) {
      const unquoted = stripQuotes(value);
      if (!unquoted) {
        return false;
      }
      let path = unquoted;
      if (path.startsWith("file://")) {
        try {
          path = fileURLToPath(path);
        } catch {
          return false;
        }
      }
      return isAbsolute2(path) && !existsSync4(path);
    }
    function stripQuotes(value) {
      const first = value[0];
      const last = value[value.length - 1];
      if (first === '"' && last === '"' || first === "'" && last === "'") {
        return value.slice(1, -1);
      }
      return value;
    }
    function buildStream(filename, workerData, workerOpts, sync, name) {
      if (!workerOpts.execArgv && hasPreloadFlags() && __require.main === void 0) {
        workerOpts = {
          ...workerOpts,
          execArgv: []
        };
      }
      if (!workerOpts.env && process.env.NODE_OPTIONS) {
        const nodeOptions = sanitizeNodeOptions(process.env.NODE_OPTIONS);
        if (nodeOptions !== process.env.NODE_OPTIONS) {
          workerOpts = {
            ...workerOpts,
            env: {
              ...process.env,
              NODE_OPTIONS: nodeOptions
            }
          };
        }
      }
      workerOpts = { ...workerOpts, name };
      const stream = new ThreadStream({
        filename,
        workerData,
        workerOpts,
        sync
      });
      stream.on("ready", onReady);
      stream.on("close", function() {
        process.removeListener("exit", onExit2);
      });
      process.on("exit", onExit2);
      function onReady() {
        process.removeListener("exit", onExit2);
        stream.unref();
        if (workerOpts.autoEnd !== false) {
          setupOnExit(stream);
        }
      }
      function onExit2() {
        if (stream.closed) {
          return;
        }
        stream.flushSync();
        sleep(100);
        stream.end();
      }
      return stream;
    }
    function autoEnd(stream) {
      stream.ref();
      stream.flushSync();
      stream.end();
      stream.once("close", function() {
        stream.unref();
      });
    }
    function flush(stream) {
      stream.flushSync();
    }
    function transport(fullOptions) {
      const { pipeline, targets, levels, dedupe: dedupe2, worker = {}, caller = getCallers(), sync = false } = fullOptions;
      const options = {
        ...fullOptions.options
      };
      let usesMultistream = false;
      const callers = typeof caller === "string" ? [caller] : caller;
      const bundlerOverrides = typeof globalThis === "object" && Object.prototype.hasOwnProperty.call(globalThis, "__bundlerPathsOverrides") && globalThis.__bundlerPathsOverrides && typeof globalThis.__bundlerPathsOverrides === "object" ? globalThis.__bundlerPathsOverrides : /* @__PURE__ */ Object.create(null);
      let target = fullOptions.target;
      if (target && targets) {
        throw new Error("only one of target or targets can be specified");
      }
      if (targets) {
        target = bundlerOverrides["pino-worker"] || join5(__dirname, "worker.js");
        options.targets = targets.filter((dest) => dest.target).map((dest) => {
          return {
            ...dest,
            target: fixTarget(dest.target)
          };
        });
        options.pipelines = targets.filter((dest) => dest.pipeline).map((dest) => {
          return dest.pipeline.map((t) => {
            return {
              ...t,
              level: dest.level,
              // duplicate the pipeline `level` property defined in the upper level
              target: fixTarget(t.target)
            };
          });
        });
        const targetsHaveLevel = options.targets.some((t) => t.level != null);
        const pipelinesHaveLevel = options.pipelines.some((p) => p.some((t) => t.level != null));
        usesMultistream = options.targets.length + options.pipelines.length > 1 || targetsHaveLevel || pipelinesHaveLevel;
      } else if (pipeline) {
        target = bundlerOverrides["pino-worker"] || join5(__dirname, "worker.js");
        options.pipelines = [pipeline.map((dest) => {
          return {
            ...dest,
            target: fixTarget(dest.target)
          };
        })];
      }
      if (levels) {
        options.levels = levels;
      }
      if (dedupe2) {
        options.dedupe = dedupe2;
      }
      options.pinoWillSendConfig = true;
      const name = targets || pipeline ? "pino.transport" : target;
      const stream = buildStream(fixTarget(target), options, worker, sync, name);
      if (usesMultistream) {
        stream[transportUsesMultistreamSym] = true;
      }
      return stream;
      function fixTarget(origin) {
        origin = bundlerOverrides[origin] || origin;
        if (isAbsolute2(origin) || origin.indexOf("file://") === 0) {
          return origin;
        }
        if (origin === "pino/file") {
          return join5(__dirname, "..", "file.js");
        }
        let fixTarget2;
        for (const filePath of callers) {
          try {
            const context = filePath === "node:repl" ? process.cwd() + sep : filePath;
            fixTarget2 = createRequire(context).resolve(origin);
            break;
          } catch (err) {
            continue;
          }
        }
        if (!fixTarget2) {
          throw new Error(`unable to determine transport target for "${origin}"`);
        }
        return fixTarget2;
      }
    }
    module.exports = transport;
  }
});

// node_modules/pino/lib/tools.js
var require_tools = __commonJS({
  "node_modules/pino/lib/tools.js"(exports, module) {
    "use strict";
    var diagChan = __require("node:diagnostics_channel");
    var format = require_quick_format_unescaped();
    var { mapHttpRequest, mapHttpResponse } = require_pino_std_serializers();
    var SonicBoom = require_sonic_boom();
    var onExit = require_on_exit_leak_free();
    var {
      lsCacheSym,
      chindingsSym,
      writeSym,
      serializersSym,
      formatOptsSym,
      endSym,
      stringifiersSym,
      stringifySym,
      stringifySafeSym,
      wildcardFirstSym,
      nestedKeySym,
      formattersSym,
      messageKeySym,
      errorKeySym,
      nestedKeyStrSym,
      msgPrefixSym
    } = require_symbols();
    var { isMainThread } = __require("worker_threads");
    var transport = require_transport();
    var [nodeMajor] = process.versions.node.split(".").map((v) => Number(v));
    var asJsonChan = diagChan.tracingChannel("pino_asJson");
    var asString = nodeMajor >= 25 ? (str) => JSON.stringify(str) : _asString;
    function noop() {
    }
    function genLog(level, hook) {
      if (!hook) return LOG;
      return function hookWrappedLog(...args) {
        hook.call(this, args, LOG, level);
      };
      function LOG(o, ...n) {
        if (typeof o === "object") {
          let msg = o;
          if (o !== null) {
            if (o.method && o.headers && o.socket) {
              o = mapHttpRequest(o);
            } else if (typeof o.setHeader === "function") {
              o = mapHttpResponse(o);
            }
          }
          let formatParams;
          if (msg === null && n.length === 0) {
            formatParams = [null];
          } else {
            msg = n.shift();
            formatParams = n;
          }
          if (typeof this[msgPrefixSym] === "string" && msg !== void 0 && msg !== null) {
            msg = this[msgPrefixSym] + msg;
          }
          this[writeSym](o, format(msg, formatParams, this[formatOptsSym]), level);
        } else {
          let msg = o === void 0 ? n.shift() : o;
          if (typeof this[msgPrefixSym] === "string" && msg !== void 0 && msg !== null) {
            msg = this[msgPrefixSym] + msg;
          }
          this[writeSym](null, format(msg, n, this[formatOptsSym]), level);
        }
      }
    }
    function _asString(str) {
      let result = "";
      let last = 0;
      let found = false;
      let point = 255;
      const l = str.length;
      if (l > 100) {
        return JSON.stringify(str);
      }
      for (var i = 0; i < l && point >= 32; i++) {
        point = str.charCodeAt(i);
        if (point === 34 || point === 92) {
          result += str.slice(last, i) + "\\";
          last = i;
          found = true;
        }
      }
      if (!found) {
        result = str;
      } else {
        result += str.slice(last);
      }
      return point < 32 ? JSON.stringify(str) : '"' + result + '"';
    }
    function asJson(obj, msg, num, time) {
      if (asJsonChan.hasSubscribers === false) {
        return _asJson.call(this, obj, msg, num, time);
      }
      const store = { instance: this, arguments };
      return asJsonChan.traceSync(_asJson, store, this, obj, msg, num, time);
    }
    function _asJson(obj, msg, num, time) {
      const stringify2 = this[stringifySym];
      const stringifySafe = this[stringifySafeSym];
      const stringifiers = this[stringifiersSym];
      const end = this[endSym];
      const chindings = this[chindingsSym];
      const serializers = this[serializersSym];
      const formatters = this[formattersSym];
      const messageKey = this[messageKeySym];
      const errorKey = this[errorKeySym];
      let data = this[lsCacheSym][num] + time;
      data = data + chindings;
      let value;
      if (formatters.log) {
        obj = formatters.log(obj);
      }
      const wildcardStringifier = stringifiers[wildcardFirstSym];
      let propStr = "";
      for (const key in obj) {
        value = obj[key];
        if (Object.prototype.hasOwnProperty.call(obj, key) && value !== void 0) {
          if (serializers[key]) {
            value = serializers[key](value);
          } else if (key === errorKey && serializers.err) {
            value = serializers.err(value);
          }
          const stringifier = stringifiers[key] || wildcardStringifier;
          switch (typeof value) {
            case "undefined":
            case "function":
              continue;
            case "number":
              if (Number.isFinite(value) === false) {
                value = null;
              }
            // this case explicitly falls through to the next one
            case "boolean":
              if (stringifier) value = stringifier(value);
              break;
            case "string":
              value = (stringifier || asString)(value);
              break;
            default:
              value = (stringifier || stringify2)(value, stringifySafe);
          }
          if (value === void 0) continue;
          const strKey = asString(key);
          propStr += "," + strKey + ":" + value;
        }
      }
      let msgStr = "";
      if (msg !== void 0) {
        value = serializers[messageKey] ? serializers[messageKey](msg) : msg;
        const stringifier = stringifiers[messageKey] || wildcardStringifier;
        switch (typeof value) {
          case "function":
            break;
          case "number":
            if (Number.isFinite(value) === false) {
              value = null;
            }
          // this case explicitly falls through to the next one
          case "boolean":
            if (stringifier) value = stringifier(value);
            msgStr = ',"' + messageKey + '":' + value;
            break;
          case "string":
            value = (stringifier || asString)(value);
            msgStr = ',"' + messageKey + '":' + value;
            break;
          default:
            value = (stringifier || stringify2)(value, stringifySafe);
            msgStr = ',"' + messageKey + '":' + value;
        }
      }
      if (this[nestedKeySym] && propStr) {
        return data + this[nestedKeyStrSym] + propStr.slice(1) + "}" + msgStr + end;
      } else {
        return data + propStr + msgStr + end;
      }
    }
    function asChindings(instance, bindings) {
      let value;
      let data = instance[chindingsSym];
      const stringify2 = instance[stringifySym];
      const stringifySafe = instance[stringifySafeSym];
      const stringifiers = instance[stringifiersSym];
      const wildcardStringifier = stringifiers[wildcardFirstSym];
      const serializers = instance[serializersSym];
      const formatter = instance[formattersSym].bindings;
      bindings = formatter(bindings);
      for (const key in bindings) {
        value = bindings[key];
        const valid = (key.length < 5 || key !== "level" && key !== "serializers" && key !== "formatters" && key !== "customLevels") && bindings.hasOwnProperty(key) && value !== void 0;
        if (valid === true) {
          value = serializers[key] ? serializers[key](value) : value;
          value = (stringifiers[key] || wildcardStringifier || stringify2)(value, stringifySafe);
          if (value === void 0) continue;
          data += "," + asString(key) + ":" + value;
        }
      }
      return data;
    }
    function hasBeenTampered(stream) {
      return stream.write !== stream.constructor.prototype.write;
    }
    function buildSafeSonicBoom(opts) {
      const stream = new SonicBoom(opts);
      stream.on("error", filterBrokenPipe);
      if (!opts.sync && isMainThread) {
        onExit.register(stream, autoEnd);
        stream.on("close", function() {
          onExit.unregister(stream);
        });
      }
      return stream;
      function filterBrokenPipe(err) {
        if (err.code === "EPIPE") {
          stream.write = noop;
          stream.end = noop;
          stream.flushSync = noop;
          stream.destroy = noop;
          return;
        }
        stream.removeListener("error", filterBrokenPipe);
        stream.emit("error", err);
      }
    }
    function autoEnd(stream, eventName) {
      if (stream.destroyed) {
        return;
      }
      if (eventName === "beforeExit") {
        stream.flush();
        stream.on("drain", function() {
          stream.end();
        });
      } else {
        stream.flushSync();
      }
    }
    function createArgsNormalizer(defaultOptions) {
      return function normalizeArgs(instance, caller, opts = {}, stream) {
        if (typeof opts === "string") {
          stream = buildSafeSonicBoom({ dest: opts });
          opts = {};
        } else if (typeof stream === "string") {
          if (opts && opts.transport) {
            throw Error("only one of option.transport or stream can be specified");
          }
          stream = buildSafeSonicBoom({ dest: stream });
        } else if (opts instanceof SonicBoom || opts.writable || opts._writableState) {
          stream = opts;
          opts = {};
        } else if (opts.transport) {
          if (opts.transport instanceof SonicBoom || opts.transport.writable || opts.transport._writableState) {
            throw Error("option.transport do not allow stream, please pass to option directly. e.g. pino(transport)");
          }
          if (opts.transport.targets && opts.transport.targets.length && opts.formatters && typeof opts.formatters.level === "function") {
            throw Error("option.transport.targets do not allow custom level formatters");
          }
          let customLevels;
          if (opts.customLevels) {
            customLevels = opts.useOnlyCustomLevels ? opts.customLevels : Object.assign({}, opts.levels, opts.customLevels);
          }
          stream = transport({ caller, ...opts.transport, levels: customLevels });
        }
        opts = Object.assign({}, defaultOptions, opts);
        opts.serializers = Object.assign(/* @__PURE__ */ Object.create(null), defaultOptions.serializers, opts.serializers);
        opts.formatters = Object.assign({}, defaultOptions.formatters, opts.formatters);
        if (opts.prettyPrint) {
          throw new Error("prettyPrint option is no longer supported, see the pino-pretty package (https://github.com/pinojs/pino-pretty)");
        }
        const { enabled, onChild } = opts;
        if (enabled === false) opts.level = "silent";
        if (!onChild) opts.onChild = noop;
        if (!stream) {
          if (!hasBeenTampered(process.stdout)) {
            stream = buildSafeSonicBoom({ fd: process.stdout.fd || 1 });
          } else {
            stream = process.stdout;
          }
        }
        return { opts, stream };
      };
    }
    function stringify(obj, stringifySafeFn) {
      try {
        return JSON.stringify(obj);
      } catch (_) {
        try {
          const stringify2 = stringifySafeFn || this[stringifySafeSym];
          return stringify2(obj);
        } catch (_2) {
          return '"[unable to serialize, circular reference is too complex to analyze]"';
        }
      }
    }
    function buildFormatters(level, bindings, log) {
      return {
        level,
        bindings,
        log
      };
    }
    function normalizeDestFileDescriptor(destination) {
      const fd = Number(destination);
      if (typeof destination === "string" && Number.isFinite(fd)) {
        return fd;
      }
      if (destination === void 0) {
        return 1;
      }
      return destination;
    }
    module.exports = {
      noop,
      buildSafeSonicBoom,
      asChindings,
      asJson,
      genLog,
      createArgsNormalizer,
      stringify,
      buildFormatters,
      normalizeDestFileDescriptor
    };
  }
});

// node_modules/pino/lib/constants.js
var require_constants = __commonJS({
  "node_modules/pino/lib/constants.js"(exports, module) {
    var DEFAULT_LEVELS = {
      trace: 10,
      debug: 20,
      info: 30,
      warn: 40,
      error: 50,
      fatal: 60
    };
    var SORTING_ORDER = {
      ASC: "ASC",
      DESC: "DESC"
    };
    module.exports = {
      DEFAULT_LEVELS,
      SORTING_ORDER
    };
  }
});

// node_modules/pino/lib/levels.js
var require_levels = __commonJS({
  "node_modules/pino/lib/levels.js"(exports, module) {
    "use strict";
    var {
      lsCacheSym,
      levelValSym,
      useOnlyCustomLevelsSym,
      streamSym,
      formattersSym,
      hooksSym,
      levelCompSym
    } = require_symbols();
    var { noop, genLog } = require_tools();
    var { DEFAULT_LEVELS, SORTING_ORDER } = require_constants();
    var levelMethods = {
      fatal: (hook) => {
        const logFatal = genLog(DEFAULT_LEVELS.fatal, hook);
        return function(...args) {
          const stream = this[streamSym];
          logFatal.call(this, ...args);
          if (typeof stream.flushSync === "function") {
            try {
              stream.flushSync();
            } catch (e) {
            }
          }
        };
      },
      error: (hook) => genLog(DEFAULT_LEVELS.error, hook),
      warn: (hook) => genLog(DEFAULT_LEVELS.warn, hook),
      info: (hook) => genLog(DEFAULT_LEVELS.info, hook),
      debug: (hook) => genLog(DEFAULT_LEVELS.debug, hook),
      trace: (hook) => genLog(DEFAULT_LEVELS.trace, hook)
    };
    var nums = Object.keys(DEFAULT_LEVELS).reduce((o, k) => {
      o[DEFAULT_LEVELS[k]] = k;
      return o;
    }, {});
    var initialLsCache = Object.keys(nums).reduce((o, k) => {
      o[k] = '{"level":' + Number(k);
      return o;
    }, {});
    function genLsCache(instance) {
      const formatter = instance[formattersSym].level;
      const { labels } = instance.levels;
      const cache = {};
      for (const label in labels) {
        const level = formatter(labels[label], Number(label));
        cache[label] = JSON.stringify(level).slice(0, -1);
      }
      instance[lsCacheSym] = cache;
      return instance;
    }
    function isStandardLevel(level, useOnlyCustomLevels) {
      if (useOnlyCustomLevels) {
        return false;
      }
      switch (level) {
        case "fatal":
        case "error":
        case "warn":
        case "info":
        case "debug":
        case "trace":
          return true;
        default:
          return false;
      }
    }
    function setLevel(level) {
      const { labels, values } = this.levels;
      if (typeof level === "number") {
        if (labels[level] === void 0) throw Error("unknown level value" + level);
        level = labels[level];
      }
      if (values[level] === void 0) throw Error("unknown level " + level);
      const preLevelVal = this[levelValSym];
      const levelVal = this[levelValSym] = values[level];
      const useOnlyCustomLevelsVal = this[useOnlyCustomLevelsSym];
      const levelComparison = this[levelCompSym];
      const hook = this[hooksSym].logMethod;
      for (const key in values) {
        if (levelComparison(values[key], levelVal) === false) {
          this[key] = noop;
          continue;
        }
        this[key] = isStandardLevel(key, useOnlyCustomLevelsVal) ? levelMethods[key](hook) : genLog(values[key], hook);
      }
      this.emit(
        "level-change",
        level,
        levelVal,
        labels[preLevelVal],
        preLevelVal,
        this
      );
    }
    function getLevel(level) {
      const { levels, levelVal } = this;
      return levels && levels.labels ? levels.labels[levelVal] : "";
    }
    function isLevelEnabled(logLevel) {
      const { values } = this.levels;
      const logLevelVal = values[logLevel];
      return logLevelVal !== void 0 && this[levelCompSym](logLevelVal, this[levelValSym]);
    }
    function compareLevel(direction, current, expected) {
      if (direction === SORTING_ORDER.DESC) {
        return current <= expected;
      }
      return current >= expected;
    }
    function genLevelComparison(levelComparison) {
      if (typeof levelComparison === "string") {
        return compareLevel.bind(null, levelComparison);
      }
      return levelComparison;
    }
    function mappings(customLevels = null, useOnlyCustomLevels = false) {
      const customNums = customLevels ? Object.keys(customLevels).reduce((o, k) => {
        o[customLevels[k]] = k;
        return o;
      }, {}) : null;
      const labels = Object.assign(
        Object.create(Object.prototype, { Infinity: { value: "silent" } }),
        useOnlyCustomLevels ? null : nums,
        customNums
      );
      const values = Object.assign(
        Object.create(Object.prototype, { silent: { value: Infinity } }),
        useOnlyCustomLevels ? null : DEFAULT_LEVELS,
        customLevels
      );
      return { labels, values };
    }
    function assertDefaultLevelFound(defaultLevel, customLevels, useOnlyCustomLevels) {
      if (typeof defaultLevel === "number") {
        const values = [].concat(
          Object.keys(customLevels || {}).map((key) => customLevels[key]),
          useOnlyCustomLevels ? [] : Object.keys(nums).map((level) => +level),
          Infinity
        );
        if (!values.includes(defaultLevel)) {
          throw Error(`default level:${defaultLevel} must be included in custom levels`);
        }
        return;
      }
      const labels = Object.assign(
        Object.create(Object.prototype, { silent: { value: Infinity } }),
        useOnlyCustomLevels ? null : DEFAULT_LEVELS,
        customLevels
      );
      if (!(defaultLevel in labels)) {
        throw Error(`default level:${defaultLevel} must be included in custom levels`);
      }
    }
    function assertNoLevelCollisions(levels, customLevels) {
      const { labels, values } = levels;
      for (const k in customLevels) {
        if (k in values) {
          throw Error("levels cannot be overridden");
        }
        if (customLevels[k] in labels) {
          throw Error("pre-existing level values cannot be used for new levels");
        }
      }
    }
    function assertLevelComparison(levelComparison) {
      if (typeof levelComparison === "function") {
        return;
      }
      if (typeof levelComparison === "string" && Object.values(SORTING_ORDER).includes(levelComparison)) {
        return;
      }
      throw new Error('Levels comparison should be one of "ASC", "DESC" or "function" type');
    }
    module.exports = {
      initialLsCache,
      genLsCache,
      levelMethods,
      getLevel,
      setLevel,
      isLevelEnabled,
      mappings,
      assertNoLevelCollisions,
      assertDefaultLevelFound,
      genLevelComparison,
      assertLevelComparison
    };
  }
});

// node_modules/pino/lib/meta.js
var require_meta = __commonJS({
  "node_modules/pino/lib/meta.js"(exports, module) {
    "use strict";
    module.exports = { version: "10.4.0" };
  }
});

// node_modules/pino/lib/proto.js
var require_proto = __commonJS({
  "node_modules/pino/lib/proto.js"(exports, module) {
    "use strict";
    var { EventEmitter } = __require("node:events");
    var {
      lsCacheSym,
      levelValSym,
      setLevelSym,
      getLevelSym,
      chindingsSym,
      mixinSym,
      asJsonSym,
      writeSym,
      mixinMergeStrategySym,
      timeSym,
      timeSliceIndexSym,
      streamSym,
      serializersSym,
      formattersSym,
      errorKeySym,
      messageKeySym,
      useOnlyCustomLevelsSym,
      needsMetadataGsym,
      redactFmtSym,
      stringifySym,
      formatOptsSym,
      stringifiersSym,
      msgPrefixSym,
      hooksSym
    } = require_symbols();
    var {
      getLevel,
      setLevel,
      isLevelEnabled,
      mappings,
      initialLsCache,
      genLsCache,
      assertNoLevelCollisions
    } = require_levels();
    var {
      asChindings,
      asJson,
      buildFormatters,
      stringify,
      noop
    } = require_tools();
    var {
      version
    } = require_meta();
    var redaction = require_redaction();
    var constructor = class Pino {
    };
    var prototype = {
      constructor,
      child,
      bindings,
      setBindings,
      flush,
      isLevelEnabled,
      version,
      get level() {
        return this[getLevelSym]();
      },
      set level(lvl) {
        this[setLevelSym](lvl);
      },
      get levelVal() {
        return this[levelValSym];
      },
      set levelVal(n) {
        throw Error("levelVal is read-only");
      },
      get msgPrefix() {
        return this[msgPrefixSym];
      },
      get [Symbol.toStringTag]() {
        return "Pino";
      },
      [lsCacheSym]: initialLsCache,
      [writeSym]: write2,
      [asJsonSym]: asJson,
      [getLevelSym]: getLevel,
      [setLevelSym]: setLevel
    };
    Object.setPrototypeOf(prototype, EventEmitter.prototype);
    module.exports = function() {
      return Object.create(prototype);
    };
    var resetChildingsFormatter = (bindings2) => bindings2;
    function child(bindings2, options) {
      if (!bindings2) {
        throw Error("missing bindings for child Pino");
      }
      const serializers = this[serializersSym];
      const formatters = this[formattersSym];
      const instance = Object.create(this);
      if (options == null) {
        if (instance[formattersSym].bindings !== resetChildingsFormatter) {
          instance[formattersSym] = buildFormatters(
            formatters.level,
            resetChildingsFormatter,
            formatters.log
          );
        }
        instance[chindingsSym] = asChindings(instance, bindings2);
        if (this.onChild !== noop) {
          this.onChild(instance);
        }
        return instance;
      }
      if (options.hasOwnProperty("serializers") === true) {
        instance[serializersSym] = /* @__PURE__ */ Object.create(null);
        for (const k in serializers) {
          instance[serializersSym][k] = serializers[k];
        }
        const parentSymbols = Object.getOwnPropertySymbols(serializers);
        for (var i = 0; i < parentSymbols.length; i++) {
          const ks = parentSymbols[i];
          instance[serializersSym][ks] = serializers[ks];
        }
        for (const bk in options.serializers) {
          instance[serializersSym][bk] = options.serializers[bk];
        }
        const bindingsSymbols = Object.getOwnPropertySymbols(options.serializers);
        for (var bi = 0; bi < bindingsSymbols.length; bi++) {
          const bks = bindingsSymbols[bi];
          instance[serializersSym][bks] = options.serializers[bks];
        }
      } else instance[serializersSym] = serializers;
      if (options.hasOwnProperty("formatters")) {
        const { level, bindings: chindings, log } = options.formatters;
        instance[formattersSym] = buildFormatters(
          level || formatters.level,
          chindings || resetChildingsFormatter,
          log || formatters.log
        );
      } else {
        instance[formattersSym] = buildFormatters(
          formatters.level,
          resetChildingsFormatter,
          formatters.log
        );
      }
      if (options.hasOwnProperty("customLevels") === true) {
        assertNoLevelCollisions(this.levels, options.customLevels);
        instance.levels = mappings(options.customLevels, instance[useOnlyCustomLevelsSym]);
        genLsCache(instance);
      }
      if (typeof options.redact === "object" && options.redact !== null || Array.isArray(options.redact)) {
        instance.redact = options.redact;
        const stringifiers = redaction(instance.redact, stringify);
        const formatOpts = { stringify: stringifiers[redactFmtSym] };
        instance[stringifySym] = stringify;
        instance[stringifiersSym] = stringifiers;
        instance[formatOptsSym] = formatOpts;
      }
      if (typeof options.msgPrefix === "string") {
        instance[msgPrefixSym] = (this[msgPrefixSym] || "") + options.msgPrefix;
      }
      instance[chindingsSym] = asChindings(instance, bindings2);
      if (options.level !== void 0 && options.level !== this.level || options.hasOwnProperty("customLevels")) {
        const childLevel = options.level || this.level;
        instance[setLevelSym](childLevel);
      }
      this.onChild(instance);
      return instance;
    }
    function bindings() {
      const chindings = this[chindingsSym];
      const chindingsJson = `{${chindings.substr(1)}}`;
      const bindingsFromJson = JSON.parse(chindingsJson);
      delete bindingsFromJson.pid;
      delete bindingsFromJson.hostname;
      return bindingsFromJson;
    }
    function setBindings(newBindings) {
      const chindings = asChindings(this, newBindings);
      this[chindingsSym] = chindings;
    }
    function defaultMixinMergeStrategy(mergeObject, mixinObject) {
      return Object.assign(mixinObject, mergeObject);
    }
    function write2(_obj, msg, num) {
      const t = this[timeSym]();
      const mixin = this[mixinSym];
      const errorKey = this[errorKeySym];
      const messageKey = this[messageKeySym];
      const mixinMergeStrategy = this[mixinMergeStrategySym] || defaultMixinMergeStrategy;
      let obj;
      const streamWriteHook = this[hooksSym].streamWrite;
      if (_obj === void 0 || _obj === null) {
        obj = {};
      } else if (_obj instanceof Error) {
        obj = { [errorKey]: _obj };
        if (msg === void 0) {
          msg = _obj.message;
        }
      } else {
        obj = _obj;
        if (msg === void 0 && _obj[messageKey] === void 0 && _obj[errorKey]) {
          msg = _obj[errorKey].message;
        }
      }
      if (mixin) {
        obj = mixinMergeStrategy(obj, mixin(obj, num, this));
      }
      const s = this[asJsonSym](obj, msg, num, t);
      const stream = this[streamSym];
      if (stream[needsMetadataGsym] === true) {
        stream.lastLevel = num;
        stream.lastObj = obj;
        stream.lastMsg = msg;
        stream.lastTime = t.slice(this[timeSliceIndexSym]);
        stream.lastLogger = this;
      }
      stream.write(streamWriteHook ? streamWriteHook(s) : s);
    }
    function flush(cb) {
      if (cb != null && typeof cb !== "function") {
        throw Error("callback must be a function");
      }
      const stream = this[streamSym];
      if (typeof stream.flush === "function") {
        stream.flush(cb || noop);
      } else if (cb) cb();
    }
  }
});

// node_modules/safe-stable-stringify/index.js
var require_safe_stable_stringify = __commonJS({
  "node_modules/safe-stable-stringify/index.js"(exports, module) {
    "use strict";
    var { hasOwnProperty } = Object.prototype;
    var stringify = configure();
    stringify.configure = configure;
    stringify.stringify = stringify;
    stringify.default = stringify;
    exports.stringify = stringify;
    exports.configure = configure;
    module.exports = stringify;
    var strEscapeSequencesRegExp = /[\u0000-\u001f\u0022\u005c\ud800-\udfff]/;
    function strEscape(str) {
      if (str.length < 5e3 && !strEscapeSequencesRegExp.test(str)) {
        return `"${str}"`;
      }
      return JSON.stringify(str);
    }
    function sort(array, comparator) {
      if (array.length > 200 || comparator) {
        return array.sort(comparator);
      }
      for (let i = 1; i < array.length; i++) {
        const currentValue = array[i];
        let position = i;
        while (position !== 0 && array[position - 1] > currentValue) {
          array[position] = array[position - 1];
          position--;
        }
        array[position] = currentValue;
      }
      return array;
    }
    var typedArrayPrototypeGetSymbolToStringTag = Object.getOwnPropertyDescriptor(
      Object.getPrototypeOf(
        Object.getPrototypeOf(
          new Int8Array()
        )
      ),
      Symbol.toStringTag
    ).get;
    function isTypedArrayWithEntries(value) {
      return typedArrayPrototypeGetSymbolToStringTag.call(value) !== void 0 && value.length !== 0;
    }
    function stringifyTypedArray(array, separator, maximumBreadth) {
      if (array.length < maximumBreadth) {
        maximumBreadth = array.length;
      }
      const whitespace = separator === "," ? "" : " ";
      let res = `"0":${whitespace}${array[0]}`;
      for (let i = 1; i < maximumBreadth; i++) {
        res += `${separator}"${i}":${whitespace}${array[i]}`;
      }
      return res;
    }
    function getCircularValueOption(options) {
      if (hasOwnProperty.call(options, "circularValue")) {
        const circularValue = options.circularValue;
        if (typeof circularValue === "string") {
          return `"${circularValue}"`;
        }
        if (circularValue == null) {
          return circularValue;
        }
        if (circularValue === Error || circularValue === TypeError) {
          return {
            toString() {
              throw new TypeError("Converting circular structure to JSON");
            }
          };
        }
        throw new TypeError('The "circularValue" argument must be of type string or the value null or undefined');
      }
      return '"[Circular]"';
    }
    function getDeterministicOption(options) {
      let value;
      if (hasOwnProperty.call(options, "deterministic")) {
        value = options.deterministic;
        if (typeof value !== "boolean" && typeof value !== "function") {
          throw new TypeError('The "deterministic" argument must be of type boolean or comparator function');
        }
      }
      return value === void 0 ? true : value;
    }
    function getBooleanOption(options, key) {
      let value;
      if (hasOwnProperty.call(options, key)) {
        value = options[key];
        if (typeof value !== "boolean") {
          throw new TypeError(`The "${key}" argument must be of type boolean`);
        }
      }
      return value === void 0 ? true : value;
    }
    function getPositiveIntegerOption(options, key) {
      let value;
      if (hasOwnProperty.call(options, key)) {
        value = options[key];
        if (typeof value !== "number") {
          throw new TypeError(`The "${key}" argument must be of type number`);
        }
        if (!Number.isInteger(value)) {
          throw new TypeError(`The "${key}" argument must be an integer`);
        }
        if (value < 1) {
          throw new RangeError(`The "${key}" argument must be >= 1`);
        }
      }
      return value === void 0 ? Infinity : value;
    }
    function getItemCount(number) {
      if (number === 1) {
        return "1 item";
      }
      return `${number} items`;
    }
    function getUniqueReplacerSet(replacerArray) {
      const replacerSet = /* @__PURE__ */ new Set();
      for (const value of replacerArray) {
        if (typeof value === "string" || typeof value === "number") {
          replacerSet.add(String(value));
        }
      }
      return replacerSet;
    }
    function getStrictOption(options) {
      if (hasOwnProperty.call(options, "strict")) {
        const value = options.strict;
        if (typeof value !== "boolean") {
          throw new TypeError('The "strict" argument must be of type boolean');
        }
        if (value) {
          return (value2) => {
            let message = `Object can not safely be stringified. Received type ${typeof value2}`;
            if (typeof value2 !== "function") message += ` (${value2.toString()})`;
            throw new Error(message);
          };
        }
      }
    }
    function configure(options) {
      options = { ...options };
      const fail = getStrictOption(options);
      if (fail) {
        if (options.bigint === void 0) {
          options.bigint = false;
        }
        if (!("circularValue" in options)) {
          options.circularValue = Error;
        }
      }
      const circularValue = getCircularValueOption(options);
      const bigint = getBooleanOption(options, "bigint");
      const deterministic = getDeterministicOption(options);
      const comparator = typeof deterministic === "function" ? deterministic : void 0;
      const maximumDepth = getPositiveIntegerOption(options, "maximumDepth");
      const maximumBreadth = getPositiveIntegerOption(options, "maximumBreadth");
      function stringifyFnReplacer(key, parent, stack, replacer, spacer, indentation) {
        let value = parent[key];
        if (typeof value === "object" && value !== null && typeof value.toJSON === "function") {
          value = value.toJSON(key);
        }
        value = replacer.call(parent, key, value);
        switch (typeof value) {
          case "string":
            return strEscape(value);
          case "object": {
            if (value === null) {
              return "null";
            }
            if (stack.indexOf(value) !== -1) {
              return circularValue;
            }
            let res = "";
            let join5 = ",";
            const originalIndentation = indentation;
            if (Array.isArray(value)) {
              if (value.length === 0) {
                return "[]";
              }
              if (maximumDepth < stack.length + 1) {
                return '"[Array]"';
              }
              stack.push(value);
              if (spacer !== "") {
                indentation += spacer;
                res += `
${indentation}`;
                join5 = `,
${indentation}`;
              }
              const maximumValuesToStringify = Math.min(value.length, maximumBreadth);
              let i = 0;
              for (; i < maximumValuesToStringify - 1; i++) {
                const tmp2 = stringifyFnReplacer(String(i), value, stack, replacer, spacer, indentation);
                res += tmp2 !== void 0 ? tmp2 : "null";
                res += join5;
              }
              const tmp = stringifyFnReplacer(String(i), value, stack, replacer, spacer, indentation);
              res += tmp !== void 0 ? tmp : "null";
              if (value.length - 1 > maximumBreadth) {
                const removedKeys = value.length - maximumBreadth - 1;
                res += `${join5}"... ${getItemCount(removedKeys)} not stringified"`;
              }
              if (spacer !== "") {
                res += `
${originalIndentation}`;
              }
              stack.pop();
              return `[${res}]`;
            }
            let keys = Object.keys(value);
            const keyLength = keys.length;
            if (keyLength === 0) {
              return "{}";
            }
            if (maximumDepth < stack.length + 1) {
              return '"[Object]"';
            }
            let whitespace = "";
            let separator = "";
            if (spacer !== "") {
              indentation += spacer;
              join5 = `,
${indentation}`;
              whitespace = " ";
            }
            const maximumPropertiesToStringify = Math.min(keyLength, maximumBreadth);
            if (deterministic && !isTypedArrayWithEntries(value)) {
              keys = sort(keys, comparator);
            }
            stack.push(value);
            for (let i = 0; i < maximumPropertiesToStringify; i++) {
              const key2 = keys[i];
              const tmp = stringifyFnReplacer(key2, value, stack, replacer, spacer, indentation);
              if (tmp !== void 0) {
                res += `${separator}${strEscape(key2)}:${whitespace}${tmp}`;
                separator = join5;
              }
            }
            if (keyLength > maximumBreadth) {
              const removedKeys = keyLength - maximumBreadth;
              res += `${separator}"...":${whitespace}"${getItemCount(removedKeys)} not stringified"`;
              separator = join5;
            }
            if (spacer !== "" && separator.length > 1) {
              res = `
${indentation}${res}
${originalIndentation}`;
            }
            stack.pop();
            return `{${res}}`;
          }
          case "number":
            return isFinite(value) ? String(value) : fail ? fail(value) : "null";
          case "boolean":
            return value === true ? "true" : "false";
          case "undefined":
            return void 0;
          case "bigint":
            if (bigint) {
              return String(value);
            }
          // fallthrough
          default:
            return fail ? fail(value) : void 0;
        }
      }
      function stringifyArrayReplacer(key, value, stack, replacer, spacer, indentation) {
        if (typeof value === "object" && value !== null && typeof value.toJSON === "function") {
          value = value.toJSON(key);
        }
        switch (typeof value) {
          case "string":
            return strEscape(value);
          case "object": {
            if (value === null) {
              return "null";
            }
            if (stack.indexOf(value) !== -1) {
              return circularValue;
            }
            const originalIndentation = indentation;
            let res = "";
            let join5 = ",";
            if (Array.isArray(value)) {
              if (value.length === 0) {
                return "[]";
              }
              if (maximumDepth < stack.length + 1) {
                return '"[Array]"';
              }
              stack.push(value);
              if (spacer !== "") {
                indentation += spacer;
                res += `
${indentation}`;
                join5 = `,
${indentation}`;
              }
              const maximumValuesToStringify = Math.min(value.length, maximumBreadth);
              let i = 0;
              for (; i < maximumValuesToStringify - 1; i++) {
                const tmp2 = stringifyArrayReplacer(String(i), value[i], stack, replacer, spacer, indentation);
                res += tmp2 !== void 0 ? tmp2 : "null";
                res += join5;
              }
              const tmp = stringifyArrayReplacer(String(i), value[i], stack, replacer, spacer, indentation);
              res += tmp !== void 0 ? tmp : "null";
              if (value.length - 1 > maximumBreadth) {
                const removedKeys = value.length - maximumBreadth - 1;
                res += `${join5}"... ${getItemCount(removedKeys)} not stringified"`;
              }
              if (spacer !== "") {
                res += `
${originalIndentation}`;
              }
              stack.pop();
              return `[${res}]`;
            }
            stack.push(value);
            let whitespace = "";
            if (spacer !== "") {
              indentation += spacer;
              join5 = `,
${indentation}`;
              whitespace = " ";
            }
            let separator = "";
            for (const key2 of replacer) {
              const tmp = stringifyArrayReplacer(key2, value[key2], stack, replacer, spacer, indentation);
              if (tmp !== void 0) {
                res += `${separator}${strEscape(key2)}:${whitespace}${tmp}`;
                separator = join5;
              }
            }
            if (spacer !== "" && separator.length > 1) {
              res = `
${indentation}${res}
${originalIndentation}`;
            }
            stack.pop();
            return `{${res}}`;
          }
          case "number":
            return isFinite(value) ? String(value) : fail ? fail(value) : "null";
          case "boolean":
            return value === true ? "true" : "false";
          case "undefined":
            return void 0;
          case "bigint":
            if (bigint) {
              return String(value);
            }
          // fallthrough
          default:
            return fail ? fail(value) : void 0;
        }
      }
      function stringifyIndent(key, value, stack, spacer, indentation) {
        switch (typeof value) {
          case "string":
            return strEscape(value);
          case "object": {
            if (value === null) {
              return "null";
            }
            if (typeof value.toJSON === "function") {
              value = value.toJSON(key);
              if (typeof value !== "object") {
                return stringifyIndent(key, value, stack, spacer, indentation);
              }
              if (value === null) {
                return "null";
              }
            }
            if (stack.indexOf(value) !== -1) {
              return circularValue;
            }
            const originalIndentation = indentation;
            if (Array.isArray(value)) {
              if (value.length === 0) {
                return "[]";
              }
              if (maximumDepth < stack.length + 1) {
                return '"[Array]"';
              }
              stack.push(value);
              indentation += spacer;
              let res2 = `
${indentation}`;
              const join6 = `,
${indentation}`;
              const maximumValuesToStringify = Math.min(value.length, maximumBreadth);
              let i = 0;
              for (; i < maximumValuesToStringify - 1; i++) {
                const tmp2 = stringifyIndent(String(i), value[i], stack, spacer, indentation);
                res2 += tmp2 !== void 0 ? tmp2 : "null";
                res2 += join6;
              }
              const tmp = stringifyIndent(String(i), value[i], stack, spacer, indentation);
              res2 += tmp !== void 0 ? tmp : "null";
              if (value.length - 1 > maximumBreadth) {
                const removedKeys = value.length - maximumBreadth - 1;
                res2 += `${join6}"... ${getItemCount(removedKeys)} not stringified"`;
              }
              res2 += `
${originalIndentation}`;
              stack.pop();
              return `[${res2}]`;
            }
            let keys = Object.keys(value);
            const keyLength = keys.length;
            if (keyLength === 0) {
              return "{}";
            }
            if (maximumDepth < stack.length + 1) {
              return '"[Object]"';
            }
            indentation += spacer;
            const join5 = `,
${indentation}`;
            let res = "";
            let separator = "";
            let maximumPropertiesToStringify = Math.min(keyLength, maximumBreadth);
            if (isTypedArrayWithEntries(value)) {
              res += stringifyTypedArray(value, join5, maximumBreadth);
              keys = keys.slice(value.length);
              maximumPropertiesToStringify -= value.length;
              separator = join5;
            }
            if (deterministic) {
              keys = sort(keys, comparator);
            }
            stack.push(value);
            for (let i = 0; i < maximumPropertiesToStringify; i++) {
              const key2 = keys[i];
              const tmp = stringifyIndent(key2, value[key2], stack, spacer, indentation);
              if (tmp !== void 0) {
                res += `${separator}${strEscape(key2)}: ${tmp}`;
                separator = join5;
              }
            }
            if (keyLength > maximumBreadth) {
              const removedKeys = keyLength - maximumBreadth;
              res += `${separator}"...": "${getItemCount(removedKeys)} not stringified"`;
              separator = join5;
            }
            if (separator !== "") {
              res = `
${indentation}${res}
${originalIndentation}`;
            }
            stack.pop();
            return `{${res}}`;
          }
          case "number":
            return isFinite(value) ? String(value) : fail ? fail(value) : "null";
          case "boolean":
            return value === true ? "true" : "false";
          case "undefined":
            return void 0;
          case "bigint":
            if (bigint) {
              return String(value);
            }
          // fallthrough
          default:
            return fail ? fail(value) : void 0;
        }
      }
      function stringifySimple(key, value, stack) {
        switch (typeof value) {
          case "string":
            return strEscape(value);
          case "object": {
            if (value === null) {
              return "null";
            }
            if (typeof value.toJSON === "function") {
              value = value.toJSON(key);
              if (typeof value !== "object") {
                return stringifySimple(key, value, stack);
              }
              if (value === null) {
                return "null";
              }
            }
            if (stack.indexOf(value) !== -1) {
              return circularValue;
            }
            let res = "";
            const hasLength = value.length !== void 0;
            if (hasLength && Array.isArray(value)) {
              if (value.length === 0) {
                return "[]";
              }
              if (maximumDepth < stack.length + 1) {
                return '"[Array]"';
              }
              stack.push(value);
              const maximumValuesToStringify = Math.min(value.length, maximumBreadth);
              let i = 0;
              for (; i < maximumValuesToStringify - 1; i++) {
                const tmp2 = stringifySimple(String(i), value[i], stack);
                res += tmp2 !== void 0 ? tmp2 : "null";
                res += ",";
              }
              const tmp = stringifySimple(String(i), value[i], stack);
              res += tmp !== void 0 ? tmp : "null";
              if (value.length - 1 > maximumBreadth) {
                const removedKeys = value.length - maximumBreadth - 1;
                res += `,"... ${getItemCount(removedKeys)} not stringified"`;
              }
              stack.pop();
              return `[${res}]`;
            }
            let keys = Object.keys(value);
            const keyLength = keys.length;
            if (keyLength === 0) {
              return "{}";
            }
            if (maximumDepth < stack.length + 1) {
              return '"[Object]"';
            }
            let separator = "";
            let maximumPropertiesToStringify = Math.min(keyLength, maximumBreadth);
            if (hasLength && isTypedArrayWithEntries(value)) {
              res += stringifyTypedArray(value, ",", maximumBreadth);
              keys = keys.slice(value.length);
              maximumPropertiesToStringify -= value.length;
              separator = ",";
            }
            if (deterministic) {
              keys = sort(keys, comparator);
            }
            stack.push(value);
            for (let i = 0; i < maximumPropertiesToStringify; i++) {
              const key2 = keys[i];
              const tmp = stringifySimple(key2, value[key2], stack);
              if (tmp !== void 0) {
                res += `${separator}${strEscape(key2)}:${tmp}`;
                separator = ",";
              }
            }
            if (keyLength > maximumBreadth) {
              const removedKeys = keyLength - maximumBreadth;
              res += `${separator}"...":"${getItemCount(removedKeys)} not stringified"`;
            }
            stack.pop();
            return `{${res}}`;
          }
          case "number":
            return isFinite(value) ? String(value) : fail ? fail(value) : "null";
          case "boolean":
            return value === true ? "true" : "false";
          case "undefined":
            return void 0;
          case "bigint":
            if (bigint) {
              return String(value);
            }
          // fallthrough
          default:
            return fail ? fail(value) : void 0;
        }
      }
      function stringify2(value, replacer, space) {
        if (arguments.length > 1) {
          let spacer = "";
          if (typeof space === "number") {
            spacer = " ".repeat(Math.min(space, 10));
          } else if (typeof space === "string") {
            spacer = space.slice(0, 10);
          }
          if (replacer != null) {
            if (typeof replacer === "function") {
              return stringifyFnReplacer("", { "": value }, [], replacer, spacer, "");
            }
            if (Array.isArray(replacer)) {
              return stringifyArrayReplacer("", value, [], getUniqueReplacerSet(replacer), spacer, "");
            }
          }
          if (spacer.length !== 0) {
            return stringifyIndent("", value, [], spacer, "");
          }
        }
        return stringifySimple("", value, []);
      }
      return stringify2;
    }
  }
});

// node_modules/pino/lib/multistream.js
var require_multistream = __commonJS({
  "node_modules/pino/lib/multistream.js"(exports, module) {
    "use strict";
    var metadata = /* @__PURE__ */ Symbol.for("pino.metadata");
    var { DEFAULT_LEVELS } = require_constants();
    var DEFAULT_INFO_LEVEL = DEFAULT_LEVELS.info;
    function multistream(streamsArray, opts) {
      streamsArray = streamsArray || [];
      opts = opts || { dedupe: false };
      const streamLevels = Object.create(DEFAULT_LEVELS);
      streamLevels.silent = Infinity;
      if (opts.levels && typeof opts.levels === "object") {
        Object.keys(opts.levels).forEach((i) => {
          streamLevels[i] = opts.levels[i];
        });
      }
      const res = {
        write: write2,
        add,
        remove,
        emit,
        flushSync,
        end,
        minLevel: 0,
        lastId: 0,
        streams: [],
        clone,
        [metadata]: true,
        streamLevels
      };
      if (Array.isArray(streamsArray)) {
        streamsArray.forEach(add, res);
      } else {
        add.call(res, streamsArray);
      }
      streamsArray = null;
      return res;
      function write2(data) {
        let dest;
        const level = typeof this.lastLevel === "string" ? (this.streamLevels || streamLevels)[this.lastLevel] : this.lastLevel;
        const { streams } = this;
        let recordedLevel = 0;
        let stream;
        for (let i = initLoopVar(streams.length, opts.dedupe); checkLoopVar(i, streams.length, opts.dedupe); i = adjustLoopVar(i, opts.dedupe)) {
          dest = streams[i];
          if (dest.level <= level) {
            if (recordedLevel !== 0 && recordedLevel !== dest.level) {
              break;
            }
            stream = dest.stream;
            if (stream[metadata]) {
              const { lastTime, lastMsg, lastObj, lastLogger } = this;
              stream.lastLevel = level;
              stream.lastTime = lastTime;
              stream.lastMsg = lastMsg;
              stream.lastObj = lastObj;
              stream.lastLogger = lastLogger;
            }
            stream.write(data);
            if (opts.dedupe) {
              recordedLevel = dest.level;
            }
          } else if (!opts.dedupe) {
            break;
          }
        }
      }
      function emit(...args) {
        for (const { stream } of this.streams) {
          if (typeof stream.emit === "function") {
            stream.emit(...args);
          }
        }
      }
      function flushSync() {
        for (const { stream } of this.streams) {
          if (typeof stream.flushSync === "function") {
            stream.flushSync();
          }
        }
      }
      function add(dest) {
        if (!dest) {
          return this;
        }
        const isStream = typeof dest.write === "function" || dest.stream;
        const stream_ = dest.write ? dest : dest.stream;
        if (!isStream) {
          throw Error("stream object needs to implement either StreamEntry or DestinationStream interface");
        }
        const { streams, streamLevels: streamLevels2 } = this;
        let level;
        if (typeof dest.levelVal === "number") {
          level = dest.levelVal;
        } else if (typeof dest.level === "string") {
          level = streamLevels2[dest.level];
        } else if (typeof dest.level === "number") {
          level = dest.level;
        } else {
          level = DEFAULT_INFO_LEVEL;
        }
        const dest_ = {
          stream: stream_,
          level,
          levelVal: void 0,
          id: ++res.lastId
        };
        streams.unshift(dest_);
        streams.sort(compareByLevel);
        this.minLevel = streams[0].level;
        return this;
      }
      function remove(id) {
        const { streams } = this;
        const index = streams.findIndex((s) => s.id === id);
        if (index >= 0) {
          streams.splice(index, 1);
          streams.sort(compareByLevel);
          this.minLevel = streams.length > 0 ? streams[0].level : -1;
        }
        return this;
      }
      function end() {
        for (const { stream } of this.streams) {
          if (typeof stream.flushSync === "function") {
            stream.flushSync();
          }
          stream.end();
        }
      }
      function clone(level) {
        const streams = new Array(this.streams.length);
        for (let i = 0; i < streams.length; i++) {
          streams[i] = {
            level,
            stream: this.streams[i].stream
          };
        }
        return {
          write: write2,
          add,
          remove,
          emit,
          flushSync,
          end,
          minLevel: level,
          streams,
          clone,
          [metadata]: true,
          streamLevels
        };
      }
    }
    function compareByLevel(a, b) {
      return a.level - b.level;
    }
    function initLoopVar(length, dedupe2) {
      return dedupe2 ? length - 1 : 0;
    }
    function adjustLoopVar(i, dedupe2) {
      return dedupe2 ? i - 1 : i + 1;
    }
    function checkLoopVar(i, length, dedupe2) {
      return dedupe2 ? i >= 0 : i < length;
    }
    module.exports = multistream;
  }
});

// node_modules/pino/pino.js
var require_pino = __commonJS({
  "node_modules/pino/pino.js"(exports, module) {
    "use strict";
    var os = __require("node:os");
    var stdSerializers = require_pino_std_serializers();
    var caller = require_caller();
    var redaction = require_redaction();
    var time = require_time();
    var proto = require_proto();
    var symbols = require_symbols();
    var { configure } = require_safe_stable_stringify();
    var { assertDefaultLevelFound, mappings, genLsCache, genLevelComparison, assertLevelComparison } = require_levels();
    var { DEFAULT_LEVELS, SORTING_ORDER } = require_constants();
    var {
      createArgsNormalizer,
      asChindings,
      buildSafeSonicBoom,
      buildFormatters,
      stringify,
      normalizeDestFileDescriptor,
      noop
    } = require_tools();
    var { version } = require_meta();
    var {
      chindingsSym,
      redactFmtSym,
      serializersSym,
      timeSym,
      timeSliceIndexSym,
      streamSym,
      stringifySym,
      stringifySafeSym,
      stringifiersSym,
      setLevelSym,
      endSym,
      formatOptsSym,
      messageKeySym,
      errorKeySym,
      nestedKeySym,
      mixinSym,
      levelCompSym,
      useOnlyCustomLevelsSym,
      formattersSym,
      hooksSym,
      nestedKeyStrSym,
      mixinMergeStrategySym,
      msgPrefixSym,
      transportUsesMultistreamSym
    } = symbols;
    var { epochTime, nullTime } = time;
    var { pid } = process;
    var hostname = os.hostname();
    var defaultErrorSerializer = stdSerializers.err;
    var defaultOptions = {
      level: "info",
      levelComparison: SORTING_ORDER.ASC,
      levels: DEFAULT_LEVELS,
      messageKey: "msg",
      errorKey: "err",
      nestedKey: null,
      enabled: true,
      base: { pid, hostname },
      serializers: Object.assign(/* @__PURE__ */ Object.create(null), {
        err: defaultErrorSerializer
      }),
      formatters: Object.assign(/* @__PURE__ */ Object.create(null), {
        bindings(bindings) {
          return bindings;
        },
        level(label, number) {
          return { level: number };
        }
      }),
      hooks: {
        logMethod: void 0,
        streamWrite: void 0
      },
      timestamp: epochTime,
      name: void 0,
      redact: null,
      customLevels: null,
      useOnlyCustomLevels: false,
      depthLimit: 5,
      edgeLimit: 100
    };
    var normalize = createArgsNormalizer(defaultOptions);
    var serializers = Object.assign(/* @__PURE__ */ Object.create(null), stdSerializers);
    function pino2(...args) {
      const instance = {};
      const { opts, stream } = normalize(instance, caller(), ...args);
      if (opts.level && typeof opts.level === "string" && DEFAULT_LEVELS[opts.level.toLowerCase()] !== void 0) opts.level = opts.level.toLowerCase();
      const {
        redact,
        crlf,
        serializers: serializers2,
        timestamp,
        messageKey,
        errorKey,
        nestedKey,
        base,
        name,
        level,
        customLevels,
        levelComparison,
        mixin,
        mixinMergeStrategy,
        useOnlyCustomLevels,
        formatters,
        hooks,
        depthLimit,
        edgeLimit,
        onChild,
        msgPrefix
      } = opts;
      const stringifySafe = configure({
        maximumDepth: depthLimit,
        maximumBreadth: edgeLimit
      });
      const allFormatters = buildFormatters(
        formatters.level,
        formatters.bindings,
        formatters.log
      );
      const stringifyFn = stringify.bind({
        [stringifySafeSym]: stringifySafe
      });
      const stringifiers = redact ? Object.assign(/* @__PURE__ */ Object.create(null), redaction(redact, stringifyFn)) : /* @__PURE__ */ Object.create(null);
      const formatOpts = redact ? { stringify: stringifiers[redactFmtSym] } : { stringify: stringifyFn };
      const end = "}" + (crlf ? "\r\n" : "\n");
      const coreChindings = asChindings.bind(null, {
        [chindingsSym]: "",
        [serializersSym]: serializers2,
        [stringifiersSym]: stringifiers,
        [stringifySym]: stringify,
        [stringifySafeSym]: stringifySafe,
        [formattersSym]: allFormatters
      });
      let chindings = "";
      if (base !== null) {
        if (name === void 0) {
          chindings = coreChindings(base);
        } else {
          chindings = coreChindings(Object.assign({}, base, { name }));
        }
      }
      const time2 = timestamp instanceof Function ? timestamp : timestamp ? epochTime : nullTime;
      const timeSliceIndex = time2().indexOf(":") + 1;
      if (useOnlyCustomLevels && !customLevels) throw Error("customLevels is required if useOnlyCustomLevels is set true");
      if (mixin && typeof mixin !== "function") throw Error(`Unknown mixin type "${typeof mixin}" - expected "function"`);
      if (msgPrefix && typeof msgPrefix !== "string") throw Error(`Unknown msgPrefix type "${typeof msgPrefix}" - expected "string"`);
      assertDefaultLevelFound(level, customLevels, useOnlyCustomLevels);
      const levels = mappings(customLevels, useOnlyCustomLevels);
      if (stream && stream[transportUsesMultistreamSym] === true) {
        let sampleLabel = typeof level === "string" ? level : void 0;
        if (!sampleLabel || levels[sampleLabel] === void 0) {
          sampleLabel = Object.keys(levels)[0];
        }
        const sampleNumber = levels[sampleLabel];
        let ok = false;
        try {
          const formatted = formatters.level(sampleLabel, sampleNumber);
          ok = formatted && typeof formatted === "object" && formatted.level === sampleNumber;
        } catch {
          ok = false;
        }
        if (!ok) {
          process.emitWarning(
            'custom formatters.level detected with multiple transport targets/pipelines; ensure logs include a numeric "level" field or they may be dropped',
            { code: "PINO_TRANSPORT_MULTI_TARGETS_LEVEL_FORMATTER" }
          );
        }
      }
      if (typeof stream.emit === "function") {
        stream.emit("message", { code: "PINO_CONFIG", config: { levels, messageKey, errorKey } });
      }
      assertLevelComparison(levelComparison);
      const levelCompFunc = genLevelComparison(levelComparison);
      Object.assign(instance, {
        levels,
        [levelCompSym]: levelCompFunc,
        [useOnlyCustomLevelsSym]: useOnlyCustomLevels,
        [streamSym]: stream,
        [timeSym]: time2,
        [timeSliceIndexSym]: timeSliceIndex,
        [stringifySym]: stringify,
        [stringifySafeSym]: stringifySafe,
        [stringifiersSym]: stringifiers,
        [endSym]: end,
        [formatOptsSym]: formatOpts,
        [messageKeySym]: messageKey,
        [errorKeySym]: errorKey,
        [nestedKeySym]: nestedKey,
        // protect against injection
        [nestedKeyStrSym]: nestedKey ? `,${JSON.stringify(nestedKey)}:{` : "",
        [serializersSym]: serializers2,
        [mixinSym]: mixin,
        [mixinMergeStrategySym]: mixinMergeStrategy,
        [chindingsSym]: chindings,
        [formattersSym]: allFormatters,
        [hooksSym]: hooks,
        silent: noop,
        onChild,
        [msgPrefixSym]: msgPrefix
      });
      Object.setPrototypeOf(instance, proto());
      genLsCache(instance);
      instance[setLevelSym](level);
      return instance;
    }
    module.exports = pino2;
    module.exports.destination = (dest = process.stdout.fd) => {
      if (typeof dest === "object") {
        dest.dest = normalizeDestFileDescriptor(dest.dest || process.stdout.fd);
        return buildSafeSonicBoom(dest);
      } else {
        return buildSafeSonicBoom({ dest: normalizeDestFileDescriptor(dest), minLength: 0 });
      }
    };
    module.exports.transport = require_transport();
    module.exports.multistream = require_multistream();
    module.exports.levels = mappings();
    module.exports.stdSerializers = serializers;
    module.exports.stdTimeFunctions = Object.assign({}, time);
    module.exports.symbols = symbols;
    module.exports.version = version;
    module.exports.default = pino2;
    module.exports.pino = pino2;
  }
});

// node_modules/prom-client/lib/util.js
var require_util = __commonJS({
  "node_modules/prom-client/lib/util.js"(exports) {
    "use strict";
    exports.getValueAsString = function getValueString(value) {
      if (Number.isNaN(value)) {
        return "Nan";
      } else if (!Number.isFinite(value)) {
        if (value < 0) {
          return "-Inf";
        } else {
          return "+Inf";
        }
      } else {
        return `${value}`;
      }
    };
    exports.removeLabels = function removeLabels(hashMap, labels, sortedLabelNames) {
      const hash = hashObject(labels, sortedLabelNames);
      delete hashMap[hash];
    };
    exports.setValue = function setValue(hashMap, value, labels) {
      const hash = hashObject(labels);
      hashMap[hash] = {
        value: typeof value === "number" ? value : 0,
        labels: labels || {}
      };
      return hashMap;
    };
    exports.setValueDelta = function setValueDelta(hashMap, deltaValue, labels, hash = "") {
      const value = typeof deltaValue === "number" ? deltaValue : 0;
      if (hashMap[hash]) {
        hashMap[hash].value += value;
      } else {
        hashMap[hash] = { value, labels };
      }
      return hashMap;
    };
    exports.getLabels = function(labelNames, args) {
      if (typeof args[0] === "object") {
        return args[0];
      }
      if (labelNames.length !== args.length) {
        throw new Error(
          `Invalid number of arguments (${args.length}): "${args.join(
            ", "
          )}" for label names (${labelNames.length}): "${labelNames.join(", ")}".`
        );
      }
      const acc = {};
      for (let i = 0; i < labelNames.length; i++) {
        acc[labelNames[i]] = args[i];
      }
      return acc;
    };
    function fastHashObject(keys, labels) {
      if (keys.length === 0) {
        return "";
      }
      let hash = "";
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const value = labels[key];
        if (value === void 0) continue;
        hash += `${key}:${value},`;
      }
      return hash;
    }
    function hashObject(labels, labelNames) {
      if (labelNames) {
        return fastHashObject(labelNames, labels);
      }
      const keys = Object.keys(labels);
      if (keys.length > 1) {
        keys.sort();
      }
      return fastHashObject(keys, labels);
    }
    exports.hashObject = hashObject;
    exports.isObject = function isObject(obj) {
      return obj !== null && typeof obj === "object";
    };
    exports.nowTimestamp = function nowTimestamp() {
      return Date.now() / 1e3;
    };
    var Grouper = class extends Map {
      /**
       * Adds the `value` to the `key`'s array of values.
       * @param {*} key Key to set.
       * @param {*} value Value to add to `key`'s array.
       * @returns {undefined} undefined.
       */
      add(key, value) {
        if (this.has(key)) {
          this.get(key).push(value);
        } else {
          this.set(key, [value]);
        }
      }
    };
    exports.Grouper = Grouper;
  }
});

// node_modules/prom-client/lib/registry.js
var require_registry = __commonJS({
  "node_modules/prom-client/lib/registry.js"(exports, module) {
    "use strict";
    var { getValueAsString } = require_util();
    var Registry2 = class _Registry {
      static get PROMETHEUS_CONTENT_TYPE() {
        return "text/plain; version=0.0.4; charset=utf-8";
      }
      static get OPENMETRICS_CONTENT_TYPE() {
        return "application/openmetrics-text; version=1.0.0; charset=utf-8";
      }
      constructor(regContentType = _Registry.PROMETHEUS_CONTENT_TYPE) {
        this._metrics = {};
        this._collectors = [];
        this._defaultLabels = {};
        if (regContentType !== _Registry.PROMETHEUS_CONTENT_TYPE && regContentType !== _Registry.OPENMETRICS_CONTENT_TYPE) {
          throw new TypeError(`Content type ${regContentType} is unsupported`);
        }
        this._contentType = regContentType;
      }
      getMetricsAsArray() {
        return Object.values(this._metrics);
      }
      async getMetricsAsString(metrics) {
        const metric = typeof metrics.getForPromString === "function" ? await metrics.getForPromString() : await metrics.get();
        const name = escapeString(metric.name);
        const help = `# HELP ${name} ${escapeString(metric.help)}`;
        const type = `# TYPE ${name} ${metric.type}`;
        const values = [help, type];
        const defaultLabels = Object.keys(this._defaultLabels).length > 0 ? this._defaultLabels : null;
        const isOpenMetrics = this.contentType === _Registry.OPENMETRICS_CONTENT_TYPE;
        for (const val of metric.values || []) {
          let { metricName = name, labels = {} } = val;
          const { sharedLabels = {} } = val;
          if (isOpenMetrics && metric.type === "counter") {
            metricName = `${metricName}_total`;
          }
          if (defaultLabels) {
            labels = { ...labels, ...defaultLabels, ...labels };
          }
          const formattedLabels = formatLabels(labels, sharedLabels);
          const flattenedShared = flattenSharedLabels(sharedLabels);
          const labelParts = [...formattedLabels, flattenedShared].filter(Boolean);
          const labelsString = labelParts.length ? `{${labelParts.join(",")}}` : "";
          let fullMetricLine = `${metricName}${labelsString} ${getValueAsString(
            val.value
          )}`;
          const { exemplar } = val;
          if (exemplar && isOpenMetrics) {
            const formattedExemplars = formatLabels(exemplar.labelSet);
            fullMetricLine += ` # {${formattedExemplars.join(
              ","
            )}} ${getValueAsString(exemplar.value)} ${exemplar.timestamp}`;
          }
          values.push(fullMetricLine);
        }
        return values.join("\n");
      }
      async metrics() {
        const isOpenMetrics = this.contentType === _Registry.OPENMETRICS_CONTENT_TYPE;
        const promises = this.getMetricsAsArray().map((metric) => {
          if (isOpenMetrics && metric.type === "counter") {
            metric.name = standardizeCounterName(metric.name);
          }
          return this.getMetricsAsString(metric);
        });
        const resolves = await Promise.all(promises);
        return isOpenMetrics ? `${resolves.join("\n")}
# EOF
` : `${resolves.join("\n\n")}
`;
      }
      registerMetric(metric) {
        if (this._metrics[metric.name] && this._metrics[metric.name] !== metric) {
          throw new Error(
            `A metric with the name ${metric.name} has already been registered.`
          );
        }
        this._metrics[metric.name] = metric;
      }
      clear() {
        this._metrics = {};
        this._defaultLabels = {};
      }
      async getMetricsAsJSON() {
        const metrics = [];
        const defaultLabelNames = Object.keys(this._defaultLabels);
        const promises = [];
        for (const metric of this.getMetricsAsArray()) {
          promises.push(metric.get());
        }
        const resolves = await Promise.all(promises);
        for (const item of resolves) {
          if (item.values && defaultLabelNames.length > 0) {
            for (const val of item.values) {
              val.labels = Object.assign({}, val.labels);
              for (const labelName of defaultLabelNames) {
                val.labels[labelName] = val.labels[labelName] || this._defaultLabels[labelName];
              }
            }
          }
          metrics.push(item);
        }
        return metrics;
      }
      removeSingleMetric(name) {
        delete this._metrics[name];
      }
      getSingleMetricAsString(name) {
        return this.getMetricsAsString(this._metrics[name]);
      }
      getSingleMetric(name) {
        return this._metrics[name];
      }
      setDefaultLabels(labels) {
        this._defaultLabels = labels;
      }
      resetMetrics() {
        for (const metric in this._metrics) {
          this._metrics[metric].reset();
        }
      }
      get contentType() {
        return this._contentType;
      }
      setContentType(metricsContentType) {
        if (metricsContentType === _Registry.OPENMETRICS_CONTENT_TYPE || metricsContentType === _Registry.PROMETHEUS_CONTENT_TYPE) {
          this._contentType = metricsContentType;
        } else {
          throw new Error(`Content type ${metricsContentType} is unsupported`);
        }
      }
      static merge(registers) {
        const regType = registers[0].contentType;
        for (const reg of registers) {
          if (reg.contentType !== regType) {
            throw new Error(
              "Registers can only be merged if they have the same content type"
            );
          }
        }
        const mergedRegistry = new _Registry(regType);
        const metricsToMerge = registers.reduce(
          (acc, reg) => acc.concat(reg.getMetricsAsArray()),
          []
        );
        metricsToMerge.forEach(mergedRegistry.registerMetric, mergedRegistry);
        return mergedRegistry;
      }
    };
    function formatLabels(labels, exclude) {
      const { hasOwnProperty } = Object.prototype;
      const formatted = [];
      for (const [name, value] of Object.entries(labels)) {
        if (!exclude || !hasOwnProperty.call(exclude, name)) {
          formatted.push(`${name}="${escapeLabelValue(value)}"`);
        }
      }
      return formatted;
    }
    var sharedLabelCache = /* @__PURE__ */ new WeakMap();
    function flattenSharedLabels(labels) {
      const cached = sharedLabelCache.get(labels);
      if (cached) {
        return cached;
      }
      const formattedLabels = formatLabels(labels);
      const flattened = formattedLabels.join(",");
      sharedLabelCache.set(labels, flattened);
      return flattened;
    }
    function escapeLabelValue(str) {
      if (typeof str !== "string") {
        return str;
      }
      return escapeString(str).replace(/"/g, '\\"');
    }
    function escapeString(str) {
      return str.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
    }
    function standardizeCounterName(name) {
      return name.replace(/_total$/, "");
    }
    module.exports = Registry2;
    module.exports.globalRegistry = new Registry2();
  }
});

// node_modules/prom-client/lib/validation.js
var require_validation = __commonJS({
  "node_modules/prom-client/lib/validation.js"(exports) {
    "use strict";
    var util = __require("util");
    var metricRegexp = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
    var labelRegexp = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
    exports.validateMetricName = function(name) {
      return metricRegexp.test(name);
    };
    exports.validateLabelName = function(names = []) {
      return names.every((name) => labelRegexp.test(name));
    };
    exports.validateLabel = function validateLabel(savedLabels, labels) {
      for (const label in labels) {
        if (!savedLabels.includes(label)) {
          throw new Error(
            `Added label "${label}" is not included in initial labelset: ${util.inspect(
              savedLabels
            )}`
          );
        }
      }
    };
  }
});

// node_modules/prom-client/lib/metric.js
var require_metric = __commonJS({
  "node_modules/prom-client/lib/metric.js"(exports, module) {
    "use strict";
    var Registry2 = require_registry();
    var { isObject } = require_util();
    var { validateMetricName, validateLabelName } = require_validation();
    var Metric = class {
      constructor(config, defaults = {}) {
        if (!isObject(config)) {
          throw new TypeError("constructor expected a config object");
        }
        Object.assign(
          this,
          {
            labelNames: [],
            registers: [Registry2.globalRegistry],
            aggregator: "sum",
            enableExemplars: false
          },
          defaults,
          config
        );
        if (!this.registers) {
          this.registers = [Registry2.globalRegistry];
        }
        if (!this.help) {
          throw new Error("Missing mandatory help parameter");
        }
        if (!this.name) {
          throw new Error("Missing mandatory name parameter");
        }
        if (!validateMetricName(this.name)) {
          throw new Error("Invalid metric name");
        }
        if (!validateLabelName(this.labelNames)) {
          throw new Error("Invalid label name");
        }
        if (this.collect && typeof this.collect !== "function") {
          throw new Error('Optional "collect" parameter must be a function');
        }
        if (this.labelNames) {
          this.sortedLabelNames = [...this.labelNames].sort();
        } else {
          this.sortedLabelNames = [];
        }
        this.reset();
        for (const register of this.registers) {
          if (this.enableExemplars && register.contentType === Registry2.PROMETHEUS_CONTENT_TYPE) {
            throw new TypeError(
              "Exemplars are supported only on OpenMetrics registries"
            );
          }
          register.registerMetric(this);
        }
      }
      reset() {
      }
    };
    module.exports = { Metric };
  }
});

// node_modules/prom-client/lib/exemplar.js
var require_exemplar = __commonJS({
  "node_modules/prom-client/lib/exemplar.js"(exports, module) {
    "use strict";
    var Exemplar = class {
      constructor(labelSet = {}, value = null) {
        this.labelSet = labelSet;
        this.value = value;
      }
      /**
       * Validation for the label set format.
       * https://github.com/OpenObservability/OpenMetrics/blob/d99b705f611b75fec8f450b05e344e02eea6921d/specification/OpenMetrics.md#exemplars
       *
       * @param {object} labelSet - Exemplar labels.
       * @throws {RangeError}
       * @return {void}
       */
      validateExemplarLabelSet(labelSet) {
        let res = "";
        for (const [labelName, labelValue] of Object.entries(labelSet)) {
          res += `${labelName}${labelValue}`;
        }
        if (res.length > 128) {
          throw new RangeError(
            "Label set size must be smaller than 128 UTF-8 chars"
          );
        }
      }
    };
    module.exports = Exemplar;
  }
});

// node_modules/prom-client/lib/counter.js
var require_counter = __commonJS({
  "node_modules/prom-client/lib/counter.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      hashObject,
      isObject,
      getLabels,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Counter2 = class extends Metric {
      constructor(config) {
        super(config);
        this.type = "counter";
        this.defaultLabels = {};
        this.defaultValue = 1;
        this.defaultExemplarLabelSet = {};
        if (config.enableExemplars) {
          this.enableExemplars = true;
          this.inc = this.incWithExemplar;
        } else {
          this.inc = this.incWithoutExemplar;
        }
      }
      /**
       * Increment counter
       * @param {object} labels - What label you want to be incremented
       * @param {Number} value - Value to increment, if omitted increment with 1
       * @returns {object} results - object with information about the inc operation
       * @returns {string} results.labelHash - hash representation of the labels
       */
      incWithoutExemplar(labels, value) {
        let hash = "";
        if (isObject(labels)) {
          hash = hashObject(labels, this.sortedLabelNames);
          validateLabel(this.labelNames, labels);
        } else {
          value = labels;
          labels = {};
        }
        if (value && !Number.isFinite(value)) {
          throw new TypeError(`Value is not a valid number: ${util.format(value)}`);
        }
        if (value < 0) {
          throw new Error("It is not possible to decrease a counter");
        }
        if (value === null || value === void 0) value = 1;
        setValue(this.hashMap, value, labels, hash);
        return { labelHash: hash };
      }
      /**
       * Increment counter with exemplar, same as inc but accepts labels for an
       * exemplar.
       * If no label is provided the current exemplar labels are kept unchanged
       * (defaults to empty set).
       *
       * @param {object} incOpts - Object with options about what metric to increase
       * @param {object} incOpts.labels - What label you want to be incremented,
       *                                  defaults to null (metric with no labels)
       * @param {Number} incOpts.value - Value to increment, defaults to 1
       * @param {object} incOpts.exemplarLabels - Key-value  labels for the
       *                                          exemplar, defaults to empty set {}
       * @returns {void}
       */
      incWithExemplar({
        labels = this.defaultLabels,
        value = this.defaultValue,
        exemplarLabels = this.defaultExemplarLabelSet
      } = {}) {
        const res = this.incWithoutExemplar(labels, value);
        this.updateExemplar(exemplarLabels, value, res.labelHash);
      }
      updateExemplar(exemplarLabels, value, hash) {
        if (exemplarLabels === this.defaultExemplarLabelSet) return;
        if (!isObject(this.hashMap[hash].exemplar)) {
          this.hashMap[hash].exemplar = new Exemplar();
        }
        this.hashMap[hash].exemplar.validateExemplarLabelSet(exemplarLabels);
        this.hashMap[hash].exemplar.labelSet = exemplarLabels;
        this.hashMap[hash].exemplar.value = value ? value : 1;
        this.hashMap[hash].exemplar.timestamp = nowTimestamp();
      }
      /**
       * Reset counter
       * @returns {void}
       */
      reset() {
        this.hashMap = {};
        if (this.labelNames.length === 0) {
          setValue(this.hashMap, 0);
        }
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        return {
          help: this.help,
          name: this.name,
          type: this.type,
          values: Object.values(this.hashMap),
          aggregator: this.aggregator
        };
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args) || {};
        return {
          inc: this.inc.bind(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args) || {};
        validateLabel(this.labelNames, labels);
        return removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function setValue(hashMap, value, labels = {}, hash = "") {
      if (hashMap[hash]) {
        hashMap[hash].value += value;
      } else {
        hashMap[hash] = { value, labels };
      }
      return hashMap;
    }
    module.exports = Counter2;
  }
});

// node_modules/prom-client/lib/gauge.js
var require_gauge = __commonJS({
  "node_modules/prom-client/lib/gauge.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      setValue,
      setValueDelta,
      getLabels,
      hashObject,
      isObject,
      removeLabels
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Gauge2 = class extends Metric {
      constructor(config) {
        super(config);
        this.type = "gauge";
      }
      /**
       * Set a gauge to a value
       * @param {object} labels - Object with labels and their values
       * @param {Number} value - Value to set the gauge to, must be positive
       * @returns {void}
       */
      set(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        set(this, labels, value);
      }
      /**
       * Reset gauge
       * @returns {void}
       */
      reset() {
        this.hashMap = {};
        if (this.labelNames.length === 0) {
          setValue(this.hashMap, 0, {});
        }
      }
      /**
       * Increment a gauge value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to increment - if omitted, increment with 1
       * @returns {void}
       */
      inc(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        if (value === void 0) value = 1;
        setDelta(this, labels, value);
      }
      /**
       * Decrement a gauge value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to decrement - if omitted, decrement with 1
       * @returns {void}
       */
      dec(labels, value) {
        value = getValueArg(labels, value);
        labels = getLabelArg(labels);
        if (value === void 0) value = 1;
        setDelta(this, labels, -value);
      }
      /**
       * Set the gauge to current unix epoch
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {void}
       */
      setToCurrentTime(labels) {
        const now = Date.now() / 1e3;
        if (labels === void 0) {
          this.set(now);
        } else {
          this.set(labels, now);
        }
      }
      /**
       * Start a timer
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Invoke this function to set the duration in seconds since you started the timer.
       * @example
       * var done = gauge.startTimer();
       * makeXHRRequest(function(err, response) {
       *	done(); //Duration of the request will be saved
       * });
       */
      startTimer(labels) {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.set(Object.assign({}, labels, endLabels), value);
          return value;
        };
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        return {
          help: this.help,
          name: this.name,
          type: this.type,
          values: Object.values(this.hashMap),
          aggregator: this.aggregator
        };
      }
      _getValue(labels) {
        const hash = hashObject(labels || {}, this.sortedLabelNames);
        return this.hashMap[hash] ? this.hashMap[hash].value : 0;
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          inc: this.inc.bind(this, labels),
          dec: this.dec.bind(this, labels),
          set: this.set.bind(this, labels),
          setToCurrentTime: this.setToCurrentTime.bind(this, labels),
          startTimer: this.startTimer.bind(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function set(gauge, labels, value) {
      if (typeof value !== "number") {
        throw new TypeError(`Value is not a valid number: ${util.format(value)}`);
      }
      validateLabel(gauge.labelNames, labels);
      setValue(gauge.hashMap, value, labels);
    }
    function setDelta(gauge, labels, delta) {
      if (typeof delta !== "number") {
        throw new TypeError(`Delta is not a valid number: ${util.format(delta)}`);
      }
      validateLabel(gauge.labelNames, labels);
      const hash = hashObject(labels, gauge.sortedLabelNames);
      setValueDelta(gauge.hashMap, delta, labels, hash);
    }
    function getLabelArg(labels) {
      return isObject(labels) ? labels : {};
    }
    function getValueArg(labels, value) {
      return isObject(labels) ? value : labels;
    }
    module.exports = Gauge2;
  }
});

// node_modules/prom-client/lib/histogram.js
var require_histogram = __commonJS({
  "node_modules/prom-client/lib/histogram.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var {
      getLabels,
      hashObject,
      isObject,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Histogram2 = class extends Metric {
      constructor(config) {
        super(config, {
          buckets: [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
        });
        this.type = "histogram";
        this.defaultLabels = {};
        this.defaultExemplarLabelSet = {};
        this.enableExemplars = false;
        for (const label of this.labelNames) {
          if (label === "le") {
            throw new Error("le is a reserved label keyword");
          }
        }
        this.upperBounds = this.buckets;
        this.bucketValues = this.upperBounds.reduce((acc, upperBound) => {
          acc[upperBound] = 0;
          return acc;
        }, {});
        if (config.enableExemplars) {
          this.enableExemplars = true;
          this.bucketExemplars = this.upperBounds.reduce((acc, upperBound) => {
            acc[upperBound] = null;
            return acc;
          }, {});
          Object.freeze(this.bucketExemplars);
          this.observe = this.observeWithExemplar;
        } else {
          this.observe = this.observeWithoutExemplar;
        }
        Object.freeze(this.bucketValues);
        Object.freeze(this.upperBounds);
        if (this.labelNames.length === 0) {
          this.hashMap = {
            [hashObject({})]: createBaseValues(
              {},
              this.bucketValues,
              this.bucketExemplars
            )
          };
        }
      }
      /**
       * Observe a value in histogram
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to observe in the histogram
       * @returns {void}
       */
      observeWithoutExemplar(labels, value) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
      }
      observeWithExemplar({
        labels = this.defaultLabels,
        value,
        exemplarLabels = this.defaultExemplarLabelSet
      } = {}) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
        this.updateExemplar(labels, value, exemplarLabels);
      }
      updateExemplar(labels, value, exemplarLabels) {
        if (Object.keys(exemplarLabels).length === 0) return;
        const hash = hashObject(labels, this.sortedLabelNames);
        const bound = findBound(this.upperBounds, value);
        const { bucketExemplars } = this.hashMap[hash];
        let exemplar = bucketExemplars[bound];
        if (!isObject(exemplar)) {
          exemplar = new Exemplar();
          bucketExemplars[bound] = exemplar;
        }
        exemplar.validateExemplarLabelSet(exemplarLabels);
        exemplar.labelSet = exemplarLabels;
        exemplar.value = value;
        exemplar.timestamp = nowTimestamp();
      }
      async get() {
        const data = await this.getForPromString();
        data.values = data.values.map(splayLabels);
        return data;
      }
      async getForPromString() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        const data = Object.values(this.hashMap);
        const values = data.map(extractBucketValuesForExport(this)).reduce(addSumAndCountForExport(this), []);
        return {
          name: this.name,
          help: this.help,
          type: this.type,
          values,
          aggregator: this.aggregator
        };
      }
      reset() {
        this.hashMap = {};
      }
      /**
       * Initialize the metrics for the given combination of labels to zero
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {void}
       */
      zero(labels) {
        const hash = hashObject(labels, this.sortedLabelNames);
        this.hashMap[hash] = createBaseValues(
          labels,
          this.bucketValues,
          this.bucketExemplars
        );
      }
      /**
       * Start a timer that could be used to logging durations
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {object} exemplarLabels - Object with labels for exemplar where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
       * @example
       * var end = histogram.startTimer();
       * makeExpensiveXHRRequest(function(err, res) {
       * 	const duration = end(); //Observe the duration of expensiveXHRRequest and returns duration in seconds
       * 	console.log('Duration', duration);
       * });
       */
      startTimer(labels, exemplarLabels) {
        return this.enableExemplars ? startTimerWithExemplar.call(this, labels, exemplarLabels)() : startTimer.call(this, labels)();
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          observe: observe.call(this, labels),
          startTimer: startTimer.call(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function startTimer(startLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe(Object.assign({}, startLabels, endLabels), value);
          return value;
        };
      };
    }
    function startTimerWithExemplar(startLabels, startExemplarLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels, endExemplarLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe({
            labels: Object.assign({}, startLabels, endLabels),
            value,
            exemplarLabels: Object.assign(
              {},
              startExemplarLabels,
              endExemplarLabels
            )
          });
          return value;
        };
      };
    }
    function setValuePair(labels, value, metricName, exemplar, sharedLabels = {}) {
      return {
        labels,
        sharedLabels,
        value,
        metricName,
        exemplar
      };
    }
    function findBound(upperBounds, value) {
      for (let i = 0; i < upperBounds.length; i++) {
        const bound = upperBounds[i];
        if (value <= bound) {
          return bound;
        }
      }
      return -1;
    }
    function observe(labels) {
      return (value) => {
        const labelValuePair = convertLabelsAndValues(labels, value);
        validateLabel(this.labelNames, labelValuePair.labels);
        if (!Number.isFinite(labelValuePair.value)) {
          throw new TypeError(
            `Value is not a valid number: ${util.format(labelValuePair.value)}`
          );
        }
        const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
        let valueFromMap = this.hashMap[hash];
        if (!valueFromMap) {
          valueFromMap = createBaseValues(
            labelValuePair.labels,
            this.bucketValues,
            this.bucketExemplars
          );
        }
        const b = findBound(this.upperBounds, labelValuePair.value);
        valueFromMap.sum += labelValuePair.value;
        valueFromMap.count += 1;
        if (Object.prototype.hasOwnProperty.call(valueFromMap.bucketValues, b)) {
          valueFromMap.bucketValues[b] += 1;
        }
        this.hashMap[hash] = valueFromMap;
      };
    }
    function createBaseValues(labels, bucketValues, bucketExemplars) {
      const result = {
        labels,
        bucketValues: { ...bucketValues },
        sum: 0,
        count: 0
      };
      if (bucketExemplars) {
        result.bucketExemplars = { ...bucketExemplars };
      }
      return result;
    }
    function convertLabelsAndValues(labels, value) {
      return isObject(labels) ? {
        labels,
        value
      } : {
        value: labels,
        labels: {}
      };
    }
    function extractBucketValuesForExport(histogram) {
      const name = `${histogram.name}_bucket`;
      return (bucketData) => {
        let acc = 0;
        const buckets = histogram.upperBounds.map((upperBound) => {
          acc += bucketData.bucketValues[upperBound];
          return setValuePair(
            { le: upperBound },
            acc,
            name,
            bucketData.bucketExemplars ? bucketData.bucketExemplars[upperBound] : null,
            bucketData.labels
          );
        });
        return { buckets, data: bucketData };
      };
    }
    function addSumAndCountForExport(histogram) {
      return (acc, d) => {
        acc.push(...d.buckets);
        const infLabel = { le: "+Inf" };
        acc.push(
          setValuePair(
            infLabel,
            d.data.count,
            `${histogram.name}_bucket`,
            d.data.bucketExemplars ? d.data.bucketExemplars["-1"] : null,
            d.data.labels
          ),
          setValuePair(
            {},
            d.data.sum,
            `${histogram.name}_sum`,
            void 0,
            d.data.labels
          ),
          setValuePair(
            {},
            d.data.count,
            `${histogram.name}_count`,
            void 0,
            d.data.labels
          )
        );
        return acc;
      };
    }
    function splayLabels(bucket) {
      const { sharedLabels, labels, ...newBucket } = bucket;
      for (const label of Object.keys(sharedLabels)) {
        labels[label] = sharedLabels[label];
      }
      newBucket.labels = labels;
      return newBucket;
    }
    module.exports = Histogram2;
  }
});

// node_modules/bintrees/lib/treebase.js
var require_treebase = __commonJS({
  "node_modules/bintrees/lib/treebase.js"(exports, module) {
    function TreeBase() {
    }
    TreeBase.prototype.clear = function() {
      this._root = null;
      this.size = 0;
    };
    TreeBase.prototype.find = function(data) {
      var res = this._root;
      while (res !== null) {
        var c = this._comparator(data, res.data);
        if (c === 0) {
          return res.data;
        } else {
          res = res.get_child(c > 0);
        }
      }
      return null;
    };
    TreeBase.prototype.findIter = function(data) {
      var res = this._root;
      var iter = this.iterator();
      while (res !== null) {
        var c = this._comparator(data, res.data);
        if (c === 0) {
          iter._cursor = res;
          return iter;
        } else {
          iter._ancestors.push(res);
          res = res.get_child(c > 0);
        }
      }
      return null;
    };
    TreeBase.prototype.lowerBound = function(item) {
      var cur = this._root;
      var iter = this.iterator();
      var cmp = this._comparator;
      while (cur !== null) {
        var c = cmp(item, cur.data);
        if (c === 0) {
          iter._cursor = cur;
          return iter;
        }
        iter._ancestors.push(cur);
        cur = cur.get_child(c > 0);
      }
      for (var i = iter._ancestors.length - 1; i >= 0; --i) {
        cur = iter._ancestors[i];
        if (cmp(item, cur.data) < 0) {
          iter._cursor = cur;
          iter._ancestors.length = i;
          return iter;
        }
      }
      iter._ancestors.length = 0;
      return iter;
    };
    TreeBase.prototype.upperBound = function(item) {
      var iter = this.lowerBound(item);
      var cmp = this._comparator;
      while (iter.data() !== null && cmp(iter.data(), item) === 0) {
        iter.next();
      }
      return iter;
    };
    TreeBase.prototype.min = function() {
      var res = this._root;
      if (res === null) {
        return null;
      }
      while (res.left !== null) {
        res = res.left;
      }
      return res.data;
    };
    TreeBase.prototype.max = function() {
      var res = this._root;
      if (res === null) {
        return null;
      }
      while (res.right !== null) {
        res = res.right;
      }
      return res.data;
    };
    TreeBase.prototype.iterator = function() {
      return new Iterator(this);
    };
    TreeBase.prototype.each = function(cb) {
      var it = this.iterator(), data;
      while ((data = it.next()) !== null) {
        if (cb(data) === false) {
          return;
        }
      }
    };
    TreeBase.prototype.reach = function(cb) {
      var it = this.iterator(), data;
      while ((data = it.prev()) !== null) {
        if (cb(data) === false) {
          return;
        }
      }
    };
    function Iterator(tree) {
      this._tree = tree;
      this._ancestors = [];
      this._cursor = null;
    }
    Iterator.prototype.data = function() {
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype.next = function() {
      if (this._cursor === null) {
        var root = this._tree._root;
        if (root !== null) {
          this._minNode(root);
        }
      } else {
        if (this._cursor.right === null) {
          var save;
          do {
            save = this._cursor;
            if (this._ancestors.length) {
              this._cursor = this._ancestors.pop();
            } else {
              this._cursor = null;
              break;
            }
          } while (this._cursor.right === save);
        } else {
          this._ancestors.push(this._cursor);
          this._minNode(this._cursor.right);
        }
      }
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype.prev = function() {
      if (this._cursor === null) {
        var root = this._tree._root;
        if (root !== null) {
          this._maxNode(root);
        }
      } else {
        if (this._cursor.left === null) {
          var save;
          do {
            save = this._cursor;
            if (this._ancestors.length) {
              this._cursor = this._ancestors.pop();
            } else {
              this._cursor = null;
              break;
            }
          } while (this._cursor.left === save);
        } else {
          this._ancestors.push(this._cursor);
          this._maxNode(this._cursor.left);
        }
      }
      return this._cursor !== null ? this._cursor.data : null;
    };
    Iterator.prototype._minNode = function(start) {
      while (start.left !== null) {
        this._ancestors.push(start);
        start = start.left;
      }
      this._cursor = start;
    };
    Iterator.prototype._maxNode = function(start) {
      while (start.right !== null) {
        this._ancestors.push(start);
        start = start.right;
      }
      this._cursor = start;
    };
    module.exports = TreeBase;
  }
});

// node_modules/bintrees/lib/rbtree.js
var require_rbtree = __commonJS({
  "node_modules/bintrees/lib/rbtree.js"(exports, module) {
    var TreeBase = require_treebase();
    function Node(data) {
      this.data = data;
      this.left = null;
      this.right = null;
      this.red = true;
    }
    Node.prototype.get_child = function(dir) {
      return dir ? this.right : this.left;
    };
    Node.prototype.set_child = function(dir, val) {
      if (dir) {
        this.right = val;
      } else {
        this.left = val;
      }
    };
    function RBTree(comparator) {
      this._root = null;
      this._comparator = comparator;
      this.size = 0;
    }
    RBTree.prototype = new TreeBase();
    RBTree.prototype.insert = function(data) {
      var ret2 = false;
      if (this._root === null) {
        this._root = new Node(data);
        ret2 = true;
        this.size++;
      } else {
        var head = new Node(void 0);
        var dir = 0;
        var last = 0;
        var gp = null;
        var ggp = head;
        var p = null;
        var node = this._root;
        ggp.right = this._root;
        while (true) {
          if (node === null) {
            node = new Node(data);
            p.set_child(dir, node);
            ret2 = true;
            this.size++;
          } else if (is_red(node.left) && is_red(node.right)) {
            node.red = true;
            node.left.red = false;
            node.right.red = false;
          }
          if (is_red(node) && is_red(p)) {
            var dir2 = ggp.right === gp;
            if (node === p.get_child(last)) {
              ggp.set_child(dir2, single_rotate(gp, !last));
            } else {
              ggp.set_child(dir2, double_rotate(gp, !last));
            }
          }
          var cmp = this._comparator(node.data, data);
          if (cmp === 0) {
            break;
          }
          last = dir;
          dir = cmp < 0;
          if (gp !== null) {
            ggp = gp;
          }
          gp = p;
          p = node;
          node = node.get_child(dir);
        }
        this._root = head.right;
      }
      this._root.red = false;
      return ret2;
    };
    RBTree.prototype.remove = function(data) {
      if (this._root === null) {
        return false;
      }
      var head = new Node(void 0);
      var node = head;
      node.right = this._root;
      var p = null;
      var gp = null;
      var found = null;
      var dir = 1;
      while (node.get_child(dir) !== null) {
        var last = dir;
        gp = p;
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;
        if (cmp === 0) {
          found = node;
        }
        if (!is_red(node) && !is_red(node.get_child(dir))) {
          if (is_red(node.get_child(!dir))) {
            var sr = single_rotate(node, dir);
            p.set_child(last, sr);
            p = sr;
          } else if (!is_red(node.get_child(!dir))) {
            var sibling = p.get_child(!last);
            if (sibling !== null) {
              if (!is_red(sibling.get_child(!last)) && !is_red(sibling.get_child(last))) {
                p.red = false;
                sibling.red = true;
                node.red = true;
              } else {
                var dir2 = gp.right === p;
                if (is_red(sibling.get_child(last))) {
                  gp.set_child(dir2, double_rotate(p, last));
                } else if (is_red(sibling.get_child(!last))) {
                  gp.set_child(dir2, single_rotate(p, last));
                }
                var gpc = gp.get_child(dir2);
                gpc.red = true;
                node.red = true;
                gpc.left.red = false;
                gpc.right.red = false;
              }
            }
          }
        }
      }
      if (found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this.size--;
      }
      this._root = head.right;
      if (this._root !== null) {
        this._root.red = false;
      }
      return found !== null;
    };
    function is_red(node) {
      return node !== null && node.red;
    }
    function single_rotate(root, dir) {
      var save = root.get_child(!dir);
      root.set_child(!dir, save.get_child(dir));
      save.set_child(dir, root);
      root.red = true;
      save.red = false;
      return save;
    }
    function double_rotate(root, dir) {
      root.set_child(!dir, single_rotate(root.get_child(!dir), !dir));
      return single_rotate(root, dir);
    }
    module.exports = RBTree;
  }
});

// node_modules/bintrees/lib/bintree.js
var require_bintree = __commonJS({
  "node_modules/bintrees/lib/bintree.js"(exports, module) {
    var TreeBase = require_treebase();
    function Node(data) {
      this.data = data;
      this.left = null;
      this.right = null;
    }
    Node.prototype.get_child = function(dir) {
      return dir ? this.right : this.left;
    };
    Node.prototype.set_child = function(dir, val) {
      if (dir) {
        this.right = val;
      } else {
        this.left = val;
      }
    };
    function BinTree(comparator) {
      this._root = null;
      this._comparator = comparator;
      this.size = 0;
    }
    BinTree.prototype = new TreeBase();
    BinTree.prototype.insert = function(data) {
      if (this._root === null) {
        this._root = new Node(data);
        this.size++;
        return true;
      }
      var dir = 0;
      var p = null;
      var node = this._root;
      while (true) {
        if (node === null) {
          node = new Node(data);
          p.set_child(dir, node);
          ret = true;
          this.size++;
          return true;
        }
        if (this._comparator(node.data, data) === 0) {
          return false;
        }
        dir = this._comparator(node.data, data) < 0;
        p = node;
        node = node.get_child(dir);
      }
    };
    BinTree.prototype.remove = function(data) {
      if (this._root === null) {
        return false;
      }
      var head = new Node(void 0);
      var node = head;
      node.right = this._root;
      var p = null;
      var found = null;
      var dir = 1;
      while (node.get_child(dir) !== null) {
        p = node;
        node = node.get_child(dir);
        var cmp = this._comparator(data, node.data);
        dir = cmp > 0;
        if (cmp === 0) {
          found = node;
        }
      }
      if (found !== null) {
        found.data = node.data;
        p.set_child(p.right === node, node.get_child(node.left === null));
        this._root = head.right;
        this.size--;
        return true;
      } else {
        return false;
      }
    };
    module.exports = BinTree;
  }
});

// node_modules/bintrees/index.js
var require_bintrees = __commonJS({
  "node_modules/bintrees/index.js"(exports, module) {
    module.exports = {
      RBTree: require_rbtree(),
      BinTree: require_bintree()
    };
  }
});

// node_modules/tdigest/tdigest.js
var require_tdigest = __commonJS({
  "node_modules/tdigest/tdigest.js"(exports, module) {
    var RBTree = require_bintrees().RBTree;
    function TDigest(delta, K, CX) {
      this.discrete = delta === false;
      this.delta = delta || 0.01;
      this.K = K === void 0 ? 25 : K;
      this.CX = CX === void 0 ? 1.1 : CX;
      this.centroids = new RBTree(compare_centroid_means);
      this.nreset = 0;
      this.reset();
    }
    TDigest.prototype.reset = function() {
      this.centroids.clear();
      this.n = 0;
      this.nreset += 1;
      this.last_cumulate = 0;
    };
    TDigest.prototype.size = function() {
      return this.centroids.size;
    };
    TDigest.prototype.toArray = function(everything) {
      var result = [];
      if (everything) {
        this._cumulate(true);
        this.centroids.each(function(c) {
          result.push(c);
        });
      } else {
        this.centroids.each(function(c) {
          result.push({ mean: c.mean, n: c.n });
        });
      }
      return result;
    };
    TDigest.prototype.summary = function() {
      var approx = this.discrete ? "exact " : "approximating ";
      var s = [
        approx + this.n + " samples using " + this.size() + " centroids",
        "min = " + this.percentile(0),
        "Q1  = " + this.percentile(0.25),
        "Q2  = " + this.percentile(0.5),
        "Q3  = " + this.percentile(0.75),
        "max = " + this.percentile(1)
      ];
      return s.join("\n");
    };
    function compare_centroid_means(a, b) {
      return a.mean > b.mean ? 1 : a.mean < b.mean ? -1 : 0;
    }
    function compare_centroid_mean_cumns(a, b) {
      return a.mean_cumn - b.mean_cumn;
    }
    TDigest.prototype.push = function(x, n) {
      n = n || 1;
      x = Array.isArray(x) ? x : [x];
      for (var i = 0; i < x.length; i++) {
        this._digest(x[i], n);
      }
    };
    TDigest.prototype.push_centroid = function(c) {
      c = Array.isArray(c) ? c : [c];
      for (var i = 0; i < c.length; i++) {
        this._digest(c[i].mean, c[i].n);
      }
    };
    TDigest.prototype._cumulate = function(exact) {
      if (this.n === this.last_cumulate || !exact && this.CX && this.CX > this.n / this.last_cumulate) {
        return;
      }
      var cumn = 0;
      this.centroids.each(function(c) {
        c.mean_cumn = cumn + c.n / 2;
        cumn = c.cumn = cumn + c.n;
      });
      this.n = this.last_cumulate = cumn;
    };
    TDigest.prototype.find_nearest = function(x) {
      if (this.size() === 0) {
        return null;
      }
      var iter = this.centroids.lowerBound({ mean: x });
      var c = iter.data() === null ? iter.prev() : iter.data();
      if (c.mean === x || this.discrete) {
        return c;
      }
      var prev = iter.prev();
      if (prev && Math.abs(prev.mean - x) < Math.abs(c.mean - x)) {
        return prev;
      } else {
        return c;
      }
    };
    TDigest.prototype._new_centroid = function(x, n, cumn) {
      var c = { mean: x, n, cumn };
      this.centroids.insert(c);
      this.n += n;
      return c;
    };
    TDigest.prototype._addweight = function(nearest, x, n) {
      if (x !== nearest.mean) {
        nearest.mean += n * (x - nearest.mean) / (nearest.n + n);
      }
      nearest.cumn += n;
      nearest.mean_cumn += n / 2;
      nearest.n += n;
      this.n += n;
    };
    TDigest.prototype._digest = function(x, n) {
      var min = this.centroids.min();
      var max = this.centroids.max();
      var nearest = this.find_nearest(x);
      if (nearest && nearest.mean === x) {
        this._addweight(nearest, x, n);
      } else if (nearest === min) {
        this._new_centroid(x, n, 0);
      } else if (nearest === max) {
        this._new_centroid(x, n, this.n);
      } else if (this.discrete) {
        this._new_centroid(x, n, nearest.cumn);
      } else {
        var p = nearest.mean_cumn / this.n;
        var max_n = Math.floor(4 * this.n * this.delta * p * (1 - p));
        if (max_n - nearest.n >= n) {
          this._addweight(nearest, x, n);
        } else {
          this._new_centroid(x, n, nearest.cumn);
        }
      }
      this._cumulate(false);
      if (!this.discrete && this.K && this.size() > this.K / this.delta) {
        this.compress();
      }
    };
    TDigest.prototype.bound_mean = function(x) {
      var iter = this.centroids.upperBound({ mean: x });
      var lower = iter.prev();
      var upper = lower.mean === x ? lower : iter.next();
      return [lower, upper];
    };
    TDigest.prototype.p_rank = function(x_or_xlist) {
      var xs = Array.isArray(x_or_xlist) ? x_or_xlist : [x_or_xlist];
      var ps = xs.map(this._p_rank, this);
      return Array.isArray(x_or_xlist) ? ps : ps[0];
    };
    TDigest.prototype._p_rank = function(x) {
      if (this.size() === 0) {
        return void 0;
      } else if (x < this.centroids.min().mean) {
        return 0;
      } else if (x > this.centroids.max().mean) {
        return 1;
      }
      this._cumulate(true);
      var bound = this.bound_mean(x);
      var lower = bound[0], upper = bound[1];
      if (this.discrete) {
        return lower.cumn / this.n;
      } else {
        var cumn = lower.mean_cumn;
        if (lower !== upper) {
          cumn += (x - lower.mean) * (upper.mean_cumn - lower.mean_cumn) / (upper.mean - lower.mean);
        }
        return cumn / this.n;
      }
    };
    TDigest.prototype.bound_mean_cumn = function(cumn) {
      this.centroids._comparator = compare_centroid_mean_cumns;
      var iter = this.centroids.upperBound({ mean_cumn: cumn });
      this.centroids._comparator = compare_centroid_means;
      var lower = iter.prev();
      var upper = lower && lower.mean_cumn === cumn ? lower : iter.next();
      return [lower, upper];
    };
    TDigest.prototype.percentile = function(p_or_plist) {
      var ps = Array.isArray(p_or_plist) ? p_or_plist : [p_or_plist];
      var qs = ps.map(this._percentile, this);
      return Array.isArray(p_or_plist) ? qs : qs[0];
    };
    TDigest.prototype._percentile = function(p) {
      if (this.size() === 0) {
        return void 0;
      }
      this._cumulate(true);
      var h = this.n * p;
      var bound = this.bound_mean_cumn(h);
      var lower = bound[0], upper = bound[1];
      if (upper === lower || lower === null || upper === null) {
        return (lower || upper).mean;
      } else if (!this.discrete) {
        return lower.mean + (h - lower.mean_cumn) * (upper.mean - lower.mean) / (upper.mean_cumn - lower.mean_cumn);
      } else if (h <= lower.cumn) {
        return lower.mean;
      } else {
        return upper.mean;
      }
    };
    function pop_random(choices) {
      var idx = Math.floor(Math.random() * choices.length);
      return choices.splice(idx, 1)[0];
    }
    TDigest.prototype.compress = function() {
      if (this.compressing) {
        return;
      }
      var points = this.toArray();
      this.reset();
      this.compressing = true;
      while (points.length > 0) {
        this.push_centroid(pop_random(points));
      }
      this._cumulate(true);
      this.compressing = false;
    };
    function Digest(config) {
      this.config = config || {};
      this.mode = this.config.mode || "auto";
      TDigest.call(this, this.mode === "cont" ? config.delta : false);
      this.digest_ratio = this.config.ratio || 0.9;
      this.digest_thresh = this.config.thresh || 1e3;
      this.n_unique = 0;
    }
    Digest.prototype = Object.create(TDigest.prototype);
    Digest.prototype.constructor = Digest;
    Digest.prototype.push = function(x_or_xlist) {
      TDigest.prototype.push.call(this, x_or_xlist);
      this.check_continuous();
    };
    Digest.prototype._new_centroid = function(x, n, cumn) {
      this.n_unique += 1;
      TDigest.prototype._new_centroid.call(this, x, n, cumn);
    };
    Digest.prototype._addweight = function(nearest, x, n) {
      if (nearest.n === 1) {
        this.n_unique -= 1;
      }
      TDigest.prototype._addweight.call(this, nearest, x, n);
    };
    Digest.prototype.check_continuous = function() {
      if (this.mode !== "auto" || this.size() < this.digest_thresh) {
        return false;
      }
      if (this.n_unique / this.size() > this.digest_ratio) {
        this.mode = "cont";
        this.discrete = false;
        this.delta = this.config.delta || 0.01;
        this.compress();
        return true;
      }
      return false;
    };
    module.exports = {
      "TDigest": TDigest,
      "Digest": Digest
    };
  }
});

// node_modules/prom-client/lib/timeWindowQuantiles.js
var require_timeWindowQuantiles = __commonJS({
  "node_modules/prom-client/lib/timeWindowQuantiles.js"(exports, module) {
    "use strict";
    var { TDigest } = require_tdigest();
    var TimeWindowQuantiles = class {
      constructor(maxAgeSeconds, ageBuckets) {
        this.maxAgeSeconds = maxAgeSeconds || 0;
        this.ageBuckets = ageBuckets || 0;
        this.shouldRotate = maxAgeSeconds && ageBuckets;
        this.ringBuffer = Array(ageBuckets).fill(new TDigest());
        this.currentBuffer = 0;
        this.lastRotateTimestampMillis = Date.now();
        this.durationBetweenRotatesMillis = maxAgeSeconds * 1e3 / ageBuckets || Infinity;
      }
      size() {
        const bucket = rotate.call(this);
        return bucket.size();
      }
      percentile(quantile) {
        const bucket = rotate.call(this);
        return bucket.percentile(quantile);
      }
      push(value) {
        rotate.call(this);
        this.ringBuffer.forEach((bucket) => {
          bucket.push(value);
        });
      }
      reset() {
        this.ringBuffer.forEach((bucket) => {
          bucket.reset();
        });
      }
      compress() {
        this.ringBuffer.forEach((bucket) => {
          bucket.compress();
        });
      }
    };
    function rotate() {
      let timeSinceLastRotateMillis = Date.now() - this.lastRotateTimestampMillis;
      while (timeSinceLastRotateMillis > this.durationBetweenRotatesMillis && this.shouldRotate) {
        this.ringBuffer[this.currentBuffer] = new TDigest();
        if (++this.currentBuffer >= this.ringBuffer.length) {
          this.currentBuffer = 0;
        }
        timeSinceLastRotateMillis -= this.durationBetweenRotatesMillis;
        this.lastRotateTimestampMillis += this.durationBetweenRotatesMillis;
      }
      return this.ringBuffer[this.currentBuffer];
    }
    module.exports = TimeWindowQuantiles;
  }
});

// node_modules/prom-client/lib/summary.js
var require_summary = __commonJS({
  "node_modules/prom-client/lib/summary.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var { getLabels, hashObject, removeLabels } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var timeWindowQuantiles = require_timeWindowQuantiles();
    var DEFAULT_COMPRESS_COUNT = 1e3;
    var Summary = class extends Metric {
      constructor(config) {
        super(config, {
          percentiles: [0.01, 0.05, 0.5, 0.9, 0.95, 0.99, 0.999],
          compressCount: DEFAULT_COMPRESS_COUNT,
          hashMap: {}
        });
        this.type = "summary";
        for (const label of this.labelNames) {
          if (label === "quantile")
            throw new Error("quantile is a reserved label keyword");
        }
        if (this.labelNames.length === 0) {
          this.hashMap = {
            [hashObject({})]: {
              labels: {},
              td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
              count: 0,
              sum: 0
            }
          };
        }
      }
      /**
       * Observe a value
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @param {Number} value - Value to observe
       * @returns {void}
       */
      observe(labels, value) {
        observe.call(this, labels === 0 ? 0 : labels || {})(value);
      }
      async get() {
        if (this.collect) {
          const v = this.collect();
          if (v instanceof Promise) await v;
        }
        const hashKeys = Object.keys(this.hashMap);
        const values = [];
        hashKeys.forEach((hashKey) => {
          const s = this.hashMap[hashKey];
          if (s) {
            if (this.pruneAgedBuckets && s.td.size() === 0) {
              delete this.hashMap[hashKey];
            } else {
              extractSummariesForExport(s, this.percentiles).forEach((v) => {
                values.push(v);
              });
              values.push(getSumForExport(s, this));
              values.push(getCountForExport(s, this));
            }
          }
        });
        return {
          name: this.name,
          help: this.help,
          type: this.type,
          values,
          aggregator: this.aggregator
        };
      }
      reset() {
        const data = Object.values(this.hashMap);
        data.forEach((s) => {
          s.td.reset();
          s.count = 0;
          s.sum = 0;
        });
      }
      /**
       * Start a timer that could be used to logging durations
       * @param {object} labels - Object with labels where key is the label key and value is label value. Can only be one level deep
       * @returns {function} - Function to invoke when you want to stop the timer and observe the duration in seconds
       * @example
       * var end = summary.startTimer();
       * makeExpensiveXHRRequest(function(err, res) {
       *	end(); //Observe the duration of expensiveXHRRequest
       * });
       */
      startTimer(labels) {
        return startTimer.call(this, labels)();
      }
      labels(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        return {
          observe: observe.call(this, labels),
          startTimer: startTimer.call(this, labels)
        };
      }
      remove(...args) {
        const labels = getLabels(this.labelNames, args);
        validateLabel(this.labelNames, labels);
        removeLabels.call(this, this.hashMap, labels, this.sortedLabelNames);
      }
    };
    function extractSummariesForExport(summaryOfLabels, percentiles) {
      summaryOfLabels.td.compress();
      return percentiles.map((percentile) => {
        const percentileValue = summaryOfLabels.td.percentile(percentile);
        return {
          labels: Object.assign({ quantile: percentile }, summaryOfLabels.labels),
          value: percentileValue ? percentileValue : 0
        };
      });
    }
    function getCountForExport(value, summary) {
      return {
        metricName: `${summary.name}_count`,
        labels: value.labels,
        value: value.count
      };
    }
    function getSumForExport(value, summary) {
      return {
        metricName: `${summary.name}_sum`,
        labels: value.labels,
        value: value.sum
      };
    }
    function startTimer(startLabels) {
      return () => {
        const start = process.hrtime();
        return (endLabels) => {
          const delta = process.hrtime(start);
          const value = delta[0] + delta[1] / 1e9;
          this.observe(Object.assign({}, startLabels, endLabels), value);
          return value;
        };
      };
    }
    function observe(labels) {
      return (value) => {
        const labelValuePair = convertLabelsAndValues(labels, value);
        validateLabel(this.labelNames, labels);
        if (!Number.isFinite(labelValuePair.value)) {
          throw new TypeError(
            `Value is not a valid number: ${util.format(labelValuePair.value)}`
          );
        }
        const hash = hashObject(labelValuePair.labels, this.sortedLabelNames);
        let summaryOfLabel = this.hashMap[hash];
        if (!summaryOfLabel) {
          summaryOfLabel = {
            labels: labelValuePair.labels,
            td: new timeWindowQuantiles(this.maxAgeSeconds, this.ageBuckets),
            count: 0,
            sum: 0
          };
        }
        summaryOfLabel.td.push(labelValuePair.value);
        summaryOfLabel.count++;
        if (summaryOfLabel.count % this.compressCount === 0) {
          summaryOfLabel.td.compress();
        }
        summaryOfLabel.sum += labelValuePair.value;
        this.hashMap[hash] = summaryOfLabel;
      };
    }
    function convertLabelsAndValues(labels, value) {
      if (value === void 0) {
        return {
          value: labels,
          labels: {}
        };
      }
      return {
        labels,
        value
      };
    }
    module.exports = Summary;
  }
});

// node_modules/prom-client/lib/pushgateway.js
var require_pushgateway = __commonJS({
  "node_modules/prom-client/lib/pushgateway.js"(exports, module) {
    "use strict";
    var url = __require("url");
    var http = __require("http");
    var https = __require("https");
    var { gzipSync } = __require("zlib");
    var { globalRegistry } = require_registry();
    var Pushgateway = class {
      constructor(gatewayUrl, options, registry) {
        if (!registry) {
          registry = globalRegistry;
        }
        this.registry = registry;
        this.gatewayUrl = gatewayUrl;
        const { requireJobName, ...requestOptions } = {
          requireJobName: true,
          ...options
        };
        this.requireJobName = requireJobName;
        this.requestOptions = requestOptions;
      }
      pushAdd(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "POST", params.jobName, params.groupings);
      }
      push(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "PUT", params.jobName, params.groupings);
      }
      delete(params = {}) {
        if (this.requireJobName && !params.jobName) {
          throw new Error("Missing jobName parameter");
        }
        return useGateway.call(this, "DELETE", params.jobName, params.groupings);
      }
    };
    async function useGateway(method, job, groupings) {
      const gatewayUrlParsed = url.parse(this.gatewayUrl);
      const gatewayUrlPath = gatewayUrlParsed.pathname && gatewayUrlParsed.pathname !== "/" ? gatewayUrlParsed.pathname : "";
      const jobPath = job ? `/job/${encodeURIComponent(job)}${generateGroupings(groupings)}` : "";
      const path = `${gatewayUrlPath}/metrics${jobPath}`;
      const target = url.resolve(this.gatewayUrl, path);
      const requestParams = url.parse(target);
      const httpModule = isHttps(requestParams.href) ? https : http;
      const options = Object.assign(requestParams, this.requestOptions, {
        method
      });
      return new Promise((resolve2, reject) => {
        if (method === "DELETE" && options.headers) {
          delete options.headers["Content-Encoding"];
        }
        const req = httpModule.request(options, (resp) => {
          let body = "";
          resp.setEncoding("utf8");
          resp.on("data", (chunk) => {
            body += chunk;
          });
          resp.on("end", () => {
            if (resp.statusCode >= 400) {
              reject(
                new Error(`push failed with status ${resp.statusCode}, ${body}`)
              );
            } else {
              resolve2({ resp, body });
            }
          });
        });
        req.on("error", (err) => {
          reject(err);
        });
        req.on("timeout", () => {
          req.destroy(new Error("Pushgateway request timed out"));
        });
        if (method !== "DELETE") {
          this.registry.metrics().then((metrics) => {
            if (options.headers && options.headers["Content-Encoding"] === "gzip") {
              metrics = gzipSync(metrics);
            }
            req.write(metrics);
            req.end();
          }).catch((err) => {
            reject(err);
          });
        } else {
          req.end();
        }
      });
    }
    function generateGroupings(groupings) {
      if (!groupings) {
        return "";
      }
      return Object.keys(groupings).map(
        (key) => `/${encodeURIComponent(key)}/${encodeURIComponent(groupings[key])}`
      ).join("");
    }
    function isHttps(href) {
      return href.search(/^https/) !== -1;
    }
    module.exports = Pushgateway;
  }
});

// node_modules/prom-client/lib/bucketGenerators.js
var require_bucketGenerators = __commonJS({
  "node_modules/prom-client/lib/bucketGenerators.js"(exports) {
    "use strict";
    exports.linearBuckets = (start, width, count) => {
      if (count < 1) {
        throw new Error("Linear buckets needs a positive count");
      }
      const buckets = new Array(count);
      for (let i = 0; i < count; i++) {
        buckets[i] = start + i * width;
      }
      return buckets;
    };
    exports.exponentialBuckets = (start, factor, count) => {
      if (start <= 0) {
        throw new Error("Exponential buckets needs a positive start");
      }
      if (count < 1) {
        throw new Error("Exponential buckets needs a positive count");
      }
      if (factor <= 1) {
        throw new Error("Exponential buckets needs a factor greater than 1");
      }
      const buckets = new Array(count);
      for (let i = 0; i < count; i++) {
        buckets[i] = start;
        start *= factor;
      }
      return buckets;
    };
  }
});

// node_modules/@opentelemetry/api/dist/diag/types.cjs
var require_types = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/types.cjs"(exports) {
    var DiagLogLevel = /* @__PURE__ */ (function(DiagLogLevel2) {
      DiagLogLevel2[DiagLogLevel2["NONE"] = 0] = "NONE";
      DiagLogLevel2[DiagLogLevel2["ERROR"] = 30] = "ERROR";
      DiagLogLevel2[DiagLogLevel2["WARN"] = 50] = "WARN";
      DiagLogLevel2[DiagLogLevel2["INFO"] = 60] = "INFO";
      DiagLogLevel2[DiagLogLevel2["DEBUG"] = 70] = "DEBUG";
      DiagLogLevel2[DiagLogLevel2["VERBOSE"] = 80] = "VERBOSE";
      DiagLogLevel2[DiagLogLevel2["ALL"] = 9999] = "ALL";
      return DiagLogLevel2;
    })({});
    exports.DiagLogLevel = DiagLogLevel;
  }
});

// node_modules/@opentelemetry/api/dist/version.cjs
var require_version = __commonJS({
  "node_modules/@opentelemetry/api/dist/version.cjs"(exports) {
    var VERSION2 = "1.10.0";
    exports.VERSION = VERSION2;
  }
});

// node_modules/@opentelemetry/api/dist/internal/semver.cjs
var require_semver = __commonJS({
  "node_modules/@opentelemetry/api/dist/internal/semver.cjs"(exports) {
    var require_version3 = require_version();
    var re = /^(\d+)\.(\d+)\.(\d+)(-(.+))?$/;
    function _makeCompatibilityCheck(ownVersion) {
      const acceptedVersions = /* @__PURE__ */ new Set([ownVersion]);
      const rejectedVersions = /* @__PURE__ */ new Set();
      const myVersionMatch = ownVersion.match(re);
      if (!myVersionMatch) return () => false;
      const ownVersionParsed = {
        major: +myVersionMatch[1],
        minor: +myVersionMatch[2],
        patch: +myVersionMatch[3],
        prerelease: myVersionMatch[4]
      };
      if (ownVersionParsed.prerelease != null) return function isExactmatch(globalVersion) {
        return globalVersion === ownVersion;
      };
      function _reject(v) {
        rejectedVersions.add(v);
        return false;
      }
      function _accept(v) {
        acceptedVersions.add(v);
        return true;
      }
      return function isCompatible2(globalVersion) {
        if (acceptedVersions.has(globalVersion)) return true;
        if (rejectedVersions.has(globalVersion)) return false;
        const globalVersionMatch = globalVersion.match(re);
        if (!globalVersionMatch) return _reject(globalVersion);
        const globalVersionParsed = {
          major: +globalVersionMatch[1],
          minor: +globalVersionMatch[2],
          patch: +globalVersionMatch[3],
          prerelease: globalVersionMatch[4]
        };
        if (globalVersionParsed.prerelease != null) return _reject(globalVersion);
        if (ownVersionParsed.major !== globalVersionParsed.major) return _reject(globalVersion);
        if (ownVersionParsed.major === 0) {
          if (ownVersionParsed.minor === globalVersionParsed.minor && ownVersionParsed.patch <= globalVersionParsed.patch) return _accept(globalVersion);
          return _reject(globalVersion);
        }
        if (ownVersionParsed.minor <= globalVersionParsed.minor) return _accept(globalVersion);
        return _reject(globalVersion);
      };
    }
    var isCompatible = _makeCompatibilityCheck(require_version3.VERSION);
    exports._makeCompatibilityCheck = _makeCompatibilityCheck;
    exports.isCompatible = isCompatible;
  }
});

// node_modules/@opentelemetry/api/dist/internal/global-utils.cjs
var require_global_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/internal/global-utils.cjs"(exports) {
    var require_version3 = require_version();
    var require_semver2 = require_semver();
    var major = require_version3.VERSION.split(".")[0];
    var GLOBAL_OPENTELEMETRY_API_KEY = /* @__PURE__ */ Symbol.for(`opentelemetry.js.api.${major}`);
    var _global = typeof globalThis === "object" ? globalThis : typeof self === "object" ? self : typeof window === "object" ? window : typeof global === "object" ? global : {};
    function _makeGlobalApi() {
      return Object.defineProperty({}, "version", {
        value: require_version3.VERSION,
        enumerable: true,
        writable: false,
        configurable: false
      });
    }
    function registerGlobal(type, instance, diag, allowOverride = false) {
      var _global$GLOBAL_OPENTE;
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY] = (_global$GLOBAL_OPENTE = _global[GLOBAL_OPENTELEMETRY_API_KEY]) !== null && _global$GLOBAL_OPENTE !== void 0 ? _global$GLOBAL_OPENTE : _makeGlobalApi();
      if (!allowOverride && api[type]) {
        const err = /* @__PURE__ */ new Error(`@opentelemetry/api: Attempted duplicate registration of API: ${type}`);
        diag.error(err.stack || err.message);
        return false;
      }
      if (api.version !== "1.10.0") {
        const err = /* @__PURE__ */ new Error(`@opentelemetry/api: Registration of version v${api.version} for ${type} does not match previously registered API v${require_version3.VERSION}`);
        diag.error(err.stack || err.message);
        return false;
      }
      api[type] = instance;
      diag.debug(`@opentelemetry/api: Registered a global for ${type} v${require_version3.VERSION}.`);
      return true;
    }
    var _compatibleGlobalApi;
    function getGlobal(type) {
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
      if (api == null) return;
      if (api !== _compatibleGlobalApi) {
        if (!api.version || !require_semver2.isCompatible(api.version)) return;
        _compatibleGlobalApi = api;
      }
      return api[type];
    }
    function unregisterGlobal(type, diag) {
      diag.debug(`@opentelemetry/api: Unregistering a global for ${type} v${require_version3.VERSION}.`);
      const api = _global[GLOBAL_OPENTELEMETRY_API_KEY];
      if (api) delete api[type];
    }
    exports.getGlobal = getGlobal;
    exports.registerGlobal = registerGlobal;
    exports.unregisterGlobal = unregisterGlobal;
  }
});

// node_modules/@opentelemetry/api/dist/diag/ComponentLogger.cjs
var require_ComponentLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/ComponentLogger.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var DiagComponentLogger = class {
      constructor(props) {
        this._namespace = props.namespace || "DiagComponentLogger";
      }
      debug(...args) {
        return logProxy("debug", this._namespace, args);
      }
      error(...args) {
        return logProxy("error", this._namespace, args);
      }
      info(...args) {
        return logProxy("info", this._namespace, args);
      }
      warn(...args) {
        return logProxy("warn", this._namespace, args);
      }
      verbose(...args) {
        return logProxy("verbose", this._namespace, args);
      }
    };
    function logProxy(funcName, namespace, args) {
      const logger = require_global_utils2.getGlobal("diag");
      if (!logger) return;
      return logger[funcName](namespace, ...args);
    }
    exports.DiagComponentLogger = DiagComponentLogger;
  }
});

// node_modules/@opentelemetry/api/dist/diag/internal/logLevelLogger.cjs
var require_logLevelLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/internal/logLevelLogger.cjs"(exports) {
    require_types();
    function createLogLevelDiagLogger(maxLevel, logger) {
      if (maxLevel < 0) maxLevel = 0;
      else if (maxLevel > 9999) maxLevel = 9999;
      logger = logger || {};
      function _filterFunc(funcName, theLevel) {
        const theFunc = logger[funcName];
        if (typeof theFunc === "function" && maxLevel >= theLevel) return theFunc.bind(logger);
        return function() {
        };
      }
      return {
        error: _filterFunc("error", 30),
        warn: _filterFunc("warn", 50),
        info: _filterFunc("info", 60),
        debug: _filterFunc("debug", 70),
        verbose: _filterFunc("verbose", 80)
      };
    }
    exports.createLogLevelDiagLogger = createLogLevelDiagLogger;
  }
});

// node_modules/@opentelemetry/api/dist/api/diag.cjs
var require_diag = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/diag.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_ComponentLogger2 = require_ComponentLogger();
    require_types();
    var require_logLevelLogger2 = require_logLevelLogger();
    var API_NAME = "diag";
    var DiagAPI = class DiagAPI2 {
      /** Get the singleton instance of the DiagAPI API */
      static instance() {
        if (!this._instance) this._instance = new DiagAPI2();
        return this._instance;
      }
      /**
      * Private internal constructor
      * @private
      */
      constructor() {
        function _logProxy(funcName) {
          return function(...args) {
            const logger = require_global_utils2.getGlobal("diag");
            if (!logger) return;
            return logger[funcName](...args);
          };
        }
        const self2 = this;
        const setLogger = (logger, optionsOrLogLevel = { logLevel: 60 }) => {
          var _optionsOrLogLevel$lo;
          if (logger === self2) {
            var _err$stack;
            const err = /* @__PURE__ */ new Error("Cannot use diag as the logger for itself. Please use a DiagLogger implementation like ConsoleDiagLogger or a custom implementation");
            self2.error((_err$stack = err.stack) !== null && _err$stack !== void 0 ? _err$stack : err.message);
            return false;
          }
          if (typeof optionsOrLogLevel === "number") optionsOrLogLevel = { logLevel: optionsOrLogLevel };
          const oldLogger = require_global_utils2.getGlobal("diag");
          const newLogger = require_logLevelLogger2.createLogLevelDiagLogger((_optionsOrLogLevel$lo = optionsOrLogLevel.logLevel) !== null && _optionsOrLogLevel$lo !== void 0 ? _optionsOrLogLevel$lo : 60, logger);
          if (oldLogger && !optionsOrLogLevel.suppressOverrideMessage) {
            var _Error$stack;
            const stack = (_Error$stack = (/* @__PURE__ */ new Error()).stack) !== null && _Error$stack !== void 0 ? _Error$stack : "<failed to generate stacktrace>";
            oldLogger.warn(`Current logger will be overwritten from ${stack}`);
            newLogger.warn(`Current logger will overwrite one already registered from ${stack}`);
          }
          return require_global_utils2.registerGlobal("diag", newLogger, self2, true);
        };
        self2.setLogger = setLogger;
        self2.disable = () => {
          require_global_utils2.unregisterGlobal(API_NAME, self2);
        };
        self2.createComponentLogger = (options) => {
          return new require_ComponentLogger2.DiagComponentLogger(options);
        };
        self2.verbose = _logProxy("verbose");
        self2.debug = _logProxy("debug");
        self2.info = _logProxy("info");
        self2.warn = _logProxy("warn");
        self2.error = _logProxy("error");
      }
    };
    exports.DiagAPI = DiagAPI;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/internal/baggage-impl.cjs
var require_baggage_impl = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/internal/baggage-impl.cjs"(exports) {
    var BaggageImpl = class BaggageImpl2 {
      constructor(entries) {
        this._entries = entries ? new Map(entries) : /* @__PURE__ */ new Map();
      }
      getEntry(key) {
        const entry = this._entries.get(key);
        if (!entry) return;
        return Object.assign({}, entry);
      }
      getAllEntries() {
        return Array.from(this._entries.entries());
      }
      setEntry(key, entry) {
        const newBaggage = new BaggageImpl2(this._entries);
        newBaggage._entries.set(key, entry);
        return newBaggage;
      }
      removeEntry(key) {
        const newBaggage = new BaggageImpl2(this._entries);
        newBaggage._entries.delete(key);
        return newBaggage;
      }
      removeEntries(...keys) {
        const newBaggage = new BaggageImpl2(this._entries);
        for (const key of keys) newBaggage._entries.delete(key);
        return newBaggage;
      }
      clear() {
        return new BaggageImpl2();
      }
    };
    exports.BaggageImpl = BaggageImpl;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/internal/symbol.cjs
var require_symbol = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/internal/symbol.cjs"(exports) {
    var baggageEntryMetadataSymbol = /* @__PURE__ */ Symbol("BaggageEntryMetadata");
    exports.baggageEntryMetadataSymbol = baggageEntryMetadataSymbol;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/utils.cjs
var require_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/utils.cjs"(exports) {
    var require_diag2 = require_diag();
    var require_baggage_impl2 = require_baggage_impl();
    var require_symbol2 = require_symbol();
    var diag = require_diag2.DiagAPI.instance();
    function createBaggage(entries = {}) {
      return new require_baggage_impl2.BaggageImpl(new Map(Object.entries(entries)));
    }
    function baggageEntryMetadataFromString(str) {
      if (typeof str !== "string") {
        diag.error(`Cannot create baggage metadata from unknown type: ${typeof str}`);
        str = "";
      }
      return {
        __TYPE__: require_symbol2.baggageEntryMetadataSymbol,
        toString() {
          return str;
        }
      };
    }
    exports.baggageEntryMetadataFromString = baggageEntryMetadataFromString;
    exports.createBaggage = createBaggage;
  }
});

// node_modules/@opentelemetry/api/dist/context/context.cjs
var require_context = __commonJS({
  "node_modules/@opentelemetry/api/dist/context/context.cjs"(exports) {
    function createContextKey(description) {
      return Symbol.for(description);
    }
    var ROOT_CONTEXT = new class BaseContext {
      /**
      * Construct a new context which inherits values from an optional parent context.
      *
      * @param parentContext a context from which to inherit values
      */
      constructor(parentContext) {
        const self2 = this;
        self2._currentContext = parentContext ? new Map(parentContext) : /* @__PURE__ */ new Map();
        self2.getValue = (key) => self2._currentContext.get(key);
        self2.setValue = (key, value) => {
          const context = new BaseContext(self2._currentContext);
          context._currentContext.set(key, value);
          return context;
        };
        self2.deleteValue = (key) => {
          const context = new BaseContext(self2._currentContext);
          context._currentContext.delete(key);
          return context;
        };
      }
    }();
    exports.ROOT_CONTEXT = ROOT_CONTEXT;
    exports.createContextKey = createContextKey;
  }
});

// node_modules/@opentelemetry/api/dist/diag/consoleLogger.cjs
var require_consoleLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag/consoleLogger.cjs"(exports) {
    var consoleMap = [
      {
        n: "error",
        c: "error"
      },
      {
        n: "warn",
        c: "warn"
      },
      {
        n: "info",
        c: "info"
      },
      {
        n: "debug",
        c: "debug"
      },
      {
        n: "verbose",
        c: "trace"
      }
    ];
    var _originalConsoleMethods = {};
    if (typeof console !== "undefined") {
      for (const key of [
        "error",
        "warn",
        "info",
        "debug",
        "trace",
        "log"
      ]) if (typeof console[key] === "function") _originalConsoleMethods[key] = console[key];
    }
    var DiagConsoleLogger = class {
      constructor() {
        function _consoleFunc(funcName) {
          return function(...args) {
            let theFunc = _originalConsoleMethods[funcName];
            if (typeof theFunc !== "function") theFunc = _originalConsoleMethods["log"];
            if (typeof theFunc !== "function" && console) {
              theFunc = console[funcName];
              if (typeof theFunc !== "function") theFunc = console.log;
            }
            if (typeof theFunc === "function") return theFunc.apply(console, args);
          };
        }
        for (let i = 0; i < consoleMap.length; i++) this[consoleMap[i].n] = _consoleFunc(consoleMap[i].c);
      }
    };
    exports.DiagConsoleLogger = DiagConsoleLogger;
    exports._originalConsoleMethods = _originalConsoleMethods;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/NoopMeter.cjs
var require_NoopMeter = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/NoopMeter.cjs"(exports) {
    var NoopMeter = class {
      constructor() {
      }
      /**
      * @see {@link Meter.createGauge}
      */
      createGauge(_name, _options) {
        return NOOP_GAUGE_METRIC;
      }
      /**
      * @see {@link Meter.createHistogram}
      */
      createHistogram(_name, _options) {
        return NOOP_HISTOGRAM_METRIC;
      }
      /**
      * @see {@link Meter.createCounter}
      */
      createCounter(_name, _options) {
        return NOOP_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createUpDownCounter}
      */
      createUpDownCounter(_name, _options) {
        return NOOP_UP_DOWN_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createObservableGauge}
      */
      createObservableGauge(_name, _options) {
        return NOOP_OBSERVABLE_GAUGE_METRIC;
      }
      /**
      * @see {@link Meter.createObservableCounter}
      */
      createObservableCounter(_name, _options) {
        return NOOP_OBSERVABLE_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.createObservableUpDownCounter}
      */
      createObservableUpDownCounter(_name, _options) {
        return NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
      }
      /**
      * @see {@link Meter.addBatchObservableCallback}
      */
      addBatchObservableCallback(_callback, _observables) {
      }
      /**
      * @see {@link Meter.removeBatchObservableCallback}
      */
      removeBatchObservableCallback(_callback) {
      }
    };
    var NoopMetric = class {
    };
    var NoopCounterMetric = class extends NoopMetric {
      add(_value, _attributes) {
      }
    };
    var NoopUpDownCounterMetric = class extends NoopMetric {
      add(_value, _attributes) {
      }
    };
    var NoopGaugeMetric = class extends NoopMetric {
      record(_value, _attributes) {
      }
    };
    var NoopHistogramMetric = class extends NoopMetric {
      record(_value, _attributes) {
      }
    };
    var NoopObservableMetric = class {
      addCallback(_callback) {
      }
      removeCallback(_callback) {
      }
    };
    var NoopObservableCounterMetric = class extends NoopObservableMetric {
    };
    var NoopObservableGaugeMetric = class extends NoopObservableMetric {
    };
    var NoopObservableUpDownCounterMetric = class extends NoopObservableMetric {
    };
    var NOOP_METER = new NoopMeter();
    var NOOP_COUNTER_METRIC = new NoopCounterMetric();
    var NOOP_GAUGE_METRIC = new NoopGaugeMetric();
    var NOOP_HISTOGRAM_METRIC = new NoopHistogramMetric();
    var NOOP_UP_DOWN_COUNTER_METRIC = new NoopUpDownCounterMetric();
    var NOOP_OBSERVABLE_COUNTER_METRIC = new NoopObservableCounterMetric();
    var NOOP_OBSERVABLE_GAUGE_METRIC = new NoopObservableGaugeMetric();
    var NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = new NoopObservableUpDownCounterMetric();
    function createNoopMeter() {
      return NOOP_METER;
    }
    exports.NOOP_COUNTER_METRIC = NOOP_COUNTER_METRIC;
    exports.NOOP_GAUGE_METRIC = NOOP_GAUGE_METRIC;
    exports.NOOP_HISTOGRAM_METRIC = NOOP_HISTOGRAM_METRIC;
    exports.NOOP_METER = NOOP_METER;
    exports.NOOP_OBSERVABLE_COUNTER_METRIC = NOOP_OBSERVABLE_COUNTER_METRIC;
    exports.NOOP_OBSERVABLE_GAUGE_METRIC = NOOP_OBSERVABLE_GAUGE_METRIC;
    exports.NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC = NOOP_OBSERVABLE_UP_DOWN_COUNTER_METRIC;
    exports.NOOP_UP_DOWN_COUNTER_METRIC = NOOP_UP_DOWN_COUNTER_METRIC;
    exports.NoopCounterMetric = NoopCounterMetric;
    exports.NoopGaugeMetric = NoopGaugeMetric;
    exports.NoopHistogramMetric = NoopHistogramMetric;
    exports.NoopMeter = NoopMeter;
    exports.NoopMetric = NoopMetric;
    exports.NoopObservableCounterMetric = NoopObservableCounterMetric;
    exports.NoopObservableGaugeMetric = NoopObservableGaugeMetric;
    exports.NoopObservableMetric = NoopObservableMetric;
    exports.NoopObservableUpDownCounterMetric = NoopObservableUpDownCounterMetric;
    exports.NoopUpDownCounterMetric = NoopUpDownCounterMetric;
    exports.createNoopMeter = createNoopMeter;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/Metric.cjs
var require_Metric = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/Metric.cjs"(exports) {
    var ValueType = /* @__PURE__ */ (function(ValueType2) {
      ValueType2[ValueType2["INT"] = 0] = "INT";
      ValueType2[ValueType2["DOUBLE"] = 1] = "DOUBLE";
      return ValueType2;
    })({});
    exports.ValueType = ValueType;
  }
});

// node_modules/@opentelemetry/api/dist/logs/NoopLogger.cjs
var require_NoopLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/NoopLogger.cjs"(exports) {
    var NoopLogger = class {
      emit(_logRecord) {
      }
      enabled() {
        return false;
      }
    };
    var NOOP_LOGGER = new NoopLogger();
    function createNoopLogger() {
      return NOOP_LOGGER;
    }
    exports.NOOP_LOGGER = NOOP_LOGGER;
    exports.NoopLogger = NoopLogger;
    exports.createNoopLogger = createNoopLogger;
  }
});

// node_modules/@opentelemetry/api/dist/logs/LogRecord.cjs
var require_LogRecord = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/LogRecord.cjs"(exports) {
    var SeverityNumber = /* @__PURE__ */ (function(SeverityNumber2) {
      SeverityNumber2[SeverityNumber2["UNSPECIFIED"] = 0] = "UNSPECIFIED";
      SeverityNumber2[SeverityNumber2["TRACE"] = 1] = "TRACE";
      SeverityNumber2[SeverityNumber2["TRACE2"] = 2] = "TRACE2";
      SeverityNumber2[SeverityNumber2["TRACE3"] = 3] = "TRACE3";
      SeverityNumber2[SeverityNumber2["TRACE4"] = 4] = "TRACE4";
      SeverityNumber2[SeverityNumber2["DEBUG"] = 5] = "DEBUG";
      SeverityNumber2[SeverityNumber2["DEBUG2"] = 6] = "DEBUG2";
      SeverityNumber2[SeverityNumber2["DEBUG3"] = 7] = "DEBUG3";
      SeverityNumber2[SeverityNumber2["DEBUG4"] = 8] = "DEBUG4";
      SeverityNumber2[SeverityNumber2["INFO"] = 9] = "INFO";
      SeverityNumber2[SeverityNumber2["INFO2"] = 10] = "INFO2";
      SeverityNumber2[SeverityNumber2["INFO3"] = 11] = "INFO3";
      SeverityNumber2[SeverityNumber2["INFO4"] = 12] = "INFO4";
      SeverityNumber2[SeverityNumber2["WARN"] = 13] = "WARN";
      SeverityNumber2[SeverityNumber2["WARN2"] = 14] = "WARN2";
      SeverityNumber2[SeverityNumber2["WARN3"] = 15] = "WARN3";
      SeverityNumber2[SeverityNumber2["WARN4"] = 16] = "WARN4";
      SeverityNumber2[SeverityNumber2["ERROR"] = 17] = "ERROR";
      SeverityNumber2[SeverityNumber2["ERROR2"] = 18] = "ERROR2";
      SeverityNumber2[SeverityNumber2["ERROR3"] = 19] = "ERROR3";
      SeverityNumber2[SeverityNumber2["ERROR4"] = 20] = "ERROR4";
      SeverityNumber2[SeverityNumber2["FATAL"] = 21] = "FATAL";
      SeverityNumber2[SeverityNumber2["FATAL2"] = 22] = "FATAL2";
      SeverityNumber2[SeverityNumber2["FATAL3"] = 23] = "FATAL3";
      SeverityNumber2[SeverityNumber2["FATAL4"] = 24] = "FATAL4";
      return SeverityNumber2;
    })({});
    exports.SeverityNumber = SeverityNumber;
  }
});

// node_modules/@opentelemetry/api/dist/propagation/TextMapPropagator.cjs
var require_TextMapPropagator = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation/TextMapPropagator.cjs"(exports) {
    var defaultTextMapGetter = {
      get(carrier, key) {
        if (carrier == null) return;
        return carrier[key];
      },
      keys(carrier) {
        if (carrier == null) return [];
        return Object.keys(carrier);
      }
    };
    var defaultTextMapSetter = { set(carrier, key, value) {
      if (carrier == null) return;
      carrier[key] = value;
    } };
    exports.defaultTextMapGetter = defaultTextMapGetter;
    exports.defaultTextMapSetter = defaultTextMapSetter;
  }
});

// node_modules/@opentelemetry/api/dist/trace/trace_flags.cjs
var require_trace_flags = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/trace_flags.cjs"(exports) {
    var TraceFlags = /* @__PURE__ */ (function(TraceFlags2) {
      TraceFlags2[TraceFlags2["NONE"] = 0] = "NONE";
      TraceFlags2[TraceFlags2["SAMPLED"] = 1] = "SAMPLED";
      return TraceFlags2;
    })({});
    exports.TraceFlags = TraceFlags;
  }
});

// node_modules/@opentelemetry/api/dist/trace/invalid-span-constants.cjs
var require_invalid_span_constants = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/invalid-span-constants.cjs"(exports) {
    require_trace_flags();
    var INVALID_SPANID = "0000000000000000";
    var INVALID_TRACEID = "00000000000000000000000000000000";
    var INVALID_SPAN_CONTEXT = {
      traceId: INVALID_TRACEID,
      spanId: INVALID_SPANID,
      traceFlags: 0
    };
    exports.INVALID_SPANID = INVALID_SPANID;
    exports.INVALID_SPAN_CONTEXT = INVALID_SPAN_CONTEXT;
    exports.INVALID_TRACEID = INVALID_TRACEID;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NonRecordingSpan.cjs
var require_NonRecordingSpan = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NonRecordingSpan.cjs"(exports) {
    var require_invalid_span_constants2 = require_invalid_span_constants();
    var NonRecordingSpan = class {
      constructor(spanContext = require_invalid_span_constants2.INVALID_SPAN_CONTEXT) {
        this._spanContext = spanContext;
      }
      spanContext() {
        return this._spanContext;
      }
      setAttribute(_key, _value) {
        return this;
      }
      setAttributes(_attributes) {
        return this;
      }
      addEvent(_name, _attributes) {
        return this;
      }
      addLink(_link) {
        return this;
      }
      addLinks(_links) {
        return this;
      }
      setStatus(_status) {
        return this;
      }
      updateName(_name) {
        return this;
      }
      end(_endTime) {
      }
      isRecording() {
        return false;
      }
      recordException(_exception, _time) {
      }
    };
    exports.NonRecordingSpan = NonRecordingSpan;
  }
});

// node_modules/@opentelemetry/api/dist/trace/spancontext-utils.cjs
var require_spancontext_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/spancontext-utils.cjs"(exports) {
    require_invalid_span_constants();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var isHex = new Uint8Array([
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1,
      1,
      1,
      1,
      1,
      1
    ]);
    function isValidHex(id, length) {
      if (typeof id !== "string" || id.length !== length) return false;
      let r = 0;
      for (let i = 0; i < id.length; i += 4) r += (isHex[id.charCodeAt(i)] | 0) + (isHex[id.charCodeAt(i + 1)] | 0) + (isHex[id.charCodeAt(i + 2)] | 0) + (isHex[id.charCodeAt(i + 3)] | 0);
      return r === length;
    }
    function isValidTraceId(traceId) {
      return isValidHex(traceId, 32) && traceId !== "00000000000000000000000000000000";
    }
    function isValidSpanId(spanId) {
      return isValidHex(spanId, 16) && spanId !== "0000000000000000";
    }
    function isSpanContextValid(spanContext) {
      return isValidTraceId(spanContext.traceId) && isValidSpanId(spanContext.spanId);
    }
    function wrapSpanContext(spanContext) {
      return new require_NonRecordingSpan2.NonRecordingSpan(spanContext);
    }
    exports.isSpanContextValid = isSpanContextValid;
    exports.isValidSpanId = isValidSpanId;
    exports.isValidTraceId = isValidTraceId;
    exports.wrapSpanContext = wrapSpanContext;
  }
});

// node_modules/@opentelemetry/api/dist/context/NoopContextManager.cjs
var require_NoopContextManager = __commonJS({
  "node_modules/@opentelemetry/api/dist/context/NoopContextManager.cjs"(exports) {
    var require_context3 = require_context();
    var NoopContextManager = class {
      active() {
        return require_context3.ROOT_CONTEXT;
      }
      with(_context, fn, thisArg, ...args) {
        return fn.call(thisArg, ...args);
      }
      bind(_context, target) {
        return target;
      }
      enable() {
        return this;
      }
      disable() {
        return this;
      }
      /** @experimental This API is experimental and may change in minor releases without prior notice. */
      attach(_context) {
        return { dispose() {
        } };
      }
    };
    exports.NoopContextManager = NoopContextManager;
  }
});

// node_modules/@opentelemetry/api/dist/api/context.cjs
var require_context2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/context.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_NoopContextManager2 = require_NoopContextManager();
    var API_NAME = "context";
    var NOOP_CONTEXT_MANAGER = new require_NoopContextManager2.NoopContextManager();
    var NOOP_TOKEN = Object.freeze({ dispose: () => {
    } });
    var ContextAPI = class ContextAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._attachUnsupportedWarned = false;
      }
      /** Get the singleton instance of the Context API */
      static getInstance() {
        if (!this._instance) this._instance = new ContextAPI2();
        return this._instance;
      }
      /**
      * Set the current context manager.
      *
      * @returns true if the context manager was successfully registered, else false
      */
      setGlobalContextManager(contextManager) {
        return require_global_utils2.registerGlobal(API_NAME, contextManager, require_diag2.DiagAPI.instance());
      }
      /**
      * Get the currently active context
      */
      active() {
        return this._getContextManager().active();
      }
      /**
      * Execute a function with an active context
      *
      * @param context context to be active during function execution
      * @param fn function to execute in a context
      * @param thisArg optional receiver to be used for calling fn
      * @param args optional arguments forwarded to fn
      */
      with(context, fn, thisArg, ...args) {
        return this._getContextManager().with(context, fn, thisArg, ...args);
      }
      /**
      * Bind a context to a target function or event emitter
      *
      * @param context context to bind to the event emitter or function. Defaults to the currently active context
      * @param target function or event emitter to bind
      */
      bind(context, target) {
        return this._getContextManager().bind(context, target);
      }
      /**
      * Imperatively sets `context` as active, returning a {@link ContextManagementToken} whose
      * {@link ContextManagementToken.dispose} restores the previous context.
      *
      * This is a delicate, low-level API - prefer {@link with}/{@link bind}, which
      * restore context automatically. Use `attach` only to bridge callback
      * boundaries that `with` cannot wrap. Call `token.dispose()` when the
      * operation is done.
      *
      * **Caveat for async functions:** If called inside an async function before
      * the first `await`, the context change may leak into the caller's context
      * and remain active there. Prefer {@link with} for async code.
      *
      * Support is best-effort and varies by the active ContextManager (see
      * {@link ContextManager.attach}); if it does not implement `attach`, this logs
      * a warning and returns a no-op token.
      *
      * @param context The Context to attach
      * @returns A {@link ContextManagementToken} whose dispose() restores the previous Context
      * @since 1.10.0
      * @experimental This API is experimental and may change in minor releases without prior notice.
      */
      attach(context) {
        const contextManager = this._getContextManager();
        if (contextManager.attach) return contextManager.attach(context);
        if (!this._attachUnsupportedWarned) {
          this._attachUnsupportedWarned = true;
          require_diag2.DiagAPI.instance().warn("The current ContextManager does not implement attach(). The context will not be attached. Use a ContextManager that supports attach() (e.g. AsyncLocalStorageContextManager) or use with()/bind() instead.");
        }
        return NOOP_TOKEN;
      }
      _getContextManager() {
        return require_global_utils2.getGlobal(API_NAME) || NOOP_CONTEXT_MANAGER;
      }
      /** Disable and remove the global context manager */
      disable() {
        this._getContextManager().disable();
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
    };
    exports.ContextAPI = ContextAPI;
  }
});

// node_modules/@opentelemetry/api/dist/trace/context-utils.cjs
var require_context_utils = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/context-utils.cjs"(exports) {
    var require_context3 = require_context();
    var require_context$1 = require_context2();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var SPAN_KEY = require_context3.createContextKey("OpenTelemetry Context Key SPAN");
    function getSpan(context) {
      return context.getValue(SPAN_KEY) || void 0;
    }
    function getActiveSpan() {
      return getSpan(require_context$1.ContextAPI.getInstance().active());
    }
    function setSpan(context, span) {
      return context.setValue(SPAN_KEY, span);
    }
    function deleteSpan(context) {
      return context.deleteValue(SPAN_KEY);
    }
    function setSpanContext(context, spanContext) {
      return setSpan(context, new require_NonRecordingSpan2.NonRecordingSpan(spanContext));
    }
    function getSpanContext(context) {
      var _getSpan;
      return (_getSpan = getSpan(context)) === null || _getSpan === void 0 ? void 0 : _getSpan.spanContext();
    }
    exports.deleteSpan = deleteSpan;
    exports.getActiveSpan = getActiveSpan;
    exports.getSpan = getSpan;
    exports.getSpanContext = getSpanContext;
    exports.setSpan = setSpan;
    exports.setSpanContext = setSpanContext;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NoopTracer.cjs
var require_NoopTracer = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NoopTracer.cjs"(exports) {
    var require_context3 = require_context2();
    var require_NonRecordingSpan2 = require_NonRecordingSpan();
    var require_context_utils2 = require_context_utils();
    var require_spancontext_utils2 = require_spancontext_utils();
    var contextApi = require_context3.ContextAPI.getInstance();
    var NoopTracer = class {
      startSpan(name, options, context = contextApi.active()) {
        if (Boolean(options === null || options === void 0 ? void 0 : options.root)) return new require_NonRecordingSpan2.NonRecordingSpan();
        const parentFromContext = context && require_context_utils2.getSpanContext(context);
        if (isSpanContext(parentFromContext) && require_spancontext_utils2.isSpanContextValid(parentFromContext)) return new require_NonRecordingSpan2.NonRecordingSpan(parentFromContext);
        else return new require_NonRecordingSpan2.NonRecordingSpan();
      }
      startActiveSpan(name, arg2, arg3, arg4) {
        var _ctx;
        let opts;
        let ctx;
        let fn;
        if (arguments.length < 2) return;
        else if (arguments.length === 2) fn = arg2;
        else if (arguments.length === 3) {
          opts = arg2;
          fn = arg3;
        } else {
          opts = arg2;
          ctx = arg3;
          fn = arg4;
        }
        const parentContext = (_ctx = ctx) !== null && _ctx !== void 0 ? _ctx : contextApi.active();
        const span = this.startSpan(name, opts, parentContext);
        const contextWithSpanSet = require_context_utils2.setSpan(parentContext, span);
        return contextApi.with(contextWithSpanSet, fn, void 0, span);
      }
    };
    function isSpanContext(spanContext) {
      return spanContext !== null && typeof spanContext === "object" && "spanId" in spanContext && typeof spanContext["spanId"] === "string" && "traceId" in spanContext && typeof spanContext["traceId"] === "string" && "traceFlags" in spanContext && typeof spanContext["traceFlags"] === "number";
    }
    exports.NoopTracer = NoopTracer;
  }
});

// node_modules/@opentelemetry/api/dist/trace/ProxyTracer.cjs
var require_ProxyTracer = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/ProxyTracer.cjs"(exports) {
    var NOOP_TRACER = new (require_NoopTracer()).NoopTracer();
    var ProxyTracer = class {
      constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
      }
      startSpan(name, options, context) {
        return this._getTracer().startSpan(name, options, context);
      }
      startActiveSpan(_name, _options, _context, _fn) {
        const tracer = this._getTracer();
        return Reflect.apply(tracer.startActiveSpan, tracer, arguments);
      }
      /**
      * Try to get a tracer from the proxy tracer provider.
      * If the proxy tracer provider has no delegate, return a noop tracer.
      */
      _getTracer() {
        if (this._delegate) return this._delegate;
        const tracer = this._provider.getDelegateTracer(this.name, this.version, this.options);
        if (!tracer) return NOOP_TRACER;
        this._delegate = tracer;
        return this._delegate;
      }
    };
    exports.ProxyTracer = ProxyTracer;
  }
});

// node_modules/@opentelemetry/api/dist/trace/span_kind.cjs
var require_span_kind = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/span_kind.cjs"(exports) {
    var SpanKind = /* @__PURE__ */ (function(SpanKind2) {
      SpanKind2[SpanKind2["INTERNAL"] = 0] = "INTERNAL";
      SpanKind2[SpanKind2["SERVER"] = 1] = "SERVER";
      SpanKind2[SpanKind2["CLIENT"] = 2] = "CLIENT";
      SpanKind2[SpanKind2["PRODUCER"] = 3] = "PRODUCER";
      SpanKind2[SpanKind2["CONSUMER"] = 4] = "CONSUMER";
      return SpanKind2;
    })({});
    exports.SpanKind = SpanKind;
  }
});

// node_modules/@opentelemetry/api/dist/trace/status.cjs
var require_status = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/status.cjs"(exports) {
    var SpanStatusCode = /* @__PURE__ */ (function(SpanStatusCode2) {
      SpanStatusCode2[SpanStatusCode2["UNSET"] = 0] = "UNSET";
      SpanStatusCode2[SpanStatusCode2["OK"] = 1] = "OK";
      SpanStatusCode2[SpanStatusCode2["ERROR"] = 2] = "ERROR";
      return SpanStatusCode2;
    })({});
    exports.SpanStatusCode = SpanStatusCode;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/tracestate-validators.cjs
var require_tracestate_validators = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/tracestate-validators.cjs"(exports) {
    var VALID_KEY_CHAR_RANGE = "[_0-9a-z-*/]";
    var VALID_KEY_REGEX = new RegExp(`^(?:${`[a-z]${VALID_KEY_CHAR_RANGE}{0,255}`}|${`[a-z0-9]${VALID_KEY_CHAR_RANGE}{0,240}@[a-z]${VALID_KEY_CHAR_RANGE}{0,13}`})$`);
    var VALID_VALUE_BASE_REGEX = /^[ -~]{0,255}[!-~]$/;
    var INVALID_VALUE_COMMA_EQUAL_REGEX = /,|=/;
    function validateKey(key) {
      return VALID_KEY_REGEX.test(key);
    }
    function validateValue(value) {
      return VALID_VALUE_BASE_REGEX.test(value) && !INVALID_VALUE_COMMA_EQUAL_REGEX.test(value);
    }
    exports.validateKey = validateKey;
    exports.validateValue = validateValue;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/tracestate-impl.cjs
var require_tracestate_impl = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/tracestate-impl.cjs"(exports) {
    var require_tracestate_validators2 = require_tracestate_validators();
    var MAX_TRACE_STATE_ITEMS = 32;
    var MAX_TRACE_STATE_LEN = 512;
    var LIST_MEMBERS_SEPARATOR = ",";
    var LIST_MEMBER_KEY_VALUE_SPLITTER = "=";
    var TraceStateImpl = class TraceStateImpl2 {
      constructor(rawTraceState) {
        this._internalState = /* @__PURE__ */ new Map();
        if (rawTraceState) this._parse(rawTraceState);
      }
      set(key, value) {
        const currValue = this._internalState.get(key);
        let newLength = this.serialize().length;
        if (typeof currValue === "string") newLength += value.length - currValue.length;
        else {
          if (this._internalState.size >= MAX_TRACE_STATE_ITEMS) return this;
          newLength += key.length + value.length + (this._internalState.size > 0 ? 2 : 1);
        }
        if (newLength > MAX_TRACE_STATE_LEN) return this;
        const traceState = this._clone();
        if (traceState._internalState.has(key)) traceState._internalState.delete(key);
        traceState._internalState.set(key, value);
        return traceState;
      }
      unset(key) {
        const traceState = this._clone();
        traceState._internalState.delete(key);
        return traceState;
      }
      get(key) {
        return this._internalState.get(key);
      }
      serialize() {
        return Array.from(this._internalState.keys()).reduceRight((agg, key) => {
          agg.push(key + LIST_MEMBER_KEY_VALUE_SPLITTER + this.get(key));
          return agg;
        }, []).join(LIST_MEMBERS_SEPARATOR);
      }
      _parse(rawTraceState) {
        if (rawTraceState.length > MAX_TRACE_STATE_LEN) return;
        this._internalState = rawTraceState.split(LIST_MEMBERS_SEPARATOR).reduceRight((agg, part) => {
          const listMember = part.trim();
          const i = listMember.indexOf(LIST_MEMBER_KEY_VALUE_SPLITTER);
          if (i !== -1) {
            const key = listMember.slice(0, i);
            const value = listMember.slice(i + 1, part.length);
            if (require_tracestate_validators2.validateKey(key) && require_tracestate_validators2.validateValue(value)) agg.set(key, value);
          }
          return agg;
        }, /* @__PURE__ */ new Map());
        if (this._internalState.size > MAX_TRACE_STATE_ITEMS) this._internalState = new Map(Array.from(this._internalState.entries()).reverse().slice(0, MAX_TRACE_STATE_ITEMS));
      }
      _keys() {
        return Array.from(this._internalState.keys()).reverse();
      }
      _clone() {
        const traceState = new TraceStateImpl2();
        traceState._internalState = new Map(this._internalState);
        return traceState;
      }
    };
    exports.TraceStateImpl = TraceStateImpl;
  }
});

// node_modules/@opentelemetry/api/dist/trace/internal/utils.cjs
var require_utils2 = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/internal/utils.cjs"(exports) {
    var require_tracestate_impl2 = require_tracestate_impl();
    function createTraceState(rawTraceState) {
      return new require_tracestate_impl2.TraceStateImpl(rawTraceState);
    }
    exports.createTraceState = createTraceState;
  }
});

// node_modules/@opentelemetry/api/dist/trace/NoopTracerProvider.cjs
var require_NoopTracerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/NoopTracerProvider.cjs"(exports) {
    var require_NoopTracer2 = require_NoopTracer();
    var NoopTracerProvider = class {
      getTracer(_name, _version, _options) {
        return new require_NoopTracer2.NoopTracer();
      }
    };
    exports.NoopTracerProvider = NoopTracerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/trace/ProxyTracerProvider.cjs
var require_ProxyTracerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/ProxyTracerProvider.cjs"(exports) {
    var require_ProxyTracer2 = require_ProxyTracer();
    var NOOP_TRACER_PROVIDER = new (require_NoopTracerProvider()).NoopTracerProvider();
    var ProxyTracerProvider = class {
      /**
      * Get a {@link ProxyTracer}
      */
      getTracer(name, version, options) {
        var _this$getDelegateTrac;
        return (_this$getDelegateTrac = this.getDelegateTracer(name, version, options)) !== null && _this$getDelegateTrac !== void 0 ? _this$getDelegateTrac : new require_ProxyTracer2.ProxyTracer(this, name, version, options);
      }
      getDelegate() {
        var _this$_delegate;
        return (_this$_delegate = this._delegate) !== null && _this$_delegate !== void 0 ? _this$_delegate : NOOP_TRACER_PROVIDER;
      }
      /**
      * Set the delegate tracer provider
      */
      setDelegate(delegate) {
        this._delegate = delegate;
      }
      getDelegateTracer(name, version, options) {
        var _this$_delegate2;
        return (_this$_delegate2 = this._delegate) === null || _this$_delegate2 === void 0 ? void 0 : _this$_delegate2.getTracer(name, version, options);
      }
    };
    exports.ProxyTracerProvider = ProxyTracerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/trace/SamplingResult.cjs
var require_SamplingResult = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace/SamplingResult.cjs"(exports) {
    var SamplingDecision = /* @__PURE__ */ (function(SamplingDecision2) {
      SamplingDecision2[SamplingDecision2["NOT_RECORD"] = 0] = "NOT_RECORD";
      SamplingDecision2[SamplingDecision2["RECORD"] = 1] = "RECORD";
      SamplingDecision2[SamplingDecision2["RECORD_AND_SAMPLED"] = 2] = "RECORD_AND_SAMPLED";
      return SamplingDecision2;
    })({});
    exports.SamplingDecision = SamplingDecision;
  }
});

// node_modules/@opentelemetry/api/dist/context-api.cjs
var require_context_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/context-api.cjs"(exports) {
    var context = require_context2().ContextAPI.getInstance();
    exports.context = context;
  }
});

// node_modules/@opentelemetry/api/dist/diag-api.cjs
var require_diag_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/diag-api.cjs"(exports) {
    var diag = require_diag().DiagAPI.instance();
    exports.diag = diag;
  }
});

// node_modules/@opentelemetry/api/dist/logs/NoopLoggerProvider.cjs
var require_NoopLoggerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/NoopLoggerProvider.cjs"(exports) {
    var require_NoopLogger2 = require_NoopLogger();
    var NoopLoggerProvider = class {
      getLogger(_name, _version, _options) {
        return new require_NoopLogger2.NoopLogger();
      }
    };
    var NOOP_LOGGER_PROVIDER = new NoopLoggerProvider();
    exports.NOOP_LOGGER_PROVIDER = NOOP_LOGGER_PROVIDER;
    exports.NoopLoggerProvider = NoopLoggerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/logs/ProxyLogger.cjs
var require_ProxyLogger = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/ProxyLogger.cjs"(exports) {
    var require_NoopLogger2 = require_NoopLogger();
    var ProxyLogger = class {
      constructor(provider, name, version, options) {
        this._provider = provider;
        this.name = name;
        this.version = version;
        this.options = options;
      }
      /**
      * Emit a log record. This method should only be used by log appenders.
      *
      * @param logRecord
      */
      emit(logRecord) {
        this._getLogger().emit(logRecord);
      }
      enabled(options) {
        return this._getLogger().enabled(options);
      }
      /**
      * Try to get a logger from the proxy logger provider.
      * If the proxy logger provider has no delegate, return a noop logger.
      */
      _getLogger() {
        if (this._delegate) return this._delegate;
        const logger = this._provider._getDelegateLogger(this.name, this.version, this.options);
        if (!logger) return require_NoopLogger2.NOOP_LOGGER;
        this._delegate = logger;
        return this._delegate;
      }
    };
    exports.ProxyLogger = ProxyLogger;
  }
});

// node_modules/@opentelemetry/api/dist/logs/ProxyLoggerProvider.cjs
var require_ProxyLoggerProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs/ProxyLoggerProvider.cjs"(exports) {
    var require_NoopLoggerProvider2 = require_NoopLoggerProvider();
    var require_ProxyLogger2 = require_ProxyLogger();
    var ProxyLoggerProvider = class {
      getLogger(name, version, options) {
        var _this$_getDelegateLog;
        return (_this$_getDelegateLog = this._getDelegateLogger(name, version, options)) !== null && _this$_getDelegateLog !== void 0 ? _this$_getDelegateLog : new require_ProxyLogger2.ProxyLogger(this, name, version, options);
      }
      /**
      * Get the delegate logger provider.
      * Used by tests only.
      * @internal
      */
      _getDelegate() {
        var _this$_delegate;
        return (_this$_delegate = this._delegate) !== null && _this$_delegate !== void 0 ? _this$_delegate : require_NoopLoggerProvider2.NOOP_LOGGER_PROVIDER;
      }
      /**
      * Set the delegate logger provider
      * @internal
      */
      _setDelegate(delegate) {
        this._delegate = delegate;
      }
      /**
      * @internal
      */
      _getDelegateLogger(name, version, options) {
        var _this$_delegate2;
        return (_this$_delegate2 = this._delegate) === null || _this$_delegate2 === void 0 ? void 0 : _this$_delegate2.getLogger(name, version, options);
      }
    };
    exports.ProxyLoggerProvider = ProxyLoggerProvider;
  }
});

// node_modules/@opentelemetry/api/dist/api/logs.cjs
var require_logs = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/logs.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_ProxyLoggerProvider2 = require_ProxyLoggerProvider();
    var API_NAME = "logs";
    var LogsAPI = class LogsAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._proxyLoggerProvider = new require_ProxyLoggerProvider2.ProxyLoggerProvider();
      }
      /** Get the singleton instance of the Logs API */
      static getInstance() {
        if (!this._instance) this._instance = new LogsAPI2();
        return this._instance;
      }
      setGlobalLoggerProvider(provider) {
        const success = require_global_utils2.registerGlobal(API_NAME, provider, require_diag2.DiagAPI.instance());
        if (success) this._proxyLoggerProvider._setDelegate(provider);
        return success;
      }
      /**
      * Returns the global logger provider.
      *
      * @returns LoggerProvider
      */
      getLoggerProvider() {
        return require_global_utils2.getGlobal(API_NAME) || this._proxyLoggerProvider;
      }
      /**
      * Returns a Logger, creating one if one with the given name, version,
      * schemaUrl, and attributes is not already created.
      *
      * Getting a Logger may be expensive, especially when `attributes` are
      * provided. Reuse Logger instances where possible instead of calling
      * `getLogger()` on hot paths.
      *
      * @param name The name of the logger or instrumentation library.
      * @param version The version of the logger or instrumentation library.
      * @param options The options of the logger or instrumentation library.
      * @returns {@link Logger}
      */
      getLogger(name, version, options) {
        return this.getLoggerProvider().getLogger(name, version, options);
      }
      /** Remove the global logger provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
        this._proxyLoggerProvider = new require_ProxyLoggerProvider2.ProxyLoggerProvider();
      }
    };
    exports.LogsAPI = LogsAPI;
  }
});

// node_modules/@opentelemetry/api/dist/logs-api.cjs
var require_logs_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/logs-api.cjs"(exports) {
    var logs = require_logs().LogsAPI.getInstance();
    exports.logs = logs;
  }
});

// node_modules/@opentelemetry/api/dist/metrics/NoopMeterProvider.cjs
var require_NoopMeterProvider = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics/NoopMeterProvider.cjs"(exports) {
    var require_NoopMeter2 = require_NoopMeter();
    var NoopMeterProvider = class {
      getMeter(_name, _version, _options) {
        return require_NoopMeter2.NOOP_METER;
      }
    };
    var NOOP_METER_PROVIDER = new NoopMeterProvider();
    exports.NOOP_METER_PROVIDER = NOOP_METER_PROVIDER;
    exports.NoopMeterProvider = NoopMeterProvider;
  }
});

// node_modules/@opentelemetry/api/dist/api/metrics.cjs
var require_metrics = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/metrics.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_NoopMeterProvider2 = require_NoopMeterProvider();
    var API_NAME = "metrics";
    var MetricsAPI = class MetricsAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
      }
      /** Get the singleton instance of the Metrics API */
      static getInstance() {
        if (!this._instance) this._instance = new MetricsAPI2();
        return this._instance;
      }
      /**
      * Set the current global meter provider.
      * Returns true if the meter provider was successfully registered, else false.
      */
      setGlobalMeterProvider(provider) {
        return require_global_utils2.registerGlobal(API_NAME, provider, require_diag2.DiagAPI.instance());
      }
      /**
      * Returns the global meter provider.
      */
      getMeterProvider() {
        return require_global_utils2.getGlobal(API_NAME) || require_NoopMeterProvider2.NOOP_METER_PROVIDER;
      }
      /**
      * Returns a meter from the global meter provider.
      */
      getMeter(name, version, options) {
        return this.getMeterProvider().getMeter(name, version, options);
      }
      /** Remove the global meter provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
    };
    exports.MetricsAPI = MetricsAPI;
  }
});

// node_modules/@opentelemetry/api/dist/metrics-api.cjs
var require_metrics_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/metrics-api.cjs"(exports) {
    var metrics = require_metrics().MetricsAPI.getInstance();
    exports.metrics = metrics;
  }
});

// node_modules/@opentelemetry/api/dist/propagation/NoopTextMapPropagator.cjs
var require_NoopTextMapPropagator = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation/NoopTextMapPropagator.cjs"(exports) {
    var NoopTextMapPropagator = class {
      /** Noop inject function does nothing */
      inject(_context, _carrier) {
      }
      /** Noop extract function does nothing and returns the input context */
      extract(context, _carrier) {
        return context;
      }
      fields() {
        return [];
      }
    };
    exports.NoopTextMapPropagator = NoopTextMapPropagator;
  }
});

// node_modules/@opentelemetry/api/dist/baggage/context-helpers.cjs
var require_context_helpers = __commonJS({
  "node_modules/@opentelemetry/api/dist/baggage/context-helpers.cjs"(exports) {
    var require_context3 = require_context();
    var require_context$1 = require_context2();
    var BAGGAGE_KEY = require_context3.createContextKey("OpenTelemetry Baggage Key");
    function getBaggage(context) {
      return context.getValue(BAGGAGE_KEY) || void 0;
    }
    function getActiveBaggage() {
      return getBaggage(require_context$1.ContextAPI.getInstance().active());
    }
    function setBaggage(context, baggage) {
      return context.setValue(BAGGAGE_KEY, baggage);
    }
    function deleteBaggage(context) {
      return context.deleteValue(BAGGAGE_KEY);
    }
    exports.deleteBaggage = deleteBaggage;
    exports.getActiveBaggage = getActiveBaggage;
    exports.getBaggage = getBaggage;
    exports.setBaggage = setBaggage;
  }
});

// node_modules/@opentelemetry/api/dist/api/propagation.cjs
var require_propagation = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/propagation.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_utils3 = require_utils();
    var require_TextMapPropagator2 = require_TextMapPropagator();
    var require_NoopTextMapPropagator2 = require_NoopTextMapPropagator();
    var require_context_helpers2 = require_context_helpers();
    var API_NAME = "propagation";
    var NOOP_TEXT_MAP_PROPAGATOR = new require_NoopTextMapPropagator2.NoopTextMapPropagator();
    var PropagationAPI = class PropagationAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this.createBaggage = require_utils3.createBaggage;
        this.getBaggage = require_context_helpers2.getBaggage;
        this.getActiveBaggage = require_context_helpers2.getActiveBaggage;
        this.setBaggage = require_context_helpers2.setBaggage;
        this.deleteBaggage = require_context_helpers2.deleteBaggage;
      }
      /** Get the singleton instance of the Propagator API */
      static getInstance() {
        if (!this._instance) this._instance = new PropagationAPI2();
        return this._instance;
      }
      /**
      * Set the current propagator.
      *
      * @returns true if the propagator was successfully registered, else false
      */
      setGlobalPropagator(propagator) {
        return require_global_utils2.registerGlobal(API_NAME, propagator, require_diag2.DiagAPI.instance());
      }
      /**
      * Inject context into a carrier to be propagated inter-process
      *
      * @param context Context carrying tracing data to inject
      * @param carrier carrier to inject context into
      * @param setter Function used to set values on the carrier
      */
      inject(context, carrier, setter = require_TextMapPropagator2.defaultTextMapSetter) {
        return this._getGlobalPropagator().inject(context, carrier, setter);
      }
      /**
      * Extract context from a carrier
      *
      * @param context Context which the newly created context will inherit from
      * @param carrier Carrier to extract context from
      * @param getter Function used to extract keys from a carrier
      */
      extract(context, carrier, getter = require_TextMapPropagator2.defaultTextMapGetter) {
        return this._getGlobalPropagator().extract(context, carrier, getter);
      }
      /**
      * Return a list of all fields which may be used by the propagator.
      */
      fields() {
        return this._getGlobalPropagator().fields();
      }
      /** Remove the global propagator */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
      }
      _getGlobalPropagator() {
        return require_global_utils2.getGlobal(API_NAME) || NOOP_TEXT_MAP_PROPAGATOR;
      }
    };
    exports.PropagationAPI = PropagationAPI;
  }
});

// node_modules/@opentelemetry/api/dist/propagation-api.cjs
var require_propagation_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/propagation-api.cjs"(exports) {
    var propagation = require_propagation().PropagationAPI.getInstance();
    exports.propagation = propagation;
  }
});

// node_modules/@opentelemetry/api/dist/api/trace.cjs
var require_trace = __commonJS({
  "node_modules/@opentelemetry/api/dist/api/trace.cjs"(exports) {
    var require_global_utils2 = require_global_utils();
    var require_diag2 = require_diag();
    var require_context_utils2 = require_context_utils();
    var require_spancontext_utils2 = require_spancontext_utils();
    var require_ProxyTracerProvider2 = require_ProxyTracerProvider();
    var API_NAME = "trace";
    var TraceAPI = class TraceAPI2 {
      /** Empty private constructor prevents end users from constructing a new instance of the API */
      constructor() {
        this._proxyTracerProvider = new require_ProxyTracerProvider2.ProxyTracerProvider();
        this.wrapSpanContext = require_spancontext_utils2.wrapSpanContext;
        this.isSpanContextValid = require_spancontext_utils2.isSpanContextValid;
        this.deleteSpan = require_context_utils2.deleteSpan;
        this.getSpan = require_context_utils2.getSpan;
        this.getActiveSpan = require_context_utils2.getActiveSpan;
        this.getSpanContext = require_context_utils2.getSpanContext;
        this.setSpan = require_context_utils2.setSpan;
        this.setSpanContext = require_context_utils2.setSpanContext;
      }
      /** Get the singleton instance of the Trace API */
      static getInstance() {
        if (!this._instance) this._instance = new TraceAPI2();
        return this._instance;
      }
      /**
      * Set the current global tracer.
      *
      * @returns true if the tracer provider was successfully registered, else false
      */
      setGlobalTracerProvider(provider) {
        const success = require_global_utils2.registerGlobal(API_NAME, this._proxyTracerProvider, require_diag2.DiagAPI.instance());
        if (success) this._proxyTracerProvider.setDelegate(provider);
        return success;
      }
      /**
      * Returns the global tracer provider.
      */
      getTracerProvider() {
        return require_global_utils2.getGlobal(API_NAME) || this._proxyTracerProvider;
      }
      /**
      * Returns a tracer from the global tracer provider.
      */
      getTracer(name, version) {
        return this.getTracerProvider().getTracer(name, version);
      }
      /** Remove the global tracer provider */
      disable() {
        require_global_utils2.unregisterGlobal(API_NAME, require_diag2.DiagAPI.instance());
        this._proxyTracerProvider = new require_ProxyTracerProvider2.ProxyTracerProvider();
      }
    };
    exports.TraceAPI = TraceAPI;
  }
});

// node_modules/@opentelemetry/api/dist/trace-api.cjs
var require_trace_api = __commonJS({
  "node_modules/@opentelemetry/api/dist/trace-api.cjs"(exports) {
    var trace = require_trace().TraceAPI.getInstance();
    exports.trace = trace;
  }
});

// node_modules/@opentelemetry/api/dist/index.cjs
var require_dist = __commonJS({
  "node_modules/@opentelemetry/api/dist/index.cjs"(exports) {
    Object.defineProperties(exports, {
      __esModule: { value: true },
      [Symbol.toStringTag]: { value: "Module" }
    });
    var require_types2 = require_types();
    var require_utils3 = require_utils();
    var require_context3 = require_context();
    var require_consoleLogger2 = require_consoleLogger();
    var require_NoopMeter2 = require_NoopMeter();
    var require_Metric2 = require_Metric();
    var require_NoopLogger2 = require_NoopLogger();
    var require_LogRecord2 = require_LogRecord();
    var require_TextMapPropagator2 = require_TextMapPropagator();
    var require_trace_flags2 = require_trace_flags();
    var require_invalid_span_constants2 = require_invalid_span_constants();
    var require_spancontext_utils2 = require_spancontext_utils();
    var require_ProxyTracer2 = require_ProxyTracer();
    var require_span_kind2 = require_span_kind();
    var require_status2 = require_status();
    var require_utils$1 = require_utils2();
    var require_ProxyTracerProvider2 = require_ProxyTracerProvider();
    var require_SamplingResult2 = require_SamplingResult();
    var require_context_api2 = require_context_api();
    var require_diag_api2 = require_diag_api();
    var require_logs_api2 = require_logs_api();
    var require_metrics_api2 = require_metrics_api();
    var require_propagation_api2 = require_propagation_api();
    var require_trace_api2 = require_trace_api();
    var src_default = {
      context: require_context_api2.context,
      diag: require_diag_api2.diag,
      logs: require_logs_api2.logs,
      metrics: require_metrics_api2.metrics,
      propagation: require_propagation_api2.propagation,
      trace: require_trace_api2.trace
    };
    exports.DiagConsoleLogger = require_consoleLogger2.DiagConsoleLogger;
    exports.DiagLogLevel = require_types2.DiagLogLevel;
    exports.INVALID_SPANID = require_invalid_span_constants2.INVALID_SPANID;
    exports.INVALID_SPAN_CONTEXT = require_invalid_span_constants2.INVALID_SPAN_CONTEXT;
    exports.INVALID_TRACEID = require_invalid_span_constants2.INVALID_TRACEID;
    exports.ProxyTracer = require_ProxyTracer2.ProxyTracer;
    exports.ProxyTracerProvider = require_ProxyTracerProvider2.ProxyTracerProvider;
    exports.ROOT_CONTEXT = require_context3.ROOT_CONTEXT;
    exports.SamplingDecision = require_SamplingResult2.SamplingDecision;
    exports.SeverityNumber = require_LogRecord2.SeverityNumber;
    exports.SpanKind = require_span_kind2.SpanKind;
    exports.SpanStatusCode = require_status2.SpanStatusCode;
    exports.TraceFlags = require_trace_flags2.TraceFlags;
    exports.ValueType = require_Metric2.ValueType;
    exports.baggageEntryMetadataFromString = require_utils3.baggageEntryMetadataFromString;
    exports.context = require_context_api2.context;
    exports.createContextKey = require_context3.createContextKey;
    exports.createNoopLogger = require_NoopLogger2.createNoopLogger;
    exports.createNoopMeter = require_NoopMeter2.createNoopMeter;
    exports.createTraceState = require_utils$1.createTraceState;
    exports.default = src_default;
    exports.defaultTextMapGetter = require_TextMapPropagator2.defaultTextMapGetter;
    exports.defaultTextMapSetter = require_TextMapPropagator2.defaultTextMapSetter;
    exports.diag = require_diag_api2.diag;
    exports.isSpanContextValid = require_spancontext_utils2.isSpanContextValid;
    exports.isValidSpanId = require_spancontext_utils2.isValidSpanId;
    exports.isValidTraceId = require_spancontext_utils2.isValidTraceId;
    exports.logs = require_logs_api2.logs;
    exports.metrics = require_metrics_api2.metrics;
    exports.propagation = require_propagation_api2.propagation;
    exports.trace = require_trace_api2.trace;
  }
});

// node_modules/prom-client/lib/metrics/processCpuTotal.js
var require_processCpuTotal = __commonJS({
  "node_modules/prom-client/lib/metrics/processCpuTotal.js"(exports, module) {
    "use strict";
    var OtelApi = require_dist();
    var Counter2 = require_counter();
    var PROCESS_CPU_USER_SECONDS = "process_cpu_user_seconds_total";
    var PROCESS_CPU_SYSTEM_SECONDS = "process_cpu_system_seconds_total";
    var PROCESS_CPU_SECONDS = "process_cpu_seconds_total";
    module.exports = (registry, config = {}) => {
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const exemplars = config.enableExemplars ? config.enableExemplars : false;
      const labelNames = Object.keys(labels);
      let lastCpuUsage = process.cpuUsage();
      const cpuUserUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_USER_SECONDS,
        help: "Total user CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          const cpuUsage = process.cpuUsage();
          const userUsageMicros = cpuUsage.user - lastCpuUsage.user;
          const systemUsageMicros = cpuUsage.system - lastCpuUsage.system;
          lastCpuUsage = cpuUsage;
          if (this.enableExemplars) {
            let exemplarLabels = {};
            const currentSpan = OtelApi.trace.getSpan(OtelApi.context.active());
            if (currentSpan) {
              exemplarLabels = {
                traceId: currentSpan.spanContext().traceId,
                spanId: currentSpan.spanContext().spanId
              };
            }
            cpuUserUsageCounter.inc({
              labels,
              value: userUsageMicros / 1e6,
              exemplarLabels
            });
            cpuSystemUsageCounter.inc({
              labels,
              value: systemUsageMicros / 1e6,
              exemplarLabels
            });
            cpuUsageCounter.inc({
              labels,
              value: (userUsageMicros + systemUsageMicros) / 1e6,
              exemplarLabels
            });
          } else {
            cpuUserUsageCounter.inc(labels, userUsageMicros / 1e6);
            cpuSystemUsageCounter.inc(labels, systemUsageMicros / 1e6);
            cpuUsageCounter.inc(
              labels,
              (userUsageMicros + systemUsageMicros) / 1e6
            );
          }
        }
      });
      const cpuSystemUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_SYSTEM_SECONDS,
        help: "Total system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
      const cpuUsageCounter = new Counter2({
        name: namePrefix + PROCESS_CPU_SECONDS,
        help: "Total user and system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      PROCESS_CPU_USER_SECONDS,
      PROCESS_CPU_SYSTEM_SECONDS,
      PROCESS_CPU_SECONDS
    ];
  }
});

// node_modules/prom-client/lib/metrics/processStartTime.js
var require_processStartTime = __commonJS({
  "node_modules/prom-client/lib/metrics/processStartTime.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var startInSeconds = Math.round(Date.now() / 1e3 - process.uptime());
    var PROCESS_START_TIME = "process_start_time_seconds";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + PROCESS_START_TIME,
        help: "Start time of the process since unix epoch in seconds.",
        registers: registry ? [registry] : void 0,
        labelNames,
        aggregator: "omit",
        collect() {
          this.set(labels, startInSeconds);
        }
      });
    };
    module.exports.metricNames = [PROCESS_START_TIME];
  }
});

// node_modules/prom-client/lib/metrics/osMemoryHeapLinux.js
var require_osMemoryHeapLinux = __commonJS({
  "node_modules/prom-client/lib/metrics/osMemoryHeapLinux.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var values = ["VmSize", "VmRSS", "VmData"];
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    var PROCESS_VIRTUAL_MEMORY = "process_virtual_memory_bytes";
    var PROCESS_HEAP = "process_heap_bytes";
    function structureOutput(input) {
      return input.split("\n").reduce((acc, string) => {
        if (!values.some((value2) => string.startsWith(value2))) {
          return acc;
        }
        const split = string.split(":");
        let value = split[1].trim();
        value = value.substr(0, value.length - 3);
        value = Number(value) * 1024;
        acc[split[0]] = value;
        return acc;
      }, {});
    }
    module.exports = (registry, config = {}) => {
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const residentMemGauge = new Gauge2({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          try {
            const stat2 = fs.readFileSync("/proc/self/status", "utf8");
            const structuredOutput = structureOutput(stat2);
            residentMemGauge.set(labels, structuredOutput.VmRSS);
            virtualMemGauge.set(labels, structuredOutput.VmSize);
            heapSizeMemGauge.set(labels, structuredOutput.VmData);
          } catch {
          }
        }
      });
      const virtualMemGauge = new Gauge2({
        name: namePrefix + PROCESS_VIRTUAL_MEMORY,
        help: "Virtual memory size in bytes.",
        registers,
        labelNames
      });
      const heapSizeMemGauge = new Gauge2({
        name: namePrefix + PROCESS_HEAP,
        help: "Process heap size in bytes.",
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      PROCESS_RESIDENT_MEMORY,
      PROCESS_VIRTUAL_MEMORY,
      PROCESS_HEAP
    ];
  }
});

// node_modules/prom-client/lib/metrics/helpers/safeMemoryUsage.js
var require_safeMemoryUsage = __commonJS({
  "node_modules/prom-client/lib/metrics/helpers/safeMemoryUsage.js"(exports, module) {
    "use strict";
    function safeMemoryUsage() {
      try {
        return process.memoryUsage();
      } catch {
        return;
      }
    }
    module.exports = safeMemoryUsage;
  }
});

// node_modules/prom-client/lib/metrics/osMemoryHeap.js
var require_osMemoryHeap = __commonJS({
  "node_modules/prom-client/lib/metrics/osMemoryHeap.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var linuxVariant = require_osMemoryHeapLinux();
    var safeMemoryUsage = require_safeMemoryUsage();
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    function notLinuxVariant(registry, config = {}) {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const memUsage = safeMemoryUsage();
          if (memUsage) {
            this.set(labels, memUsage.rss);
          }
        }
      });
    }
    module.exports = (registry, config) => process.platform === "linux" ? linuxVariant(registry, config) : notLinuxVariant(registry, config);
    module.exports.metricNames = process.platform === "linux" ? linuxVariant.metricNames : [PROCESS_RESIDENT_MEMORY];
  }
});

// node_modules/prom-client/lib/metrics/processOpenFileDescriptors.js
var require_processOpenFileDescriptors = __commonJS({
  "node_modules/prom-client/lib/metrics/processOpenFileDescriptors.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var process2 = __require("process");
    var PROCESS_OPEN_FDS = "process_open_fds";
    module.exports = (registry, config = {}) => {
      if (process2.platform !== "linux") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + PROCESS_OPEN_FDS,
        help: "Number of open file descriptors.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          try {
            const fds = fs.readdirSync("/proc/self/fd");
            this.set(labels, fds.length - 1);
          } catch {
          }
        }
      });
    };
    module.exports.metricNames = [PROCESS_OPEN_FDS];
  }
});

// node_modules/prom-client/lib/metrics/processMaxFileDescriptors.js
var require_processMaxFileDescriptors = __commonJS({
  "node_modules/prom-client/lib/metrics/processMaxFileDescriptors.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var fs = __require("fs");
    var PROCESS_MAX_FDS = "process_max_fds";
    var maxFds;
    module.exports = (registry, config = {}) => {
      if (maxFds === void 0) {
        try {
          const limits = fs.readFileSync("/proc/self/limits", "utf8");
          const lines = limits.split("\n");
          for (const line of lines) {
            if (line.startsWith("Max open files")) {
              const parts = line.split(/  +/);
              maxFds = Number(parts[1]);
              break;
            }
          }
        } catch {
          return;
        }
      }
      if (maxFds === void 0) return;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + PROCESS_MAX_FDS,
        help: "Maximum number of open file descriptors.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          if (maxFds !== void 0) this.set(labels, maxFds);
        }
      });
    };
    module.exports.metricNames = [PROCESS_MAX_FDS];
  }
});

// node_modules/prom-client/lib/metrics/eventLoopLag.js
var require_eventLoopLag = __commonJS({
  "node_modules/prom-client/lib/metrics/eventLoopLag.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var perf_hooks;
    try {
      perf_hooks = __require("perf_hooks");
    } catch {
    }
    var NODEJS_EVENTLOOP_LAG = "nodejs_eventloop_lag_seconds";
    var NODEJS_EVENTLOOP_LAG_MIN = "nodejs_eventloop_lag_min_seconds";
    var NODEJS_EVENTLOOP_LAG_MAX = "nodejs_eventloop_lag_max_seconds";
    var NODEJS_EVENTLOOP_LAG_MEAN = "nodejs_eventloop_lag_mean_seconds";
    var NODEJS_EVENTLOOP_LAG_STDDEV = "nodejs_eventloop_lag_stddev_seconds";
    var NODEJS_EVENTLOOP_LAG_P50 = "nodejs_eventloop_lag_p50_seconds";
    var NODEJS_EVENTLOOP_LAG_P90 = "nodejs_eventloop_lag_p90_seconds";
    var NODEJS_EVENTLOOP_LAG_P99 = "nodejs_eventloop_lag_p99_seconds";
    function reportEventloopLag(start, gauge, labels) {
      const delta = process.hrtime(start);
      const nanosec = delta[0] * 1e9 + delta[1];
      const seconds = nanosec / 1e9;
      gauge.set(labels, seconds);
    }
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const registers = registry ? [registry] : void 0;
      let collect = () => {
        const start = process.hrtime();
        setImmediate(reportEventloopLag, start, lag, labels);
      };
      if (perf_hooks && perf_hooks.monitorEventLoopDelay) {
        try {
          const histogram = perf_hooks.monitorEventLoopDelay({
            resolution: config.eventLoopMonitoringPrecision
          });
          histogram.enable();
          collect = () => {
            const start = process.hrtime();
            setImmediate(reportEventloopLag, start, lag, labels);
            lagMin.set(labels, histogram.min / 1e9);
            lagMax.set(labels, histogram.max / 1e9);
            lagMean.set(labels, histogram.mean / 1e9);
            lagStddev.set(labels, histogram.stddev / 1e9);
            lagP50.set(labels, histogram.percentile(50) / 1e9);
            lagP90.set(labels, histogram.percentile(90) / 1e9);
            lagP99.set(labels, histogram.percentile(99) / 1e9);
            histogram.reset();
          };
        } catch (e) {
          if (e.code === "ERR_NOT_IMPLEMENTED") {
            return;
          }
          throw e;
        }
      }
      const lag = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG,
        help: "Lag of event loop in seconds.",
        registers,
        labelNames,
        aggregator: "average",
        // Use this one metric's `collect` to set all metrics' values.
        collect
      });
      const lagMin = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MIN,
        help: "The minimum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "min"
      });
      const lagMax = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MAX,
        help: "The maximum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "max"
      });
      const lagMean = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MEAN,
        help: "The mean of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagStddev = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_STDDEV,
        help: "The standard deviation of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP50 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P50,
        help: "The 50th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP90 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P90,
        help: "The 90th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP99 = new Gauge2({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P99,
        help: "The 99th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
    };
    module.exports.metricNames = [
      NODEJS_EVENTLOOP_LAG,
      NODEJS_EVENTLOOP_LAG_MIN,
      NODEJS_EVENTLOOP_LAG_MAX,
      NODEJS_EVENTLOOP_LAG_MEAN,
      NODEJS_EVENTLOOP_LAG_STDDEV,
      NODEJS_EVENTLOOP_LAG_P50,
      NODEJS_EVENTLOOP_LAG_P90,
      NODEJS_EVENTLOOP_LAG_P99
    ];
  }
});

// node_modules/prom-client/lib/metrics/helpers/processMetricsHelpers.js
var require_processMetricsHelpers = __commonJS({
  "node_modules/prom-client/lib/metrics/helpers/processMetricsHelpers.js"(exports, module) {
    "use strict";
    function aggregateByObjectName(list) {
      const data = {};
      for (let i = 0; i < list.length; i++) {
        const listElement = list[i];
        if (!listElement || typeof listElement.constructor === "undefined") {
          continue;
        }
        if (Object.hasOwnProperty.call(data, listElement.constructor.name)) {
          data[listElement.constructor.name] += 1;
        } else {
          data[listElement.constructor.name] = 1;
        }
      }
      return data;
    }
    function updateMetrics(gauge, data, labels) {
      gauge.reset();
      for (const key in data) {
        gauge.set(Object.assign({ type: key }, labels || {}), data[key]);
      }
    }
    module.exports = {
      aggregateByObjectName,
      updateMetrics
    };
  }
});

// node_modules/prom-client/lib/metrics/processHandles.js
var require_processHandles = __commonJS({
  "node_modules/prom-client/lib/metrics/processHandles.js"(exports, module) {
    "use strict";
    var { aggregateByObjectName } = require_processMetricsHelpers();
    var { updateMetrics } = require_processMetricsHelpers();
    var Gauge2 = require_gauge();
    var NODEJS_ACTIVE_HANDLES = "nodejs_active_handles";
    var NODEJS_ACTIVE_HANDLES_TOTAL = "nodejs_active_handles_total";
    module.exports = (registry, config = {}) => {
      if (typeof process._getActiveHandles !== "function") {
        return;
      }
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_HANDLES,
        help: "Number of active libuv handles grouped by handle type. Every handle type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers,
        collect() {
          const handles = process._getActiveHandles();
          updateMetrics(this, aggregateByObjectName(handles), labels);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_HANDLES_TOTAL,
        help: "Total number of active handles.",
        registers,
        labelNames,
        collect() {
          const handles = process._getActiveHandles();
          this.set(labels, handles.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_HANDLES,
      NODEJS_ACTIVE_HANDLES_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/processRequests.js
var require_processRequests = __commonJS({
  "node_modules/prom-client/lib/metrics/processRequests.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var { aggregateByObjectName } = require_processMetricsHelpers();
    var { updateMetrics } = require_processMetricsHelpers();
    var NODEJS_ACTIVE_REQUESTS = "nodejs_active_requests";
    var NODEJS_ACTIVE_REQUESTS_TOTAL = "nodejs_active_requests_total";
    module.exports = (registry, config = {}) => {
      if (typeof process._getActiveRequests !== "function") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS,
        help: "Number of active libuv requests grouped by request type. Every request type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const requests = process._getActiveRequests();
          updateMetrics(this, aggregateByObjectName(requests), labels);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS_TOTAL,
        help: "Total number of active requests.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const requests = process._getActiveRequests();
          this.set(labels, requests.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_REQUESTS,
      NODEJS_ACTIVE_REQUESTS_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/processResources.js
var require_processResources = __commonJS({
  "node_modules/prom-client/lib/metrics/processResources.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var { updateMetrics } = require_processMetricsHelpers();
    var NODEJS_ACTIVE_RESOURCES = "nodejs_active_resources";
    var NODEJS_ACTIVE_RESOURCES_TOTAL = "nodejs_active_resources_total";
    module.exports = (registry, config = {}) => {
      if (typeof process.getActiveResourcesInfo !== "function") {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_RESOURCES,
        help: "Number of active resources that are currently keeping the event loop alive, grouped by async resource type.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const resources = process.getActiveResourcesInfo();
          const data = {};
          for (let i = 0; i < resources.length; i++) {
            const resource = resources[i];
            if (Object.hasOwn(data, resource)) {
              data[resource] += 1;
            } else {
              data[resource] = 1;
            }
          }
          updateMetrics(this, data, labels);
        }
      });
      new Gauge2({
        name: namePrefix + NODEJS_ACTIVE_RESOURCES_TOTAL,
        help: "Total number of active resources.",
        registers: registry ? [registry] : void 0,
        labelNames,
        collect() {
          const resources = process.getActiveResourcesInfo();
          this.set(labels, resources.length);
        }
      });
    };
    module.exports.metricNames = [
      NODEJS_ACTIVE_RESOURCES,
      NODEJS_ACTIVE_RESOURCES_TOTAL
    ];
  }
});

// node_modules/prom-client/lib/metrics/heapSizeAndUsed.js
var require_heapSizeAndUsed = __commonJS({
  "node_modules/prom-client/lib/metrics/heapSizeAndUsed.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var safeMemoryUsage = require_safeMemoryUsage();
    var NODEJS_HEAP_SIZE_TOTAL = "nodejs_heap_size_total_bytes";
    var NODEJS_HEAP_SIZE_USED = "nodejs_heap_size_used_bytes";
    var NODEJS_EXTERNAL_MEMORY = "nodejs_external_memory_bytes";
    module.exports = (registry, config = {}) => {
      if (typeof process.memoryUsage !== "function") {
        return;
      }
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const collect = () => {
        const memUsage = safeMemoryUsage();
        if (memUsage) {
          heapSizeTotal.set(labels, memUsage.heapTotal);
          heapSizeUsed.set(labels, memUsage.heapUsed);
          if (memUsage.external !== void 0) {
            externalMemUsed.set(labels, memUsage.external);
          }
        }
      };
      const heapSizeTotal = new Gauge2({
        name: namePrefix + NODEJS_HEAP_SIZE_TOTAL,
        help: "Process heap size from Node.js in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect
      });
      const heapSizeUsed = new Gauge2({
        name: namePrefix + NODEJS_HEAP_SIZE_USED,
        help: "Process heap size used from Node.js in bytes.",
        registers,
        labelNames
      });
      const externalMemUsed = new Gauge2({
        name: namePrefix + NODEJS_EXTERNAL_MEMORY,
        help: "Node.js external memory size in bytes.",
        registers,
        labelNames
      });
    };
    module.exports.metricNames = [
      NODEJS_HEAP_SIZE_TOTAL,
      NODEJS_HEAP_SIZE_USED,
      NODEJS_EXTERNAL_MEMORY
    ];
  }
});

// node_modules/prom-client/lib/metrics/heapSpacesSizeAndUsed.js
var require_heapSpacesSizeAndUsed = __commonJS({
  "node_modules/prom-client/lib/metrics/heapSpacesSizeAndUsed.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var v8 = __require("v8");
    var METRICS = ["total", "used", "available"];
    var NODEJS_HEAP_SIZE = {};
    METRICS.forEach((metricType) => {
      NODEJS_HEAP_SIZE[metricType] = `nodejs_heap_space_size_${metricType}_bytes`;
    });
    module.exports = (registry, config = {}) => {
      try {
        v8.getHeapSpaceStatistics();
      } catch (e) {
        if (e.code === "ERR_NOT_IMPLEMENTED") {
          return;
        }
        throw e;
      }
      const registers = registry ? [registry] : void 0;
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = ["space", ...Object.keys(labels)];
      const gauges = {};
      METRICS.forEach((metricType) => {
        gauges[metricType] = new Gauge2({
          name: namePrefix + NODEJS_HEAP_SIZE[metricType],
          help: `Process heap space size ${metricType} from Node.js in bytes.`,
          labelNames,
          registers
        });
      });
      gauges.total.collect = () => {
        for (const space of v8.getHeapSpaceStatistics()) {
          const spaceName = space.space_name.substr(
            0,
            space.space_name.indexOf("_space")
          );
          gauges.total.set({ space: spaceName, ...labels }, space.space_size);
          gauges.used.set({ space: spaceName, ...labels }, space.space_used_size);
          gauges.available.set(
            { space: spaceName, ...labels },
            space.space_available_size
          );
        }
      };
    };
    module.exports.metricNames = Object.values(NODEJS_HEAP_SIZE);
  }
});

// node_modules/prom-client/lib/metrics/version.js
var require_version2 = __commonJS({
  "node_modules/prom-client/lib/metrics/version.js"(exports, module) {
    "use strict";
    var Gauge2 = require_gauge();
    var version = process.version;
    var versionSegments = version.slice(1).split(".").map(Number);
    var NODE_VERSION_INFO = "nodejs_version_info";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge2({
        name: namePrefix + NODE_VERSION_INFO,
        help: "Node.js version info.",
        labelNames: ["version", "major", "minor", "patch", ...labelNames],
        registers: registry ? [registry] : void 0,
        aggregator: "first",
        collect() {
          this.labels(
            version,
            versionSegments[0],
            versionSegments[1],
            versionSegments[2],
            ...Object.values(labels)
          ).set(1);
        }
      });
    };
    module.exports.metricNames = [NODE_VERSION_INFO];
  }
});

// node_modules/prom-client/lib/metrics/gc.js
var require_gc = __commonJS({
  "node_modules/prom-client/lib/metrics/gc.js"(exports, module) {
    "use strict";
    var Histogram2 = require_histogram();
    var perf_hooks;
    try {
      perf_hooks = __require("perf_hooks");
    } catch {
    }
    var NODEJS_GC_DURATION_SECONDS = "nodejs_gc_duration_seconds";
    var DEFAULT_GC_DURATION_BUCKETS = [1e-3, 0.01, 0.1, 1, 2, 5];
    var kinds = [];
    if (perf_hooks && perf_hooks.constants) {
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MAJOR] = "major";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_MINOR] = "minor";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_INCREMENTAL] = "incremental";
      kinds[perf_hooks.constants.NODE_PERFORMANCE_GC_WEAKCB] = "weakcb";
    }
    module.exports = (registry, config = {}) => {
      if (!perf_hooks) {
        return;
      }
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      const buckets = config.gcDurationBuckets ? config.gcDurationBuckets : DEFAULT_GC_DURATION_BUCKETS;
      const gcHistogram = new Histogram2({
        name: namePrefix + NODEJS_GC_DURATION_SECONDS,
        help: "Garbage collection duration by kind, one of major, minor, incremental or weakcb.",
        labelNames: ["kind", ...labelNames],
        enableExemplars: false,
        buckets,
        registers: registry ? [registry] : void 0
      });
      const obs = new perf_hooks.PerformanceObserver((list) => {
        const entry = list.getEntries()[0];
        const kind = entry.detail ? kinds[entry.detail.kind] : kinds[entry.kind];
        gcHistogram.observe(Object.assign({ kind }, labels), entry.duration / 1e3);
      });
      obs.observe({ entryTypes: ["gc"] });
    };
    module.exports.metricNames = [NODEJS_GC_DURATION_SECONDS];
  }
});

// node_modules/prom-client/lib/defaultMetrics.js
var require_defaultMetrics = __commonJS({
  "node_modules/prom-client/lib/defaultMetrics.js"(exports, module) {
    "use strict";
    var { isObject } = require_util();
    var processCpuTotal = require_processCpuTotal();
    var processStartTime = require_processStartTime();
    var osMemoryHeap = require_osMemoryHeap();
    var processOpenFileDescriptors = require_processOpenFileDescriptors();
    var processMaxFileDescriptors = require_processMaxFileDescriptors();
    var eventLoopLag = require_eventLoopLag();
    var processHandles = require_processHandles();
    var processRequests = require_processRequests();
    var processResources = require_processResources();
    var heapSizeAndUsed = require_heapSizeAndUsed();
    var heapSpacesSizeAndUsed = require_heapSpacesSizeAndUsed();
    var version = require_version2();
    var gc = require_gc();
    var metrics = {
      processCpuTotal,
      processStartTime,
      osMemoryHeap,
      processOpenFileDescriptors,
      processMaxFileDescriptors,
      eventLoopLag,
      ...typeof process.getActiveResourcesInfo === "function" ? { processResources } : {},
      processHandles,
      processRequests,
      heapSizeAndUsed,
      heapSpacesSizeAndUsed,
      version,
      gc
    };
    var metricsList = Object.keys(metrics);
    module.exports = function collectDefaultMetrics2(config) {
      if (config !== null && config !== void 0 && !isObject(config)) {
        throw new TypeError("config must be null, undefined, or an object");
      }
      config = { eventLoopMonitoringPrecision: 10, ...config };
      for (const metric of Object.values(metrics)) {
        metric(config.register, config);
      }
    };
    module.exports.metricsList = metricsList;
  }
});

// node_modules/prom-client/lib/metricAggregators.js
var require_metricAggregators = __commonJS({
  "node_modules/prom-client/lib/metricAggregators.js"(exports) {
    "use strict";
    var { Grouper, hashObject } = require_util();
    function AggregatorFactory(aggregatorFn) {
      return (metrics) => {
        if (metrics.length === 0) return;
        const result = {
          help: metrics[0].help,
          name: metrics[0].name,
          type: metrics[0].type,
          values: [],
          aggregator: metrics[0].aggregator
        };
        const byLabels = new Grouper();
        metrics.forEach((metric) => {
          metric.values.forEach((value) => {
            const key = hashObject(value.labels);
            byLabels.add(`${value.metricName}_${key}`, value);
          });
        });
        byLabels.forEach((values) => {
          if (values.length === 0) return;
          const valObj = {
            value: aggregatorFn(values),
            labels: values[0].labels
          };
          if (values[0].metricName) {
            valObj.metricName = values[0].metricName;
          }
          result.values.push(valObj);
        });
        return result;
      };
    }
    exports.AggregatorFactory = AggregatorFactory;
    exports.aggregators = {
      /**
       * @return The sum of values.
       */
      sum: AggregatorFactory((v) => v.reduce((p, c) => p + c.value, 0)),
      /**
       * @return The first value.
       */
      first: AggregatorFactory((v) => v[0].value),
      /**
       * @return {undefined} Undefined; omits the metric.
       */
      omit: () => {
      },
      /**
       * @return The arithmetic mean of the values.
       */
      average: AggregatorFactory(
        (v) => v.reduce((p, c) => p + c.value, 0) / v.length
      ),
      /**
       * @return The minimum of the values.
       */
      min: AggregatorFactory(
        (v) => v.reduce((p, c) => Math.min(p, c.value), Infinity)
      ),
      /**
       * @return The maximum of the values.
       */
      max: AggregatorFactory(
        (v) => v.reduce((p, c) => Math.max(p, c.value), -Infinity)
      )
    };
  }
});

// node_modules/prom-client/lib/cluster.js
var require_cluster = __commonJS({
  "node_modules/prom-client/lib/cluster.js"(exports, module) {
    "use strict";
    var Registry2 = require_registry();
    var { Grouper } = require_util();
    var { aggregators } = require_metricAggregators();
    var cluster = () => {
      const data = __require("cluster");
      cluster = () => data;
      return data;
    };
    var GET_METRICS_REQ = "prom-client:getMetricsReq";
    var GET_METRICS_RES = "prom-client:getMetricsRes";
    var registries = [Registry2.globalRegistry];
    var requestCtr = 0;
    var listenersAdded = false;
    var requests = /* @__PURE__ */ new Map();
    var AggregatorRegistry = class extends Registry2 {
      constructor(regContentType = Registry2.PROMETHEUS_CONTENT_TYPE) {
        super(regContentType);
        addListeners();
      }
      /**
       * Gets aggregated metrics for all workers. The optional callback and
       * returned Promise resolve with the same value; either may be used.
       * @return {Promise<string>} Promise that resolves with the aggregated
       *   metrics.
       */
      clusterMetrics() {
        const requestId = requestCtr++;
        return new Promise((resolve2, reject) => {
          let settled = false;
          function done(err, result) {
            if (settled) return;
            settled = true;
            if (err) reject(err);
            else resolve2(result);
          }
          const request = {
            responses: [],
            pending: 0,
            done,
            errorTimeout: setTimeout(() => {
              const err = new Error("Operation timed out.");
              request.done(err);
            }, 5e3)
          };
          requests.set(requestId, request);
          const message = {
            type: GET_METRICS_REQ,
            requestId
          };
          for (const id in cluster().workers) {
            if (cluster().workers[id].isConnected()) {
              cluster().workers[id].send(message);
              request.pending++;
            }
          }
          if (request.pending === 0) {
            clearTimeout(request.errorTimeout);
            process.nextTick(() => done(null, ""));
          }
        });
      }
      get contentType() {
        return super.contentType;
      }
      /**
       * Creates a new Registry instance from an array of metrics that were
       * created by `registry.getMetricsAsJSON()`. Metrics are aggregated using
       * the method specified by their `aggregator` property, or by summation if
       * `aggregator` is undefined.
       * @param {Array} metricsArr Array of metrics, each of which created by
       *   `registry.getMetricsAsJSON()`.
       * @param {string} registryType content type of the new registry. Defaults
       * to PROMETHEUS_CONTENT_TYPE.
       * @return {Registry} aggregated registry.
       */
      static aggregate(metricsArr, registryType = Registry2.PROMETHEUS_CONTENT_TYPE) {
        const aggregatedRegistry = new Registry2();
        const metricsByName = new Grouper();
        aggregatedRegistry.setContentType(registryType);
        metricsArr.forEach((metrics) => {
          metrics.forEach((metric) => {
            metricsByName.add(metric.name, metric);
          });
        });
        metricsByName.forEach((metrics) => {
          const aggregatorName = metrics[0].aggregator;
          const aggregatorFn = aggregators[aggregatorName];
          if (typeof aggregatorFn !== "function") {
            throw new Error(`'${aggregatorName}' is not a defined aggregator.`);
          }
          const aggregatedMetric = aggregatorFn(metrics);
          if (aggregatedMetric) {
            const aggregatedMetricWrapper = Object.assign(
              {
                get: () => aggregatedMetric
              },
              aggregatedMetric
            );
            aggregatedRegistry.registerMetric(aggregatedMetricWrapper);
          }
        });
        return aggregatedRegistry;
      }
      /**
       * Sets the registry or registries to be aggregated. Call from workers to
       * use a registry/registries other than the default global registry.
       * @param {Array<Registry>|Registry} regs Registry or registries to be
       *   aggregated.
       * @return {void}
       */
      static setRegistries(regs) {
        if (!Array.isArray(regs)) regs = [regs];
        regs.forEach((reg) => {
          if (!(reg instanceof Registry2)) {
            throw new TypeError(`Expected Registry, got ${typeof reg}`);
          }
        });
        registries = regs;
      }
    };
    function addListeners() {
      if (listenersAdded) return;
      listenersAdded = true;
      if (cluster().isMaster) {
        cluster().on("message", (worker, message) => {
          if (message.type === GET_METRICS_RES) {
            const request = requests.get(message.requestId);
            if (message.error) {
              request.done(new Error(message.error));
              return;
            }
            message.metrics.forEach((registry) => request.responses.push(registry));
            request.pending--;
            if (request.pending === 0) {
              requests.delete(message.requestId);
              clearTimeout(request.errorTimeout);
              const registry = AggregatorRegistry.aggregate(request.responses);
              const promString = registry.metrics();
              request.done(null, promString);
            }
          }
        });
      }
      if (cluster().isWorker) {
        process.on("message", (message) => {
          if (message.type === GET_METRICS_REQ) {
            Promise.all(registries.map((r) => r.getMetricsAsJSON())).then((metrics) => {
              process.send({
                type: GET_METRICS_RES,
                requestId: message.requestId,
                metrics
              });
            }).catch((error) => {
              process.send({
                type: GET_METRICS_RES,
                requestId: message.requestId,
                error: error.message
              });
            });
          }
        });
      }
    }
    module.exports = AggregatorRegistry;
  }
});

// node_modules/prom-client/index.js
var require_prom_client = __commonJS({
  "node_modules/prom-client/index.js"(exports) {
    "use strict";
    exports.register = require_registry().globalRegistry;
    exports.Registry = require_registry();
    Object.defineProperty(exports, "contentType", {
      configurable: false,
      enumerable: true,
      get() {
        return exports.register.contentType;
      },
      set(value) {
        exports.register.setContentType(value);
      }
    });
    exports.prometheusContentType = exports.Registry.PROMETHEUS_CONTENT_TYPE;
    exports.openMetricsContentType = exports.Registry.OPENMETRICS_CONTENT_TYPE;
    exports.validateMetricName = require_validation().validateMetricName;
    exports.Counter = require_counter();
    exports.Gauge = require_gauge();
    exports.Histogram = require_histogram();
    exports.Summary = require_summary();
    exports.Pushgateway = require_pushgateway();
    exports.linearBuckets = require_bucketGenerators().linearBuckets;
    exports.exponentialBuckets = require_bucketGenerators().exponentialBuckets;
    exports.collectDefaultMetrics = require_defaultMetrics();
    exports.aggregators = require_metricAggregators().aggregators;
    exports.AggregatorRegistry = require_cluster();
  }
});

// src/profile/mergeProfiles.ts
function mergeProfiles(a, b) {
  if (a.sketch_accuracy !== b.sketch_accuracy) {
    throw new ModelguardError(
      "profile",
      `cannot merge profiles built with sketch accuracy ${a.sketch_accuracy} and ${b.sketch_accuracy}`,
      "rebuild both with the same --sketch-accuracy"
    );
  }
  if (a.bins !== b.bins) {
    throw new ModelguardError(
      "profile",
      `cannot merge profiles with ${a.bins} and ${b.bins} PSI bins`,
      "rebuild both with the same --bins"
    );
  }
  const names = [...Object.keys(a.columns), ...Object.keys(b.columns).filter((n) => !(n in a.columns))];
  const columns = {};
  for (const name of names) {
    const ca = a.columns[name] ?? absentColumn(b.columns[name], a.rows, a.bins);
    const cb = b.columns[name] ?? absentColumn(a.columns[name], b.rows, a.bins);
    columns[name] = mergeColumn(name, ca, cb, a.bins);
  }
  return {
    kind: "modelguard.profile",
    version: 1,
    created_at: (/* @__PURE__ */ new Date()).toISOString(),
    sources: [...a.sources, ...b.sources],
    rows: a.rows + b.rows,
    sketch_accuracy: a.sketch_accuracy,
    bins: a.bins,
    columns
  };
}
function absentColumn(like, rows, bins) {
  const empty = { count: 0, missing: rows, invalid: 0 };
  switch (like.kind) {
    case "numeric":
      return numericProfileFrom(
        { type: like.type, ...empty, infinite: 0, min: null, max: null, finite: 0, mean: NaN, m2: 0 },
        new QuantileSketch(like.sketch.relative_accuracy),
        bins
      );
    case "categorical":
      return categoricalProfileFrom(like.type, /* @__PURE__ */ new Map(), rows, 0);
    case "text":
      return { kind: "text", type: "string", ...empty, min_length: null, max_length: null, mean_length: null };
    case "datetime":
      return { kind: "datetime", type: "datetime", ...empty, min: null, max: null };
  }
}
function mergeColumn(name, a, b, bins) {
  if (a.kind === "numeric" && b.kind === "numeric") return mergeNumeric(a, b, bins);
  if (a.kind === "categorical" && b.kind === "categorical") return mergeCategorical(a, b);
  if (a.kind === "datetime" && b.kind === "datetime") return mergeDatetime(a, b);
  const textual = (c) => c.kind === "text" || c.kind === "categorical" && c.type === "category";
  if (textual(a) && textual(b))
    return mergeText(a, b);
  throw new ModelguardError(
    "profile",
    `column '${name}' is ${a.kind} (${a.type}) in one profile and ${b.kind} (${b.type}) in the other`,
    "profile both shards with the same schema (modelguard profile --schema schema.yml) so types agree"
  );
}
function mergeNumeric(a, b, bins) {
  const sketch = QuantileSketch.fromJson(a.sketch);
  sketch.merge(QuantileSketch.fromJson(b.sketch));
  const na = a.count - a.infinite;
  const nb = b.count - b.infinite;
  const n = na + nb;
  const delta = (b.mean ?? 0) - (a.mean ?? 0);
  const mean2 = n === 0 ? NaN : na === 0 ? b.mean : nb === 0 ? a.mean : a.mean + delta * nb / n;
  const m2 = na === 0 ? b.m2 : nb === 0 ? a.m2 : a.m2 + b.m2 + delta * delta * na * nb / n;
  return numericProfileFrom(
    {
      type: a.type === "integer" && b.type === "integer" ? "integer" : "number",
      count: a.count + b.count,
      missing: a.missing + b.missing,
      invalid: a.invalid + b.invalid,
      infinite: a.infinite + b.infinite,
      min: minOf(a.min, b.min),
      max: maxOf(a.max, b.max),
      finite: n,
      mean: mean2,
      m2
    },
    sketch,
    bins
  );
}
function mergeCategorical(a, b) {
  const freq = /* @__PURE__ */ new Map();
  for (const p of [a, b])
    p.frequencies.values.forEach((v, i) => freq.set(v, (freq.get(v) ?? 0) + p.frequencies.counts[i]));
  const type = a.type === "boolean" && b.type === "boolean" ? "boolean" : "category";
  return categoricalProfileFrom(type, freq, a.missing + b.missing, a.invalid + b.invalid);
}
function mergeDatetime(a, b) {
  const pick2 = (x, y, f) => x === null ? y : y === null ? x : new Date(f(Date.parse(x), Date.parse(y))).toISOString();
  return {
    kind: "datetime",
    type: "datetime",
    count: a.count + b.count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    min: pick2(a.min, b.min, Math.min),
    max: pick2(a.max, b.max, Math.max)
  };
}
function mergeText(a, b) {
  const lengths = (p) => {
    if (p.kind === "text") return { min: p.min_length, max: p.max_length, total: (p.mean_length ?? 0) * p.count };
    const lens = p.frequencies.values.map((v) => [...v].length);
    let total = 0;
    lens.forEach((l, i) => total += l * p.frequencies.counts[i]);
    return { min: lens.length ? Math.min(...lens) : null, max: lens.length ? Math.max(...lens) : null, total };
  };
  const la = lengths(a);
  const lb = lengths(b);
  const count = a.count + b.count;
  return {
    kind: "text",
    type: "string",
    count,
    missing: a.missing + b.missing,
    invalid: a.invalid + b.invalid,
    min_length: minOf(la.min, lb.min),
    max_length: maxOf(la.max, lb.max),
    mean_length: count > 0 ? (la.total + lb.total) / count : null
  };
}
function minOf(x, y) {
  return x === null ? y : y === null ? x : Math.min(x, y);
}
function maxOf(x, y) {
  return x === null ? y : y === null ? x : Math.max(x, y);
}

// src/cli/commands/profile.ts
function registerProfile(program, io) {
  const cmd = program.command("profile").description("build the reference profile of a dataset (the reference for drift and the monitor)").option("--data <file>", "CSV, JSONL or Parquet file to profile").option("-o, --output <file>", "where to write profile.json").option(
    "--bins <n>",
    "reference-quantile bins for PSI",
    numberOption("--bins", { min: 2, max: 1e3, integer: true }),
    10
  ).option(
    "--sketch-accuracy <a>",
    "relative accuracy of numeric quantile sketches",
    numberOption("--sketch-accuracy", { min: 1e-6, max: 0.1 }),
    1e-3
  ).option(
    "--chunk-rows <n>",
    "rows per chunk when streaming",
    numberOption("--chunk-rows", { min: 1, integer: true }),
    65536
  ).option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the profile on stdout").action(async (flags) => {
    if (!flags.data)
      throw new ModelguardError(
        "usage",
        "profile needs --data FILE",
        "e.g. modelguard profile --data train.csv -o profile.json"
      );
    if (!flags.output && !flags.json)
      throw new ModelguardError(
        "usage",
        "profile needs -o FILE or --json",
        "e.g. modelguard profile --data train.csv -o profile.json"
      );
    const profile = await profileFile(flags);
    if (flags.output) writeProfile(flags.output, profile);
    if (flags.json) io.out(JSON.stringify(profile));
    else io.out(describeProfile(profile) + `
wrote ${flags.output}`);
  });
  cmd.command("merge").description("merge profiles of shards into the profile of their union").argument("<profiles...>", "profile files to merge").option("-o, --output <file>", "where to write the merged profile").option("--json", "print the merged profile on stdout").action((files, flags) => {
    if (files.length < 2) throw new ModelguardError("usage", "profile merge needs at least two profiles");
    if (!flags.output && !flags.json) throw new ModelguardError("usage", "profile merge needs -o FILE or --json");
    const merged = files.map(readProfile).reduce(mergeProfiles);
    if (flags.output) writeProfile(flags.output, merged);
    if (flags.json) io.out(JSON.stringify(merged));
    else io.out(describeProfile(merged) + `
wrote ${flags.output}`);
  });
}
async function profileFile(flags) {
  const options = { bins: flags.bins, sketchAccuracy: flags.sketchAccuracy, source: flags.data };
  const load = flags.delimiter ? { delimiter: flags.delimiter } : {};
  let profile;
  for await (const chunk of scanTable(flags.data, { ...load, chunkRows: flags.chunkRows })) {
    const p = buildProfile(chunk, options);
    profile = profile ? mergeProfiles(profile, p) : p;
  }
  if (!profile) profile = buildProfile(await loadTable(flags.data, load), options);
  return { ...profile, sources: [flags.data] };
}
function describeProfile(p) {
  const rows = Object.entries(p.columns).map(([name, c]) => {
    const summary = c.kind === "numeric" ? `mean ${fmt(c.mean)}, std ${fmt(c.std)}, min ${fmt(c.min)}, max ${fmt(c.max)}` : c.kind === "categorical" ? `${c.distinct} values, top ${c.frequencies.values.slice(0, 3).join(", ")}` : c.kind === "datetime" ? `${c.min ?? "-"} .. ${c.max ?? "-"}` : `length ${c.min_length ?? "-"}..${c.max_length ?? "-"}`;
    return [name, c.type, c.count, c.missing, summary];
  });
  return `${p.rows} rows, ${rows.length} columns
` + formatTable(["column", "type", "count", "missing", "summary"], rows);
}
function fmt(v) {
  return v === null ? "-" : Number.isInteger(v) ? String(v) : v.toPrecision(5);
}

// src/model/metrics/argmaxRows.ts
function argmaxRows(proba, classCount) {
  if (!Number.isInteger(classCount) || classCount < 1)
    throw new RangeError(`classCount must be >= 1, got ${classCount}`);
  if (proba.length % classCount !== 0)
    throw new RangeError(`proba has ${proba.length} values, not a multiple of ${classCount} classes`);
  const n = proba.length / classCount;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let best = 0;
    let bestValue = proba[base];
    for (let k = 1; k < classCount; k++) {
      const v = proba[base + k];
      if (v > bestValue || bestValue !== bestValue && v === v) {
        best = k;
        bestValue = v;
      }
    }
    out[i] = best;
  }
  return out;
}

// src/model/metrics/averagePrecision.ts
function averagePrecision(curve) {
  const { tps, fps, positives } = curve;
  if (positives === 0) return void 0;
  const m = tps.length;
  const recall = (k) => tps[k] / tps[m - 1];
  const precision = (k) => tps[k] / (tps[k] + fps[k]);
  const terms = new Float64Array(m);
  for (let j = 0; j < m - 1; j++) terms[j] = (recall(m - 2 - j) - recall(m - 1 - j)) * precision(m - 1 - j);
  terms[m - 1] = (0 - recall(0)) * precision(0);
  return -pairwiseSum(terms);
}

// src/model/metrics/binaryCurve.ts
function binaryCurve(scores, isPositive) {
  const n = scores.length;
  if (isPositive.length !== n) throw new RangeError(`${n} scores but ${isPositive.length} labels`);
  let positives = 0;
  for (let i2 = 0; i2 < n; i2++) if (isPositive[i2]) positives++;
  const pos = new Float64Array(positives);
  const neg = new Float64Array(n - positives);
  let a = 0;
  let b = 0;
  for (let i2 = 0; i2 < n; i2++) {
    const s = scores[i2];
    if (s !== s) throw new RangeError(`score at row ${i2} is NaN`);
    if (isPositive[i2]) pos[a++] = s;
    else neg[b++] = s;
  }
  const posSorted = radixSortFloat64(pos);
  const negSorted = radixSortFloat64(neg);
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let i = posSorted.length - 1;
  let j = negSorted.length - 1;
  let tp = 0;
  let fp = 0;
  let m = 0;
  while (i >= 0 || j >= 0) {
    let t;
    if (i < 0) t = negSorted[j];
    else if (j < 0) t = posSorted[i];
    else t = posSorted[i] > negSorted[j] ? posSorted[i] : negSorted[j];
    while (i >= 0 && posSorted[i] === t) {
      tp++;
      i--;
    }
    while (j >= 0 && negSorted[j] === t) {
      fp++;
      j--;
    }
    thresholds[m] = t;
    tps[m] = tp;
    fps[m] = fp;
    m++;
  }
  return {
    thresholds: thresholds.subarray(0, m),
    tps: tps.subarray(0, m),
    fps: fps.subarray(0, m),
    positives,
    negatives: n - positives
  };
}

// src/model/metrics/brierScore.ts
function brierScore(yTrue, proba, classCount, positiveIndex) {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = (yTrue[i] === positiveIndex ? 1 : 0) - proba[i * classCount + positiveIndex];
    terms[i] = d * d;
  }
  return pairwiseSum(terms) / n;
}

// src/model/metrics/confusionMatrix.ts
function confusionMatrix(yTrue, yPred, classCount) {
  if (yTrue.length !== yPred.length)
    throw new RangeError(`yTrue has ${yTrue.length} rows but yPred has ${yPred.length}`);
  const counts = new Float64Array(classCount * classCount);
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (!(t >= 0 && t < classCount && p >= 0 && p < classCount))
      throw new RangeError(`row ${i}: class index out of range 0..${classCount - 1} (true ${t}, predicted ${p})`);
    counts[t * classCount + p]++;
  }
  const out = [];
  for (let t = 0; t < classCount; t++) out.push(Array.from(counts.subarray(t * classCount, (t + 1) * classCount)));
  return out;
}

// src/model/metrics/expectedCalibrationError.ts
function expectedCalibrationError(yTrue, proba, classCount, bins = 10) {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const count = new Float64Array(bins);
  const correct = new Float64Array(bins);
  const confidence = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let top = 0;
    let conf = proba[base];
    for (let k = 1; k < classCount; k++) {
      if (proba[base + k] > conf) {
        conf = proba[base + k];
        top = k;
      }
    }
    const b = binOf(conf, bins);
    count[b]++;
    confidence[b] += conf;
    if (top === yTrue[i]) correct[b]++;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const c = count[b];
    if (c === 0) continue;
    ece += c / n * Math.abs(correct[b] / c - confidence[b] / c);
  }
  return ece;
}
function binOf(x, bins) {
  let b = Math.ceil(x * bins) - 1;
  if (b < 0) return 0;
  if (b > bins - 1) b = bins - 1;
  while (b > 0 && x <= b / bins) b--;
  while (b < bins - 1 && x > (b + 1) / bins) b++;
  return b;
}

// src/model/metrics/logLoss.ts
var LOG_LOSS_EPS = 2220446049250313e-31;
function logLoss(yTrue, proba, classCount) {
  const n = yTrue.length;
  if (proba.length !== n * classCount)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${classCount} classes`);
  const hi = 1 - LOG_LOSS_EPS;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * classCount;
    let rowSum = 0;
    for (let k = 0; k < classCount; k++) rowSum += clip(proba[base + k], LOG_LOSS_EPS, hi);
    const t = yTrue[i];
    if (!(t >= 0 && t < classCount)) throw new RangeError(`row ${i}: class index ${t} out of range`);
    losses[i] = -Math.log(clip(proba[base + t], LOG_LOSS_EPS, hi) / rowSum);
  }
  return pairwiseSum(losses) / n;
}
function clip(x, lo, hi) {
  return x < lo ? lo : x > hi ? hi : x;
}

// src/model/metrics/perClassScores.ts
function perClassScores(confusion) {
  const c = confusion.length;
  const out = { precision: [], recall: [], f1: [], support: [], predicted: [] };
  for (let k = 0; k < c; k++) {
    const row = confusion[k];
    if (row.length !== c) throw new RangeError(`confusion matrix row ${k} has ${row.length} columns, expected ${c}`);
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < c; j++) {
      support += row[j];
      predicted += confusion[j][k];
    }
    const tp = row[k];
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const denom = precision + recall;
    out.precision.push(precision);
    out.recall.push(recall);
    out.f1.push(denom === 0 ? 0 : 2 * precision * recall / denom);
    out.support.push(support);
    out.predicted.push(predicted);
  }
  return out;
}

// src/model/metrics/rocAuc.ts
function rocAuc(curve) {
  const { tps, fps, positives, negatives } = curve;
  if (positives === 0 || negatives === 0) return void 0;
  let area2 = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < tps.length; k++) {
    const tp = tps[k];
    const fp = fps[k];
    area2 += (fp - prevFp) * (tp + prevTp);
    prevTp = tp;
    prevFp = fp;
  }
  return area2 / (2 * positives * negatives);
}

// src/model/metrics/classificationMetrics.ts
var PROBABILITY_METRICS = ["roc_auc", "pr_auc", "log_loss", "brier", "ece"];
function classificationMetrics(input) {
  const { yTrue, proba, classes } = input;
  const c = classes.length;
  const n = yTrue.length;
  if (c < 2) throw new RangeError(`classification needs at least 2 classes, got ${c}`);
  if (n === 0) throw new RangeError("classification metrics need at least one row");
  for (let i = 0; i < n; i++) {
    const t = yTrue[i];
    if (!(t >= 0 && t < c)) throw new RangeError(`yTrue row ${i}: class index ${t} out of range 0..${c - 1}`);
  }
  if (proba !== void 0) checkProba(proba, n, c);
  const yPred = input.yPred ?? (proba === void 0 ? void 0 : argmaxRows(proba, c));
  if (yPred === void 0) throw new RangeError("classification metrics need yPred or proba");
  if (yPred.length !== n) throw new RangeError(`yTrue has ${n} rows but yPred has ${yPred.length}`);
  const binary = c === 2;
  const positive = input.positiveIndex ?? 1;
  if (input.positiveIndex !== void 0 && !binary)
    throw new RangeError("positiveIndex applies to binary problems only (C = 2)");
  if (positive !== 0 && positive !== 1) throw new RangeError(`positiveIndex must be 0 or 1, got ${positive}`);
  const confusion = confusionMatrix(yTrue, yPred, c);
  const s = perClassScores(confusion);
  const metrics = {};
  const notes = [];
  let correct = 0;
  for (let k = 0; k < c; k++) correct += confusion[k][k];
  metrics.accuracy = correct / n;
  const presentRecalls = [];
  for (let k = 0; k < c; k++) if (s.support[k] > 0) presentRecalls.push(s.recall[k]);
  metrics.balanced_accuracy = mean(presentRecalls);
  if (binary) {
    metrics.precision = s.precision[positive];
    metrics.recall = s.recall[positive];
    metrics.f1 = s.f1[positive];
  }
  const labels = [];
  for (let k = 0; k < c; k++) if (s.support[k] > 0 || s.predicted[k] > 0) labels.push(k);
  metrics.precision_macro = mean(labels.map((k) => s.precision[k]));
  metrics.recall_macro = mean(labels.map((k) => s.recall[k]));
  metrics.f1_macro = mean(labels.map((k) => s.f1[k]));
  metrics.f1_weighted = pairwiseSum(Float64Array.from(labels, (k) => s.f1[k] * s.support[k])) / pairwiseSum(Float64Array.from(labels, (k) => s.support[k]));
  if (proba === void 0) {
    for (const metric of PROBABILITY_METRICS)
      if (binary || metric !== "brier")
        notes.push({ metric, reason: "no probabilities: the model outputs labels only" });
  } else {
    rankingMetrics(yTrue, proba, classes, binary ? positive : -1, metrics, notes);
    metrics.log_loss = logLoss(yTrue, proba, c);
    if (binary) metrics.brier = brierScore(yTrue, proba, c, positive);
    metrics.ece = expectedCalibrationError(yTrue, proba, c, 10);
  }
  const per_class = classes.map((label, k) => ({
    label,
    precision: s.precision[k],
    recall: s.recall[k],
    f1: s.f1[k],
    support: s.support[k]
  }));
  return { metrics, per_class, confusion_matrix: confusion, notes };
}
function rankingMetrics(yTrue, proba, classes, positive, metrics, notes) {
  const c = classes.length;
  const n = yTrue.length;
  const targets = positive >= 0 ? [positive] : classes.map((_, k) => k);
  const rocs = [];
  const aps = [];
  const noPositives = [];
  const scores = new Float64Array(n);
  const isPositive = new Uint8Array(n);
  for (const k of targets) {
    for (let i = 0; i < n; i++) {
      scores[i] = proba[i * c + k];
      isPositive[i] = yTrue[i] === k ? 1 : 0;
    }
    const curve = binaryCurve(scores, isPositive);
    const roc = rocAuc(curve);
    const ap = averagePrecision(curve);
    if (curve.positives === 0) noPositives.push(classes[k]);
    if (roc !== void 0) rocs.push(roc);
    if (ap !== void 0) aps.push(ap);
  }
  const supports = new Float64Array(c);
  for (let i = 0; i < n; i++) supports[yTrue[i]]++;
  const present = classes.filter((_, k) => supports[k] > 0);
  if (rocs.length === targets.length) metrics.roc_auc = mean(rocs);
  else if (present.length === 1)
    notes.push({ metric: "roc_auc", reason: `only one class (${present[0]}) present in yTrue` });
  else
    notes.push({
      metric: "roc_auc",
      reason: `one-vs-rest ROC AUC is undefined for classes absent from yTrue: ${noPositives.join(", ")}`
    });
  if (aps.length === targets.length) metrics.pr_auc = mean(aps);
  else if (positive >= 0)
    notes.push({ metric: "pr_auc", reason: `positive class (${classes[positive]}) absent from yTrue` });
  else
    notes.push({
      metric: "pr_auc",
      reason: `average precision is undefined for classes absent from yTrue: ${noPositives.join(", ")}`
    });
  if (positive < 0 && metrics.roc_auc !== void 0) {
    let worst = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let k = 0; k < c; k++) sum += proba[i * c + k];
      if (Math.abs(1 - sum) > 1e-8 + 1e-5 * Math.abs(sum)) worst = Math.max(worst, Math.abs(1 - sum));
    }
    if (worst > 0)
      notes.push({
        metric: "roc_auc",
        reason: `probability rows do not sum to 1 (off by up to ${worst.toPrecision(3)}); scores ranked as given`
      });
  }
}
function checkProba(proba, n, c) {
  if (proba.length !== n * c)
    throw new RangeError(`proba has ${proba.length} values, expected ${n} rows x ${c} classes (row-major)`);
  for (let i = 0; i < proba.length; i++) {
    const p = proba[i];
    if (!(p >= 0 && p <= 1))
      throw new RangeError(`proba row ${Math.floor(i / c)}, class ${i % c}: ${p} is not a probability in [0, 1]`);
  }
}
function mean(values) {
  return pairwiseSum(Float64Array.from(values)) / values.length;
}

// src/model/metrics/regressionMetrics.ts
var EPS = 2220446049250313e-31;
function regressionMetrics(yTrue, yPred) {
  const n = yTrue.length;
  if (yPred.length !== n) throw new RangeError(`yTrue has ${n} rows but yPred has ${yPred.length}`);
  if (n === 0) throw new RangeError("regression metrics need at least one row");
  const sq = new Float64Array(n);
  const abs = new Float64Array(n);
  const pct = new Float64Array(n);
  let constant = true;
  const first = yTrue[0];
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    const p = yPred[i];
    if (!Number.isFinite(y) || !Number.isFinite(p))
      throw new RangeError(`row ${i}: values must be finite (yTrue ${y}, yPred ${p})`);
    const d = y - p;
    sq[i] = d * d;
    abs[i] = Math.abs(p - y);
    pct[i] = abs[i] / Math.max(Math.abs(y), EPS);
    if (y !== first) constant = false;
  }
  const sse = pairwiseSum(sq);
  const mse = sse / n;
  const metrics = {
    mse,
    rmse: Math.sqrt(mse),
    mae: pairwiseSum(abs) / n
  };
  const notes = [];
  if (n < 2) {
    notes.push({ metric: "r2", reason: "R^2 is not defined with fewer than two rows" });
  } else {
    let denominator = 0;
    if (!constant) {
      const mean2 = pairwiseSum(yTrue) / n;
      const dev = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const d = yTrue[i] - mean2;
        dev[i] = d * d;
      }
      denominator = pairwiseSum(dev);
    }
    metrics.r2 = sse === 0 ? 1 : denominator === 0 ? 0 : 1 - sse / denominator;
    if (denominator === 0)
      notes.push({ metric: "r2", reason: "yTrue is constant: R^2 set to 1 for perfect predictions, else 0" });
  }
  metrics.mape = pairwiseSum(pct) / n;
  abs.sort();
  const mid = n >> 1;
  metrics.median_ae = n % 2 === 1 ? abs[mid] : (abs[mid - 1] + abs[mid]) / 2;
  return { metrics, notes };
}

// src/stats/mcnemarExact.ts
function mcnemarExact(b, c) {
  if (!(Number.isInteger(b) && Number.isInteger(c) && b >= 0 && c >= 0)) {
    throw new RangeError(`mcnemarExact: counts must be non-negative integers, got ${b}, ${c}`);
  }
  const n = b + c;
  const k = Math.min(b, c);
  if (k === n) return 1;
  let term = 1;
  let tail = 1;
  for (let i = k; i >= 1; i--) {
    term *= i / (n - i + 1);
    tail += term;
    if (term < tail * 1e-17) break;
  }
  const p = 2 * halfBinomialPmf(k, n) * tail;
  return p > 1 ? 1 : p;
}
function halfBinomialPmf(k, n) {
  if (k === 0) return Math.pow(0.5, n);
  const half = n / 2;
  const lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - binomialDeviance(k, half) - binomialDeviance(n - k, half);
  return Math.exp(lc) * Math.sqrt(n / (2 * Math.PI * k * (n - k)));
}

// src/compare/metricDirection.ts
var METRIC_DIRECTIONS = {
  accuracy: "higher",
  balanced_accuracy: "higher",
  precision: "higher",
  recall: "higher",
  f1: "higher",
  precision_macro: "higher",
  recall_macro: "higher",
  f1_macro: "higher",
  f1_weighted: "higher",
  roc_auc: "higher",
  pr_auc: "higher",
  r2: "higher",
  log_loss: "lower",
  brier: "lower",
  ece: "lower",
  mse: "lower",
  rmse: "lower",
  mae: "lower",
  mape: "lower",
  median_ae: "lower"
};
var DEFAULT_COMPARED_METRICS = {
  binary: ["accuracy", "balanced_accuracy", "f1", "roc_auc", "pr_auc", "log_loss", "brier"],
  multiclass: ["accuracy", "balanced_accuracy", "f1_macro", "f1_weighted", "roc_auc", "log_loss"],
  regression: ["rmse", "mae", "r2", "mape"]
};

// src/compare/gates.ts
var GATES_FILE_KEYS = ["$schema", "version", "gates", "confidence", "resamples", "seed"];
var DEFAULT_GATE_POLICY = { confidence: 0.95, resamples: 2e3, seed: 0 };
function readGatePolicy(path) {
  const value = readYamlFile(path, "config", "gates file");
  if (value === null || typeof value !== "object") {
    throw new ModelguardError(
      "config",
      `${path}: expected a mapping with a gates: section`,
      "see schemas/gates.schema.json",
      { file: path }
    );
  }
  const isProjectConfig = Object.keys(value).some((k) => !GATES_FILE_KEYS.includes(k));
  const problems = validateContract(isProjectConfig ? "config.schema.json" : "gates.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "config",
      `${path}: ${problems.slice(0, 5).join("; ")}`,
      "see schemas/gates.schema.json",
      { file: path }
    );
  }
  return gatePolicyFrom(value, path);
}
function gatePolicyFrom(raw, source = "gates") {
  const gates = [];
  for (const [metric, g] of Object.entries(raw.gates ?? {})) {
    const known = METRIC_DIRECTIONS[metric];
    const direction = g.direction ?? known;
    if (!direction) {
      const guess = didYouMean(metric, Object.keys(METRIC_DIRECTIONS));
      throw new ModelguardError(
        "config",
        `${source}: gates.${metric}: unknown metric${guess ? ` (did you mean '${guess}'?)` : ""}`,
        "use a built-in metric name, or add `direction: higher` / `direction: lower` for a metric of your own metrics.json"
      );
    }
    const wrong = direction === "lower" ? ["max_drop", "max_relative_drop"].filter((k) => g[k] !== void 0) : ["max_increase", "max_relative_increase"].filter((k) => g[k] !== void 0);
    if (wrong.length > 0) {
      const fix = direction === "lower" ? wrong[0].replace("drop", "increase") : wrong[0].replace("increase", "drop");
      throw new ModelguardError(
        "config",
        `${source}: gates.${metric}.${wrong[0]}: ${metric} is ${direction === "lower" ? "lower" : "higher"}-is-better, so it cannot ${direction === "lower" ? "drop" : "increase"} into a regression`,
        `use ${fix} for ${metric}`
      );
    }
    if (g.min !== void 0 && g.max !== void 0 && g.min > g.max) {
      throw new ModelguardError("config", `${source}: gates.${metric}: min ${g.min} is above max ${g.max}`);
    }
    const { direction: _d, on_fail, ...rules } = g;
    gates.push({ metric, direction, on_fail: on_fail ?? "fail", ...rules });
  }
  return {
    gates,
    confidence: raw.confidence ?? DEFAULT_GATE_POLICY.confidence,
    resamples: raw.resamples ?? DEFAULT_GATE_POLICY.resamples,
    seed: raw.seed ?? DEFAULT_GATE_POLICY.seed
  };
}
function describeGate(g) {
  const keys = [
    "min",
    "max",
    "max_drop",
    "max_relative_drop",
    "max_increase",
    "max_relative_increase",
    "min_gain"
  ];
  const parts = keys.filter((k) => g[k] !== void 0).map((k) => `${k} ${g[k]}`);
  if (g.on_fail === "warn") parts.push("(warn only)");
  return parts.join(", ");
}

// src/stats/seededRandom.ts
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// src/compare/pairedBootstrap.ts
function pairedBootstrap(rows, metrics, options) {
  const random = seededRandom(options.seed);
  const counts = new Float64Array(rows);
  const deltas = metrics.map(() => new Float64Array(options.resamples));
  const relatives = metrics.map(() => new Float64Array(options.resamples));
  const filled = metrics.map(() => 0);
  const relativeOk = metrics.map(() => true);
  for (let r = 0; r < options.resamples; r++) {
    counts.fill(0);
    for (let i = 0; i < rows; i++) counts[Math.floor(random() * rows)]++;
    metrics.forEach((m, k) => {
      const c = m.candidate.evaluate(counts);
      const b = m.baseline.evaluate(counts);
      if (!Number.isFinite(c) || !Number.isFinite(b)) return;
      const j = filled[k]++;
      deltas[k][j] = c - b;
      if (b === 0) relativeOk[k] = false;
      else relatives[k][j] = (c - b) / Math.abs(b);
    });
  }
  const lower = (1 - options.confidence) / 2;
  const upper = 1 - lower;
  const out = /* @__PURE__ */ new Map();
  metrics.forEach((m, k) => {
    const n = filled[k];
    if (n === 0) {
      out.set(m.name, { delta: [NaN, NaN], relative: null, undefinedResamples: options.resamples });
      return;
    }
    const d = deltas[k].subarray(0, n);
    radixSortFloat64InPlace(d);
    const rel = relatives[k].subarray(0, n);
    if (relativeOk[k]) radixSortFloat64InPlace(rel);
    out.set(m.name, {
      delta: [quantileSorted(d, lower), quantileSorted(d, upper)],
      relative: relativeOk[k] ? [quantileSorted(rel, lower), quantileSorted(rel, upper)] : null,
      undefinedResamples: options.resamples - n
    });
  });
  return out;
}

// src/compare/resampledMetric.ts
var CLASSIFICATION = [
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "f1_weighted",
  "roc_auc",
  "pr_auc",
  "log_loss",
  "brier",
  "ece"
];
var REGRESSION = ["mse", "rmse", "mae", "r2", "mape", "median_ae"];
var BINARY_ONLY = /* @__PURE__ */ new Set(["precision", "recall", "f1", "brier"]);
var NEEDS_PROBA = /* @__PURE__ */ new Set(["roc_auc", "pr_auc", "log_loss", "brier", "ece"]);
function resampledMetricNames(p) {
  if (p.task === "regression") return [...REGRESSION];
  return CLASSIFICATION.filter(
    (m) => (p.task === "binary" || !BINARY_ONLY.has(m)) && (p.proba !== void 0 || !NEEDS_PROBA.has(m))
  );
}
function prepareResampledMetric(name, p) {
  if (!resampledMetricNames(p).includes(name)) return null;
  const evaluate = p.task === "regression" ? regression(name, p) : classification(name, p);
  return { name, evaluate };
}
function classification(name, p) {
  const C = p.classes.length;
  const { yTrue, yPred } = p;
  const n = p.rowCount;
  const pos = p.positiveIndex ?? 1;
  const confusion = (w) => {
    const m = new Float64Array(C * C);
    for (let i = 0; i < n; i++) m[yTrue[i] * C + yPred[i]] += w[i];
    return m;
  };
  const perClass = (m) => {
    const tp = new Float64Array(C);
    const truth = new Float64Array(C);
    const predicted = new Float64Array(C);
    for (let t = 0; t < C; t++) {
      for (let q = 0; q < C; q++) {
        const v = m[t * C + q];
        truth[t] += v;
        predicted[q] += v;
        if (t === q) tp[t] = v;
      }
    }
    const precision = tp.map((x, k) => predicted[k] > 0 ? x / predicted[k] : 0);
    const recall = tp.map((x, k) => truth[k] > 0 ? x / truth[k] : 0);
    const f1 = tp.map((x, k) => truth[k] + predicted[k] > 0 ? 2 * x / (truth[k] + predicted[k]) : 0);
    return { tp, truth, predicted, precision, recall, f1 };
  };
  const macro = (values, s) => {
    let sum = 0;
    let k = 0;
    for (let c = 0; c < C; c++) {
      if (s.truth[c] + s.predicted[c] === 0) continue;
      sum += values[c];
      k++;
    }
    return k > 0 ? sum / k : NaN;
  };
  const total = (w) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i];
    return s;
  };
  switch (name) {
    case "accuracy":
      return (w) => {
        let right = 0;
        for (let i = 0; i < n; i++) if (yTrue[i] === yPred[i]) right += w[i];
        return right / total(w);
      };
    case "balanced_accuracy":
      return (w) => {
        const s = perClass(confusion(w));
        let sum = 0;
        let k = 0;
        for (let c = 0; c < C; c++) {
          if (s.truth[c] === 0) continue;
          sum += s.recall[c];
          k++;
        }
        return sum / k;
      };
    case "precision":
    case "recall":
    case "f1":
      return (w) => perClass(confusion(w))[name][pos];
    case "precision_macro":
    case "recall_macro":
    case "f1_macro":
      return (w) => {
        const s = perClass(confusion(w));
        return macro(s[name.replace("_macro", "")], s);
      };
    case "f1_weighted":
      return (w) => {
        const s = perClass(confusion(w));
        let sum = 0;
        let support = 0;
        for (let c = 0; c < C; c++) {
          sum += s.f1[c] * s.truth[c];
          support += s.truth[c];
        }
        return sum / support;
      };
    case "log_loss": {
      const losses = new Float64Array(n);
      for (let i = 0; i < n; i++)
        losses[i] = logLoss(yTrue.subarray(i, i + 1), p.proba.subarray(i * C, (i + 1) * C), C);
      return (w) => weightedMean(losses, w);
    }
    case "brier": {
      const sq = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const y = yTrue[i] === pos ? 1 : 0;
        sq[i] = (y - p.proba[i * C + pos]) ** 2;
      }
      return (w) => weightedMean(sq, w);
    }
    case "ece": {
      const bin = new Int32Array(n);
      const conf = new Float64Array(n);
      const right = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        let top = 0;
        let c = p.proba[i * C];
        for (let k = 1; k < C; k++) {
          if (p.proba[i * C + k] > c) {
            c = p.proba[i * C + k];
            top = k;
          }
        }
        bin[i] = binOf(c, 10);
        conf[i] = c;
        right[i] = top === yTrue[i] ? 1 : 0;
      }
      return (w) => {
        const count = new Float64Array(10);
        const correct = new Float64Array(10);
        const confidence = new Float64Array(10);
        let all = 0;
        for (let i = 0; i < n; i++) {
          const wi = w[i];
          if (wi === 0) continue;
          const b = bin[i];
          count[b] += wi;
          confidence[b] += wi * conf[i];
          if (right[i]) correct[b] += wi;
          all += wi;
        }
        let ece = 0;
        for (let b = 0; b < 10; b++) {
          if (count[b] === 0) continue;
          ece += count[b] / all * Math.abs(correct[b] / count[b] - confidence[b] / count[b]);
        }
        return ece;
      };
    }
    case "roc_auc":
    case "pr_auc": {
      const targets = p.task === "binary" ? [pos] : Array.from({ length: C }, (_, k) => k);
      const curves = targets.map((k) => rankedRows(p.proba, C, k, yTrue));
      const one = name === "roc_auc" ? weightedRocAuc : weightedAveragePrecision;
      return (w) => {
        let sum = 0;
        for (const c of curves) {
          const v = one(c, w);
          if (Number.isNaN(v)) return NaN;
          sum += v;
        }
        return sum / curves.length;
      };
    }
  }
  throw new Error(`no resampled metric ${name}`);
}
function rankedRows(proba, C, k, yTrue) {
  const n = yTrue.length;
  const score = new Float64Array(n);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    score[i] = proba[i * C + k];
    positive[i] = yTrue[i] === k ? 1 : 0;
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a]);
  return { order, score, positive };
}
function weightedRocAuc(r, w) {
  let P = 0;
  let N = 0;
  for (let i = 0; i < r.order.length; i++) {
    const wi = w[i];
    if (r.positive[i]) P += wi;
    else N += wi;
  }
  if (P === 0 || N === 0) return NaN;
  let tp = 0;
  let fp = 0;
  let area = 0;
  let j = 0;
  const n = r.order.length;
  while (j < n) {
    const s = r.score[r.order[j]];
    const tp0 = tp;
    const fp0 = fp;
    while (j < n && r.score[r.order[j]] === s) {
      const i = r.order[j];
      if (r.positive[i]) tp += w[i];
      else fp += w[i];
      j++;
    }
    area += (fp - fp0) * (tp + tp0) / 2;
  }
  return area / (P * N);
}
function weightedAveragePrecision(r, w) {
  let P = 0;
  for (let i = 0; i < r.order.length; i++) if (r.positive[i]) P += w[i];
  if (P === 0) return NaN;
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  let j = 0;
  const n = r.order.length;
  while (j < n) {
    const s = r.score[r.order[j]];
    while (j < n && r.score[r.order[j]] === s) {
      const i = r.order[j];
      if (r.positive[i]) tp += w[i];
      else fp += w[i];
      j++;
    }
    if (tp + fp === 0) continue;
    const recall = tp / P;
    ap += (recall - prevRecall) * (tp / (tp + fp));
    prevRecall = recall;
  }
  return ap;
}
function regression(name, p) {
  const n = p.rowCount;
  const err = new Float64Array(n);
  for (let i = 0; i < n; i++) err[i] = p.yPred[i] - p.yTrue[i];
  switch (name) {
    case "mse":
    case "rmse": {
      const sq = err.map((e) => e * e);
      return name === "mse" ? (w) => weightedMean(sq, w) : (w) => Math.sqrt(weightedMean(sq, w));
    }
    case "mae": {
      const abs = err.map(Math.abs);
      return (w) => weightedMean(abs, w);
    }
    case "mape": {
      const ape = err.map((e, i) => Math.abs(e) / Math.max(Math.abs(p.yTrue[i]), Number.EPSILON));
      return (w) => weightedMean(ape, w);
    }
    case "r2":
      return (w) => {
        let sw = 0;
        let sy = 0;
        for (let i = 0; i < n; i++) {
          sw += w[i];
          sy += w[i] * p.yTrue[i];
        }
        const mean2 = sy / sw;
        let ssRes = 0;
        let ssTot = 0;
        for (let i = 0; i < n; i++) {
          ssRes += w[i] * err[i] * err[i];
          ssTot += w[i] * (p.yTrue[i] - mean2) ** 2;
        }
        if (ssTot === 0) return ssRes === 0 ? 1 : 0;
        return 1 - ssRes / ssTot;
      };
    case "median_ae": {
      const abs = err.map(Math.abs);
      const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => abs[a] - abs[b]);
      return (w) => {
        let total = 0;
        for (let i = 0; i < n; i++) total += w[i];
        const lo = Math.floor((total - 1) / 2);
        const hi = Math.floor(total / 2);
        let seen = 0;
        let a = NaN;
        for (let j = 0; j < n; j++) {
          const i = order[j];
          const wi = w[i];
          if (wi === 0) continue;
          if (Number.isNaN(a) && seen + wi > lo) a = abs[i];
          if (seen + wi > hi) return (a + abs[i]) / 2;
          seen += wi;
        }
        return NaN;
      };
    }
  }
  throw new Error(`no resampled metric ${name}`);
}
function weightedMean(x, w) {
  let s = 0;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i];
    if (wi === 0) continue;
    s += wi * x[i];
    t += wi;
  }
  return s / t;
}

// src/compare/compareModels.ts
function compareModels(input) {
  const started = Date.now();
  const candidate = input.candidate;
  const baseline = alignClasses(candidate, input.baseline);
  const rows = candidate.rowCount;
  const task = candidate.task;
  const names = metricNames(task, input.policy.gates, input.metrics);
  const pointC = pointMetrics(candidate);
  const pointB = pointMetrics(baseline);
  const notes = [];
  const paired = names.flatMap((name) => {
    const c = prepareResampledMetric(name, candidate);
    const b = prepareResampledMetric(name, baseline);
    return c && b ? [{ name, candidate: c, baseline: b }] : [];
  });
  const intervals = pairedBootstrap(rows, paired, input.policy);
  for (const [name, iv] of intervals) {
    if (iv.undefinedResamples > 0) {
      notes.push(
        `${name}: undefined on ${iv.undefinedResamples} of ${input.policy.resamples} resamples (e.g. a class missing), left out of its interval`
      );
    }
  }
  const metrics = names.map((name) => {
    const gate = input.policy.gates.find((g) => g.metric === name);
    const b = pointB[name] ?? null;
    const c = pointC[name] ?? null;
    const iv = intervals.get(name);
    const entry = judge(name, gate, b, c, iv ?? null, input.policy.confidence);
    if (name === "accuracy" && task !== "regression")
      entry.mcnemar = mcnemar(candidate, baseline);
    return entry;
  });
  for (const g of input.policy.gates) {
    if (pointC[g.metric] === void 0)
      notes.push(
        `gate on ${g.metric}: the metric is not available for these models (${task}${"proba" in candidate && !candidate.proba ? ", labels only" : ""})`
      );
  }
  const { verdict, reason } = verdictOf(metrics, input.policy, rows, true);
  return {
    kind: "modelguard.comparison",
    version: 1,
    verdict,
    reason,
    task,
    paired: true,
    confidence: input.policy.confidence,
    resamples: input.policy.resamples,
    seed: input.policy.seed,
    rows,
    data: input.data,
    candidate: input.candidateSide,
    baseline: input.baselineSide,
    metrics,
    notes,
    duration_ms: Date.now() - started
  };
}
function metricNames(task, gates, extra) {
  return [.../* @__PURE__ */ new Set([...gates.map((g) => g.metric), ...extra ?? DEFAULT_COMPARED_METRICS[task]])];
}
function pointMetrics(p) {
  if (p.task === "regression") return regressionMetrics(p.yTrue, p.yPred).metrics;
  return classificationMetrics({
    yTrue: p.yTrue,
    yPred: p.yPred,
    ...p.proba ? { proba: p.proba } : {},
    classes: p.classes,
    ...p.task === "binary" ? { positiveIndex: p.positiveIndex ?? 1 } : {}
  }).metrics;
}
function judge(name, gate, baseline, candidate, iv, confidence) {
  const direction = gate?.direction ?? METRIC_DIRECTIONS[name] ?? "higher";
  const delta = baseline !== null && candidate !== null ? candidate - baseline : null;
  const ci = iv && Number.isFinite(iv.delta[0]) ? iv.delta : null;
  const entry = {
    name,
    direction,
    baseline,
    candidate,
    delta,
    ci,
    rule: gate ? describeGate(gate) : null,
    checks: [],
    status: null,
    passed: null
  };
  if (!gate) return entry;
  const pct = `${Math.round(confidence * 100)}%`;
  const checks = [];
  const add = (kind, threshold, measured, ok, what) => {
    const passed = measured !== null && Number.isFinite(measured) && ok(measured);
    checks.push({
      kind,
      threshold,
      measured: measured !== null && Number.isFinite(measured) ? measured : null,
      passed,
      description: what
    });
  };
  const relative = (d) => d !== null && baseline ? d / Math.abs(baseline) : null;
  const worseLow = ci ? ci[0] : delta;
  const worseHigh = ci ? ci[1] : delta;
  const relLow = iv?.relative && ci ? iv.relative[0] : relative(delta);
  const relHigh = iv?.relative && ci ? iv.relative[1] : relative(delta);
  const bound = (lowOrHigh) => ci ? ` (${lowOrHigh} bound of the ${pct} interval)` : " (point estimate)";
  if (gate.min !== void 0) add("min", gate.min, candidate, (m) => m >= gate.min, `${name} >= ${gate.min}`);
  if (gate.max !== void 0) add("max", gate.max, candidate, (m) => m <= gate.max, `${name} <= ${gate.max}`);
  if (gate.max_drop !== void 0)
    add(
      "max_drop",
      gate.max_drop,
      worseLow,
      (m) => m >= -gate.max_drop,
      `${name}: change >= -${gate.max_drop}${bound("lower")}`
    );
  if (gate.max_relative_drop !== void 0)
    add(
      "max_relative_drop",
      gate.max_relative_drop,
      relLow,
      (m) => m >= -gate.max_relative_drop,
      `${name}: relative change >= -${gate.max_relative_drop}${bound("lower")}`
    );
  if (gate.max_increase !== void 0)
    add(
      "max_increase",
      gate.max_increase,
      worseHigh,
      (m) => m <= gate.max_increase,
      `${name}: change <= +${gate.max_increase}${bound("upper")}`
    );
  if (gate.max_relative_increase !== void 0)
    add(
      "max_relative_increase",
      gate.max_relative_increase,
      relHigh,
      (m) => m <= gate.max_relative_increase,
      `${name}: relative change <= +${gate.max_relative_increase}${bound("upper")}`
    );
  if (gate.min_gain !== void 0) {
    const gain = direction === "higher" ? worseLow : worseHigh === null ? null : -worseHigh;
    add(
      "min_gain",
      gate.min_gain,
      gain,
      (m) => m >= gate.min_gain,
      `${name}: improvement >= ${gate.min_gain}${bound(direction === "higher" ? "lower" : "upper")}`
    );
  }
  entry.checks = checks;
  entry.status = checks.every((c) => c.passed) ? "pass" : gate.on_fail;
  entry.passed = entry.status === "pass";
  return entry;
}
function verdictOf(metrics, policy, rows, paired) {
  const gated = metrics.filter((m) => m.status !== null);
  const failed = gated.filter((m) => m.status === "fail");
  const warned = gated.filter((m) => m.status === "warn");
  const pct = `${Math.round(policy.confidence * 100)}%`;
  if (failed.length > 0) return { verdict: "fail", reason: failureReason(failed[0], pct) + more(failed.length) };
  if (warned.length > 0)
    return { verdict: "warn", reason: "advisory gate: " + failureReason(warned[0], pct) + more(warned.length) };
  if (gated.length === 0) return { verdict: "pass", reason: "no gates configured: metrics compared, nothing enforced" };
  const how = paired ? `at ${pct} confidence on ${rows} paired rows` : "on point values (no paired rows)";
  return { verdict: "pass", reason: `all ${gated.length} gate${gated.length > 1 ? "s" : ""} pass ${how}` };
}
function failureReason(m, pct) {
  const check = m.checks.find((c) => !c.passed);
  const fmt3 = (x) => x === null || !Number.isFinite(x) ? "n/a" : (Math.round(x * 1e4) / 1e4).toString();
  const signed = (x) => (x !== null && x > 0 ? "+" : "") + fmt3(x);
  if (check.kind === "min" || check.kind === "max") {
    return `${m.name} is ${fmt3(m.candidate)}, ${check.kind === "min" ? "below the minimum" : "above the maximum"} ${check.threshold}`;
  }
  const interval = m.ci ? ` (${pct} interval ${signed(m.ci[0])} to ${signed(m.ci[1])})` : "";
  if (check.kind === "min_gain")
    return `${m.name} did not improve by ${check.threshold}: change ${signed(m.delta)}${interval}`;
  const worse = m.direction === "higher" ? "dropped" : "increased";
  const may = m.ci ? "may have" : "has";
  const allowed = check.kind.includes("relative") ? `${check.threshold * 100}% of the baseline` : `${check.threshold}`;
  return `${m.name} ${may} ${worse} by more than the allowed ${allowed}: change ${signed(m.delta)}${interval}`;
}
function more(n) {
  return n > 1 ? ` (and ${n - 1} more gate${n > 2 ? "s" : ""})` : "";
}
function mcnemar(c, b) {
  let baseOnly = 0;
  let candOnly = 0;
  for (let i = 0; i < c.rowCount; i++) {
    const cr = c.yPred[i] === c.yTrue[i];
    const br = b.yPred[i] === b.yTrue[i];
    if (br && !cr) baseOnly++;
    else if (cr && !br) candOnly++;
  }
  return {
    baseline_only_correct: baseOnly,
    candidate_only_correct: candOnly,
    p_value: mcnemarExact(baseOnly, candOnly)
  };
}
function alignClasses(candidate, baseline) {
  const fail = (why) => new ModelguardError(
    "input",
    `the two models cannot be compared on paired rows: ${why}`,
    "evaluate both models on the same data file with the same --target"
  );
  if (candidate.task !== baseline.task) throw fail(`the candidate is ${candidate.task}, the baseline ${baseline.task}`);
  if (candidate.rowCount !== baseline.rowCount) throw fail(`${candidate.rowCount} rows vs ${baseline.rowCount}`);
  if (candidate.task === "regression" || baseline.task === "regression") {
    for (let i = 0; i < candidate.rowCount; i++)
      if (candidate.yTrue[i] !== baseline.yTrue[i]) throw fail(`the targets differ at row ${i}`);
    return baseline;
  }
  const b = baseline;
  const map = candidate.classes.map((label) => b.classes.indexOf(label));
  if (map.some((k) => k < 0) || b.classes.length !== candidate.classes.length) {
    throw fail(`the classes differ: [${candidate.classes.join(", ")}] vs [${b.classes.join(", ")}]`);
  }
  const inverse = new Int32Array(b.classes.length);
  map.forEach((bk, ck) => inverse[bk] = ck);
  const yTrue = b.yTrue.map((k) => inverse[k]);
  for (let i = 0; i < candidate.rowCount; i++)
    if (yTrue[i] !== candidate.yTrue[i]) throw fail(`the targets differ at row ${i}`);
  const C = b.classes.length;
  let proba;
  if (b.proba) {
    proba = new Float64Array(b.proba.length);
    for (let i = 0; i < b.rowCount; i++) for (let ck = 0; ck < C; ck++) proba[i * C + ck] = b.proba[i * C + map[ck]];
  }
  return {
    ...b,
    classes: candidate.classes,
    ...candidate.task === "binary" ? { positiveIndex: candidate.positiveIndex } : {},
    yTrue,
    yPred: b.yPred.map((k) => inverse[k]),
    ...proba ? { proba } : {}
  };
}

// src/compare/compareAggregates.ts
function compareAggregates(input) {
  const started = Date.now();
  const { candidate, baseline, policy } = input;
  const notes = [
    "aggregate metrics only: without paired predictions the gates compare point values, with no confidence interval"
  ];
  if (candidate.task !== baseline.task)
    notes.push(`the candidate's task is ${candidate.task}, the baseline's ${baseline.task}`);
  if (candidate.data.sha256 !== baseline.data.sha256) {
    notes.push(
      `the two metrics come from different data (sha256 ${candidate.data.sha256.slice(0, 12)} vs ${baseline.data.sha256.slice(0, 12)}): differences mix model and data changes`
    );
  }
  const names = metricNames(candidate.task, policy.gates, input.metrics).filter(
    (n) => n in candidate.metrics || n in baseline.metrics || policy.gates.some((g) => g.metric === n)
  );
  const metrics = names.map(
    (name) => judge(
      name,
      policy.gates.find((g) => g.metric === name),
      baseline.metrics[name] ?? null,
      candidate.metrics[name] ?? null,
      null,
      policy.confidence
    )
  );
  const { verdict, reason } = verdictOf(metrics, policy, null, false);
  return {
    kind: "modelguard.comparison",
    version: 1,
    verdict,
    reason,
    task: candidate.task,
    paired: false,
    confidence: policy.confidence,
    resamples: 0,
    seed: policy.seed,
    rows: candidate.data.rows,
    data: candidate.data,
    candidate: input.candidateSide,
    baseline: input.baselineSide,
    metrics,
    notes,
    duration_ms: Date.now() - started
  };
}

// src/compare/readMetricsDocument.ts
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
function readMetricsDocument(spec, cwd = process.cwd()) {
  let text;
  if (spec.startsWith("git:")) {
    const rest = spec.slice(4);
    const colon = rest.indexOf(":");
    if (colon <= 0 || colon === rest.length - 1) {
      throw new ModelguardError(
        "usage",
        `'${spec}' is not git:REF:PATH`,
        "e.g. --baseline git:origin/main:ml/metrics.json"
      );
    }
    const ref = rest.slice(0, colon);
    const path = rest.slice(colon + 1);
    try {
      text = execFileSync("git", ["show", `${ref}:${path}`], {
        cwd,
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 << 20
      }).toString("utf8");
    } catch (e) {
      const stderr = (e.stderr ?? Buffer.alloc(0)).toString().trim().split("\n")[0];
      throw new ModelguardError(
        "input",
        `cannot read ${path} at ${ref} from git: ${stderr || e.message}`,
        "in GitHub Actions the checkout is shallow: use actions/checkout with fetch-depth: 0 (or git fetch origin main) so the ref exists"
      );
    }
  } else {
    try {
      text = readFileSync(spec, "utf8");
    } catch (e) {
      const missing = e.code === "ENOENT";
      throw new ModelguardError(
        "input",
        missing ? `metrics file not found: ${spec}` : `cannot read ${spec}: ${e.message}`,
        "make one with `modelguard evaluate ... -o metrics.json`",
        { file: spec }
      );
    }
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
  return value;
}

// src/model/evaluate/evaluateModel.ts
import { performance as performance2 } from "node:perf_hooks";

// src/model/evaluate/batchFeeders.ts
var BLOCK_ROWS = 2048;
function createBatchFeeders(bindings, table, batchRows, Tensor) {
  return bindings.map(
    (b) => b.kind === "matrix" ? matrixFeeder(b, table, batchRows, Tensor) : columnFeeder(b, table, batchRows, Tensor)
  );
}
function matrixFeeder(binding, table, batchRows, Tensor) {
  const columns = binding.features.map((f) => numericValues(table, f, binding.input, binding.source));
  const width = columns.length;
  const buf = binding.type === "float32" ? new Float32Array(batchRows * width) : new Float64Array(batchRows * width);
  return {
    input: binding.input,
    tensor(start, count, rows) {
      const view = rows * width === buf.length ? buf : buf.subarray(0, rows * width);
      fillRowMajor(columns, start, count, view);
      for (let r = count; r < rows; r++) view.copyWithin(r * width, (count - 1) * width, count * width);
      return new Tensor(binding.type, view, [rows, width]);
    }
  };
}
function fillRowMajor(columns, start, count, out) {
  const width = columns.length;
  for (let block = 0; block < count; block += BLOCK_ROWS) {
    const end = Math.min(count, block + BLOCK_ROWS);
    let j = 0;
    for (; j + 4 <= width; j += 4) {
      const a = columns[j];
      const b = columns[j + 1];
      const c = columns[j + 2];
      const d = columns[j + 3];
      for (let i = block, o = block * width + j; i < end; i++, o += width) {
        const r = start + i;
        out[o] = a[r];
        out[o + 1] = b[r];
        out[o + 2] = c[r];
        out[o + 3] = d[r];
      }
    }
    for (; j < width; j++) {
      const col = columns[j];
      for (let i = block, o = block * width + j; i < end; i++, o += width) out[o] = col[start + i];
    }
  }
}
function columnFeeder(binding, table, batchRows, Tensor) {
  const dims = (rows) => binding.flat ? [rows] : [rows, 1];
  const { input, type } = binding;
  if (type === "string") {
    const texts = columnTexts(table, binding.column);
    return {
      input,
      tensor(start, count, rows) {
        const batch = new Array(rows);
        for (let i = 0; i < count; i++) batch[i] = texts(start + i);
        batch.fill(batch[count - 1], count);
        return new Tensor("string", batch, dims(rows));
      }
    };
  }
  const values = numericValues(table, binding.column, input, void 0);
  if (type === "int64") {
    checkIntegers(table, binding.column, values, input);
    const buf2 = new BigInt64Array(batchRows);
    return {
      input,
      tensor(start, count, rows) {
        const view = rows === batchRows ? buf2 : buf2.subarray(0, rows);
        for (let i = 0; i < count; i++) view[i] = BigInt(values[start + i]);
        view.fill(view[count - 1], count);
        return new Tensor("int64", view, dims(rows));
      }
    };
  }
  const buf = type === "float32" ? new Float32Array(batchRows) : new Float64Array(batchRows);
  return {
    input,
    tensor(start, count, rows) {
      const view = rows === batchRows ? buf : buf.subarray(0, rows);
      view.set(values.subarray(start, start + count));
      view.fill(view[count - 1], count);
      return new Tensor(type, view, dims(rows));
    }
  };
}
function numericValues(table, name, input, source) {
  const column = getColumn(table, name);
  if (!column)
    throw new ModelguardError("input", `${table.source}: column '${name}' not found`, "check the column names", {
      file: table.source,
      column: name
    });
  const why = `the model's input '${input}' takes numbers`;
  const hint = source === "file order" ? "every non-target column was fed to the model; pass --features with the model's feature columns (or store feature_names in the model's metadata), or encode this column as numbers" : "fix or remove the value, or encode the column as numbers before evaluating";
  if (column.kind === "numeric") {
    if (column.type === "datetime")
      throw new ModelguardError(
        "input",
        `${formatLocation({ file: table.source, column: name })}: holds dates, but ${why}`,
        "convert the dates to a number (e.g. days since an epoch) the way the model was trained",
        { file: table.source, column: name }
      );
    if (column.invalid.size > 0) {
      let row = Infinity;
      for (const r of column.invalid.keys()) if (r < row) row = r;
      throw nonNumeric(table, column, row, column.invalid.get(row), why, hint);
    }
    return column.values;
  }
  for (let row = 0; row < table.rowCount; row++) {
    const text = cellText(column, row);
    if (text !== null && !Number.isFinite(Number(text.trim() === "" ? "x" : text)))
      throw nonNumeric(table, column, row, text, why, hint);
  }
  throw new ModelguardError(
    "input",
    `${formatLocation({ file: table.source, column: name })}: is a ${column.type} column, but ${why}`,
    hint,
    { file: table.source, column: name }
  );
}
function nonNumeric(table, column, row, text, why, hint) {
  const loc = { file: table.source, row, column: column.name };
  return new ModelguardError("input", `${formatLocation(loc)}: '${text}' is not a number, but ${why}`, hint, loc);
}
function checkIntegers(table, name, values, input) {
  const column = getColumn(table, name);
  for (let row = 0; row < values.length; row++) {
    const v = values[row];
    if (Number.isSafeInteger(v)) continue;
    const loc = { file: table.source, row, column: name };
    const what = column.valid[row] === 0 ? "is missing" : `holds ${v}, not an integer`;
    throw new ModelguardError(
      "input",
      `${formatLocation(loc)}: ${what}, but the model's input '${input}' is int64`,
      "int64 inputs cannot take missing or fractional values: fill or drop those rows",
      loc
    );
  }
}
function columnTexts(table, name) {
  const column = getColumn(table, name);
  if (column.kind === "dictionary") {
    const { codes, dictionary } = column;
    return (row) => {
      const code = codes[row];
      return code < 0 ? "" : dictionary[code];
    };
  }
  return (row) => cellText(column, row) ?? "";
}

// src/model/evaluate/loadOnnxModel.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

// src/model/evaluate/readOnnxGraphInfo.ts
var import_onnx_proto = __toESM(require_onnx(), 1);
var CLASSIFIERS = /* @__PURE__ */ new Set(["LinearClassifier", "TreeEnsembleClassifier", "SVMClassifier"]);
function readOnnxGraphInfo(bytes) {
  const model = import_onnx_proto.default.onnx.ModelProto.decode(bytes);
  const metadata = /* @__PURE__ */ new Map();
  for (const entry of model.metadataProps ?? []) if (entry.key) metadata.set(entry.key, entry.value ?? "");
  const decoder = new TextDecoder();
  const found = [];
  for (const node of model.graph?.node ?? []) {
    if (node.domain !== "ai.onnx.ml" || !CLASSIFIERS.has(node.opType ?? "")) continue;
    for (const attr of node.attribute ?? []) {
      if (!attr.name?.startsWith("classlabels_")) continue;
      if (attr.strings && attr.strings.length > 0) found.push(attr.strings.map((s) => decoder.decode(s)));
      else if (attr.ints && attr.ints.length > 0) found.push(attr.ints.map((v) => String(v)));
    }
  }
  const first = found[0];
  const agree = first !== void 0 && found.every((l) => l.length === first.length && l.every((v, i) => v === first[i]));
  return agree ? { metadata, classifierLabels: first } : { metadata };
}

// src/model/evaluate/loadOnnxModel.ts
var SESSION_OPTIONS = {
  extra: { session: { intra_op: { allow_spinning: "0" } } }
};
var runtime;
function loadOnnxRuntime() {
  return runtime ??= import("onnxruntime-node");
}
async function loadOnnxModel(path) {
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = e.code;
    throw new ModelguardError(
      "model",
      code === "ENOENT" ? `model file not found: ${path}` : `cannot read model file ${path}: ${e.message}`,
      "pass the path of an .onnx file with --model",
      { file: path }
    );
  }
  return openOnnxModel(path, bytes);
}
async function openOnnxModel(path, bytes) {
  const ort = await loadOnnxRuntime();
  let session;
  try {
    session = await ort.InferenceSession.create(bytes, SESSION_OPTIONS);
  } catch (e) {
    const reason = e.message;
    const notOnnx = /protobuf parsing failed|no graph/i.test(reason) || bytes.length === 0;
    throw new ModelguardError(
      "model",
      notOnnx ? `${path} is not an ONNX model (onnxruntime: ${reason})` : `onnxruntime cannot load the model ${path}: ${reason}`,
      notOnnx ? "pass a .onnx file (export with skl2onnx, torch.onnx.export, tf2onnx or `modelguard train`)" : "check the model with onnx.checker.check_model, and that its opsets are supported by onnxruntime 1.30",
      { file: path }
    );
  }
  let info;
  try {
    info = readOnnxGraphInfo(bytes);
  } catch (e) {
    await session.release();
    throw new ModelguardError(
      "model",
      `${path}: cannot read the model's metadata: ${e.message}`,
      "re-export the model; onnxruntime loads it but its protobuf does not decode",
      { file: path }
    );
  }
  return {
    path,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.length,
    session,
    Tensor: ort.Tensor,
    inputs: session.inputMetadata,
    outputs: session.outputMetadata,
    metadata: info.metadata,
    ...info.classifierLabels ? { classifierLabels: info.classifierLabels } : {}
  };
}
function describeModelValue(v) {
  if (!v.isTensor) return `${v.name} (a sequence or map, not a tensor)`;
  const dims = v.shape.map((d) => typeof d === "number" ? String(d) : d === "" ? "?" : d);
  return `${v.name} (${v.type} [${dims.join(", ")}])`;
}
function metadataLabels(model, key) {
  const raw = model.metadata.get(key);
  if (raw === void 0) return void 0;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = void 0;
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((v) => typeof v === "string" || typeof v === "number" && Number.isFinite(v)))
    throw new ModelguardError(
      "model",
      `${model.path}: metadata '${key}' must be a JSON array of strings, got ${JSON.stringify(raw.slice(0, 200))}`,
      `store it as json.dumps(list_of_names) in the model's metadata_props, or remove the '${key}' entry`,
      { file: model.path }
    );
  return parsed.map(String);
}

// src/model/evaluate/bindInputs.ts
var COLUMN_TYPES = /* @__PURE__ */ new Set(["float32", "float64", "int64", "string"]);
var CONVENTIONS = "modelguard feeds either (1) ONE float or double input [N, F] with the feature columns (from --features, the model's feature_names metadata, or every non-target column in file order), or (2) one input per data column, named like the column, of type float, double, int64 or string and shape [N, 1]";
function bindInputs(model, columnNames, options) {
  const { target, dataPath } = options;
  const inFile = new Set(columnNames);
  const isColumn = (name) => inFile.has(name) && name !== target;
  const inputs = model.inputs;
  const fromMetadata = metadataLabels(model, "feature_names");
  const tensorType = (v) => v.isTensor ? v.type : "non-tensor";
  const isFloat = (v) => tensorType(v) === "float32" || tensorType(v) === "float64";
  let matrix;
  let perColumn;
  if (options.inputName !== void 0) {
    matrix = inputs.find((v) => v.name === options.inputName);
    if (!matrix)
      throw new ModelguardError(
        "usage",
        `--input-name '${options.inputName}' is not an input of ${model.path}; its inputs: ${inputs.map(describeModelValue).join(", ")}`,
        "pass one of the model's input names, or leave --input-name out"
      );
    perColumn = inputs.filter((v) => v !== matrix);
  } else if (inputs.length === 1) {
    const only = inputs[0];
    const single = only.isTensor && (only.shape.length === 1 || only.shape.length === 2 && !isWide(only.shape[1]));
    const columnInput = isColumn(only.name) && (!isFloat(only) || single && options.features === void 0 && !fromMetadata);
    matrix = columnInput ? void 0 : only;
    perColumn = columnInput ? [only] : [];
  } else {
    const others = inputs.filter((v) => !isColumn(v.name));
    if (others.length > 0) throw unsupported(model, dataPath, others);
    perColumn = [...inputs];
  }
  const missingColumns = perColumn.filter((v) => !isColumn(v.name));
  if (missingColumns.length > 0) throw unsupported(model, dataPath, missingColumns);
  if (matrix && !isFloat(matrix)) throw unsupported(model, dataPath, [matrix]);
  if (!matrix && options.features !== void 0)
    throw new ModelguardError(
      "usage",
      `--features applies to a model with one feature-matrix input, but ${model.path} takes one input per column: ` + perColumn.map((v) => v.name).join(", "),
      "leave --features out: each input is fed the data column of its name"
    );
  const bindings = [];
  for (const v of perColumn) {
    const type = tensorType(v);
    const rank = v.isTensor ? v.shape.length : 0;
    const width = v.isTensor && rank === 2 ? v.shape[1] : 1;
    if (!COLUMN_TYPES.has(type) || rank > 2 || isWide(width)) throw unsupported(model, dataPath, [v]);
    bindings.push({
      kind: "column",
      input: v.name,
      type,
      column: v.name,
      flat: rank === 1
    });
  }
  if (matrix) {
    const fed = new Set(perColumn.map((v) => v.name));
    const source = options.features !== void 0 ? "--features" : fromMetadata ? "metadata feature_names" : "file order";
    const features = options.features ?? fromMetadata ?? columnNames.filter((name) => name !== target && !fed.has(name));
    checkFeatures(model, matrix, features, source, options, columnNames);
    bindings.unshift({
      kind: "matrix",
      input: matrix.name,
      type: tensorType(matrix),
      features,
      source
    });
  }
  const batchDims = inputs.flatMap((v) => v.isTensor && typeof v.shape[0] === "number" ? [v.shape[0]] : []);
  const fixedBatch = batchDims[0];
  if (fixedBatch !== void 0 && (fixedBatch < 1 || batchDims.some((d) => d !== fixedBatch)))
    throw unsupported(model, dataPath, inputs);
  return fixedBatch === void 0 ? { bindings } : { bindings, fixedBatch };
}
function isWide(dim) {
  return typeof dim === "number" && dim !== 1;
}
function checkFeatures(model, input, features, source, options, columnNames) {
  const { dataPath, target } = options;
  const seen = /* @__PURE__ */ new Set();
  for (const f of features) {
    if (seen.has(f))
      throw new ModelguardError(
        source === "--features" ? "usage" : "model",
        `feature '${f}' is listed twice (${source})`,
        "list each feature column once, in the order the model was trained on"
      );
    seen.add(f);
  }
  if (seen.has(target))
    throw new ModelguardError(
      "usage",
      `the target column '${target}' is also a feature (${source})`,
      "a model must not see its own label: remove the target from the features, or pass the right --target"
    );
  const absent = features.filter((f) => !columnNames.includes(f));
  if (absent.length > 0)
    throw new ModelguardError(
      "input",
      `${dataPath}: feature column${absent.length > 1 ? "s" : ""} ${absent.map((f) => `'${f}'`).join(", ")} (${source}) not in the file; its columns: ${columnNames.join(", ")}`,
      source === "--features" ? "check the names passed to --features" : "evaluate on data with the columns the model was trained on, or pass --features",
      { file: dataPath, column: absent[0] }
    );
  if (features.length === 0)
    throw new ModelguardError(
      "usage",
      `no feature columns to feed the model's input '${input.name}': ${dataPath} has only the target column`,
      "pass --features, or evaluate on a file with feature columns"
    );
  const shape = input.isTensor ? input.shape : [];
  if (shape.length !== 0 && shape.length !== 2) throw unsupported(model, dataPath, [input]);
  const expected = shape[1];
  if (typeof expected === "number" && expected !== features.length) {
    const origin = source === "file order" ? `every non-target column of ${dataPath}, in file order` : `from ${source}`;
    throw new ModelguardError(
      "model",
      `${model.path}: input '${input.name}' expects ${expected} features but ${features.length} were given (${origin}): ${features.join(", ")}`,
      `pass --features with the model's ${expected} feature columns in training order, or store them in the model's metadata as feature_names (a JSON array)`,
      { file: model.path }
    );
  }
}
function unsupported(model, dataPath, culprits) {
  return new ModelguardError(
    "model",
    `${model.path}: cannot feed the model's inputs ${model.inputs.map(describeModelValue).join(", ")} (${culprits.map((v) => v.name).join(", ")} fit no convention with the columns of ${dataPath}). ${CONVENTIONS}`,
    "re-export the model with one of these input layouts, or pass --input-name to name the feature-matrix input",
    { file: model.path }
  );
}

// src/model/metrics/liftBinaryProba.ts
function liftBinaryProba(positive, positiveIndex = 1) {
  const n = positive.length;
  const out = new Float64Array(2 * n);
  const neg = 1 - positiveIndex;
  for (let i = 0; i < n; i++) {
    const p = positive[i];
    out[2 * i + positiveIndex] = p;
    out[2 * i + neg] = 1 - p;
  }
  return out;
}

// src/model/evaluate/classLabels.ts
var ClassLabels = class {
  constructor(labels) {
    this.labels = labels;
    labels.forEach((label, k) => {
      if (!this.byText.has(label)) this.byText.set(label, k);
      const v = asNumber(label);
      if (v !== void 0 && !this.byNumber.has(v)) this.byNumber.set(v, k);
    });
  }
  labels;
  byText = /* @__PURE__ */ new Map();
  byNumber = /* @__PURE__ */ new Map();
  /** Index of the class `text` names, or -1. */
  indexOf(text) {
    const k = this.byText.get(text);
    if (k !== void 0) return k;
    const v = asNumber(text);
    return v === void 0 ? -1 : this.byNumber.get(v) ?? -1;
  }
};
function asNumber(text) {
  if (text.trim() === "") return void 0;
  const v = Number(text);
  return Number.isFinite(v) ? v : void 0;
}
function sortLabels(labels) {
  const distinct = [...new Set(labels)];
  const numbers = distinct.map(asNumber);
  if (numbers.every((v) => v !== void 0)) {
    const order = distinct.map((label, i) => ({ label, v: numbers[i] }));
    return order.sort((a, b) => a.v - b.v).map((o) => o.label);
  }
  return distinct.sort(compareCodePoints);
}
function compareCodePoints(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 55296 && x <= 57343;
    const ys = y >= 55296 && y <= 57343;
    if (xs === ys) return x - y;
    return xs ? 1 : -1;
  }
  return a.length - b.length;
}
function distinctTargetTexts(column, rowCount, limit = Infinity) {
  if (column.kind === "dictionary") {
    const used = new Uint8Array(column.dictionary.length);
    const out2 = [];
    for (let i = 0; i < rowCount && out2.length < limit; i++) {
      const code = column.codes[i];
      if (code >= 0 && used[code] === 0) {
        used[code] = 1;
        out2.push(column.dictionary[code]);
      }
    }
    return out2;
  }
  const seen = new NumberIndex();
  const out = [];
  for (let i = 0; i < rowCount && out.length < limit; i++) {
    if (column.valid[i] === 0) continue;
    const v = column.values[i];
    if (seen.get(v) === void 0) {
      seen.set(v, out.length);
      out.push(cellText(column, i));
    }
  }
  return out;
}
var NumberIndex = class {
  keys = [];
  values = [];
  map;
  get(key) {
    const keys = this.keys;
    for (let k = 0; k < keys.length; k++) if (keys[k] === key) return this.values[k];
    return this.map?.get(key);
  }
  set(key, value) {
    if (this.keys.length < 8) {
      this.keys.push(key);
      this.values.push(value);
    } else (this.map ??= /* @__PURE__ */ new Map()).set(key, value);
  }
};
function targetClassIndices(table, column, classes, origin) {
  const n = table.rowCount;
  const out = new Int32Array(n);
  const fail = (row, text) => {
    const loc = { file: table.source, row, column: column.name };
    if (text === null)
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: the target is missing`,
        "every evaluated row needs a label: drop the rows without one",
        loc
      );
    throw new ModelguardError(
      "input",
      `${formatLocation(loc)}: target value '${text}' is not among the model's classes (${classes.labels.join(", ")}; ${origin})`,
      "evaluate on data labelled like the training data, check --target, or store every class in the model's metadata as classes (a JSON array)",
      loc
    );
  };
  if (column.kind === "dictionary") {
    const byCode = Int32Array.from(column.dictionary, (text) => classes.indexOf(text));
    for (let i = 0; i < n; i++) {
      const code = column.codes[i];
      if (code < 0) fail(i, null);
      const k = byCode[code];
      if (k < 0) fail(i, column.dictionary[code]);
      out[i] = k;
    }
    return out;
  }
  const cache = new NumberIndex();
  for (let i = 0; i < n; i++) {
    if (column.valid[i] === 0) fail(i, column.invalid.get(i) ?? null);
    const v = column.values[i];
    let k = cache.get(v);
    if (k === void 0) {
      k = classes.indexOf(cellText(column, i));
      cache.set(v, k);
    }
    if (k < 0) fail(i, cellText(column, i));
    out[i] = k;
  }
  return out;
}
function targetValues(table, column) {
  const hint = "regression needs a number in every row of the target: fill or drop the other rows";
  if (column.kind === "numeric" && column.type !== "datetime" && column.type !== "boolean") {
    for (let i = 0; i < table.rowCount; i++) {
      if (column.valid[i] !== 0) continue;
      const loc = { file: table.source, row: i, column: column.name };
      const raw = column.invalid.get(i);
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: ${raw === void 0 ? "the target is missing" : `target value '${raw}' is not a number`}`,
        hint,
        loc
      );
    }
    return column.values;
  }
  for (let i = 0; i < table.rowCount; i++) {
    const text = cellText(column, i);
    if (text === null || !Number.isFinite(Number(text))) {
      const loc = { file: table.source, row: i, column: column.name };
      throw new ModelguardError(
        "input",
        `${formatLocation(loc)}: target value ${text === null ? "is missing" : `'${text}' is not a number`} (a ${column.type} column)`,
        hint,
        loc
      );
    }
  }
  throw new ModelguardError(
    "input",
    `${formatLocation({ file: table.source, column: column.name })}: the target is a ${column.type} column, not numbers`,
    hint,
    { file: table.source, column: column.name }
  );
}

// src/model/evaluate/interpretOutputs.ts
var PROBABILITY_SLACK = 1e-6;
function interpretOutputs(options) {
  const { model, selection, outputs, task } = options;
  const notes = [];
  let labels;
  let scores;
  if (selection.kind === "pair") {
    const l = outputs.get(selection.label);
    const p = outputs.get(selection.probabilities);
    if (l.kind !== "labels" || p.kind !== "float") throw new Error("pair outputs have the wrong kinds");
    labels = l;
    scores = p;
  } else {
    const o = outputs.get(selection.name);
    if (o.kind === "labels") labels = o;
    else scores = o;
  }
  if (scores && scores.rowDims.length > 1 && scores.width > 1)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${scores.name}' has shape [N, ${scores.rowDims.join(", ")}]; modelguard reads probabilities [N, C], a single value [N] or [N, 1], or labels [N]`,
      "pick another output with --output-name, or reshape the model's output",
      { file: model.path }
    );
  const declared = metadataLabels(model, "classes") ?? model.classifierLabels;
  const declaredOrigin = metadataLabels(model, "classes") ? "from the model's metadata" : "from the model's classifier";
  const matrix = scores !== void 0 && scores.width >= 2 ? scores : void 0;
  const single = scores !== void 0 && scores.width === 1 ? scores : void 0;
  let regression2;
  if (task === "regression") {
    if (!single || labels)
      throw new ModelguardError(
        "usage",
        `--task regression needs one continuous output, but ${model.path}'s ${describeSelection(selection, outputs)}`,
        "pass --task auto (or binary/multiclass), or pick a single-value output with --output-name"
      );
    regression2 = true;
  } else if (task === "binary" || task === "multiclass") {
    regression2 = false;
  } else if (matrix || labels) {
    regression2 = false;
  } else {
    regression2 = !declared && !looksBinary(options.target, options.table.rowCount, single.values);
  }
  if (regression2) {
    const yTrue2 = targetValues(options.table, options.target);
    const yPred2 = single.values;
    checkFinite(options, single, yPred2, 1, "a regression value");
    if (options.positiveLabel !== void 0)
      throw new ModelguardError("usage", "--positive-label applies to binary classification only", "leave it out");
    return { predictions: { task: "regression", rowCount: yTrue2.length, yTrue: yTrue2, yPred: yPred2 }, notes };
  }
  const fromData = declared === void 0;
  const predictedLabels = labels && !scores ? labels.dictionary : [];
  const classList = declared ?? sortLabels([...distinctTargetTexts(options.target, options.table.rowCount), ...predictedLabels]);
  const origin = fromData ? "the distinct target values" : declaredOrigin;
  const classes = new ClassLabels(classList);
  const c = classList.length;
  if (matrix && matrix.width !== c)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${matrix.name}' has ${matrix.width} probability columns but there are ${c} classes (${origin}: ${classList.join(", ")})`,
      fromData ? "store the model's class labels, in the order of its probability columns, in its metadata as classes (a JSON array); the test data may lack a class" : "the model's classes metadata must list one label per probability column",
      { file: model.path }
    );
  if (c < 2)
    throw new ModelguardError(
      "input",
      `${options.table.source}: only one class (${classList.join(", ")}) in the target '${options.target.name}' and the model declares no classes`,
      "evaluate on data with both classes, or store the class labels in the model's metadata as classes",
      { file: options.table.source, column: options.target.name }
    );
  if (single && c !== 2)
    throw new ModelguardError(
      "model",
      `${model.path}: output '${single.name}' is a single value per row, but there are ${c} classes (${origin}: ${classList.join(", ")}); a single probability is for binary classification`,
      "export the model with one probability column per class, or evaluate a binary target",
      { file: model.path }
    );
  const resolvedTask = c === 2 ? "binary" : "multiclass";
  if (task !== "auto" && task !== resolvedTask)
    throw new ModelguardError(
      "usage",
      `--task ${task} does not fit ${c} classes (${origin}: ${classList.join(", ")})`,
      `pass --task ${resolvedTask} or --task auto`
    );
  const yTrue = targetClassIndices(options.table, options.target, classes, origin);
  let proba;
  let clipped = 0;
  if (matrix) {
    checkFinite(options, matrix, matrix.values, c, "a probability");
    clipped = checkProbabilities(options, matrix, c);
    proba = matrix.values;
  } else if (single) {
    checkFinite(options, single, single.values, 1, "a probability");
    clipped = checkProbabilities(options, single, 1);
    proba = liftBinaryProba(single.values, 1);
  }
  let yPred;
  if (labels) {
    const mode = labelMode(labels, classes, c, proba, model.metadata.has("modelguard_trainer"));
    const codeToClass = labels.dictionary.map((text, code) => {
      const k = mode === "text" ? classes.indexOf(text) : classIndexOf(text, c);
      if (k < 0) {
        const row = labels.codes.indexOf(code);
        throw new ModelguardError(
          "model",
          `${model.path}: output '${labels.name}' predicts '${text}' (row ${row}), which is not among the classes (${origin}: ${classList.join(", ")})`,
          "store the model's class labels in its metadata as classes (a JSON array), matching its label output",
          { file: model.path }
        );
      }
      return k;
    });
    yPred = Int32Array.from(labels.codes, (code) => codeToClass[code]);
    if (mode === "index")
      notes.push({ metric: "*", reason: `output '${labels.name}' holds class indices into classes, not labels` });
  } else {
    yPred = argmaxRows(proba, c);
  }
  if (clipped > 0)
    notes.push({
      metric: "*",
      reason: `${clipped} probabilities within ${PROBABILITY_SLACK} outside [0, 1] (float rounding) were clipped`
    });
  let positiveIndex;
  if (options.positiveLabel !== void 0) {
    if (c !== 2)
      throw new ModelguardError(
        "usage",
        `--positive-label applies to binary classification, but there are ${c} classes`,
        "leave --positive-label out for multiclass models"
      );
    positiveIndex = classes.indexOf(options.positiveLabel);
    if (positiveIndex < 0)
      throw new ModelguardError(
        "usage",
        `--positive-label '${options.positiveLabel}' is not one of the classes (${classList.join(", ")})`,
        "pass one of the class labels"
      );
  } else if (c === 2) positiveIndex = 1;
  return {
    predictions: {
      task: resolvedTask,
      rowCount: yTrue.length,
      classes: classList,
      ...positiveIndex !== void 0 ? { positiveIndex } : {},
      yTrue,
      yPred,
      ...proba ? { proba } : {}
    },
    notes
  };
}
function labelMode(labels, classes, c, proba, ourTrainer) {
  if (labels.type === "string") return "text";
  if (ourTrainer) return "index";
  const byText = labels.dictionary.map((t) => classes.indexOf(t));
  const byIndex = labels.dictionary.map((t) => classIndexOf(t, c));
  if (proba) {
    const argmax = argmaxRows(proba, c);
    let text = 0;
    let index = 0;
    for (let i = 0; i < argmax.length; i++) {
      const code = labels.codes[i];
      if (byText[code] === argmax[i]) text++;
      if (byIndex[code] === argmax[i]) index++;
    }
    return index > text ? "index" : "text";
  }
  if (byText.every((k) => k >= 0)) return "text";
  return byIndex.every((k) => k >= 0) ? "index" : "text";
}
function classIndexOf(text, c) {
  const v = Number(text);
  return Number.isInteger(v) && v >= 0 && v < c ? v : -1;
}
function looksBinary(target, rowCount, values) {
  if (target.kind === "numeric" && target.type !== "boolean") {
    const distinct = distinctTargetTexts(target, rowCount, 3);
    if (distinct.length > 2 || distinct.some((t) => !Number.isInteger(Number(t)))) return false;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) return false;
  }
  return true;
}
function describeSelection(selection, outputs) {
  if (selection.kind === "pair")
    return `outputs '${selection.label}' and '${selection.probabilities}' are classifier outputs`;
  const o = outputs.get(selection.name);
  return o.kind === "labels" ? `output '${o.name}' holds labels (${o.type})` : `output '${o.name}' has ${o.width} columns per row`;
}
function checkFinite(options, output, values, width, what) {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) continue;
    const row = Math.floor(i / width);
    const missing = options.missingFeatures(row);
    throw new ModelguardError(
      "model",
      `${options.model.path}: output '${output.name}' is ${v} for data row ${row}, not ${what}` + (missing.length > 0 ? `; that row has missing values in ${missing.join(", ")}` : ""),
      missing.length > 0 ? "the model does not handle missing values: impute them (as in training) or drop those rows" : "check the model on that row; its inputs may be outside the range it was trained on",
      { file: options.model.path, row }
    );
  }
}
function checkProbabilities(options, output, width) {
  const values = output.values;
  let clipped = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v >= 0 && v <= 1) continue;
    if (v >= -PROBABILITY_SLACK && v <= 1 + PROBABILITY_SLACK) {
      values[i] = v < 0 ? 0 : 1;
      clipped++;
      continue;
    }
    throw new ModelguardError(
      "model",
      `${options.model.path}: output '${output.name}' holds ${v} for data row ${Math.floor(i / width)}, not a probability in [0, 1] (scores or logits?)`,
      "end the model with a Softmax (or Sigmoid) so it outputs probabilities, pick a label output with --output-name, or pass --task regression for a regression model",
      { file: options.model.path }
    );
  }
  return clipped;
}

// src/model/metrics/slicedMetrics.ts
function slicedMetrics(target, slices, minSize = 30) {
  const n = target.yTrue.length;
  const { codes, labels } = slices;
  if (codes.length !== n) throw new RangeError(`${n} rows but ${codes.length} slice codes`);
  if (target.yPred !== void 0 && target.yPred.length !== n)
    throw new RangeError(`yTrue has ${n} rows but yPred has ${target.yPred.length}`);
  if (target.task === "classification" && target.proba !== void 0) {
    const expected = n * target.classes.length;
    if (target.proba.length !== expected)
      throw new RangeError(`proba has ${target.proba.length} values, expected ${n} rows x ${target.classes.length}`);
  }
  const s = labels.length;
  const counts = new Int32Array(s + 1);
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    if (!(code >= 0 && code < s)) throw new RangeError(`row ${i}: slice code ${code} out of range 0..${s - 1}`);
    counts[code + 1]++;
  }
  for (let k = 0; k < s; k++) counts[k + 1] += counts[k];
  const order = new Int32Array(n);
  const next = counts.slice(0, s);
  for (let i = 0; i < n; i++) order[next[codes[i]]++] = i;
  const out = [];
  for (let k = 0; k < s; k++) {
    const rows = order.subarray(counts[k], counts[k + 1]);
    const size = rows.length;
    const entry = { slice: labels[k], size, judged: size >= minSize, metrics: {}, notes: [] };
    if (size === 0) {
      entry.notes.push({ metric: "*", reason: "the slice has no rows" });
    } else {
      const result = target.task === "classification" ? classifySlice(target, rows) : regressSlice(target, rows);
      entry.metrics = result.metrics;
      entry.notes = result.notes;
    }
    out.push(entry);
  }
  return out.sort((a, b) => a.slice < b.slice ? -1 : a.slice > b.slice ? 1 : 0);
}
function classifySlice(target, rows) {
  const c = target.classes.length;
  const proba = target.proba === void 0 ? void 0 : new Float64Array(rows.length * c);
  if (proba !== void 0) {
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      proba.set(target.proba.subarray(i * c, (i + 1) * c), r * c);
    }
  }
  return classificationMetrics({
    yTrue: pick(target.yTrue, rows),
    yPred: target.yPred === void 0 ? void 0 : pick(target.yPred, rows),
    proba,
    classes: target.classes,
    positiveIndex: target.positiveIndex
  });
}
function regressSlice(target, rows) {
  return regressionMetrics(pick(target.yTrue, rows), pick(target.yPred, rows));
}
function pick(values, rows) {
  const out = new values.constructor(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = values[rows[r]];
  return out;
}

// src/model/evaluate/sliceKeyOf.ts
var MAX_SLICES = 100;
var MISSING_SLICE = "\0missing";
function sliceKeyOf(column, rowCount) {
  const codes = new Int32Array(rowCount);
  const labels = [];
  const index = /* @__PURE__ */ new Map();
  const code = (key, label) => {
    let k = index.get(key);
    if (k === void 0) {
      k = labels.length;
      if (k === MAX_SLICES)
        throw new ModelguardError(
          "usage",
          `--slice-by '${column.name}' has more than ${MAX_SLICES} distinct values; slices are for groups`,
          "slice by a categorical column (or bin the numeric one into a few bands first)"
        );
      labels.push(label());
      index.set(key, k);
    }
    return k;
  };
  if (column.kind === "dictionary") {
    const byCode = new Int32Array(column.dictionary.length).fill(-1);
    let missing = -1;
    for (let i = 0; i < rowCount; i++) {
      const c = column.codes[i];
      if (c < 0) codes[i] = missing >= 0 ? missing : missing = code(MISSING_SLICE, () => MISSING_SLICE);
      else
        codes[i] = byCode[c] >= 0 ? byCode[c] : byCode[c] = code(column.dictionary[c], () => column.dictionary[c]);
    }
    return { codes, labels };
  }
  for (let i = 0; i < rowCount; i++) {
    if (column.valid[i] === 0) {
      const raw = column.invalid.get(i);
      codes[i] = raw === void 0 ? code(MISSING_SLICE, () => MISSING_SLICE) : code(`text:${raw}`, () => raw);
    } else {
      codes[i] = code(column.values[i], () => cellText(column, i));
    }
  }
  return { codes, labels };
}

// src/model/evaluate/metricsDocument.ts
function computeMetrics(predictions, slicing) {
  let out;
  if (predictions.task === "regression") {
    const r = regressionMetrics(predictions.yTrue, predictions.yPred);
    out = { task: "regression", metrics: r.metrics, notes: r.notes };
  } else {
    const { yTrue, yPred, proba, classes, positiveIndex } = predictions;
    const r = classificationMetrics({ yTrue, yPred, proba, classes, positiveIndex });
    out = {
      task: predictions.task,
      ...positiveIndex !== void 0 ? { positive_label: classes[positiveIndex] } : {},
      classes,
      metrics: r.metrics,
      per_class: r.per_class,
      confusion_matrix: r.confusion_matrix,
      notes: r.notes
    };
  }
  if (slicing) {
    const { column, minSize } = slicing;
    const key = sliceKeyOf(column, predictions.rowCount);
    const target = predictions.task === "regression" ? { task: "regression", yTrue: predictions.yTrue, yPred: predictions.yPred } : {
      task: "classification",
      yTrue: predictions.yTrue,
      yPred: predictions.yPred,
      proba: predictions.proba,
      classes: predictions.classes,
      positiveIndex: predictions.positiveIndex
    };
    const entries = slicedMetrics(target, key, minSize).map((s) => ({
      column: column.name,
      value: s.slice === MISSING_SLICE ? null : s.slice,
      size: s.size,
      judged: s.judged,
      metrics: s.metrics,
      notes: s.notes
    }));
    out.slices = entries.sort(sliceOrder(column));
  }
  return out;
}
function sliceOrder(column) {
  const numeric = column.kind === "numeric";
  return (a, b) => {
    if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
    if (numeric) {
      const x = Number(a.value);
      const y = Number(b.value);
      if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
    }
    return compareCodePoints(a.value, b.value);
  };
}

// src/model/evaluate/runBatches.ts
var MIN_BATCH_ROWS = 16;
async function runBatches(session, feeders, outputNames, options) {
  const { rowCount, modelPath } = options;
  const step = options.fixedBatch ?? options.batchRows;
  const gathered = /* @__PURE__ */ new Map();
  for (let start = 0; start < rowCount; start += step) {
    const count = Math.min(step, rowCount - start);
    const rows = options.fixedBatch ?? Math.max(count, options.minRows ?? 1);
    const feeds = {};
    for (const f of feeders) feeds[f.input] = f.tensor(start, count, rows);
    let result;
    try {
      result = await session.run(feeds, outputNames);
    } catch (e) {
      throw new ModelguardError(
        "model",
        `${modelPath}: onnxruntime failed on rows ${start}..${start + count - 1}: ${e.message}`,
        "check that the model's inputs take the data's columns (types and shapes); see the message for the node",
        { file: modelPath }
      );
    }
    for (const name of outputNames) {
      const tensor = result[name];
      let g = gathered.get(name);
      if (!g) {
        g = createGatherer(name, tensor, rows, rowCount, modelPath);
        gathered.set(name, g);
      }
      g.add(tensor, start, count, rows);
    }
  }
  return new Map([...gathered].map(([name, g]) => [name, g.output]));
}
function createGatherer(name, first, rows, rowCount, modelPath) {
  const dims = first.dims;
  if (dims.length === 0 || dims[0] !== rows)
    throw new ModelguardError(
      "model",
      `${modelPath}: output '${name}' has shape [${dims.join(", ")}] for a batch of ${rows} rows; modelguard needs one output row per input row (batch dimension first)`,
      "export the model with a dynamic batch dimension first on every input and output",
      { file: modelPath }
    );
  const rowDims = dims.slice(1);
  const width = rowDims.reduce((a, b) => a * b, 1);
  const checkShape = (t, batchRows) => {
    if (t.dims[0] !== batchRows || t.dims.length !== dims.length || t.dims.slice(1).some((d, i) => d !== rowDims[i]))
      throw new ModelguardError(
        "model",
        `${modelPath}: output '${name}' changed shape between batches ([${dims.join(", ")}] then [${t.dims.join(", ")}])`,
        "export the model with a fixed per-row output shape",
        { file: modelPath }
      );
  };
  if (first.type === "float32" || first.type === "float64") {
    const output = {
      kind: "float",
      name,
      type: first.type,
      rowDims,
      width,
      values: new Float64Array(rowCount * width)
    };
    return {
      output,
      add(t, start, count, batchRows) {
        checkShape(t, batchRows);
        const data = t.data;
        output.values.set(data.subarray(0, count * width), start * width);
      }
    };
  }
  if (first.type === "int64" || first.type === "int32" || first.type === "string") {
    if (width !== 1)
      throw new ModelguardError(
        "model",
        `${modelPath}: output '${name}' is ${first.type} with shape [${dims.join(", ")}]; a label output has one value per row`,
        "pick a label output [N] or a probabilities output [N, C] with --output-name",
        { file: modelPath }
      );
    const output = {
      kind: "labels",
      name,
      type: first.type,
      rowDims,
      codes: new Int32Array(rowCount),
      dictionary: []
    };
    const index = /* @__PURE__ */ new Map();
    return {
      output,
      add(t, start, count, batchRows) {
        checkShape(t, batchRows);
        const data = t.data;
        for (let i = 0; i < count; i++) {
          const v = data[i];
          let code = index.get(v);
          if (code === void 0) {
            code = output.dictionary.length;
            output.dictionary.push(String(v));
            index.set(v, code);
          }
          output.codes[start + i] = code;
        }
      }
    };
  }
  throw new ModelguardError(
    "model",
    `${modelPath}: output '${name}' is of type ${first.type}; modelguard reads float, double, int64, int32 and string outputs`,
    "add a Cast to float to the model's output, or pick another output with --output-name",
    { file: modelPath }
  );
}

// src/model/evaluate/selectOutputs.ts
var LABEL_TYPES = /* @__PURE__ */ new Set(["int64", "int32", "string"]);
var FLOAT_TYPES = /* @__PURE__ */ new Set(["float32", "float64"]);
function selectOutputs(model, outputName) {
  const outputs = model.outputs;
  const list = outputs.map(describeModelValue).join(", ");
  if (outputName !== void 0) {
    const chosen = outputs.find((o) => o.name === outputName);
    if (!chosen)
      throw new ModelguardError(
        "usage",
        `--output-name '${outputName}' is not an output of ${model.path}; its outputs: ${list}`,
        "pass one of the model's output names, or leave --output-name out"
      );
    if (!chosen.isTensor) throw zipMapError(model, chosen);
    return { kind: "single", name: chosen.name };
  }
  const nonTensor = outputs.find((o) => !o.isTensor);
  if (nonTensor) throw zipMapError(model, nonTensor);
  if (outputs.length === 1) return { kind: "single", name: outputs[0].name };
  const typeOf = (o) => o.isTensor ? o.type : "";
  const labels = outputs.filter((o) => LABEL_TYPES.has(typeOf(o)));
  const floats = outputs.filter((o) => FLOAT_TYPES.has(typeOf(o)));
  if (outputs.length === 2 && labels.length === 1 && floats.length === 1)
    return { kind: "pair", label: labels[0].name, probabilities: floats[0].name };
  throw new ModelguardError(
    "usage",
    `${model.path} has ${outputs.length} outputs (${list}); modelguard reads one output, or a label output with a probabilities output`,
    "pick the output to evaluate with --output-name",
    { file: model.path }
  );
}
function zipMapError(model, output) {
  const others = model.outputs.filter((o) => o.isTensor).map((o) => o.name);
  return new ModelguardError(
    "model",
    `${model.path}: output '${output.name}' is a sequence of maps (a ZipMap), which modelguard does not read`,
    "export the probabilities as a tensor: skl2onnx.to_onnx(model, X, options={id(model): {'zipmap': False}})" + (others.length > 0 ? `; or evaluate the labels only with --output-name ${others[0]}` : ""),
    { file: model.path }
  );
}

// src/model/evaluate/sha256File.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
async function sha256File(path) {
  const hash = createHash2("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk);
  } catch (e) {
    throw new ModelguardError("input", `cannot read ${path}: ${e.message}`, "check the path", {
      file: path
    });
  }
  return hash.digest("hex");
}

// src/model/evaluate/writePredictionsCsv.ts
import { closeSync, openSync, writeSync } from "node:fs";
var CHUNK_ROWS = 8192;
function writePredictionsCsv(path, predictions) {
  let fd;
  try {
    ensureParentDir(path);
    fd = openSync(path, "w");
  } catch (e) {
    throw ioError(path, e);
  }
  try {
    const n = predictions.rowCount;
    if (predictions.task === "regression") {
      const { yPred, yTrue } = predictions;
      write(fd, path, "row,prediction,target\n");
      for (let start = 0; start < n; start += CHUNK_ROWS) {
        let text = "";
        for (let i = start; i < Math.min(n, start + CHUNK_ROWS); i++) text += `${i},${yPred[i]},${yTrue[i]}
`;
        write(fd, path, text);
      }
    } else {
      const { classes, yPred, yTrue, proba } = predictions;
      const c = classes.length;
      const quoted = classes.map(csvField);
      const header = ["row", "label", ...proba ? classes.map((k) => csvField(`p_${k}`)) : [], "target"];
      write(fd, path, header.join(",") + "\n");
      for (let start = 0; start < n; start += CHUNK_ROWS) {
        let text = "";
        for (let i = start; i < Math.min(n, start + CHUNK_ROWS); i++) {
          text += `${i},${quoted[yPred[i]]}`;
          if (proba) for (let k = 0; k < c; k++) text += `,${proba[i * c + k]}`;
          text += `,${quoted[yTrue[i]]}
`;
        }
        write(fd, path, text);
      }
    }
  } finally {
    closeSync(fd);
  }
}
function csvField(text) {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
function write(fd, path, text) {
  try {
    writeSync(fd, text);
  } catch (e) {
    throw ioError(path, e);
  }
}
function ioError(path, e) {
  return new ModelguardError(
    "io",
    `cannot write predictions to ${path}: ${e.message}`,
    "check the directory exists and is writable",
    { file: path }
  );
}

// src/model/evaluate/evaluateModel.ts
var DEFAULT_BATCH_SIZE = 16384;
var DEFAULT_MIN_SLICE_SIZE = 30;
async function evaluateModel(options) {
  const started = performance2.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const minSliceSize = options.minSliceSize ?? DEFAULT_MIN_SLICE_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new ModelguardError(
      "usage",
      `--batch-size must be a positive integer, got ${batchSize}`,
      "e.g. --batch-size 16384"
    );
  if (!Number.isInteger(minSliceSize) || minSliceSize < 0)
    throw new ModelguardError(
      "usage",
      `--min-slice-size must be an integer >= 0, got ${minSliceSize}`,
      "e.g. --min-slice-size 30"
    );
  const model = await loadOnnxModel(options.model);
  try {
    const selection = selectOutputs(model, options.outputName);
    const columnNames = await readColumnNames(options.data, options.load);
    for (const [flag, name] of [
      ["--target", options.target],
      ["--slice-by", options.sliceBy]
    ]) {
      if (name !== void 0 && !columnNames.includes(name))
        throw new ModelguardError(
          "input",
          `${options.data}: ${flag === "--target" ? "target" : "slice"} column '${name}' not found; its columns: ${columnNames.join(", ")}`,
          `pass the name of a column of the data file with ${flag}`,
          { file: options.data, column: name }
        );
    }
    const plan = bindInputs(model, columnNames, {
      dataPath: options.data,
      target: options.target,
      features: options.features,
      inputName: options.inputName
    });
    const needed = /* @__PURE__ */ new Set([options.target]);
    if (options.sliceBy !== void 0) needed.add(options.sliceBy);
    for (const b of plan.bindings) for (const c of b.kind === "matrix" ? b.features : [b.column]) needed.add(c);
    const [table, dataSha256] = await Promise.all([
      loadTable(options.data, { ...options.load, columns: [...needed] }),
      sha256File(options.data)
    ]);
    const computed = await evaluateTable(model, table, {
      plan,
      selection,
      target: options.target,
      task: options.task ?? "auto",
      positiveLabel: options.positiveLabel,
      sliceBy: options.sliceBy,
      minSliceSize,
      batchSize
    });
    if (options.predictions !== void 0) writePredictionsCsv(options.predictions, computed.predictions);
    const { predictions, ...metricParts } = computed;
    const document = {
      kind: "modelguard.metrics",
      version: 1,
      task: metricParts.task,
      model: { path: options.model, sha256: model.sha256, bytes: model.bytes },
      data: { path: options.data, sha256: dataSha256, rows: table.rowCount },
      target: options.target,
      ...metricParts.positive_label !== void 0 ? { positive_label: metricParts.positive_label } : {},
      ...metricParts.classes ? { classes: metricParts.classes } : {},
      metrics: metricParts.metrics,
      ...metricParts.per_class ? { per_class: metricParts.per_class } : {},
      ...metricParts.confusion_matrix ? { confusion_matrix: metricParts.confusion_matrix } : {},
      ...metricParts.slices ? { slices: metricParts.slices } : {},
      notes: metricParts.notes,
      duration_ms: Math.round(performance2.now() - started)
    };
    return { document, predictions };
  } finally {
    await model.session.release();
  }
}
async function evaluateTable(model, table, options) {
  if (table.rowCount === 0)
    throw new ModelguardError("input", `${table.source}: no data rows to evaluate`, "evaluate on a file with rows", {
      file: table.source
    });
  const target = getColumn(table, options.target);
  if (!target)
    throw new ModelguardError(
      "input",
      `${table.source}: target column '${options.target}' not found; its columns: ${table.columns.map((c) => c.name).join(", ")}`,
      "pass the name of a column of the data file with --target",
      { file: table.source, column: options.target }
    );
  const outputs = await predictTable(model, table, options.plan, options.selection, options.batchSize);
  const fed = options.plan.bindings.flatMap((b) => b.kind === "matrix" ? b.features : [b.column]);
  const { predictions, notes } = interpretOutputs({
    model,
    table,
    target,
    selection: options.selection,
    outputs,
    task: options.task,
    positiveLabel: options.positiveLabel,
    missingFeatures: (row) => fed.filter((name) => isMissing(getColumn(table, name), row))
  });
  const sliceColumn = options.sliceBy === void 0 ? void 0 : getColumn(table, options.sliceBy);
  if (options.sliceBy !== void 0 && !sliceColumn)
    throw new ModelguardError(
      "input",
      `${table.source}: slice column '${options.sliceBy}' not found`,
      "check --slice-by",
      {
        file: table.source,
        column: options.sliceBy
      }
    );
  const computed = computeMetrics(
    predictions,
    sliceColumn ? { column: sliceColumn, minSize: options.minSliceSize } : void 0
  );
  return { ...computed, notes: [...notes, ...computed.notes], predictions };
}
async function predictTable(model, table, plan, selection, batchSize = DEFAULT_BATCH_SIZE) {
  const batchRows = Math.min(batchSize, table.rowCount);
  const capacity = plan.fixedBatch ?? Math.max(batchRows, MIN_BATCH_ROWS);
  const feeders = createBatchFeeders(plan.bindings, table, capacity, model.Tensor);
  const names = selection.kind === "pair" ? [selection.label, selection.probabilities] : [selection.name];
  return runBatches(model.session, feeders, names, {
    rowCount: table.rowCount,
    batchRows,
    ...plan.fixedBatch !== void 0 ? { fixedBatch: plan.fixedBatch } : { minRows: MIN_BATCH_ROWS },
    modelPath: model.path
  });
}

// src/cli/commands/compare.ts
function registerCompare(program, io, exit) {
  return withReportOptions(
    program.command("compare").description("compare a candidate model with the production baseline, paired on the same rows, and gate it").option("--candidate-model <onnx>", "the new model").option("--baseline-model <onnx>", "the production model").option("--data <file>", "with models: the test data both are evaluated on").option("--target <column>", "with models: the target column").option(
      "--task <task>",
      "auto | binary | multiclass | regression",
      choiceOption("--task", ["auto", "binary", "multiclass", "regression"]),
      "auto"
    ).option("--features <a,b>", "feature columns in model input order", listOption).option("--positive-label <label>", "binary: the positive class").option("--candidate <metrics.json>", "aggregate-only: the candidate's metrics.json").option(
      "--baseline <metrics.json|git:REF:PATH>",
      "aggregate-only: the baseline's metrics.json, e.g. git:origin/main:ml/metrics.json"
    ).option("--gates <file>", "gates YAML, or a modelguard.yml with a gates: section").option(
      "--confidence <c>",
      "confidence of the intervals (default 0.95)",
      numberOption("--confidence", { min: 0.5, max: 0.999 })
    ).option(
      "--resamples <n>",
      "bootstrap resamples (default 2000)",
      numberOption("--resamples", { min: 1e3, integer: true })
    ).option("--seed <n>", "bootstrap seed (default 0)", numberOption("--seed", { min: 0, integer: true })).option("--metrics <a,b>", "metrics to show besides the gated ones (default: the task's usual set)", listOption).option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print the comparison as JSON on stdout").option("--out <file>", "also write the comparison JSON to a file").option("--no-fail", "exit 0 even when a gate fails").option("--validation <file>", "with a report: the validate --out result to include").option("--drift <file>", "with a report: the drift --out result to include")
  ).action(async (flags) => {
    const { comparison, candidateMetrics } = await compareCommand(flags);
    if (flags.out) writeJsonFile(flags.out, comparison);
    io.out(flags.json ? JSON.stringify(comparison, null, 2) : describeComparison(comparison));
    if (flags.report || flags.html || flags.summary || flags.comment) {
      await emitReport(
        {
          comparison,
          ...candidateMetrics ? { candidateMetrics } : {},
          ...flags.validation ? { validation: readResult(flags.validation, "modelguard.validation") } : {},
          ...flags.drift ? { drift: readResult(flags.drift, "modelguard.drift") } : {}
        },
        { ...flags, reportId: flags.reportId ?? "default" },
        io
      );
    }
    if (comparison.verdict === "fail" && flags.fail) exit.code = 1;
  });
}
async function compareCommand(flags) {
  const policy = resolvePolicy2(flags);
  const withModels = flags.candidateModel !== void 0 || flags.baselineModel !== void 0;
  const withMetrics = flags.candidate !== void 0 || flags.baseline !== void 0;
  if (withModels === withMetrics) {
    throw new ModelguardError(
      "usage",
      withModels ? "give either models (--candidate-model/--baseline-model) or metrics files (--candidate/--baseline), not both" : "compare needs two models or two metrics files",
      "paired: --candidate-model NEW.onnx --baseline-model PROD.onnx --data test.csv --target y; aggregates: --candidate metrics.json --baseline git:origin/main:ml/metrics.json"
    );
  }
  if (withMetrics) {
    if (!flags.candidate || !flags.baseline)
      throw new ModelguardError("usage", "aggregate comparison needs both --candidate and --baseline");
    const candidate = readMetricsDocument(flags.candidate);
    const baseline = readMetricsDocument(flags.baseline);
    const comparison2 = compareAggregates({
      candidate,
      baseline,
      candidateSide: { source: flags.candidate, model: candidate.model },
      baselineSide: { source: flags.baseline, model: baseline.model },
      policy,
      ...flags.metrics ? { metrics: flags.metrics } : {}
    });
    return { comparison: comparison2, candidateMetrics: candidate };
  }
  if (!flags.candidateModel || !flags.baselineModel)
    throw new ModelguardError("usage", "paired comparison needs both --candidate-model and --baseline-model");
  if (!flags.data || !flags.target)
    throw new ModelguardError(
      "usage",
      "paired comparison needs --data and --target",
      "both models are evaluated on the same rows of --data"
    );
  const common = {
    data: flags.data,
    target: flags.target,
    ...flags.task ? { task: flags.task } : {},
    ...flags.features ? { features: flags.features } : {},
    ...flags.positiveLabel ? { positiveLabel: flags.positiveLabel } : {},
    ...flags.delimiter ? { load: { delimiter: flags.delimiter } } : {}
  };
  const [cand, base] = await Promise.all([
    evaluateModel({ ...common, model: flags.candidateModel }),
    evaluateModel({ ...common, model: flags.baselineModel })
  ]);
  const comparison = compareModels({
    candidate: cand.predictions,
    baseline: base.predictions,
    candidateSide: { source: flags.candidateModel, model: cand.document.model },
    baselineSide: { source: flags.baselineModel, model: base.document.model },
    data: cand.document.data,
    policy,
    ...flags.metrics ? { metrics: flags.metrics } : {}
  });
  return { comparison, candidateMetrics: cand.document };
}
function resolvePolicy2(flags) {
  const base = flags.gates ? readGatePolicy(flags.gates) : gatePolicyFrom({}, "flags");
  return {
    gates: base.gates,
    confidence: flags.confidence ?? base.confidence ?? DEFAULT_GATE_POLICY.confidence,
    resamples: flags.resamples ?? base.resamples ?? DEFAULT_GATE_POLICY.resamples,
    seed: flags.seed ?? base.seed ?? DEFAULT_GATE_POLICY.seed
  };
}
function describeComparison(r) {
  const icon = r.verdict === "pass" ? "PASS" : r.verdict === "fail" ? "FAIL" : "WARN";
  const pct = `${Math.round(r.confidence * 100)}%`;
  const rows = r.metrics.map((m) => [
    m.name,
    m.baseline ?? "-",
    m.candidate ?? "-",
    m.delta === null ? "-" : (m.delta > 0 ? "+" : "") + formatNumber(m.delta),
    m.ci ? `[${formatNumber(m.ci[0])}, ${formatNumber(m.ci[1])}]` : "-",
    m.rule ?? "",
    m.status ?? ""
  ]);
  const how = r.paired ? `paired on ${r.rows} rows, ${r.resamples} bootstrap resamples, ${pct} intervals` : "aggregate metrics only: point values, no intervals";
  const lines = [
    `${icon}: ${r.reason}`,
    "",
    formatTable(["metric", "baseline", "candidate", "delta", `${pct} interval`, "gate", "status"], rows),
    "",
    how
  ];
  const acc = r.metrics.find((m) => m.mcnemar);
  if (acc?.mcnemar) {
    lines.push(
      `McNemar (accuracy): baseline-only correct ${acc.mcnemar.baseline_only_correct}, candidate-only correct ${acc.mcnemar.candidate_only_correct}, exact p = ${formatNumber(acc.mcnemar.p_value)}`
    );
  }
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join("\n");
}

// src/cli/commands/evaluate.ts
var USAGE = "e.g. modelguard evaluate --model model.onnx --data test.csv --target label";
async function evaluateCommand(flags) {
  const missing = ["model", "data", "target"].filter((k) => !flags[k]);
  if (missing.length > 0)
    throw new ModelguardError("usage", `evaluate needs ${missing.map((k) => `--${k}`).join(", ")}`, USAGE);
  const features = typeof flags.features === "string" ? listOption(flags.features) : flags.features;
  const options = {
    model: flags.model,
    data: flags.data,
    target: flags.target,
    task: flags.task ?? "auto",
    ...features !== void 0 ? { features } : {},
    ...flags.inputName !== void 0 ? { inputName: flags.inputName } : {},
    ...flags.outputName !== void 0 ? { outputName: flags.outputName } : {},
    ...flags.positiveLabel !== void 0 ? { positiveLabel: flags.positiveLabel } : {},
    ...flags.sliceBy !== void 0 ? { sliceBy: flags.sliceBy } : {},
    ...flags.minSliceSize !== void 0 ? { minSliceSize: flags.minSliceSize } : {},
    ...flags.predictions !== void 0 ? { predictions: flags.predictions } : {},
    ...flags.batchSize !== void 0 ? { batchSize: flags.batchSize } : {},
    ...flags.delimiter !== void 0 ? { load: { delimiter: flags.delimiter } } : {}
  };
  const { document } = await evaluateModel(options);
  if (flags.out) writeJsonFile(flags.out, document);
  return document;
}
function registerEvaluate(program, io) {
  program.command("evaluate").description("evaluate an ONNX model on a labelled data file and write metrics.json").option("--model <file>", "the .onnx model").option("--data <file>", "labelled data (CSV, JSONL or Parquet)").option("--target <column>", "the label column").option(
    "--task <task>",
    "auto | binary | multiclass | regression (default auto)",
    choiceOption("--task", ["auto", "binary", "multiclass", "regression"])
  ).option(
    "--features <a,b>",
    "feature columns in the model's order (default: metadata feature_names, else all)",
    listOption
  ).option("--input-name <name>", "the model input that takes the feature matrix").option("--output-name <name>", "the model output to evaluate").option("--positive-label <label>", "binary: the positive class (default: the second class)").option("--slice-by <column>", "also compute the metrics per value of this column").option(
    "--min-slice-size <n>",
    `slices smaller than this are reported but not judged (default ${DEFAULT_MIN_SLICE_SIZE})`,
    numberOption("--min-slice-size", { min: 0, integer: true })
  ).option("--predictions <file>", "also write per-row predictions (CSV)").option(
    "--batch-size <n>",
    `rows per inference batch (default ${DEFAULT_BATCH_SIZE})`,
    numberOption("--batch-size", { min: 1, integer: true })
  ).option("--delimiter <c>", "CSV delimiter (default ,; 'tab' for tabs)", delimiterOption).option("--json", "print metrics.json on stdout").option("-o, --out <file>", "write metrics.json to this file").action(async (flags) => {
    const doc = await evaluateCommand(flags);
    io.out(flags.json ? JSON.stringify(doc, null, 2) : describeEvaluation(doc));
  });
}
function describeEvaluation(doc) {
  const task = doc.task === "regression" ? "regression" : `${doc.task} classification`;
  const lines = [
    `${task} of '${doc.target}' on ${doc.data.path} (${doc.data.rows} rows) by ${doc.model.path} (sha256 ${doc.model.sha256.slice(0, 12)})`
  ];
  if (doc.classes)
    lines.push(
      `classes: ${doc.classes.join(", ")}` + (doc.positive_label !== void 0 ? `; positive: ${doc.positive_label}` : "")
    );
  lines.push(
    "",
    formatTable(
      ["metric", "value"],
      Object.entries(doc.metrics).map(([k, v]) => [k, v])
    )
  );
  if (doc.per_class) {
    lines.push(
      "",
      formatTable(
        ["class", "precision", "recall", "f1", "support"],
        doc.per_class.map((p) => [p.label, p.precision, p.recall, p.f1, p.support])
      )
    );
  }
  if (doc.confusion_matrix && doc.classes) {
    const classes = doc.classes;
    lines.push(
      "",
      "confusion matrix (rows: true class, columns: predicted)",
      formatTable(
        ["true \\ predicted", ...classes],
        doc.confusion_matrix.map((row, t) => [classes[t], ...row])
      )
    );
  }
  if (doc.slices && doc.slices.length > 0) {
    const keys = doc.task === "regression" ? ["rmse", "mae", "r2"] : ["accuracy", "f1_macro", "roc_auc"];
    lines.push(
      "",
      formatTable(
        ["slice", "size", "judged", ...keys],
        doc.slices.map((s) => [
          `${s.column}=${s.value ?? "(missing)"}`,
          s.size,
          s.judged ? "yes" : "no (small)",
          ...keys.map((k) => s.metrics[k] === void 0 ? "-" : formatNumber(s.metrics[k]))
        ])
      )
    );
  }
  if (doc.notes.length > 0) {
    lines.push("", "notes:");
    for (const n of doc.notes) lines.push(`  ${n.metric === "*" ? "" : `${n.metric}: `}${n.reason}`);
  }
  lines.push("", `evaluated in ${doc.duration_ms} ms`);
  return lines.join("\n");
}

// monitor/monitorConfig.ts
import { basename, dirname, isAbsolute, resolve } from "node:path";
var UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function parseDuration(text) {
  const re = /([0-9]+)(ms|s|m|h|d)/gy;
  let total = 0;
  let end = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * UNIT_MS[m[2]];
    end = re.lastIndex;
  }
  if (end !== text.length || text.length === 0) throw new RangeError(`'${text}' is not a duration such as 30s, 1h`);
  return total;
}
var UNIT_BYTES = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
function parseSize(text) {
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*([kmg]?b)?$/i.exec(text.trim());
  if (!m) throw new RangeError(`'${text}' is not a size such as 512kb or 10mb`);
  return Math.floor(Number(m[1]) * UNIT_BYTES[(m[2] ?? "b").toLowerCase()]);
}
function readMonitorConfig(path) {
  const value = readYamlFile(path, "config", "monitor config");
  return resolveMonitorConfig(value, path);
}
function resolveMonitorConfig(value, path) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ModelguardError("config", `${path}: expected a mapping with at least 'reference'`, EXAMPLE_HINT, {
      file: path
    });
  }
  const problems = validateContract("monitor-config.schema.json", value);
  if (problems.length > 0) {
    throw new ModelguardError(
      "config",
      `${path}: ${dedupe(problems).slice(0, 5).join("; ")}`,
      "see schemas/monitor-config.schema.json for every key",
      { file: path }
    );
  }
  const raw = value;
  const base = dirname(resolve(path));
  const abs = (p) => isAbsolute(p) ? p : resolve(base, p);
  const listen = raw.listen ?? "127.0.0.1:9470";
  const colon = listen.lastIndexOf(":");
  const port = Number(listen.slice(colon + 1));
  if (port > 65535) throw bad(path, "listen", `port ${port} is above 65535`);
  let window2 = { size: raw.window?.size ?? 1e3 };
  if (raw.window?.duration !== void 0) {
    const durationMs = duration(path, "window.duration", raw.window.duration);
    if (durationMs <= 0) throw bad(path, "window.duration", "must be positive");
    window2 = { durationMs };
  }
  let maxBodyBytes = 10 * 1024 * 1024;
  if (raw.ingest?.max_body !== void 0) {
    try {
      maxBodyBytes = parseSize(raw.ingest.max_body);
    } catch (e) {
      throw bad(path, "ingest.max_body", e.message);
    }
    if (maxBodyBytes < 1) throw bad(path, "ingest.max_body", "must be at least 1 byte");
  }
  const d = raw.actions?.dispatch;
  const dispatch = d?.workflow !== void 0 ? { workflow: d.workflow, ref: d.ref ?? "main" } : d?.event !== void 0 ? { event: d.event } : null;
  let source = null;
  if (raw.source !== void 0) {
    const pollMs = raw.source.poll !== void 0 ? duration(path, "source.poll", raw.source.poll) : 1e3;
    if (pollMs <= 0) throw bad(path, "source.poll", "must be positive");
    source = { file: abs(raw.source.file), pollMs };
  }
  const reference = abs(raw.reference);
  return {
    model: raw.model ?? basename(reference).replace(/\.json$/i, "").replace(/[^A-Za-z0-9._-]/g, "-"),
    reference,
    host: listen.slice(0, colon),
    port,
    window: window2,
    keepWindows: raw.keep_windows ?? 48,
    drift: resolvePolicy(raw.drift ?? {}),
    alert: {
      consecutive: raw.alert?.consecutive ?? 3,
      cooldownMs: raw.alert?.cooldown !== void 0 ? duration(path, "alert.cooldown", raw.alert.cooldown) : 864e5,
      closeAfterClean: raw.alert?.close_after_clean ?? 6
    },
    actions: { issue: { labels: raw.actions?.issue?.labels ?? ["drift"] }, dispatch },
    github: {
      repository: raw.github?.repository ?? null,
      apiUrl: raw.github?.api_url ?? null,
      webUrl: raw.github?.web_url !== void 0 ? webUrl(path, raw.github.web_url) : null
    },
    prediction: {
      column: raw.prediction?.column ?? null,
      countsTowardDataset: raw.prediction?.counts_toward_dataset ?? false
    },
    state: abs(raw.state ?? "./modelguard-state"),
    snapshotIntervalMs: raw.snapshot_interval !== void 0 ? duration(path, "snapshot_interval", raw.snapshot_interval) : 3e4,
    ingest: { tokenEnv: raw.ingest?.token_env ?? "MODELGUARD_INGEST_TOKEN", maxBodyBytes },
    source
  };
}
var EXAMPLE_HINT = "a minimal monitor.yml is `reference: profile.json`";
function duration(path, key, text) {
  try {
    return parseDuration(text);
  } catch (e) {
    throw bad(path, key, e.message);
  }
}
function webUrl(path, text) {
  let u;
  try {
    u = new URL(text);
  } catch {
    throw bad(path, "github.web_url", `'${text}' is not a URL such as https://github.example.com`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw bad(path, "github.web_url", "must be an http(s) URL");
  if (u.username || u.password || u.search || u.hash || !/^[A-Za-z0-9._~/-]*$/.test(u.pathname)) {
    throw bad(
      path,
      "github.web_url",
      "must be a plain root such as https://github.example.com (no query, no credentials)"
    );
  }
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
}
function bad(path, key, why) {
  return new ModelguardError("config", `${path}: ${key}: ${why}`, "see schemas/monitor-config.schema.json", {
    file: path
  });
}
function dedupe(problems) {
  return [...new Set(problems)];
}

// monitor/startMonitor.ts
var import_pino = __toESM(require_pino(), 1);
import { createHash as createHash3, timingSafeEqual } from "node:crypto";
import { mkdirSync as mkdirSync3 } from "node:fs";
import { createServer } from "node:http";
import { join as join4 } from "node:path";

// monitor/driftMonitor.ts
import {
  closeSync as closeSync2,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync as openSync2,
  readFileSync as readFileSync2,
  renameSync,
  rmSync,
  writeFileSync
} from "node:fs";
import { join } from "node:path";

// monitor/alertPolicy.ts
var INITIAL_ALERT_STATE = {
  driftStreak: 0,
  cleanStreak: 0,
  issueOpen: false,
  lastDispatchAt: null
};
function decideAlerts(state, verdict, policy) {
  if (verdict.datasetDrifted === null) return { state, actions: [] };
  const actions = [];
  const next = { ...state };
  if (verdict.datasetDrifted) {
    next.driftStreak++;
    next.cleanStreak = 0;
    if (next.driftStreak >= policy.consecutive) {
      actions.push(next.issueOpen ? "issue.update" : "issue.open");
      next.issueOpen = true;
      if (policy.dispatch && (next.lastDispatchAt === null || verdict.at - next.lastDispatchAt >= policy.cooldownMs)) {
        actions.push("dispatch");
        next.lastDispatchAt = verdict.at;
      }
    }
  } else {
    next.cleanStreak++;
    next.driftStreak = 0;
    if (next.issueOpen && next.cleanStreak >= policy.closeAfterClean) {
      actions.push("issue.close");
      next.issueOpen = false;
    }
  }
  return { state: next, actions };
}

// monitor/alertRequests.ts
function driftIssueMarker(model) {
  return `<!-- modelguard:issue id=drift/${model} -->`;
}
function repositoryOf(config) {
  return config.github.repository ?? process.env.GITHUB_REPOSITORY ?? "OWNER/REPO";
}
function apiRootOf(config, env = process.env) {
  return (config.github.apiUrl || env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
}
function webRootOf(config, env = process.env) {
  if (config.github.webUrl) return config.github.webUrl;
  const api = apiRootOf(config, env);
  let u;
  try {
    u = new URL(api);
  } catch {
    return "https://github.com";
  }
  const path = u.pathname.replace(/\/+$/, "");
  if (u.host === "api.github.com" && path === "") return "https://github.com";
  const ghe = /^api\.([a-z0-9-]+\.ghe\.com)$/.exec(u.host);
  if (ghe && path === "") return `${u.protocol}//${ghe[1]}`;
  const safePath = path.replace(/\/api\/v3$/, "").replace(/[()[\]<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${u.protocol}//${u.host}${safePath}`;
}
function buildAlertRequest(config, action, report, recent, dispatched = false) {
  const repo = repositoryOf(config);
  const idOf = (a) => `${config.model}:w${report.window}:${a}`;
  const base = { id: idOf(action), kind: action, created_at: report.closed_at };
  const marker = driftIssueMarker(config.model);
  const fallback = dispatched ? fallbackRunLink(config) : null;
  const runLink = fallback ? { run_link: { dispatch: idOf("dispatch"), text: fallback } } : {};
  switch (action) {
    case "issue.open":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues`,
        body: {
          title: `Data drift detected for model ${config.model}`,
          body: `${marker}
${alertMarker(base.id)}
${issueBody(config, report, recent, dispatched)}`,
          labels: config.actions.issue.labels,
          ...runLink
        }
      };
    case "issue.update":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues/{issue_number}/comments`,
        body: { body: issueBody(config, report, recent, dispatched), marker, ...runLink }
      };
    case "issue.close":
      return {
        ...base,
        method: "PATCH",
        path: `/repos/${repo}/issues/{issue_number}`,
        body: {
          state: "closed",
          state_reason: "completed",
          comment: `No dataset drift in the last ${config.alert.closeAfterClean} windows (up to window ${report.window}, closed ${report.closed_at}); closing.`,
          marker
        }
      };
    case "dispatch": {
      const d = config.actions.dispatch;
      const payload = dispatchPayload(config, report);
      return "workflow" in d ? {
        ...base,
        method: "POST",
        path: `/repos/${repo}/actions/workflows/${encodeURIComponent(d.workflow)}/dispatches`,
        // return_run_details: GitHub answers with the run it started, which the issue then links.
        body: { ref: d.ref, inputs: payload, return_run_details: true }
      } : {
        ...base,
        method: "POST",
        path: `/repos/${repo}/dispatches`,
        body: { event_type: d.event, client_payload: { ...payload, model: config.model } }
      };
    }
  }
}
function alertMarker(id) {
  return `<!-- modelguard:alert id=${id} -->`;
}
function dispatchPayload(config, report) {
  let features = "";
  for (const f of report.drift.drifted_features) {
    const next = features === "" ? f : `${features},${f}`;
    if (next.length > 1e3) break;
    features = next;
  }
  return {
    reason: `modelguard: dataset drift in ${config.alert.consecutive} consecutive window(s) for model ${config.model}`,
    window: `${report.window} (${report.started_at}/${report.closed_at})`,
    features
  };
}
function pathSegment(s) {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function repositoryPath(config) {
  return repositoryOf(config).split("/").map(pathSegment).join("/");
}
function dispatchLink(config, env = process.env) {
  const d = config.actions.dispatch;
  if (!d) return null;
  const repo = `${webRootOf(config, env)}/${repositoryPath(config)}`;
  return "workflow" in d ? `${repo}/actions/workflows/${pathSegment(d.workflow)}` : `${repo}/actions?query=event%3Arepository_dispatch`;
}
function fallbackRunLink(config) {
  const link = dispatchLink(config);
  return link ? `([runs](${link}))` : null;
}
function trustedRunUrl(htmlUrl, runId, webRoot, repository) {
  if (typeof htmlUrl !== "string" || typeof runId !== "number" || !Number.isSafeInteger(runId) || runId <= 0) {
    return null;
  }
  let u;
  let w;
  try {
    u = new URL(htmlUrl);
    w = new URL(webRoot);
  } catch {
    return null;
  }
  if (u.protocol !== "https:" || w.protocol !== "https:" || u.host !== w.host) return null;
  if (u.username !== "" || u.password !== "" || u.search !== "" || u.hash !== "") return null;
  const prefix = w.pathname.replace(/\/+$/, "");
  if (!u.pathname.startsWith(prefix + "/")) return null;
  const m = /^\/([A-Za-z0-9._-]+)\/([A-Za-z0-9._-]+)\/actions\/runs\/([0-9]+)$/.exec(u.pathname.slice(prefix.length));
  if (!m || `${m[1]}/${m[2]}`.toLowerCase() !== repository.toLowerCase() || Number(m[3]) !== runId) return null;
  return `https://${u.host}${u.pathname}`;
}
function resolveRunLink(text, ref, dispatch, webRoot, repository) {
  if (!ref || !text.includes(ref.text)) return { text, linked: false };
  if (dispatch.state === "sent") {
    const run = runOf(dispatch.result, webRoot, repository);
    return run ? { text: text.replace(ref.text, () => `(${run})`), linked: true } : { text, linked: false };
  }
  if (dispatch.state === "parked") {
    const note = `${ref.text}, but GitHub has not accepted it yet: the monitor keeps retrying (see its log)`;
    return { text: text.replace(ref.text, () => note), linked: false };
  }
  return { text, linked: false };
}
function runOf(result, webRoot, repository) {
  if (!result) return null;
  const url = trustedRunUrl(result.html_url, result.workflow_run_id, webRoot, repository);
  return url ? `[run ${result.workflow_run_id}](${url})` : null;
}
function codeSpan(text) {
  return "`" + text.replace(/[`\r\n]/g, "") + "`";
}
function fmt2(x) {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "—";
  return Math.abs(x) !== 0 && Math.abs(x) < 1e-4 ? x.toExponential(2) : x.toFixed(4);
}
function issueBody(config, report, recent, dispatched = false) {
  const rows = report.drift.features.filter((f) => f.drifted).sort((a, b) => b.statistic - a.statistic).slice(0, 100).map(
    (f) => `| ${escapeMarkdown(f.name)} | ${f.kind} | ${fmt2(f.tests.psi?.statistic)} | ${fmt2(f.tests.ks?.statistic)} | ${fmt2(f.p_value)} | ${f.current.count} |`
  );
  const streak = recent.slice(-Math.max(config.alert.consecutive, 1)).map((r) => `window ${r.window} (${r.closed_at}): ${r.dataset_drifted ? "drifted" : "clean"}`);
  const d = config.actions.dispatch;
  const link = fallbackRunLink(config);
  const retrain = dispatched && d ? "workflow" in d ? `Retraining dispatched: workflow ${codeSpan(d.workflow)} on ${codeSpan(d.ref)}${link ? ` ${link}` : ""}.` : `Retraining dispatched: repository_dispatch event ${codeSpan(d.event)}${link ? ` ${link}` : ""}.` : null;
  const prediction = predictionLine(config, report);
  return [
    // Column names and config values are data: escaped so a column named @everyone pings no one.
    `**${escapeMarkdown(report.drift.summary)}** in window ${report.window} (${report.started_at} to ${report.closed_at}, ${report.events} events).`,
    "",
    "| feature | kind | PSI | KS | p-value (adjusted) | events |",
    "|---|---|---|---|---|---|",
    ...rows,
    "",
    ...prediction ? [prediction, ""] : [],
    ...retrain ? [retrain, ""] : [],
    `Recent windows: ${streak.join("; ")}.`
  ].join("\n");
}
var STAT_LABEL = [
  ["psi", "PSI"],
  ["ks", "KS"],
  ["chisquare", "chi-square"],
  ["jensenshannon", "Jensen-Shannon"],
  ["wasserstein", "Wasserstein"]
];
function predictionLine(config, report) {
  const p = report.prediction;
  if (!p.column) return null;
  const what = `Predictions against the reference column ${escapeMarkdown(p.column)}`;
  const f = p.drift;
  if (!f) return `${what}: not tested (${escapeMarkdown(p.skipped ?? "no predictions")}).`;
  const stats = STAT_LABEL.filter(([m]) => f.tests[m] !== void 0).map(
    ([m, label]) => `${label} ${fmt2(f.tests[m].statistic)}`
  );
  const counts = !config.prediction.countsTowardDataset ? "; reported only, not counted toward dataset drift" : f.drifted && !report.drift.dataset_drifted ? "; this window counts as drifted because of them (prediction.counts_toward_dataset)" : "";
  return `${what}: **${f.drifted ? "drifted" : "no drift"}** (${f.kind}; ${[...stats, `p-value (adjusted) ${fmt2(f.p_value)}`].join(", ")}; ${f.current.count} predictions)${counts}.`;
}

// monitor/eventBatch.ts
var ABSENT = 0;
var VALUE = 1;
var NULL = 2;
var INVALID = 3;
var PREDICTION_MISSING = 0;
var PREDICTION_NUMBER = 1;
var PREDICTION_STRING = 2;
var PREDICTION_BOOLEAN = 3;
var PREDICTION_OTHER = 4;
var MAX_CATEGORY_CODES = 1024;
var MAX_UNKNOWN_NAME_CODES = 256;
var MAX_KEY_BYTES = 64 * 1024;
var POOL_SIZE = 8;
var POOL_MAX_CAPACITY = 1 << 16;
var InternTable = class {
  constructor(maxCodes) {
    this.maxCodes = maxCodes;
    let size = 16;
    while (size < maxCodes * 2) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
    this.keyHash = new Int32Array(maxCodes);
    this.keyStart = new Int32Array(maxCodes);
    this.keyLength = new Int32Array(maxCodes);
    this.keyCode = new Int32Array(maxCodes);
  }
  maxCodes;
  strings = [];
  byString = /* @__PURE__ */ new Map();
  table;
  mask;
  keyHash;
  keyStart;
  keyLength;
  keyCode;
  keyBytes = Buffer.alloc(0);
  keyBytesUsed = 0;
  keys = 0;
  get size() {
    return this.strings.length;
  }
  /** The code of `s`, interning it while there is room; -1 when the table is full and `s` is not in it. */
  codeOf(s) {
    const code = this.byString.get(s);
    if (code !== void 0) return code;
    if (this.strings.length >= this.maxCodes) return -1;
    this.byString.set(s, this.strings.length);
    this.strings.push(s);
    return this.strings.length - 1;
  }
  /** The code remembered for the raw bytes `buf[start, end)`, or -1. */
  codeOfBytes(buf, start, end) {
    const h = fnv1a(buf, start, end);
    const len = end - start;
    const bytes = this.keyBytes;
    for (let i = h & this.mask; ; i = i + 1 & this.mask) {
      const slot = this.table[i];
      if (slot === 0) return -1;
      const k = slot - 1;
      if (this.keyHash[k] !== h || this.keyLength[k] !== len) continue;
      let at = this.keyStart[k];
      let j = start;
      while (j < end && bytes[at] === buf[j]) {
        at++;
        j++;
      }
      if (j === end) return this.keyCode[k];
    }
  }
  /** Remembers that the raw bytes `buf[start, end)` stand for `code` (while there is room). */
  rememberBytes(buf, start, end, code) {
    const len = end - start;
    if (code < 0 || this.keys >= this.maxCodes || this.keyBytesUsed + len > MAX_KEY_BYTES) return;
    if (this.keyBytesUsed + len > this.keyBytes.length) {
      const grown = Buffer.alloc(Math.min(MAX_KEY_BYTES, Math.max(256, (this.keyBytesUsed + len) * 2)));
      this.keyBytes.copy(grown, 0, 0, this.keyBytesUsed);
      this.keyBytes = grown;
    }
    const h = fnv1a(buf, start, end);
    const k = this.keys++;
    this.keyHash[k] = h;
    this.keyStart[k] = this.keyBytesUsed;
    this.keyLength[k] = len;
    this.keyCode[k] = code;
    this.keyBytes.set(buf.subarray(start, end), this.keyBytesUsed);
    this.keyBytesUsed += len;
    let i = h & this.mask;
    while (this.table[i] !== 0) i = i + 1 & this.mask;
    this.table[i] = k + 1;
  }
};
function fnv1a(buf, start, end) {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 16777619);
  return h;
}
var BatchEncoding = class {
  constructor(layout) {
    this.layout = layout;
    this.width = layout.names.length;
    this.names = new InternTable(this.width + MAX_UNKNOWN_NAME_CODES);
    layout.names.forEach((name, i) => {
      this.names.codeOf(name);
      const bytes = Buffer.from(name, "utf8");
      if (bytes.toString("utf8") === name) this.names.rememberBytes(bytes, 0, bytes.length, i);
    });
    this.plainNames = layout.names.map((name) => {
      const bytes = Buffer.from(name, "utf8");
      const plain = bytes.toString("utf8") === name && !bytes.some((b) => b < 32 || b === 34 || b === 92);
      return plain ? bytes : null;
    });
    this.kinds = Uint8Array.from(layout.kinds, (k) => k === "numeric" ? 1 : k === "categorical" ? 2 : 0);
    this.categories = layout.kinds.map((k) => k === "categorical" ? new InternTable(MAX_CATEGORY_CODES) : null);
  }
  layout;
  width;
  names;
  categories;
  prediction = new InternTable(MAX_CATEGORY_CODES);
  /** 0 untested, 1 numeric, 2 categorical, per feature code. */
  kinds;
  /**
   * The UTF-8 bytes of each feature name that JSON writes as is (no quote, backslash or control character), else
   * null; the reader matches a key against them without decoding it.
   */
  plainNames;
  /** The feature codes of the last event's first keys, in order (-1: none or unknown): the next event's likely keys. */
  keyOrder = new Int32Array(64).fill(-1);
  pool = [];
};
var encodings = /* @__PURE__ */ new WeakMap();
function encodingOf(layout) {
  let e = encodings.get(layout);
  if (!e) encodings.set(layout, e = new BatchEncoding(layout));
  return e;
}
function obtainBatch(layout) {
  const encoding = encodingOf(layout);
  const b = encoding.pool.pop();
  if (!b) return new EventBatch(encoding);
  b.reuse();
  return b;
}
function batchOfEvents(layout, events) {
  const b = obtainBatch(layout);
  for (const e of events) b.appendObject(e.features, e.prediction);
  return b;
}
var EventBatch = class {
  constructor(encoding, capacity = 1024) {
    this.encoding = encoding;
    this.width = encoding.width;
    this.capacity = capacity;
    this.status = new Uint8Array(capacity * this.width);
    this.values = new Float64Array(capacity * this.width);
    this.predictionStatus = new Uint8Array(capacity);
    this.predictionValues = new Float64Array(capacity);
  }
  encoding;
  length = 0;
  width;
  status;
  values;
  predictionStatus;
  predictionValues;
  /** Unknown feature names in the order seen, each once per event, with the event it came in. */
  unknownEvent = [];
  unknownName = [];
  /** Category values past the intern tables' bound: code -1 - k stands for extra[k]. */
  extra = [];
  capacity;
  released = false;
  /** Starts a new event, every feature ABSENT and no prediction; returns its index. */
  begin() {
    if (this.released) throw new Error("EventBatch used after release");
    const e = this.length;
    if (e === this.capacity) this.grow();
    const row = e * this.width;
    for (let k = row; k < row + this.width; k++) this.status[k] = ABSENT;
    this.predictionStatus[e] = PREDICTION_MISSING;
    this.length = e + 1;
    return e;
  }
  /** Drops the last event (begun by `begin`), e.g. when the fast parser hands its line to JSON.parse. */
  dropLast() {
    const e = --this.length;
    while (this.unknownEvent.length > 0 && this.unknownEvent[this.unknownEvent.length - 1] === e) {
      this.unknownEvent.pop();
      this.unknownName.pop();
    }
  }
  grow() {
    const cap = this.capacity * 2;
    const status = new Uint8Array(cap * this.width);
    status.set(this.status);
    const values = new Float64Array(cap * this.width);
    values.set(this.values);
    const ps = new Uint8Array(cap);
    ps.set(this.predictionStatus);
    const pv = new Float64Array(cap);
    pv.set(this.predictionValues);
    Object.assign(this, { status, values, predictionStatus: ps, predictionValues: pv, capacity: cap });
  }
  /** The code of a category value of feature `f` (or of the prediction, f = -1), interned when there is room. */
  categoryCode(f, s) {
    const table = f < 0 ? this.encoding.prediction : this.encoding.categories[f];
    const code = table.codeOf(s);
    if (code >= 0) return code;
    this.extra.push(s);
    return -this.extra.length;
  }
  /** The category value behind a code of feature `f` (or of the prediction, f = -1). */
  category(f, code) {
    if (code < 0) return this.extra[-1 - code];
    return (f < 0 ? this.encoding.prediction : this.encoding.categories[f]).strings[code];
  }
  /** Records an unknown feature name of event `e` (the last one), once per event; false when there are too many. */
  noteUnknown(e, name) {
    let n = 0;
    for (let k = this.unknownEvent.length - 1; k >= 0 && this.unknownEvent[k] === e; k--) {
      if (this.unknownName[k] === name) return true;
      if (++n >= 32) return false;
    }
    this.unknownEvent.push(e);
    this.unknownName.push(name);
    return true;
  }
  /** Appends one event given as a parsed JSON object: the reference semantics the fast parser reproduces. */
  appendObject(features, prediction) {
    const e = this.begin();
    const { names, kinds } = this.encoding;
    const w = this.width;
    for (const key in features) {
      const f = names.codeOf(key);
      if (f < 0 || f >= w) {
        this.unknownEvent.push(e);
        this.unknownName.push(key);
        continue;
      }
      const kind = kinds[f];
      if (kind === 0) continue;
      const v = features[key];
      const k = e * w + f;
      if (v === null || v === void 0) this.status[k] = NULL;
      else if (kind === 1) {
        if (typeof v === "number") {
          this.status[k] = VALUE;
          this.values[k] = v;
        } else this.status[k] = INVALID;
      } else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
        this.status[k] = VALUE;
        this.values[k] = this.categoryCode(f, typeof v === "string" ? v : String(v));
      } else this.status[k] = INVALID;
    }
    this.setPrediction(e, prediction);
  }
  /** Sets the prediction of event e from a JSON value. */
  setPrediction(e, prediction) {
    if (prediction === void 0 || prediction === null) this.predictionStatus[e] = PREDICTION_MISSING;
    else if (typeof prediction === "number") {
      this.predictionStatus[e] = PREDICTION_NUMBER;
      this.predictionValues[e] = prediction;
    } else if (typeof prediction === "string") {
      this.predictionStatus[e] = PREDICTION_STRING;
      this.predictionValues[e] = this.categoryCode(-1, prediction);
    } else if (typeof prediction === "boolean") {
      this.predictionStatus[e] = PREDICTION_BOOLEAN;
      this.predictionValues[e] = prediction ? 1 : 0;
    } else this.predictionStatus[e] = PREDICTION_OTHER;
  }
  /** The prediction of event e as the JSON value it was (objects and arrays, which are ignored, as null). */
  prediction(e) {
    const st = this.predictionStatus[e];
    const v = this.predictionValues[e];
    if (st === PREDICTION_NUMBER) return v;
    if (st === PREDICTION_STRING) return this.category(-1, v);
    if (st === PREDICTION_BOOLEAN) return v === 1;
    return null;
  }
  /** Replaces every number, string or boolean prediction p by fn(p) (absent, null and ignored ones stay as they are). */
  mapPredictions(fn) {
    const ps = this.predictionStatus;
    for (let e = 0; e < this.length; e++) {
      const st = ps[e];
      if (st === PREDICTION_NUMBER || st === PREDICTION_STRING || st === PREDICTION_BOOLEAN)
        this.setPrediction(e, fn(this.prediction(e)));
    }
  }
  /** Returns the batch to its layout's pool (it must not be used afterwards; releasing twice is harmless). */
  release() {
    if (this.released) return;
    this.released = true;
    this.length = 0;
    this.unknownEvent.length = 0;
    this.unknownName.length = 0;
    this.extra.length = 0;
    const pool = this.encoding.pool;
    if (pool.length < POOL_SIZE && this.capacity <= POOL_MAX_CAPACITY) pool.push(this);
  }
  /** Taken from the pool again. */
  reuse() {
    this.released = false;
  }
};

// monitor/parseBatch.ts
function parseBatch(body, layout) {
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c <= 32) i++;
    else if (c === 239 && body[i + 1] === 187 && body[i + 2] === 191) i += 3;
    else break;
  }
  if (i === body.length) return { ok: false, message: "empty body: send NDJSON or a JSON array of events" };
  if (body[i] === LBRACKET) {
    const parsed = parseArray(body.toString("utf8"));
    return parsed.ok ? { ok: true, events: batchOfEvents(layout, parsed.events) } : parsed;
  }
  const batch = obtainBatch(layout);
  const encoding = encodingOf(layout);
  let line = 0;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(NL, start);
    if (end < 0) end = body.length;
    line++;
    if (!readLine(body, start, end, batch, encoding)) {
      const problem = slowLine(body.toString("utf8", start, end), batch);
      if (problem !== null) {
        batch.release();
        return { ok: false, line, message: `line ${line}: ${problem}` };
      }
    }
    start = end + 1;
  }
  return { ok: true, events: batch };
}
function slowLine(raw, batch) {
  if (raw.trim() === "") return null;
  let v;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return `invalid JSON: ${e.message}`;
  }
  const problem = checkEvent(v);
  if (problem) return problem;
  batch.appendObject(v.features, v.prediction);
  return null;
}
function parseEventLine(raw) {
  if (raw.trim() === "") return { ok: true, event: null };
  let v;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return { ok: false, message: `invalid JSON: ${e.message}` };
  }
  const problem = checkEvent(v);
  return problem ? { ok: false, message: problem } : { ok: true, event: v };
}
function parseArray(text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch (e) {
    const message = e.message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : firstBadArrayLine(text);
    return {
      ok: false,
      message: `${line !== void 0 ? `line ${line}: ` : ""}invalid JSON: ${message}`,
      ...line !== void 0 ? { line } : {}
    };
  }
  if (!Array.isArray(v)) return { ok: false, message: "expected a JSON array of events" };
  for (let k = 0; k < v.length; k++) {
    const problem = checkEvent(v[k]);
    if (problem) return { ok: false, index: k, message: `event ${k} (0-based): ${problem}` };
  }
  return { ok: true, events: v };
}
function checkEvent(v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return "an event must be a JSON object";
  const f = v.features;
  if (f === null || typeof f !== "object" || Array.isArray(f)) return "an event needs a 'features' object";
  return null;
}
function firstBadArrayLine(text) {
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) {
    let s = lines[k].trim();
    if (k === 0 || s.startsWith("[")) s = s.replace(/^\uFEFF?\s*\[/, "");
    s = s.replace(/\]\s*$/, "").trim().replace(/,$/, "").trim();
    if (s === "") continue;
    try {
      JSON.parse(s);
    } catch {
      return k + 1;
    }
  }
  return void 0;
}
function lineAt(text, pos) {
  let line = 1;
  for (let k = 0; k < pos && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}
var FAIL = -1;
var NL = 10;
var QUOTE = 34;
var COMMA = 44;
var COLON = 58;
var MINUS = 45;
var PLUS = 43;
var DOT = 46;
var ZERO = 48;
var NINE = 57;
var LBRACE = 123;
var RBRACE = 125;
var LBRACKET = 91;
var RBRACKET = 93;
var MAX_DEPTH = 64;
var POW10 = Float64Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
var scratchNumber = new Float64Array(1);
var stringEscaped = false;
var isDigit = (c) => c >= ZERO && c <= NINE;
function skipSpace(buf, p, end) {
  while (p < end) {
    const c = buf[p];
    if (c !== 32 && c !== 9 && c !== 13) break;
    p++;
  }
  return p;
}
function readString(buf, p, end) {
  const close = scanJsonString(buf, p, end);
  stringEscaped = jsonStringScan.escaped;
  return close < 0 ? FAIL : close + 1;
}
function readNumber(buf, p, end, out, k) {
  const from = p;
  let negative = false;
  if (buf[p] === MINUS) {
    negative = true;
    p++;
  }
  if (p >= end) return FAIL;
  let m = 0;
  let c = buf[p];
  let digits = 0;
  if (c === ZERO) {
    p++;
    if (p < end && (c = buf[p]) >= ZERO && c <= NINE) return FAIL;
  } else if (c > ZERO && c <= NINE) {
    const intStart = p;
    do {
      m = m * 10 + (c - ZERO);
      p++;
    } while ((c = buf[p]) >= ZERO && c <= NINE);
    digits = p - intStart;
  } else return FAIL;
  let exp = 0;
  if (p < end && buf[p] === DOT) {
    p++;
    const fracStart = p;
    while ((c = buf[p]) >= ZERO && c <= NINE) {
      m = m * 10 + (c - ZERO);
      p++;
    }
    if (p === fracStart) return FAIL;
    exp = fracStart - p;
    digits -= exp;
  }
  if (p < end && (buf[p] === 101 || buf[p] === 69)) {
    p++;
    let sign = 1;
    if (buf[p] === MINUS || buf[p] === PLUS) {
      if (buf[p] === MINUS) sign = -1;
      p++;
    }
    const expStart = p;
    let e = 0;
    while ((c = buf[p]) >= ZERO && c <= NINE) {
      if (e < 1e5) e = e * 10 + (c - ZERO);
      p++;
    }
    if (p === expStart) return FAIL;
    exp += sign * e;
  }
  if (digits <= 15 && exp >= -22 && exp <= 22) {
    const v = exp < 0 ? m / POW10[-exp] : m * POW10[exp];
    out[k] = negative ? -v : v;
  } else out[k] = Number(buf.toString("latin1", from, p));
  return p;
}
function readLiteral(buf, p, end, word) {
  if (p + word.length > end) return FAIL;
  for (let k = 0; k < word.length; k++) if (buf[p + k] !== word.charCodeAt(k)) return FAIL;
  return p + word.length;
}
function skipValue(buf, p, end, depth) {
  if (p >= end) return FAIL;
  const c = buf[p];
  if (c === QUOTE) return readString(buf, p, end);
  if (c === MINUS || isDigit(c)) {
    return readNumber(buf, p, end, scratchNumber, 0);
  }
  if (c === 116) return readLiteral(buf, p, end, "true");
  if (c === 102) return readLiteral(buf, p, end, "false");
  if (c === 110) return readLiteral(buf, p, end, "null");
  if (depth >= MAX_DEPTH) return FAIL;
  if (c === LBRACE) {
    p = skipSpace(buf, p + 1, end);
    if (buf[p] === RBRACE) return p + 1;
    for (; ; ) {
      if (buf[p] !== QUOTE) return FAIL;
      p = readString(buf, p, end);
      if (p === FAIL) return FAIL;
      p = skipSpace(buf, p, end);
      if (buf[p] !== COLON) return FAIL;
      p = skipValue(buf, skipSpace(buf, p + 1, end), end, depth + 1);
      if (p === FAIL) return FAIL;
      p = skipSpace(buf, p, end);
      if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
      else if (buf[p] === RBRACE) return p + 1;
      else return FAIL;
    }
  }
  if (c === LBRACKET) {
    p = skipSpace(buf, p + 1, end);
    if (buf[p] === RBRACKET) return p + 1;
    for (; ; ) {
      p = skipValue(buf, p, end, depth + 1);
      if (p === FAIL) return FAIL;
      p = skipSpace(buf, p, end);
      if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
      else if (buf[p] === RBRACKET) return p + 1;
      else return FAIL;
    }
  }
  return FAIL;
}
function stringValue(buf, p, q) {
  return stringEscaped ? JSON.parse(buf.toString("utf8", p, q)) : buf.toString("utf8", p + 1, q - 1);
}
function categoryOfString(batch, encoding, f, buf, p, q) {
  const table = f < 0 ? encoding.prediction : encoding.categories[f];
  if (!stringEscaped) {
    const known = table.codeOfBytes(buf, p + 1, q - 1);
    if (known >= 0) return known;
  }
  const code = batch.categoryCode(f, stringValue(buf, p, q));
  if (!stringEscaped) table.rememberBytes(buf, p + 1, q - 1, code);
  return code;
}
var FEATURES = Buffer.from("features");
var PREDICTION = Buffer.from("prediction");
function sameBytes(buf, at, word) {
  for (let k = 0; k < word.length; k++) if (buf[at + k] !== word[k]) return false;
  return true;
}
function matchName(buf, p, end, name) {
  if (name === null) return FAIL;
  const n = name.length;
  if (p + n >= end || buf[p + n] !== QUOTE) return FAIL;
  for (let k = 0; k < n; k++) if (buf[p + k] !== name[k]) return FAIL;
  return p + n + 1;
}
function isArrayIndex(name) {
  const c = name.charCodeAt(0);
  return c >= ZERO && c <= NINE && /^(?:0|[1-9][0-9]*)$/.test(name) && Number(name) < 4294967295;
}
function readLine(buf, start, end, batch, encoding) {
  const p = skipSpace(buf, start, end);
  if (p === end) return true;
  if (buf[p] !== LBRACE) return false;
  const e = batch.begin();
  if (readEvent(buf, p, end, batch, encoding, e)) return true;
  batch.dropLast();
  return false;
}
function readEvent(buf, p, end, batch, encoding, e) {
  let sawFeatures = false;
  let sawPrediction = false;
  p = skipSpace(buf, p + 1, end);
  if (buf[p] === RBRACE) return false;
  for (; ; ) {
    if (buf[p] !== QUOTE) return false;
    const keyStart = p + 1;
    p = readString(buf, p, end);
    if (p === FAIL || stringEscaped) return false;
    const keyLength = p - 1 - keyStart;
    p = skipSpace(buf, p, end);
    if (buf[p] !== COLON) return false;
    p = skipSpace(buf, p + 1, end);
    if (keyLength === 8 && sameBytes(buf, keyStart, FEATURES)) {
      if (sawFeatures || buf[p] !== LBRACE) return false;
      sawFeatures = true;
      p = readFeatures(buf, p, end, batch, encoding, e);
    } else if (keyLength === 10 && sameBytes(buf, keyStart, PREDICTION)) {
      if (sawPrediction) return false;
      sawPrediction = true;
      p = readPrediction(buf, p, end, batch, encoding, e);
    } else p = skipValue(buf, p, end, 0);
    if (p === FAIL) return false;
    p = skipSpace(buf, p, end);
    if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
    else if (buf[p] === RBRACE) break;
    else return false;
  }
  return sawFeatures && skipSpace(buf, p + 1, end) === end;
}
function readPrediction(buf, p, end, batch, encoding, e) {
  const c = buf[p];
  if (c === QUOTE) {
    const q2 = readString(buf, p, end);
    if (q2 === FAIL) return FAIL;
    batch.predictionStatus[e] = PREDICTION_STRING;
    batch.predictionValues[e] = categoryOfString(batch, encoding, -1, buf, p, q2);
    return q2;
  }
  if (c === MINUS || c !== void 0 && isDigit(c)) {
    const q2 = readNumber(buf, p, end, batch.predictionValues, e);
    if (q2 !== FAIL) batch.predictionStatus[e] = PREDICTION_NUMBER;
    return q2;
  }
  if (c === 116 || c === 102) {
    const q2 = readLiteral(buf, p, end, c === 116 ? "true" : "false");
    if (q2 === FAIL) return FAIL;
    batch.predictionStatus[e] = PREDICTION_BOOLEAN;
    batch.predictionValues[e] = c === 116 ? 1 : 0;
    return q2;
  }
  if (c === 110) return readLiteral(buf, p, end, "null");
  const q = skipValue(buf, p, end, 0);
  if (q !== FAIL) batch.predictionStatus[e] = PREDICTION_OTHER;
  return q;
}
function readFeatures(buf, p, end, batch, encoding, e) {
  const { names, kinds, width, plainNames, keyOrder } = encoding;
  const row = e * width;
  p = skipSpace(buf, p + 1, end);
  if (buf[p] === RBRACE) return p + 1;
  for (let j = 0; ; j++) {
    if (buf[p] !== QUOTE) return FAIL;
    let f = j < keyOrder.length ? keyOrder[j] : -1;
    let q = f >= 0 ? matchName(buf, p + 1, end, plainNames[f]) : FAIL;
    let name = null;
    if (q === FAIL) {
      q = readString(buf, p, end);
      if (q === FAIL) return FAIL;
      f = stringEscaped ? -1 : names.codeOfBytes(buf, p + 1, q - 1);
      if (f < 0) {
        name = stringValue(buf, p, q);
        f = names.codeOf(name);
        if (f >= 0 && !stringEscaped) names.rememberBytes(buf, p + 1, q - 1, f);
      }
      if (j < keyOrder.length) keyOrder[j] = f < width ? f : -1;
    }
    p = skipSpace(buf, q, end);
    if (buf[p] !== COLON) return FAIL;
    p = skipSpace(buf, p + 1, end);
    if (p >= end) return FAIL;
    if (f < 0 || f >= width) {
      const unknown = name ?? names.strings[f];
      if (isArrayIndex(unknown) || !batch.noteUnknown(e, unknown)) return FAIL;
      p = skipValue(buf, p, end, 0);
    } else {
      const kind = kinds[f];
      const k = row + f;
      const c = buf[p];
      if (kind === 1) {
        if (c === MINUS || isDigit(c)) {
          p = readNumber(buf, p, end, batch.values, k);
          batch.status[k] = VALUE;
        } else if (c === 110) {
          p = readLiteral(buf, p, end, "null");
          batch.status[k] = NULL;
        } else {
          p = skipValue(buf, p, end, 0);
          batch.status[k] = INVALID;
        }
      } else if (kind === 2) {
        if (c === QUOTE) {
          const s = p;
          p = readString(buf, p, end);
          if (p === FAIL) return FAIL;
          batch.status[k] = VALUE;
          batch.values[k] = categoryOfString(batch, encoding, f, buf, s, p);
        } else if (c === MINUS || isDigit(c)) {
          p = readNumber(buf, p, end, scratchNumber, 0);
          if (p === FAIL) return FAIL;
          batch.status[k] = VALUE;
          batch.values[k] = batch.categoryCode(f, String(scratchNumber[0]));
        } else if (c === 116 || c === 102) {
          const word = c === 116 ? "true" : "false";
          p = readLiteral(buf, p, end, word);
          batch.status[k] = VALUE;
          batch.values[k] = batch.categoryCode(f, word);
        } else if (c === 110) {
          p = readLiteral(buf, p, end, "null");
          batch.status[k] = NULL;
        } else {
          p = skipValue(buf, p, end, 0);
          batch.status[k] = INVALID;
        }
      } else p = skipValue(buf, p, end, 0);
    }
    if (p === FAIL) return FAIL;
    p = skipSpace(buf, p, end);
    if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
    else if (buf[p] === RBRACE) return p + 1;
    else return FAIL;
  }
}

// monitor/windowState.ts
var NumericAccumulator = class _NumericAccumulator {
  kind = "numeric";
  sketch;
  count = 0;
  finite = 0;
  mean = 0;
  m2 = 0;
  missing = 0;
  invalid = 0;
  constructor(accuracy) {
    this.sketch = new QuantileSketch(accuracy);
  }
  add(x) {
    this.count++;
    this.sketch.add(x);
    if (x === Infinity || x === -Infinity) return;
    this.finite++;
    const d = x - this.mean;
    this.mean += d / this.finite;
    this.m2 += d * (x - this.mean);
  }
  merge(o) {
    this.sketch.merge(o.sketch);
    const n = this.finite + o.finite;
    if (n > 0) {
      const d = o.mean - this.mean;
      this.m2 += o.m2 + d * d * this.finite * o.finite / n;
      this.mean += d * o.finite / n;
    }
    this.finite = n;
    this.count += o.count;
    this.missing += o.missing;
    this.invalid += o.invalid;
  }
  sample() {
    return {
      kind: "numeric",
      form: "sketch",
      sketch: this.sketch,
      count: this.count,
      std0: this.finite > 0 ? Math.sqrt(this.m2 / this.finite) : null,
      missing: this.missing + this.invalid
    };
  }
  toJson() {
    const { count, finite, mean: mean2, m2, missing, invalid } = this;
    return { kind: "numeric", count, finite, mean: mean2, m2, missing, invalid, sketch: this.sketch.toJson() };
  }
  static fromJson(j) {
    const a = new _NumericAccumulator(j.sketch.relative_accuracy);
    a.sketch = QuantileSketch.fromJson(j.sketch);
    Object.assign(a, { count: j.count, finite: j.finite, mean: j.mean, m2: j.m2, missing: j.missing });
    a.invalid = j.invalid;
    return a;
  }
};
var CategoricalAccumulator = class _CategoricalAccumulator {
  kind = "categorical";
  counts = /* @__PURE__ */ new Map();
  count = 0;
  missing = 0;
  invalid = 0;
  add(v, n = 1) {
    this.count += n;
    this.counts.set(v, (this.counts.get(v) ?? 0) + n);
  }
  merge(o) {
    for (const [v, c] of o.counts) this.counts.set(v, (this.counts.get(v) ?? 0) + c);
    this.count += o.count;
    this.missing += o.missing;
    this.invalid += o.invalid;
  }
  sample() {
    return { kind: "categorical", counts: this.counts, count: this.count, missing: this.missing + this.invalid };
  }
  toJson() {
    const entries = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return {
      kind: "categorical",
      count: this.count,
      missing: this.missing,
      invalid: this.invalid,
      values: entries.map((e) => e[0]),
      counts: entries.map((e) => e[1])
    };
  }
  static fromJson(j) {
    const a = new _CategoricalAccumulator();
    j.values.forEach((v, i) => a.counts.set(v, j.counts[i]));
    a.count = j.count;
    a.missing = j.missing;
    a.invalid = j.invalid;
    return a;
  }
};
function layoutOf(profile) {
  const names = Object.keys(profile.columns);
  const kinds = names.map((n) => {
    const k = profile.columns[n].kind;
    return k === "numeric" || k === "categorical" ? k : "untested";
  });
  return { names, kinds, index: new Map(names.map((n, i) => [n, i])), accuracy: profile.sketch_accuracy };
}
var MAX_UNKNOWN_NAMES = 100;
var codeCounts = new Float64Array(MAX_CATEGORY_CODES);
var codeOrder = new Int32Array(MAX_CATEGORY_CODES);
function lowerBound(xs, x) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
var WindowState = class _WindowState {
  constructor(layout, index, startedAt) {
    this.layout = layout;
    this.index = index;
    this.startedAt = startedAt;
    this.slots = layout.kinds.map(
      (k) => k === "numeric" ? new NumericAccumulator(layout.accuracy) : k === "categorical" ? new CategoricalAccumulator() : null
    );
    this.predictionNumeric = new NumericAccumulator(layout.accuracy);
  }
  layout;
  index;
  startedAt;
  events = 0;
  slots;
  predictionNumeric;
  predictionCategorical = new CategoricalAccumulator();
  predictionMissing = 0;
  unknown = /* @__PURE__ */ new Map();
  unknownOther = 0;
  /**
   * Adds one event's features (an already-parsed JSON object). Returns the number of type mismatches (a string for a
   * numeric feature, an object anywhere), which count as invalid values of their feature. The one-event form of
   * addBatch, for callers holding objects (the tests' reference path); ingest uses addBatch.
   */
  addEvent(features, prediction, batch) {
    const one = obtainBatch(this.layout);
    try {
      one.appendObject(features, prediction);
      return this.addBatch(one, 0, 1, batch);
    } finally {
      one.release();
    }
  }
  /**
   * Adds events [from, to) of a parsed batch, feature by feature (each accumulator still sees its values in event
   * order, so the state is the one adding the events one at a time gives). Returns the number of invalid values.
   */
  addBatch(b, from, to, batch) {
    const w = b.width;
    const { status, values } = b;
    const tally = { absent: 0, invalid: 0 };
    for (let f = 0; f < this.slots.length; f++) {
      const slot = this.slots[f];
      if (!slot) continue;
      if (slot.kind === "numeric") {
        for (let k = from * w + f, e = from; e < to; e++, k += w) {
          const st = status[k];
          if (st === VALUE) slot.add(values[k]);
          else noValue(slot, st, tally);
        }
      } else if (b.extra.length === 0) {
        const strings = b.encoding.categories[f].strings;
        let distinct = 0;
        for (let k = from * w + f, e = from; e < to; e++, k += w) {
          const st = status[k];
          if (st === VALUE) {
            const code = values[k];
            const seen = codeCounts[code];
            codeCounts[code] = seen + 1;
            if (seen === 0) codeOrder[distinct++] = code;
          } else noValue(slot, st, tally);
        }
        for (let i = 0; i < distinct; i++) {
          const code = codeOrder[i];
          slot.add(strings[code], codeCounts[code]);
          codeCounts[code] = 0;
        }
      } else {
        for (let k = from * w + f, e = from; e < to; e++, k += w) {
          const st = status[k];
          if (st === VALUE) slot.add(b.category(f, values[k]));
          else noValue(slot, st, tally);
        }
      }
    }
    const ps = b.predictionStatus;
    const pv = b.predictionValues;
    for (let e = from; e < to; e++) {
      const st = ps[e];
      if (st === PREDICTION_MISSING) this.predictionMissing++;
      else if (st === PREDICTION_NUMBER) this.predictionNumeric.add(pv[e]);
      else if (st === PREDICTION_STRING) this.predictionCategorical.add(b.category(-1, pv[e]));
      else if (st === PREDICTION_BOOLEAN) this.predictionCategorical.add(pv[e] === 1 ? "true" : "false");
    }
    const ue = b.unknownEvent;
    for (let k = lowerBound(ue, from); k < ue.length && ue[k] < to; k++) {
      const key = b.unknownName[k];
      this.noteUnknown(key);
      if (batch) batch.unknown.set(key, (batch.unknown.get(key) ?? 0) + 1);
    }
    this.events += to - from;
    if (batch) {
      batch.missing += tally.absent;
      batch.invalid += tally.invalid;
    }
    return tally.invalid;
  }
  noteUnknown(key) {
    const c = this.unknown.get(key);
    if (c !== void 0) this.unknown.set(key, c + 1);
    else if (this.unknown.size < MAX_UNKNOWN_NAMES) this.unknown.set(key, 1);
    else this.unknownOther++;
  }
  /** Merges another window's state into this one (same layout). */
  merge(o) {
    this.events += o.events;
    this.slots.forEach((s, i) => {
      const t = o.slots[i];
      if (s && t && s.kind === t.kind) s.merge(t);
    });
    this.predictionNumeric.merge(o.predictionNumeric);
    this.predictionCategorical.merge(o.predictionCategorical);
    this.predictionMissing += o.predictionMissing;
    for (const [k, c] of o.unknown) this.unknown.set(k, (this.unknown.get(k) ?? 0) + c);
    this.unknownOther += o.unknownOther;
  }
  /** The current samples for detectDrift. */
  samples() {
    const out = /* @__PURE__ */ new Map();
    this.slots.forEach((s, i) => {
      if (s) out.set(this.layout.names[i], s.sample());
    });
    return out;
  }
  toJson() {
    const features = {};
    this.slots.forEach((s, i) => {
      if (s) features[this.layout.names[i]] = s.toJson();
    });
    return {
      index: this.index,
      started_at: this.startedAt,
      events: this.events,
      features,
      prediction: {
        numeric: this.predictionNumeric.toJson(),
        categorical: this.predictionCategorical.toJson(),
        missing: this.predictionMissing
      },
      unknown: Object.fromEntries(this.unknown),
      unknown_other: this.unknownOther
    };
  }
  static fromJson(layout, j) {
    const w = new _WindowState(layout, j.index, j.started_at);
    w.events = j.events;
    layout.names.forEach((name, i) => {
      const f = j.features[name];
      if (!f) return;
      w.slots[i] = f.kind === "numeric" ? NumericAccumulator.fromJson(f) : CategoricalAccumulator.fromJson(f);
    });
    w.predictionNumeric = NumericAccumulator.fromJson(
      j.prediction.numeric
    );
    w.predictionCategorical = CategoricalAccumulator.fromJson(
      j.prediction.categorical
    );
    w.predictionMissing = j.prediction.missing;
    for (const [k, c] of Object.entries(j.unknown)) w.unknown.set(k, c);
    w.unknownOther = j.unknown_other;
    return w;
  }
};
function noValue(slot, st, tally) {
  if (st === ABSENT) {
    slot.missing++;
    tally.absent++;
  } else if (st === NULL) slot.missing++;
  else {
    slot.invalid++;
    tally.invalid++;
  }
}

// monitor/driftMonitor.ts
var DriftMonitor = class {
  constructor(config, profile, options) {
    this.config = config;
    this.profile = profile;
    this.options = options;
    this.predictionColumn = predictionColumnOf(config, profile);
    const col = this.predictionColumn;
    const features = col === null ? profile : { ...profile, columns: withoutKey(profile.columns, col) };
    this.layout = layoutOf(features);
    this.reference = sampleProfile(profile);
    this.predictionReference = col === null ? null : this.reference.get(col) ?? null;
    if (col !== null) this.reference.delete(col);
    this.window = new WindowState(this.layout, 0, 0);
    this.windowsDir = join(config.state, "windows");
    this.snapshotPath = join(config.state, "snapshot.json");
    mkdirSync(this.windowsDir, { recursive: true });
  }
  config;
  profile;
  options;
  layout;
  reference;
  /** The reference column predictions are compared with (not a feature then), and its sample; null: none. */
  predictionColumn;
  predictionReference;
  window;
  alert = { ...INITIAL_ALERT_STATE };
  recent = [];
  /** Journal offset up to which records are applied. */
  appliedOffset = 0;
  /** Arrival time (ms) of the last applied batch or tick. */
  lastRecordAt = 0;
  /** File-source position as of appliedOffset (from the last applied source record); null before the first. */
  sourcePosition = null;
  windowsDir;
  snapshotPath;
  /** Loads the last snapshot, if any; returns the journal offset to replay from. */
  loadSnapshot() {
    rmSync(this.snapshotPath + ".tmp", { force: true });
    if (!existsSync(this.snapshotPath)) return 0;
    const s = JSON.parse(readFileSync2(this.snapshotPath, "utf8"));
    this.window = WindowState.fromJson(this.layout, s.window);
    this.alert = s.alert;
    this.recent = s.recent;
    this.appliedOffset = s.journal_offset;
    this.lastRecordAt = s.last_record_at ?? 0;
    this.sourcePosition = s.source_position ?? null;
    return s.journal_offset;
  }
  /**
   * Writes the snapshot atomically (temp file, fsync, rename, fsync of the directory); returns the journal offset it
   * covers. `onTempWritten` runs between the temp file and the rename (tests copy the directory there).
   */
  writeSnapshot(onTempWritten) {
    const s = {
      kind: "modelguard.monitor-snapshot",
      version: 1,
      journal_offset: this.appliedOffset,
      window: this.window.toJson(),
      alert: this.alert,
      recent: this.recent,
      last_record_at: this.lastRecordAt,
      ...this.sourcePosition ? { source_position: this.sourcePosition } : {}
    };
    const tmp = this.snapshotPath + ".tmp";
    const fd = openSync2(tmp, "w");
    try {
      writeFileSync(fd, JSON.stringify(s));
      fsyncSync(fd);
    } finally {
      closeSync2(fd);
    }
    onTempWritten?.();
    renameSync(tmp, this.snapshotPath);
    const dir = openSync2(this.config.state, "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync2(dir);
    }
    return s.journal_offset;
  }
  /** Applies a replayed journal record. */
  applyRecord(record, endOffset) {
    if (record.type === "tick") this.applyTick(record.t);
    else if (record.type === "source") {
      const parsed = record.body.length > 0 ? parseBatch(record.body, this.layout) : { ok: true, events: obtainBatch(this.layout) };
      if (parsed.ok) this.applyReleasing(parsed.events, record.t);
      else this.options.log.warn({ offset: endOffset }, "journal source batch no longer parses; skipped");
      this.sourcePosition = record.position;
    } else {
      const parsed = parseBatch(record.body, this.layout);
      if (parsed.ok) this.applyReleasing(parsed.events, record.t);
      else this.options.log.warn({ offset: endOffset }, "journal batch no longer parses; skipped");
    }
    this.appliedOffset = endOffset;
  }
  /** Applies a replayed batch, then returns it to the pool (replay parses one per record). */
  applyReleasing(events, t) {
    try {
      this.applyEvents(events, t);
    } finally {
      events.release();
    }
  }
  /** Applies a durable batch to the window(s), closing windows as they fill. */
  applyEvents(events, t, batch) {
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    this.maybeCloseByTime(t);
    const size = "size" in this.config.window ? this.config.window.size : Infinity;
    events.mapPredictions((p) => this.predictionValue(p));
    for (let from = 0; from < events.length; ) {
      if (this.window.events === 0 && this.window.startedAt === 0) this.startWindowAt(t);
      const to = Math.min(events.length, from + Math.max(1, size - this.window.events));
      this.window.addBatch(events, from, to, batch);
      from = to;
      if (this.window.events >= size) this.closeWindow(t);
    }
    this.updateProgress(t);
  }
  /** A clock tick (journaled): closes a duration window whose time is up. */
  applyTick(t) {
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    this.maybeCloseByTime(t);
    this.updateProgress(t);
  }
  /**
   * True when a duration window with events is due to close at time t (the server then journals a tick). An empty
   * window is not reported, so it needs no tick: the next batch realigns it.
   */
  dueAt(t) {
    return "durationMs" in this.config.window && this.window.startedAt > 0 && this.window.events > 0 && t >= this.window.startedAt + this.config.window.durationMs;
  }
  maybeCloseByTime(t) {
    if (!("durationMs" in this.config.window)) return;
    const d = this.config.window.durationMs;
    if (this.window.startedAt === 0) {
      this.startWindowAt(t);
      return;
    }
    if (t < this.window.startedAt + d) return;
    const closedAt = this.window.startedAt + d;
    if (this.window.events > 0) this.closeWindow(closedAt);
    const k = Math.floor((t - closedAt) / d);
    this.startWindowAt(closedAt + k * d);
  }
  startWindowAt(t) {
    this.window = new WindowState(this.layout, this.window.index, t);
  }
  closeWindow(at) {
    const w = this.window;
    const drift = detectDrift(
      {
        reference: this.reference,
        current: w.samples(),
        referenceLabel: this.config.reference,
        currentLabel: `window ${w.index}`
      },
      this.config.drift
    );
    const prediction = this.predictionDrift(w);
    const featuresVerdict = drift.features.length > 0 ? drift.dataset_drifted : null;
    const predictionVerdict = prediction.drift ? prediction.drift.drifted : null;
    const datasetDrifted = this.config.prediction.countsTowardDataset && predictionVerdict !== null ? featuresVerdict === true || predictionVerdict : featuresVerdict;
    const top = w.predictionCategorical.toJson();
    const report = {
      window: w.index,
      started_at: new Date(w.startedAt).toISOString(),
      closed_at: new Date(at).toISOString(),
      events: w.events,
      dataset_drifted: datasetDrifted,
      unknown_features: Object.fromEntries(w.unknown),
      prediction: {
        count: w.predictionNumeric.count + w.predictionCategorical.count,
        missing: w.predictionMissing,
        mean: w.predictionNumeric.finite > 0 ? w.predictionNumeric.mean : null,
        top: Object.fromEntries(top.values.slice(0, 20).map((v, i) => [v, top.counts[i]])),
        ...prediction
      },
      drift
    };
    this.recent.push(report);
    if (this.recent.length > this.config.keepWindows)
      this.recent.splice(0, this.recent.length - this.config.keepWindows);
    const file = join(this.windowsDir, `${String(w.index).padStart(8, "0")}.json`);
    writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
    const old = w.index - this.config.keepWindows;
    if (old >= 0) rmSync(join(this.windowsDir, `${String(old).padStart(8, "0")}.json`), { force: true });
    this.recordMetrics(report);
    this.options.log.info(
      {
        window: w.index,
        events: w.events,
        dataset_drifted: datasetDrifted,
        drifted: drift.drifted_features,
        ...this.predictionColumn !== null ? { prediction_drifted: predictionVerdict } : {}
      },
      drift.summary
    );
    const decision = decideAlerts(
      this.alert,
      { window: w.index, at, datasetDrifted },
      {
        consecutive: this.config.alert.consecutive,
        cooldownMs: this.config.alert.cooldownMs,
        closeAfterClean: this.config.alert.closeAfterClean,
        dispatch: this.config.actions.dispatch !== null
      }
    );
    this.alert = decision.state;
    const dispatched = decision.actions.includes("dispatch");
    const ordered = dispatched ? ["dispatch", ...decision.actions.filter((a) => a !== "dispatch")] : decision.actions;
    for (const action of ordered) this.recordAction(action, report, dispatched);
    this.window = new WindowState(this.layout, w.index + 1, "size" in this.config.window ? 0 : at);
  }
  /**
   * An event's prediction as the reference column's kind reads it (deterministic, so replay gives the same window):
   * for a categorical column numbers become their text ("1"); for a numeric one booleans become 1/0 and numeric text
   * its number. Unchanged without a prediction column.
   */
  predictionValue(v) {
    const kind = this.predictionReference?.kind;
    if (kind === "categorical" && typeof v === "number") return String(v);
    if (kind === "numeric") {
      if (typeof v === "boolean") return v ? 1 : 0;
      if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    }
    return v;
  }
  /**
   * The window's predictions against the reference column, with the drift policy (KS + PSI for a numeric column,
   * chi-square + PSI for a categorical one by default; `drift.columns.<column>` overrides apply). Predictions of the
   * other kind count as missing.
   */
  predictionDrift(w) {
    const col = this.predictionColumn;
    const ref = this.predictionReference;
    if (col === null || ref === null) return { column: null, drift: null };
    const numeric = w.predictionNumeric;
    const categorical = w.predictionCategorical;
    let current = null;
    if (ref.kind === "numeric") {
      const s = numeric.sample();
      current = { ...s, missing: s.missing + w.predictionMissing + categorical.count };
    } else if (ref.kind === "categorical") {
      const s = categorical.sample();
      current = { ...s, missing: s.missing + w.predictionMissing + numeric.count };
    }
    const r = detectDrift(
      {
        reference: /* @__PURE__ */ new Map([[col, ref]]),
        current: current ? /* @__PURE__ */ new Map([[col, current]]) : /* @__PURE__ */ new Map(),
        referenceLabel: this.config.reference,
        currentLabel: `window ${w.index} predictions`
      },
      this.config.drift
    );
    const drift = r.features[0] ?? null;
    return drift ? { column: col, drift } : { column: col, drift: null, skipped: r.skipped[0]?.reason ?? "not tested" };
  }
  recordAction(action, report, dispatched) {
    const entry = buildAlertRequest(this.config, action, report, this.recent, dispatched);
    if (this.options.outbox.add(entry)) {
      this.options.metrics.alerts.inc({ action });
      this.options.log.info({ action, id: entry.id }, "alert recorded in the outbox");
    }
  }
  recordMetrics(report) {
    const m = this.options.metrics;
    m.windowsClosed.inc();
    m.datasetDrifted.set(report.dataset_drifted ? 1 : 0);
    for (const f of report.drift.features) {
      const psi = f.tests.psi?.statistic;
      if (psi !== void 0) m.psi.set({ feature: f.name }, psi);
      const ks = f.tests.ks?.statistic;
      if (ks !== void 0) m.ks.set({ feature: f.name }, ks);
      m.featureDrifted.set({ feature: f.name }, f.drifted ? 1 : 0);
    }
    const p = report.prediction.drift;
    if (p) {
      const psi = p.tests.psi?.statistic;
      if (psi !== void 0) m.predictionPsi.set(psi);
      const ks = p.tests.ks?.statistic;
      if (ks !== void 0) m.predictionKs.set(ks);
      m.predictionDrifted.set(p.drifted ? 1 : 0);
    }
  }
  updateProgress(now) {
    const m = this.options.metrics;
    m.windowEvents.set(this.window.events);
    const w = this.config.window;
    if ("size" in w) m.windowProgress.set(this.window.events / w.size);
    else
      m.windowProgress.set(this.window.startedAt > 0 ? Math.min(1, (now - this.window.startedAt) / w.durationMs) : 0);
  }
};
function predictionColumnOf(config, profile) {
  const named = config.prediction.column;
  if (named === null) return Object.hasOwn(profile.columns, "prediction") ? "prediction" : null;
  if (!Object.hasOwn(profile.columns, named)) {
    const columns = Object.keys(profile.columns);
    throw new ModelguardError(
      "config",
      `prediction.column: '${named}' is not a column of the reference profile ${config.reference}`,
      `name one of its columns (${columns.slice(0, 10).join(", ")}${columns.length > 10 ? ", ..." : ""}), or leave prediction.column unset`
    );
  }
  return named;
}
function withoutKey(record, key) {
  const out = { ...record };
  delete out[key];
  return out;
}

// monitor/fileSource.ts
import { open, readdir, stat } from "node:fs/promises";
import { basename as basename2, dirname as dirname2, join as join2 } from "node:path";
var NL2 = 10;
var FileSource = class {
  constructor(options) {
    this.options = options;
    this.chunk = options.chunkBytes ?? 1024 * 1024;
    this.resume = options.start;
  }
  options;
  fh = null;
  id = { dev: "0", ino: "0" };
  offset = 0;
  line = 0;
  chain = Promise.resolve();
  busy = false;
  closed = false;
  chunk;
  /** The last committed position: where a (re)open resumes. */
  resume;
  get file() {
    return this.options.file;
  }
  /** True while a poll is running (the timer skips a tick rather than queue polls). */
  get polling() {
    return this.busy;
  }
  /** One poll; polls run one at a time, in call order. */
  pollOnce() {
    const run = this.chain.then(() => this.poll());
    this.chain = run.catch(() => void 0);
    return run;
  }
  /** Waits for the poll in flight, then closes the file. Later polls read nothing. */
  async close() {
    this.closed = true;
    await this.chain;
    await this.fh?.close();
    this.fh = null;
  }
  async poll() {
    const result = { events: 0, malformed: 0, rotated: false, truncated: false };
    if (this.closed) return result;
    this.busy = true;
    try {
      if (!this.fh && !await this.openAtStart(result)) return result;
      for (; ; ) {
        const current = await statId(this.options.file);
        const rotated = current !== null && !sameFile(current, this.id);
        const size = Number((await this.fh.stat({ bigint: true })).size);
        if (size < this.offset) {
          this.options.log.warn(
            { file: this.options.file, size, offset: this.offset },
            "prediction log truncated: reading it again from the start"
          );
          this.offset = 0;
          this.line = 0;
          result.truncated = true;
        }
        await this.readToEnd(result, rotated);
        if (!rotated) return result;
        await this.fh.close();
        this.fh = null;
        if (!await this.openFresh()) return result;
        result.rotated = true;
        this.options.log.info(
          { file: this.options.file, ino: this.id.ino },
          "prediction log rotated: following the new file"
        );
      }
    } catch (e) {
      await this.fh?.close().catch(() => void 0);
      this.fh = null;
      throw e;
    } finally {
      this.busy = false;
    }
  }
  /** Opens the file for the first time in this process, resuming from the durable position when it is the same file. */
  async openAtStart(result) {
    const start = this.resume;
    if (!await this.openFresh()) return false;
    if (!start) return true;
    if (sameFile(start, this.id)) {
      this.offset = start.offset;
      this.line = start.line;
      return true;
    }
    const old = await findById(dirname2(this.options.file), start);
    if (!old) {
      this.options.log.warn(
        { file: this.options.file, saved: start },
        "prediction log was replaced while stopped and the old file is gone: lines after the saved position are lost"
      );
      return true;
    }
    const current = { fh: this.fh, id: this.id };
    let oldFh = null;
    try {
      oldFh = await open(old, "r");
      this.fh = oldFh;
      this.id = { dev: start.dev, ino: start.ino };
      this.offset = start.offset;
      this.line = start.line;
      const size = Number((await oldFh.stat({ bigint: true })).size);
      if (size < this.offset) {
        this.offset = 0;
        this.line = 0;
        result.truncated = true;
      }
      this.options.log.info({ file: old, offset: this.offset }, "reading the rest of the rotated prediction log");
      await this.readToEnd(result, true);
      result.rotated = true;
    } finally {
      await oldFh?.close();
      this.fh = current.fh;
      this.id = current.id;
      this.offset = 0;
      this.line = 0;
    }
    return true;
  }
  /** Opens the path at byte 0; false when it does not exist (yet). */
  async openFresh() {
    try {
      this.fh = await open(this.options.file, "r");
    } catch (e) {
      if (e.code === "ENOENT") return false;
      throw e;
    }
    const st = await this.fh.stat({ bigint: true });
    this.id = { dev: String(st.dev), ino: String(st.ino) };
    this.offset = 0;
    this.line = 0;
    return true;
  }
  /** Reads from the offset to the current end, committing complete lines chunk by chunk. */
  async readToEnd(result, final) {
    const fh = this.fh;
    let carry = Buffer.alloc(0);
    let at = this.offset;
    for (; ; ) {
      const buf = Buffer.allocUnsafe(this.chunk);
      const { bytesRead } = await fh.read(buf, 0, this.chunk, at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
      const last = data.lastIndexOf(NL2);
      if (last < 0) {
        carry = Buffer.from(data);
        continue;
      }
      carry = Buffer.from(data.subarray(last + 1));
      await this.consume(data.subarray(0, last + 1), result);
    }
    if (final && carry.length > 0) {
      this.options.log.warn(
        { file: this.options.file, line: this.line + 1 },
        "rotated prediction log ends without a newline: its last line is read as is"
      );
      await this.consume(carry, result);
    }
  }
  /** Parses lines (the last may lack its newline only when the file is being left), then commits them. */
  async consume(bytes, result) {
    const good = [];
    const events = [];
    let malformed = 0;
    let line = this.line;
    let from = 0;
    while (from < bytes.length) {
      let nl = bytes.indexOf(NL2, from);
      if (nl < 0) nl = bytes.length;
      line++;
      const raw = bytes.subarray(from, nl);
      from = nl + 1;
      const parsed = parseEventLine(raw.toString("utf8"));
      if (!parsed.ok) {
        malformed++;
        this.options.log.warn(
          { file: this.options.file, line, err: parsed.message },
          `${basename2(this.options.file)}:${line}: malformed prediction line skipped`
        );
      } else if (parsed.event) {
        good.push(raw);
        events.push(parsed.event);
      }
    }
    const body = Buffer.concat(good.flatMap((b, i) => i === 0 ? [b] : [NEWLINE, b]));
    const position = { ...this.id, offset: this.offset + bytes.length, line };
    await this.options.commit(body, events, position, malformed);
    this.resume = position;
    this.offset = position.offset;
    this.line = line;
    result.events += events.length;
    result.malformed += malformed;
  }
};
var NEWLINE = Buffer.from("\n");
function sameFile(a, b) {
  return a.dev === b.dev && a.ino === b.ino;
}
async function statId(path) {
  try {
    const st = await stat(path, { bigint: true });
    return { dev: String(st.dev), ino: String(st.ino) };
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw e;
  }
}
async function findById(dir, id) {
  for (const name of await readdir(dir)) {
    const path = join2(dir, name);
    const found = await statId(path).catch(() => null);
    if (found && sameFile(found, id)) return path;
  }
  return null;
}

// monitor/journal.ts
import {
  closeSync as closeSync3,
  existsSync as existsSync2,
  fsyncSync as fsyncSync2,
  mkdirSync as mkdirSync2,
  openSync as openSync3,
  readdirSync,
  readFileSync as readFileSync3,
  renameSync as renameSync2,
  statSync,
  truncateSync
} from "node:fs";
import { open as open2, unlink } from "node:fs/promises";
import { join as join3 } from "node:path";
var SEGMENT = /^([0-9]{16})\.log$/;
function segmentName(start) {
  return `${String(start).padStart(16, "0")}.log`;
}
function listSegments(dir) {
  if (!existsSync2(dir)) return [];
  return readdirSync(dir).map((name) => SEGMENT.exec(name)).filter((m) => m !== null).map((m) => ({ start: Number(m[1]), name: m[0], size: statSync(join3(dir, m[0])).size })).sort((a, b) => a.start - b.start);
}
function fsyncDir(dir) {
  const fd = openSync3(dir, "r");
  try {
    fsyncSync2(fd);
  } finally {
    closeSync3(fd);
  }
}
var Journal = class _Journal {
  constructor(dir, fh, segmentStart, offset) {
    this.dir = dir;
    this.fh = fh;
    this.segmentStart = segmentStart;
    this.offset = offset;
  }
  dir;
  fh;
  segmentStart;
  /** Global byte offset of the end of the last durable record. */
  offset;
  /** fdatasync calls made (for metrics and the group-commit test). */
  syncs = 0;
  queue = [];
  flushing = false;
  closed = false;
  failed = null;
  /** Flushes and segment rolls run one at a time, in order. */
  exclusive = Promise.resolve();
  /**
   * A journal of the older single-file layout (`journal.log`, offsets from 0) becomes the first segment of `dir`
   * (one atomic rename; a no-op when `dir` already has segments).
   */
  static migrateSingleFile(file, dir) {
    mkdirSync2(dir, { recursive: true });
    if (!existsSync2(file) || listSegments(dir).length > 0) return;
    renameSync2(file, join3(dir, segmentName(0)));
    fsyncDir(dir);
  }
  /**
   * Replays the records after `fromOffset` through `onRecord`, cuts off a torn tail of the last segment (a record
   * whose write never completed, so never acknowledged), and opens the last segment for appending. Throws when a
   * segment is missing or damaged (anything but a torn tail of the last one), rather than skip acknowledged batches.
   */
  static async open(dir, fromOffset, onRecord) {
    mkdirSync2(dir, { recursive: true });
    let segments = listSegments(dir);
    if (segments.length === 0) {
      if (fromOffset > 0) {
        throw new Error(`journal ${dir} has no segments, but the snapshot covers it up to offset ${fromOffset}`);
      }
      closeSync3(openSync3(join3(dir, segmentName(0)), "a"));
      fsyncDir(dir);
      segments = listSegments(dir);
    }
    if (segments[0].start > fromOffset) {
      throw new Error(
        `journal ${dir} starts at offset ${segments[0].start}, after the snapshot's offset ${fromOffset}: segments are missing`
      );
    }
    for (let i = 0; i + 1 < segments.length; i++) {
      const a = segments[i];
      const b = segments[i + 1];
      if (a.start + a.size !== b.start) {
        throw new Error(`journal segment ${a.name} (${a.size} bytes) does not end where ${b.name} starts`);
      }
    }
    const last = segments[segments.length - 1];
    const total = last.start + last.size;
    if (fromOffset > total) {
      throw new Error(`journal ${dir} ends at offset ${total}, before the snapshot's offset ${fromOffset}`);
    }
    let replayed = 0;
    let truncatedBytes = 0;
    let end = fromOffset;
    for (const seg of segments) {
      if (seg.start + seg.size <= fromOffset && seg !== last) continue;
      const path = join3(dir, seg.name);
      const buf = readFileSync3(path);
      let pos = Math.max(fromOffset - seg.start, 0);
      for (; ; ) {
        const r = readRecord(buf, pos);
        if (!r) break;
        onRecord(r.record, seg.start + r.end);
        pos = r.end;
        replayed++;
      }
      end = seg.start + pos;
      if (pos < buf.length) {
        if (seg !== last) throw new Error(`journal segment ${seg.name} is damaged at byte ${pos}`);
        truncatedBytes = buf.length - pos;
        truncateSync(path, pos);
        const fd = openSync3(path, "r+");
        fsyncSync2(fd);
        closeSync3(fd);
      }
    }
    const fh = await open2(join3(dir, last.name), "a");
    return { journal: new _Journal(dir, fh, last.start, end), replayed, truncatedBytes };
  }
  appendBatch(t, body, onDurable) {
    return this.enqueue([Buffer.from(`B ${t} ${body.length}
`), body, NEWLINE2], onDurable);
  }
  /** A file-source batch (`body` the well-formed lines, possibly empty) and the file position it reads up to. */
  appendSource(t, body, position, onDurable) {
    const p = position;
    const header = `F ${t} ${p.dev} ${p.ino} ${p.offset} ${p.line} ${body.length}
`;
    return this.enqueue([Buffer.from(header), body, NEWLINE2], onDurable);
  }
  appendTick(t, onDurable) {
    return this.enqueue([Buffer.from(`T ${t}
`)], onDurable);
  }
  run(fn) {
    const next = this.exclusive.then(fn);
    this.exclusive = next.catch(() => void 0);
    return next;
  }
  enqueue(bytes, onDurable) {
    if (this.closed) return Promise.reject(new Error("journal is closed"));
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve2, reject) => {
      this.queue.push({ bytes, onDurable, resolve: resolve2, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.run(() => this.flush()));
      }
    });
  }
  async flush() {
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      try {
        let chunks = group.flatMap((p) => p.bytes);
        let left = chunks.reduce((n, b) => n + b.length, 0);
        while (left > 0) {
          const { bytesWritten } = await this.fh.writev(chunks);
          left -= bytesWritten;
          if (left > 0) chunks = unwritten(chunks, bytesWritten);
        }
        await this.fh.datasync();
        this.syncs++;
      } catch (e) {
        this.failed = e;
        for (const p of [...group, ...this.queue]) p.reject(this.failed);
        this.queue = [];
        break;
      }
      for (const p of group) {
        for (const b of p.bytes) this.offset += b.length;
        try {
          p.onDurable(this.offset);
          p.resolve();
        } catch (e) {
          p.reject(e);
        }
      }
    }
    this.flushing = false;
  }
  /**
   * Starts a new segment at the current offset (between two group commits) unless the current one is empty, then
   * deletes, oldest first, every segment that ends at or before `coveredOffset` (the offset of a durable snapshot).
   * Returns the names deleted.
   */
  async compact(coveredOffset, onStep) {
    if (this.closed) throw new Error("journal is closed");
    await this.run(async () => {
      if (this.offset === this.segmentStart) return;
      const fh = await open2(join3(this.dir, segmentName(this.offset)), "wx");
      fsyncDir(this.dir);
      const old = this.fh;
      this.fh = fh;
      this.segmentStart = this.offset;
      await old.close();
      onStep?.("rolled");
    });
    const deleted = [];
    const segments = listSegments(this.dir);
    for (let i = 0; i + 1 < segments.length; i++) {
      if (segments[i + 1].start > coveredOffset) break;
      await unlink(join3(this.dir, segments[i].name));
      await fsyncDirAsync(this.dir);
      deleted.push(segments[i].name);
      onStep?.(`deleted ${segments[i].name}`);
    }
    return deleted;
  }
  /** Resolves when every queued append is durable. */
  async drain() {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setImmediate(r));
    await this.exclusive;
  }
  async close() {
    await this.drain();
    this.closed = true;
    await this.fh.close();
  }
};
var NEWLINE2 = Buffer.from("\n");
function unwritten(chunks, written) {
  let i = 0;
  while (written >= chunks[i].length) written -= chunks[i++].length;
  return [chunks[i].subarray(written), ...chunks.slice(i + 1)];
}
async function fsyncDirAsync(dir) {
  const fh = await open2(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
function readRecord(buf, pos) {
  const nl = buf.indexOf(10, pos);
  if (nl < 0) return null;
  const header = buf.toString("latin1", pos, nl);
  const parts = header.split(" ");
  const t = Number(parts[1]);
  if (parts[0] === "T" && parts.length === 2 && Number.isFinite(t)) return { record: { type: "tick", t }, end: nl + 1 };
  const source = parts[0] === "F" && parts.length === 7;
  if (!(source || parts[0] === "B" && parts.length === 3) || !Number.isFinite(t)) return null;
  const len = Number(parts[parts.length - 1]);
  if (!Number.isInteger(len) || len < 0) return null;
  const start = nl + 1;
  const stop = start + len;
  if (stop + 1 > buf.length || buf[stop] !== 10) return null;
  const body = buf.subarray(start, stop);
  if (!source) return { record: { type: "batch", t, body }, end: stop + 1 };
  const [, , dev, ino] = parts;
  const offset = Number(parts[4]);
  const line = Number(parts[5]);
  const digits = /^[0-9]+$/;
  if (!digits.test(dev) || !digits.test(ino) || !Number.isSafeInteger(offset) || !Number.isSafeInteger(line))
    return null;
  if (offset < 0 || line < 0) return null;
  return { record: { type: "source", t, body, position: { dev, ino, offset, line } }, end: stop + 1 };
}

// monitor/monitorMetrics.ts
var import_prom_client = __toESM(require_prom_client(), 1);
var MonitorMetrics = class {
  registry = new import_prom_client.Registry();
  events = new import_prom_client.Counter({
    name: "modelguard_monitor_events_total",
    help: "Events accepted (durable in the journal).",
    registers: [this.registry]
  });
  rejected = new import_prom_client.Counter({
    name: "modelguard_monitor_rejected_total",
    help: "Rejected requests (unauthorized, too_large, malformed, not_ready), prediction log lines (source_malformed) and values (invalid_value, unknown_feature, missing_feature).",
    labelNames: ["reason"],
    registers: [this.registry]
  });
  psi = new import_prom_client.Gauge({
    name: "modelguard_monitor_feature_psi",
    help: "PSI of each feature in the last closed window.",
    labelNames: ["feature"],
    registers: [this.registry]
  });
  ks = new import_prom_client.Gauge({
    name: "modelguard_monitor_feature_ks",
    help: "KS statistic of each numeric feature in the last closed window.",
    labelNames: ["feature"],
    registers: [this.registry]
  });
  featureDrifted = new import_prom_client.Gauge({
    name: "modelguard_monitor_feature_drifted",
    help: "1 when the feature drifted in the last closed window.",
    labelNames: ["feature"],
    registers: [this.registry]
  });
  datasetDrifted = new import_prom_client.Gauge({
    name: "modelguard_monitor_dataset_drifted",
    help: "1 when the last closed window drifted as a dataset.",
    registers: [this.registry]
  });
  predictionPsi = new import_prom_client.Gauge({
    name: "modelguard_monitor_prediction_psi",
    help: "PSI of the predictions against their reference column in the last closed window.",
    registers: [this.registry]
  });
  predictionKs = new import_prom_client.Gauge({
    name: "modelguard_monitor_prediction_ks",
    help: "KS statistic of numeric predictions against their reference column in the last closed window.",
    registers: [this.registry]
  });
  predictionDrifted = new import_prom_client.Gauge({
    name: "modelguard_monitor_prediction_drifted",
    help: "1 when the predictions drifted in the last closed window.",
    registers: [this.registry]
  });
  windowEvents = new import_prom_client.Gauge({
    name: "modelguard_monitor_window_events",
    help: "Events in the open window.",
    registers: [this.registry]
  });
  windowProgress = new import_prom_client.Gauge({
    name: "modelguard_monitor_window_progress_ratio",
    help: "How far the open window is to closing (events/size, or elapsed/duration).",
    registers: [this.registry]
  });
  windowsClosed = new import_prom_client.Counter({
    name: "modelguard_monitor_windows_closed_total",
    help: "Windows closed since start (including replayed ones).",
    registers: [this.registry]
  });
  alerts = new import_prom_client.Counter({
    name: "modelguard_monitor_alerts_total",
    help: "Alert actions decided and recorded in the outbox, by action.",
    labelNames: ["action"],
    registers: [this.registry]
  });
  journalSyncs = new import_prom_client.Counter({
    name: "modelguard_monitor_journal_fsyncs_total",
    help: "Journal fdatasync calls (one per group commit).",
    registers: [this.registry]
  });
  ingestLatency = new import_prom_client.Histogram({
    name: "modelguard_monitor_ingest_duration_seconds",
    help: "Time from request start to the durable 2xx answer.",
    buckets: [1e-3, 25e-4, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry]
  });
  constructor() {
    (0, import_prom_client.collectDefaultMetrics)({ register: this.registry });
  }
};

// monitor/outbox.ts
import { closeSync as closeSync4, existsSync as existsSync3, fsyncSync as fsyncSync3, openSync as openSync4, readFileSync as readFileSync4, writeSync as writeSync2 } from "node:fs";
function parkable(e) {
  return Object.assign(e, { parkable: true });
}
function isParkable(e) {
  return typeof e === "object" && e !== null && e.parkable === true;
}
var Outbox = class {
  constructor(path, sender, options = {}) {
    this.path = path;
    this.sender = sender;
    this.options = options;
    if (!existsSync3(path)) return;
    for (const line of readFileSync4(path, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      let v;
      try {
        v = JSON.parse(line);
      } catch {
        continue;
      }
      if ("status" in v && v.status !== void 0) {
        if (v.status === "sent") {
          this.sent.add(v.id);
          if (v.result) this.results.set(v.id, v.result);
        } else {
          this.attempts.set(v.id, v.attempts);
          if (v.parked) this.parked.add(v.id);
          else this.parked.delete(v.id);
        }
      } else this.entries.set(v.id, v);
    }
  }
  path;
  sender;
  options;
  entries = /* @__PURE__ */ new Map();
  sent = /* @__PURE__ */ new Set();
  results = /* @__PURE__ */ new Map();
  attempts = /* @__PURE__ */ new Map();
  parked = /* @__PURE__ */ new Set();
  /** When each parked entry may be tried again (its backoff); not persisted: a restart tries them once at start. */
  retryAt = /* @__PURE__ */ new Map();
  /** The timer only waits for a parked entry's backoff, so a new entry may go ahead of it at once. */
  waitingOnParked = false;
  timer = null;
  current = null;
  stopped = false;
  has(id) {
    return this.entries.has(id);
  }
  /** Records an entry durably; false when an entry with this id was recorded before (a replayed decision). */
  add(entry) {
    if (this.entries.has(entry.id)) return false;
    this.appendLine(entry);
    this.entries.set(entry.id, entry);
    if (this.waitingOnParked && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.kick(0);
    return true;
  }
  /** Entries not sent yet, in the order recorded. */
  pending() {
    return [...this.entries.values()].filter((e) => !this.sent.has(e.id));
  }
  /** Where an entry stands: sent (with its recorded result), parked, pending, or unknown. */
  statusOf(id) {
    if (this.sent.has(id)) return { state: "sent", result: this.results.get(id) ?? null };
    if (!this.entries.has(id)) return { state: "unknown" };
    return this.parked.has(id) ? { state: "parked" } : { state: "pending" };
  }
  /** The next entry to send: the first pending one that is not parked, else the first parked one whose backoff is over. */
  next() {
    const pending = this.pending();
    const now = this.elapsed();
    return pending.find((e) => !this.parked.has(e.id)) ?? pending.find((e) => (this.retryAt.get(e.id) ?? 0) <= now);
  }
  all() {
    return [...this.entries.values()];
  }
  /** Starts sending pending entries (no-op in dry run). */
  start() {
    this.kick(0);
  }
  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
  /** Resolves when no send is in flight (shutdown waits for it, so a `sent` line is not lost to a restart). */
  async idle() {
    while (this.current) await this.current;
  }
  /**
   * Sends pending entries one at a time, in order, until none is left (entries added meanwhile included), stopping
   * at the first failure (later ones wait their turn). A call while a send is in flight joins it.
   */
  sendPending() {
    if (!this.sender) return Promise.resolve();
    if (this.current) return this.current;
    this.current = this.sendLoop().finally(() => {
      this.current = null;
    });
    return this.current;
  }
  async sendLoop() {
    const sender = this.sender;
    {
      for (; ; ) {
        const entry = this.next();
        if (!entry) {
          const due = Math.min(...this.pending().map((e) => this.retryAt.get(e.id) ?? 0));
          if (Number.isFinite(due)) {
            this.waitingOnParked = true;
            this.kick(Math.max(0, due - this.elapsed()));
          }
          return;
        }
        const attempts = (this.attempts.get(entry.id) ?? 0) + 1;
        try {
          const result = await sender(entry, { statusOf: (id) => this.statusOf(id) }) ?? void 0;
          this.sent.add(entry.id);
          this.parked.delete(entry.id);
          this.retryAt.delete(entry.id);
          if (result) this.results.set(entry.id, result);
          this.appendLine({ id: entry.id, status: "sent", attempts, ...result ? { result } : {}, at: this.at() });
        } catch (e) {
          this.attempts.set(entry.id, attempts);
          const error = e.message;
          const park = isParkable(e);
          const base = this.options.baseDelayMs ?? 1e3;
          const delay = Math.min(base * 2 ** (attempts - 1), this.options.maxDelayMs ?? 6e5);
          if (park) {
            this.parked.add(entry.id);
            this.retryAt.set(entry.id, this.elapsed() + delay);
          } else {
            this.parked.delete(entry.id);
            this.retryAt.delete(entry.id);
          }
          this.appendLine({
            id: entry.id,
            status: "failed",
            attempts,
            error,
            ...park ? { parked: true } : {},
            at: this.at()
          });
          this.options.onError?.(e, entry.id);
          if (park && this.pending().some((x) => !this.parked.has(x.id))) continue;
          this.waitingOnParked = park;
          this.kick(delay);
          return;
        }
      }
    }
  }
  elapsed() {
    return this.options.elapsed ? this.options.elapsed() : performance.now();
  }
  at() {
    return new Date((this.options.now ?? Date.now)()).toISOString();
  }
  kick(delayMs) {
    if (!this.sender || this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.sendPending();
    }, delayMs);
    this.timer.unref();
  }
  appendLine(value) {
    const fd = openSync4(this.path, "a");
    try {
      writeSync2(fd, JSON.stringify(value) + "\n");
      fsyncSync3(fd);
    } finally {
      closeSync4(fd);
    }
  }
};

// monitor/githubSender.ts
function githubSenderFromEnv(config, env, options = {}) {
  const token = env.GITHUB_TOKEN?.trim() ?? "";
  if (token === "") return null;
  if (!config.github.repository && !env.GITHUB_REPOSITORY) {
    throw new ModelguardError(
      "config",
      "github.repository is not set, and GITHUB_TOKEN is",
      "set `github: {repository: owner/name}` in monitor.yml, or unset GITHUB_TOKEN for a dry run"
    );
  }
  const client = createGitHubClient({
    ...options.clientOptions,
    token,
    // The same root the issue's links are derived from (webRootOf).
    baseUrl: apiRootOf(config, env),
    ...options.log ? { log: options.log } : {}
  });
  return githubSender(client, config, {
    webUrl: webRootOf(config, env),
    ...options.log ? { warn: (m) => options.log.warn(m) } : {}
  });
}
function githubSender(client, config, options = {}) {
  const repository = repositoryOf(config);
  const [owner, repo] = repository.split("/");
  const webUrl2 = options.webUrl ?? webRootOf(config);
  const marker = driftIssueMarker(config.model);
  const labels = config.actions.issue.labels;
  const comment = (issueNumber, id, body) => upsertPullRequestComment(client, { owner, repo, issueNumber, reportId: `alert/${id}`, body });
  return async (entry, context) => {
    const b = entry.body;
    switch (entry.kind) {
      case "issue.open":
      case "issue.update": {
        const recorded = entry.kind === "issue.open" ? String(b.body).slice(marker.length + 1) : String(b.body);
        const ref = b.run_link;
        const dispatch = ref ? context.statusOf(ref.dispatch) : { state: "unknown" };
        const { text, linked } = resolveRunLink(recorded, ref, dispatch, webUrl2, repository);
        if (ref && dispatch.state === "sent" && dispatch.result && !linked) {
          options.warn?.(
            `the run link GitHub returned for ${ref.dispatch} is not a run of ${repository} on ${webUrl2}; linking the runs page instead`
          );
        }
        const found = await findOpenIssueByMarker(client, { owner, repo, marker });
        if (found && found.body.includes(alertMarker(entry.id))) return;
        if (found) await comment(found.number, entry.id, text);
        else
          await openIssue(client, {
            owner,
            repo,
            marker,
            title: `Data drift detected for model ${config.model}`,
            body: text.includes(alertMarker(entry.id)) ? text : `${alertMarker(entry.id)}
${text}`,
            labels
          });
        return;
      }
      case "issue.close": {
        const found = await findOpenIssueByMarker(client, { owner, repo, marker });
        if (!found) return;
        await comment(found.number, entry.id, String(b.comment));
        await closeIssue(client, { owner, repo, issueNumber: found.number });
        return;
      }
      case "dispatch": {
        try {
          if (typeof b.event_type === "string") {
            await dispatchRepositoryEvent(client, {
              owner,
              repo,
              eventType: b.event_type,
              clientPayload: b.client_payload
            });
            return;
          }
          const workflow = decodeURIComponent(entry.path.split("/workflows/")[1].split("/")[0]);
          const run = await dispatchWorkflow(client, {
            owner,
            repo,
            workflow,
            ref: String(b.ref),
            inputs: b.inputs,
            returnRunDetails: b.return_run_details === true
          });
          return run ? { workflow_run_id: run.runId, html_url: run.htmlUrl, run_url: run.runUrl } : void 0;
        } catch (e) {
          if (e instanceof GitHubError && e.kind !== "rate_limited" && e.status !== null && e.status < 500) {
            throw parkable(e);
          }
          throw e;
        }
      }
      default:
        throw new Error(`unknown outbox entry kind '${entry.kind}'`);
    }
  };
}

// monitor/startMonitor.ts
var JOURNAL_CHECKPOINT_BYTES = 256 * 1024 * 1024;
async function startMonitor(config, options = {}) {
  const env = options.env ?? process.env;
  const log = options.logger ?? (0, import_pino.pino)({ name: "modelguard-monitor" });
  const clock = options.now ?? Date.now;
  let lastT = 0;
  const now = () => lastT = Math.max(lastT, clock());
  const sender = options.sender !== void 0 ? options.sender : githubSenderFromEnv(config, env, {
    log: {
      debug: (m) => log.debug({ github: true }, m),
      info: (m) => log.info({ github: true }, m),
      warn: (m) => log.warn({ github: true }, m),
      error: (m) => log.error({ github: true }, m)
    },
    ...options.github ? { clientOptions: options.github } : {}
  });
  const profile = readProfile(config.reference);
  mkdirSync3(config.state, { recursive: true });
  const metrics = new MonitorMetrics();
  const outbox = new Outbox(join4(config.state, "outbox.jsonl"), sender, {
    ...options.outboxRetry,
    now: () => clock(),
    onError: (e, id) => log.warn({ id, err: e.message }, "GitHub request failed; it stays in the outbox for retry")
  });
  const monitor = new DriftMonitor(config, profile, { metrics, outbox, log });
  const ingestToken = env[config.ingest.tokenEnv] ?? "";
  const tokenDigest = ingestToken !== "" ? digest(ingestToken) : null;
  let ready = false;
  let draining = false;
  const bodies = new BodyPool();
  const checkpointBytes = options.checkpointBytes ?? JOURNAL_CHECKPOINT_BYTES;
  let checkpointedAt = 0;
  const server = createServer((req, res) => {
    void handle(req, res).catch((e) => {
      log.error({ err: e.message }, "request failed");
      if (!res.headersSent) send(res, 500, { error: "internal error" });
    });
  });
  async function handle(req, res) {
    const url2 = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && url2.pathname === "/healthz") return send(res, 200, { ok: true });
    if (req.method === "GET" && url2.pathname === "/readyz")
      return send(res, ready && !draining ? 200 : 503, { ready: ready && !draining });
    if (req.method === "GET" && url2.pathname === "/metrics") {
      const text = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType });
      res.end(text);
      return;
    }
    if (req.method === "GET" && url2.pathname === "/v1/drift") {
      const limit = Math.max(1, Math.min(Number(url2.searchParams.get("limit") ?? 10) || 10, config.keepWindows));
      return send(res, 200, {
        model: config.model,
        open_window: {
          window: monitor.window.index,
          events: monitor.window.events,
          started_at: monitor.window.startedAt > 0 ? new Date(monitor.window.startedAt).toISOString() : null
        },
        alert: monitor.alert,
        windows: monitor.recent.slice(-limit).reverse()
      });
    }
    if (url2.pathname === "/v1/events") {
      if (req.method !== "POST") return send(res, 405, { error: "use POST" });
      return ingest(req, res);
    }
    send(res, 404, { error: "not found" });
  }
  async function ingest(req, res) {
    const started = process.hrtime.bigint();
    if (tokenDigest && !authorized(req.headers.authorization, tokenDigest)) {
      metrics.rejected.inc({ reason: "unauthorized" });
      req.resume();
      return send(res, 401, { error: "missing or wrong bearer token" }, { "www-authenticate": "Bearer" });
    }
    if (!ready || draining) {
      metrics.rejected.inc({ reason: "not_ready" });
      req.resume();
      return send(res, 503, { error: draining ? "shutting down" : "replaying the journal" }, { "retry-after": "1" });
    }
    const max = config.ingest.maxBodyBytes;
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (declared > max) return tooLarge(req, res, max);
    const body = await readBody(req, max, Number.isSafeInteger(declared) ? declared : -1, bodies);
    if (body === null) return tooLarge(req, res, max);
    const parsed = parseBatch(body, monitor.layout);
    if (!parsed.ok) {
      bodies.release(body);
      metrics.rejected.inc({ reason: "malformed" });
      return send(res, 400, {
        error: parsed.message,
        ...parsed.line !== void 0 ? { line: parsed.line } : {},
        ...parsed.index !== void 0 ? { index: parsed.index } : {}
      });
    }
    const events = parsed.events;
    const t = now();
    const stats = { unknown: /* @__PURE__ */ new Map(), missing: 0, invalid: 0 };
    const window2 = monitor.window.index;
    const accepted = events.length;
    try {
      await journal.appendBatch(t, body, (end) => {
        monitor.applyEvents(events, t, stats);
        monitor.appliedOffset = end;
      });
    } finally {
      bodies.release(body);
      events.release();
    }
    countAccepted(accepted, stats);
    checkpointWhenJournalGrew();
    metrics.ingestLatency.observe(Number(process.hrtime.bigint() - started) / 1e9);
    send(res, 202, {
      accepted,
      window: window2,
      unknown_features: Object.fromEntries(stats.unknown),
      missing_values: stats.missing,
      invalid_values: stats.invalid
    });
  }
  function countAccepted(events, stats) {
    metrics.events.inc(events);
    let unknown = 0;
    for (const c of stats.unknown.values()) unknown += c;
    if (unknown) metrics.rejected.inc({ reason: "unknown_feature" }, unknown);
    if (stats.missing) metrics.rejected.inc({ reason: "missing_feature" }, stats.missing);
    if (stats.invalid) metrics.rejected.inc({ reason: "invalid_value" }, stats.invalid);
  }
  function tooLarge(req, res, max) {
    metrics.rejected.inc({ reason: "too_large" });
    res.once("finish", () => req.socket.destroy());
    send(res, 413, { error: `body over the ${max}-byte limit (ingest.max_body)` }, { connection: "close" });
  }
  const from = monitor.loadSnapshot();
  const journalDir = join4(config.state, "journal");
  Journal.migrateSingleFile(join4(config.state, "journal.log"), journalDir);
  const opened = await Journal.open(journalDir, from, (r, end) => monitor.applyRecord(r, end));
  const journal = opened.journal;
  checkpointedAt = from;
  lastT = Math.max(lastT, monitor.lastRecordAt);
  monitor.updateProgress(now());
  log.info(
    { from, replayed: opened.replayed, truncated_bytes: opened.truncatedBytes, window: monitor.window.index },
    "journal replayed"
  );
  outbox.start();
  const source = config.source ? new FileSource({
    file: config.source.file,
    start: monitor.sourcePosition,
    log,
    commit: async (body, events, position, malformed) => {
      const t = now();
      const stats = { unknown: /* @__PURE__ */ new Map(), missing: 0, invalid: 0 };
      const batch = batchOfEvents(monitor.layout, events);
      try {
        await journal.appendSource(t, body, position, (end) => {
          monitor.applyEvents(batch, t, stats);
          monitor.sourcePosition = position;
          monitor.appliedOffset = end;
        });
      } finally {
        batch.release();
      }
      countAccepted(events.length, stats);
      checkpointWhenJournalGrew();
      if (malformed) metrics.rejected.inc({ reason: "source_malformed" }, malformed);
    }
  }) : null;
  if (source) log.info({ file: source.file, from: monitor.sourcePosition }, "following the prediction log");
  await new Promise((resolve2, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? config.port, config.host, () => resolve2());
  });
  ready = true;
  const addr = server.address();
  const url = `http://${addr.address.includes(":") ? `[${addr.address}]` : addr.address}:${addr.port}`;
  log.info({ url, model: config.model, dry_run: !sender }, "monitor listening");
  let syncsSeen = 0;
  function tick() {
    const t = now();
    metrics.journalSyncs.inc(journal.syncs - syncsSeen);
    syncsSeen = journal.syncs;
    if (monitor.dueAt(t) && !draining) {
      return journal.appendTick(t, (end) => {
        monitor.applyTick(t);
        monitor.appliedOffset = end;
      });
    }
    monitor.updateProgress(t);
    return Promise.resolve();
  }
  const tickMs = options.tickIntervalMs ?? 1e3;
  const ticker = tickMs > 0 ? setInterval(() => void tick().catch((e) => log.error({ err: e.message }, "journal tick failed")), tickMs) : null;
  ticker?.unref();
  const pollMs = options.pollIntervalMs ?? config.source?.pollMs ?? 0;
  const poller = source && pollMs > 0 ? setInterval(() => {
    if (draining || source.polling) return;
    source.pollOnce().catch((e) => log.error({ err: e.message, file: source.file }, "prediction log poll failed"));
  }, pollMs) : null;
  poller?.unref();
  let checkpointing = null;
  async function checkpoint(onStep) {
    while (checkpointing) await checkpointing;
    const run = (async () => {
      const covered = monitor.writeSnapshot(() => onStep?.("snapshot temp written"));
      checkpointedAt = covered;
      onStep?.("snapshot renamed");
      const deleted = await journal.compact(covered, onStep);
      if (deleted.length > 0) log.debug({ covered, deleted }, "journal compacted");
    })();
    checkpointing = run.finally(() => {
      checkpointing = null;
    });
    return run;
  }
  function checkpointWhenJournalGrew() {
    if (draining || checkpointing || journal.offset - checkpointedAt < checkpointBytes) return;
    checkpoint().catch((e) => log.error({ err: e.message }, "snapshot failed"));
  }
  const snapshots = setInterval(() => {
    if (draining) return;
    checkpoint().catch((e) => log.error({ err: e.message }, "snapshot failed"));
  }, config.snapshotIntervalMs);
  snapshots.unref();
  async function shutdown() {
    if (draining) return;
    draining = true;
    if (ticker) clearInterval(ticker);
    if (poller) clearInterval(poller);
    clearInterval(snapshots);
    await source?.close();
    outbox.stop();
    await outbox.idle();
    const closed = new Promise((r) => server.close(() => r()));
    server.closeIdleConnections();
    while (checkpointing) await checkpointing;
    await journal.drain();
    await checkpoint();
    await journal.close();
    await closed;
    log.info({ offset: monitor.appliedOffset }, "monitor stopped");
  }
  return { url, monitor, metrics, outbox, journal, source, tick, checkpoint, shutdown };
}
function digest(s) {
  return createHash3("sha256").update(s).digest();
}
function authorized(header, expected) {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  const given = digest(m ? m[1].trim() : "");
  return timingSafeEqual(given, expected) && m !== null;
}
var POOLED_BYTES = 8 * 1024 * 1024;
var POOLED_MAX = 2 * 1024 * 1024;
var POOL_STEP = 64 * 1024;
var BodyPool = class {
  free = [];
  freeBytes = 0;
  /** Memory this pool handed out (a body may be a slice of Buffer's shared pool, which must never be reused). */
  mine = /* @__PURE__ */ new WeakSet();
  /** A buffer of `size` bytes, uninitialised. */
  acquire(size) {
    for (let i = 0; i < this.free.length; i++) {
      const b2 = this.free[i];
      if (b2.length >= size) {
        this.free.splice(i, 1);
        this.freeBytes -= b2.length;
        return b2.subarray(0, size);
      }
    }
    if (size > POOLED_MAX) return Buffer.allocUnsafeSlow(size);
    const b = Buffer.allocUnsafeSlow(Math.max(POOL_STEP, Math.ceil(size / POOL_STEP) * POOL_STEP));
    this.mine.add(b.buffer);
    return b.subarray(0, size);
  }
  /** Gives a body back once nothing reads it any more (a body not from this pool is left to the GC). */
  release(body) {
    const whole = body.buffer;
    if (!this.mine.has(whole) || this.freeBytes + whole.byteLength > POOLED_BYTES) return;
    if (this.free.some((b) => b.buffer === whole)) return;
    this.free.push(Buffer.from(whole));
    this.freeBytes += whole.byteLength;
  }
};
function readBody(req, max, declared, pool) {
  return new Promise((resolve2, reject) => {
    let target = declared >= 0 && declared <= max ? pool.acquire(declared) : null;
    const chunks = [];
    let size = 0;
    let done = false;
    req.on("data", (c) => {
      if (done) return;
      size += c.length;
      if (size > max) {
        done = true;
        req.pause();
        resolve2(null);
        return;
      }
      if (target && size <= target.length) c.copy(target, size - c.length);
      else {
        if (target) chunks.push(target.subarray(0, size - c.length));
        target = null;
        chunks.push(c);
      }
    });
    req.on("end", () => {
      if (done) return;
      resolve2(target ? target.subarray(0, size) : Buffer.concat(chunks, size));
    });
    req.on("error", (e) => {
      if (!done) reject(e);
    });
  });
}
function send(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

// src/cli/commands/monitor.ts
function registerMonitor(program, io, exit) {
  program.command("monitor").description("run the drift monitor sidecar: ingest events, drift per window, alerts to GitHub").option("--config <file>", "monitor config (YAML)", "monitor.yml").option("--check", "validate the config and the reference profile, then exit").action(async (flags) => {
    const config = readMonitorConfig(flags.config);
    if (flags.check) {
      const { readProfile: readProfile2 } = await import("./profileFile-WRFB5ZXI.js");
      const profile = readProfile2(config.reference);
      const predictions = predictionColumnOf(config, profile);
      io.out(
        `${flags.config}: ok (model ${config.model}, ${Object.keys(profile.columns).length} reference columns${predictions === null ? ", no prediction drift" : `, predictions vs '${predictions}'`})`
      );
      return;
    }
    const running = await startMonitor(config, { sender: githubSenderFromEnv(config, process.env) });
    io.err(`modelguard monitor: listening on ${running.url}`);
    await new Promise((resolve2) => {
      const stop = () => {
        process.off("SIGTERM", stop);
        process.off("SIGINT", stop);
        running.shutdown().then(resolve2, (e) => {
          io.err(`modelguard monitor: shutdown failed: ${e.message}`);
          exit.code = 1;
          resolve2();
        });
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
    });
  });
}

// src/cli/main.ts
function buildProgram(io) {
  const exit = { code: 0 };
  const program = new Command("modelguard").description("Data tests, drift, model evaluation and gates for ML pull requests, and a drift monitor.").version(VERSION).showHelpAfterError("(run with --help for usage)").enablePositionalOptions().exitOverride().configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  for (const register of commands) register(program, io, exit);
  return { program, exit };
}
var commands = [
  registerValidate,
  registerProfile,
  registerDrift,
  registerTrain,
  registerEvaluate,
  registerCompare,
  registerReport,
  registerMonitor
];
async function main(argv, io = processIO) {
  const { program, exit } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exit.code;
  } catch (e) {
    return exitCodeForError(e, io);
  }
}
export {
  buildProgram,
  main
};
