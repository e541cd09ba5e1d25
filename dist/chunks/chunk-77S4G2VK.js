import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  QUALITY_SIGNALS,
  columnOverride,
  detectDrift
} from "./chunk-BGRYT6VV.js";
import {
  checkGateMetrics,
  gateChecks,
  gatePolicyFrom,
  normalQuantile
} from "./chunk-UYSVWQ6F.js";
import {
  CBPE_METRICS
} from "./chunk-IN4FC3XQ.js";
import {
  readMetricsDocument
} from "./chunk-RHDI7ADI.js";
import {
  ClassLabels,
  computeMetrics,
  sortLabels
} from "./chunk-56NJ2FAC.js";
import {
  escapeMarkdown,
  formatParameter,
  isProportionMetric
} from "./chunk-J6QFQCEU.js";
import {
  sampleProfile
} from "./chunk-43BZ45RZ.js";
import {
  influenceCalculator
} from "./chunk-2Y5XZXLW.js";
import {
  stringifyContract
} from "./chunk-NXWTCSVE.js";
import {
  QuantileSketch
} from "./chunk-63HQ5WJE.js";
import {
  idLikeName
} from "./chunk-CYWMYDJ6.js";
import {
  jsonStringScan,
  scanJsonString
} from "./chunk-LAIMP6IK.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-3DORHFRE.js";

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
    exports.isObject = function isObject2(obj) {
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
    var Registry3 = class _Registry {
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
    module.exports = Registry3;
    module.exports.globalRegistry = new Registry3();
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
    var Registry3 = require_registry();
    var { isObject: isObject2 } = require_util();
    var { validateMetricName, validateLabelName } = require_validation();
    var Metric = class {
      constructor(config, defaults = {}) {
        if (!isObject2(config)) {
          throw new TypeError("constructor expected a config object");
        }
        Object.assign(
          this,
          {
            labelNames: [],
            registers: [Registry3.globalRegistry],
            aggregator: "sum",
            enableExemplars: false
          },
          defaults,
          config
        );
        if (!this.registers) {
          this.registers = [Registry3.globalRegistry];
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
          if (this.enableExemplars && register.contentType === Registry3.PROMETHEUS_CONTENT_TYPE) {
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
      isObject: isObject2,
      getLabels,
      removeLabels,
      nowTimestamp
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Exemplar = require_exemplar();
    var Counter3 = class extends Metric {
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
        if (isObject2(labels)) {
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
        if (!isObject2(this.hashMap[hash].exemplar)) {
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
    module.exports = Counter3;
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
      isObject: isObject2,
      removeLabels
    } = require_util();
    var { validateLabel } = require_validation();
    var { Metric } = require_metric();
    var Gauge5 = class extends Metric {
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
      return isObject2(labels) ? labels : {};
    }
    function getValueArg(labels, value) {
      return isObject2(labels) ? value : labels;
    }
    module.exports = Gauge5;
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
      isObject: isObject2,
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
        if (!isObject2(exemplar)) {
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
      return isObject2(labels) ? {
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
      return new Promise((resolve, reject) => {
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
              resolve({ resp, body });
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
    var VERSION = "1.10.0";
    exports.VERSION = VERSION;
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
    var Counter3 = require_counter();
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
      const cpuUserUsageCounter = new Counter3({
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
      const cpuSystemUsageCounter = new Counter3({
        name: namePrefix + PROCESS_CPU_SYSTEM_SECONDS,
        help: "Total system CPU time spent in seconds.",
        enableExemplars: exemplars,
        registers,
        labelNames
      });
      const cpuUsageCounter = new Counter3({
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
    var Gauge5 = require_gauge();
    var startInSeconds = Math.round(Date.now() / 1e3 - process.uptime());
    var PROCESS_START_TIME = "process_start_time_seconds";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge5({
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
    var Gauge5 = require_gauge();
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
      const residentMemGauge = new Gauge5({
        name: namePrefix + PROCESS_RESIDENT_MEMORY,
        help: "Resident memory size in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect() {
          try {
            const stat = fs.readFileSync("/proc/self/status", "utf8");
            const structuredOutput = structureOutput(stat);
            residentMemGauge.set(labels, structuredOutput.VmRSS);
            virtualMemGauge.set(labels, structuredOutput.VmSize);
            heapSizeMemGauge.set(labels, structuredOutput.VmData);
          } catch {
          }
        }
      });
      const virtualMemGauge = new Gauge5({
        name: namePrefix + PROCESS_VIRTUAL_MEMORY,
        help: "Virtual memory size in bytes.",
        registers,
        labelNames
      });
      const heapSizeMemGauge = new Gauge5({
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
    var Gauge5 = require_gauge();
    var linuxVariant = require_osMemoryHeapLinux();
    var safeMemoryUsage = require_safeMemoryUsage();
    var PROCESS_RESIDENT_MEMORY = "process_resident_memory_bytes";
    function notLinuxVariant(registry, config = {}) {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge5({
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
    var Gauge5 = require_gauge();
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
      new Gauge5({
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
    var Gauge5 = require_gauge();
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
      new Gauge5({
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
    var Gauge5 = require_gauge();
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
      const lag = new Gauge5({
        name: namePrefix + NODEJS_EVENTLOOP_LAG,
        help: "Lag of event loop in seconds.",
        registers,
        labelNames,
        aggregator: "average",
        // Use this one metric's `collect` to set all metrics' values.
        collect
      });
      const lagMin = new Gauge5({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MIN,
        help: "The minimum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "min"
      });
      const lagMax = new Gauge5({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MAX,
        help: "The maximum recorded event loop delay.",
        registers,
        labelNames,
        aggregator: "max"
      });
      const lagMean = new Gauge5({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_MEAN,
        help: "The mean of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagStddev = new Gauge5({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_STDDEV,
        help: "The standard deviation of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP50 = new Gauge5({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P50,
        help: "The 50th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP90 = new Gauge5({
        name: namePrefix + NODEJS_EVENTLOOP_LAG_P90,
        help: "The 90th percentile of the recorded event loop delays.",
        registers,
        labelNames,
        aggregator: "average"
      });
      const lagP99 = new Gauge5({
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
    var Gauge5 = require_gauge();
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
      new Gauge5({
        name: namePrefix + NODEJS_ACTIVE_HANDLES,
        help: "Number of active libuv handles grouped by handle type. Every handle type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers,
        collect() {
          const handles = process._getActiveHandles();
          updateMetrics(this, aggregateByObjectName(handles), labels);
        }
      });
      new Gauge5({
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
    var Gauge5 = require_gauge();
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
      new Gauge5({
        name: namePrefix + NODEJS_ACTIVE_REQUESTS,
        help: "Number of active libuv requests grouped by request type. Every request type is C++ class name.",
        labelNames: ["type", ...labelNames],
        registers: registry ? [registry] : void 0,
        collect() {
          const requests = process._getActiveRequests();
          updateMetrics(this, aggregateByObjectName(requests), labels);
        }
      });
      new Gauge5({
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
    var Gauge5 = require_gauge();
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
      new Gauge5({
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
      new Gauge5({
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
    var Gauge5 = require_gauge();
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
      const heapSizeTotal = new Gauge5({
        name: namePrefix + NODEJS_HEAP_SIZE_TOTAL,
        help: "Process heap size from Node.js in bytes.",
        registers,
        labelNames,
        // Use this one metric's `collect` to set all metrics' values.
        collect
      });
      const heapSizeUsed = new Gauge5({
        name: namePrefix + NODEJS_HEAP_SIZE_USED,
        help: "Process heap size used from Node.js in bytes.",
        registers,
        labelNames
      });
      const externalMemUsed = new Gauge5({
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
    var Gauge5 = require_gauge();
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
        gauges[metricType] = new Gauge5({
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
    var Gauge5 = require_gauge();
    var version = process.version;
    var versionSegments = version.slice(1).split(".").map(Number);
    var NODE_VERSION_INFO = "nodejs_version_info";
    module.exports = (registry, config = {}) => {
      const namePrefix = config.prefix ? config.prefix : "";
      const labels = config.labels ? config.labels : {};
      const labelNames = Object.keys(labels);
      new Gauge5({
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
    var { isObject: isObject2 } = require_util();
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
      if (config !== null && config !== void 0 && !isObject2(config)) {
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
    var Registry3 = require_registry();
    var { Grouper } = require_util();
    var { aggregators } = require_metricAggregators();
    var cluster = () => {
      const data = __require("cluster");
      cluster = () => data;
      return data;
    };
    var GET_METRICS_REQ = "prom-client:getMetricsReq";
    var GET_METRICS_RES = "prom-client:getMetricsRes";
    var registries = [Registry3.globalRegistry];
    var requestCtr = 0;
    var listenersAdded = false;
    var requests = /* @__PURE__ */ new Map();
    var AggregatorRegistry = class extends Registry3 {
      constructor(regContentType = Registry3.PROMETHEUS_CONTENT_TYPE) {
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
        return new Promise((resolve, reject) => {
          let settled = false;
          function done(err, result) {
            if (settled) return;
            settled = true;
            if (err) reject(err);
            else resolve(result);
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
      static aggregate(metricsArr, registryType = Registry3.PROMETHEUS_CONTENT_TYPE) {
        const aggregatedRegistry = new Registry3();
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
          if (!(reg instanceof Registry3)) {
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

// monitor/ingest/eventTime.ts
function eventTimeOf(ts) {
  if (typeof ts === "number") return Number.isFinite(ts) && Math.abs(ts) <= MAX_DATE_MS ? ts : NaN;
  if (typeof ts !== "string" || ts.length > 40) return NaN;
  const m = RFC3339.exec(ts);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s, frac, zone, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 60)
    return NaN;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1e3) : 0;
  let t = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), second === 60 ? 999 : ms);
  if (zone.toUpperCase() !== "Z") {
    const ohn = Number(oh);
    const omn = Number(om);
    if (ohn > 23 || omn > 59) return NaN;
    t -= (sign === "-" ? -1 : 1) * (ohn * 60 + omn) * 6e4;
  }
  return t;
}
var MAX_DATE_MS = 864e13;
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|([+-])(\d{2}):(\d{2}))$/;
function daysIn(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// monitor/ingest/eventBatch.ts
var ABSENT = 0;
var VALUE = 1;
var NULL = 2;
var INVALID = 3;
var PREDICTION_MISSING = 0;
var PREDICTION_NUMBER = 1;
var PREDICTION_STRING = 2;
var PREDICTION_BOOLEAN = 3;
var PREDICTION_OTHER = 4;
var PREDICTION_INVALID = 5;
var MAX_ID_BYTES = 256;
var LONE_SURROGATE = new RegExp("\\p{Cs}", "u");
function idOf(id) {
  if (id === void 0) return { status: ABSENT, id: null };
  if (id === null) return { status: NULL, id: null };
  if (typeof id === "string") {
    const ok = id.length > 0 && id.length <= MAX_ID_BYTES && Buffer.byteLength(id, "utf8") <= MAX_ID_BYTES && !LONE_SURROGATE.test(id);
    return ok ? { status: VALUE, id } : { status: INVALID, id: null };
  }
  if (typeof id === "number" && Number.isSafeInteger(id)) return { status: VALUE, id: String(id) };
  return { status: INVALID, id: null };
}
function probabilityOf(p) {
  if (p === void 0) return { status: ABSENT, p: NaN };
  if (p === null) return { status: NULL, p: NaN };
  if (typeof p === "number" && p >= 0 && p <= 1) return { status: VALUE, p };
  return { status: INVALID, p: NaN };
}
function positiveProbabilityOf(probability, probabilities, positiveClass) {
  if (probability !== void 0 && probability !== null) return probabilityOf(probability);
  if (probabilities === void 0) return probabilityOf(probability);
  if (probabilities === null) return { status: NULL, p: NaN };
  if (typeof probabilities !== "object" || Array.isArray(probabilities)) return { status: INVALID, p: NaN };
  if (!Object.prototype.hasOwnProperty.call(probabilities, positiveClass)) return { status: ABSENT, p: NaN };
  return probabilityOf(probabilities[positiveClass]);
}
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
      const grown2 = Buffer.alloc(Math.min(MAX_KEY_BYTES, Math.max(256, (this.keyBytesUsed + len) * 2)));
      this.keyBytes.copy(grown2, 0, 0, this.keyBytesUsed);
      this.keyBytes = grown2;
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
    this.positiveClass = layout.positiveClass ?? "1";
    const pc = Buffer.from(this.positiveClass, "utf8");
    const plainPc = pc.toString("utf8") === this.positiveClass && !pc.some((b) => b < 32 || b === 34 || b === 92);
    this.plainPositiveClass = plainPc ? pc : null;
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
  /** The class `probabilities` is read at, and its UTF-8 bytes when JSON writes it as is (else null: slow path). */
  positiveClass;
  plainPositiveClass;
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
  for (const e of events) b.appendObject(e.features, e.prediction, e.ts, e);
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
    this.ts = new Float64Array(capacity);
    this.idStatus = new Uint8Array(capacity);
    this.positiveProbability = new Float64Array(capacity);
    this.probabilityStatus = new Uint8Array(capacity);
  }
  encoding;
  length = 0;
  width;
  status;
  values;
  predictionStatus;
  predictionValues;
  /** Each event's `ts` in ms since the epoch (eventTimeOf); NaN when absent or not a usable time. */
  ts;
  /** Each event's `id` as a join key (idOf: a string, an integer as its decimal text), null when not VALUE. */
  ids = [];
  /** What the `id` was: ABSENT, VALUE, NULL or INVALID (counted by the label join; the event itself still counts). */
  idStatus;
  /** The positive class's probability (positiveProbabilityOf), NaN when not VALUE. */
  positiveProbability;
  /** What the probability was: ABSENT, VALUE, NULL or INVALID. */
  probabilityStatus;
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
    this.ts[e] = NaN;
    this.ids[e] = null;
    this.idStatus[e] = ABSENT;
    this.positiveProbability[e] = NaN;
    this.probabilityStatus[e] = ABSENT;
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
    const ts = new Float64Array(cap);
    ts.set(this.ts);
    const idStatus = new Uint8Array(cap);
    idStatus.set(this.idStatus);
    const positiveProbability = new Float64Array(cap);
    positiveProbability.set(this.positiveProbability);
    const probabilityStatus = new Uint8Array(cap);
    probabilityStatus.set(this.probabilityStatus);
    Object.assign(this, {
      status,
      values,
      predictionStatus: ps,
      predictionValues: pv,
      ts,
      idStatus,
      positiveProbability,
      probabilityStatus,
      capacity: cap
    });
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
  appendObject(features, prediction, ts, keys) {
    const e = this.begin();
    this.ts[e] = eventTimeOf(ts);
    if (keys) {
      const id = idOf(keys.id);
      this.idStatus[e] = id.status;
      this.ids[e] = id.id;
      const p = positiveProbabilityOf(keys.probability, keys.probabilities, this.encoding.positiveClass);
      this.probabilityStatus[e] = p.status;
      this.positiveProbability[e] = p.p;
    }
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
  /**
   * Sets the prediction of event e from a JSON value. A class name with a lone surrogate escape is INVALID, as an id
   * with one is: the label join keeps text predictions in UTF-8, which would bring it back as U+FFFD, another class.
   */
  setPrediction(e, prediction) {
    if (prediction === void 0 || prediction === null) this.predictionStatus[e] = PREDICTION_MISSING;
    else if (typeof prediction === "number") {
      this.predictionStatus[e] = PREDICTION_NUMBER;
      this.predictionValues[e] = prediction;
    } else if (typeof prediction === "string" && LONE_SURROGATE.test(prediction)) {
      this.predictionStatus[e] = PREDICTION_INVALID;
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
    this.ids.length = 0;
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

// monitor/alerts/outbox.ts
import { closeSync as closeSync2, existsSync as existsSync2, fstatSync, fsyncSync as fsyncSync2, ftruncateSync, openSync as openSync2, readFileSync as readFileSync2, writeSync } from "node:fs";

// monitor/state/journal.ts
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  truncateSync
} from "node:fs";
import { open, statfs, truncate, unlink } from "node:fs/promises";
import { dirname, join } from "node:path";

// monitor/state/crc32c.ts
function crc32c(data, previous = 0) {
  let crc = ~previous >>> 0;
  let i = 0;
  const n = data.length;
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  for (; i + 8 <= n; i += 8) {
    const lo = (crc ^ (data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24)) >>> 0;
    crc = t7[lo & 255] ^ t6[lo >>> 8 & 255] ^ t5[lo >>> 16 & 255] ^ t4[lo >>> 24] ^ t3[data[i + 4]] ^ t2[data[i + 5]] ^ t1[data[i + 6]] ^ t0[data[i + 7]];
  }
  for (; i < n; i++) crc = t0[(crc ^ data[i]) & 255] ^ crc >>> 8;
  return ~crc >>> 0;
}
var TABLES = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  for (let b = 0; b < 256; b++) {
    let c = b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 2197175160 ^ c >>> 1 : c >>> 1;
    tables[0][b] = c >>> 0;
  }
  for (let b = 0; b < 256; b++) {
    for (let k = 1; k < 8; k++) {
      const prev = tables[k - 1][b];
      tables[k][b] = (tables[0][prev & 255] ^ prev >>> 8) >>> 0;
    }
  }
  return tables;
})();

// monitor/state/journal.ts
var JournalUnavailableError = class extends Error {
  constructor(reason) {
    const code = reason.code;
    super(`the journal cannot be written (${code ? `${code}: ` : ""}${reason.message})`);
    this.reason = reason;
  }
  reason;
  name = "JournalUnavailableError";
};
var SEGMENT = /^([0-9]{16})\.log$/;
var JOURNAL_KEY = /^[\x21-\x7e]{1,255}$/;
function segmentName(start) {
  return `${String(start).padStart(16, "0")}.log`;
}
function listSegments(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => SEGMENT.exec(name)).filter((m) => m !== null).map((m) => ({ start: Number(m[1]), name: m[0], size: statSync(join(dir, m[0])).size })).sort((a, b) => a.start - b.start);
}
function fsyncDir(dir) {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
function fsyncFile(path) {
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
var Journal = class _Journal {
  constructor(dir, fh, segmentStart, offset, retryMs, onAvailability, blockedBy) {
    this.dir = dir;
    this.fh = fh;
    this.segmentStart = segmentStart;
    this.retryMs = retryMs;
    this.onAvailability = onAvailability;
    this.blockedBy = blockedBy;
    this.offset = offset;
  }
  dir;
  fh;
  segmentStart;
  retryMs;
  onAvailability;
  blockedBy;
  /** Global byte offset of the end of the last durable record. */
  offset;
  /** fdatasync calls made (for metrics and the group-commit test). */
  syncs = 0;
  queue = [];
  flushing = false;
  closed = false;
  /** Why appends are refused, until a recovery succeeds; null while the journal is writable. */
  failed = null;
  /** A segment was created but the directory fsync after it failed: recovery repeats it before any append. */
  dirUnsynced = false;
  /** After a write failed for lack of space: the bytes it needed, which must be free before recovery reports success. */
  spaceNeeded = 0;
  retry = null;
  /** Flushes, segment rolls and recoveries run one at a time, in order. */
  exclusive = Promise.resolve();
  /**
   * A journal of the older single-file layout (`journal.log`, offsets from 0) becomes the first segment of `dir`
   * (one atomic rename; a no-op when `dir` already has segments).
   */
  static migrateSingleFile(file, dir) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(file) || listSegments(dir).length > 0) return;
    renameSync(file, join(dir, segmentName(0)));
    fsyncDir(dir);
  }
  /**
   * Replays the records after `fromOffset` through `onRecord`, cuts off a torn tail of the last segment (an incomplete
   * record at its very end, never acknowledged) and what a failed write left past the start of a later segment, and
   * opens the last segment for appending. Throws a ModelguardError naming the file, the offset and what to do when a
   * segment is missing or damaged, rather than skip acknowledged batches.
   */
  static async open(dir, fromOffset, onRecord, options = {}) {
    mkdirSync(dir, { recursive: true });
    let segments = listSegments(dir);
    if (segments.length === 0) {
      if (fromOffset > 0) {
        throw new ModelguardError(
          "input",
          `${dir}: the journal has no segments, but the snapshot ${join(dirname(dir), "snapshot.json")} covers it up to offset ${fromOffset}`,
          restoreHint(dir)
        );
      }
      closeSync(openSync(join(dir, segmentName(0)), "a"));
      fsyncDir(dir);
      segments = listSegments(dir);
    }
    if (segments[0].start > fromOffset) {
      throw new ModelguardError(
        "input",
        `${dir}: the journal starts at offset ${segments[0].start} (${segments[0].name}), after the snapshot's offset ${fromOffset}: segments are missing`,
        restoreHint(dir)
      );
    }
    for (let i = 0; i + 1 < segments.length; i++) {
      const a = segments[i];
      const b = segments[i + 1];
      if (a.start + a.size < b.start) {
        throw new ModelguardError(
          "input",
          `${join(dir, a.name)}: journal segment ${a.name} (${a.size} bytes) ends at offset ${a.start + a.size}, but the next one, ${b.name}, starts at ${b.start}: a segment is missing or ${a.name} was cut short`,
          restoreHint(dir)
        );
      }
    }
    const last = segments[segments.length - 1];
    let replayed = 0;
    const cuts = [];
    let end = fromOffset;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i];
      const next = segments[i + 1];
      const path = join(dir, seg.name);
      const limit = next ? next.start - seg.start : seg.size;
      if (seg.start + limit <= fromOffset && seg !== last) {
        if (seg.size > limit)
          cutSegment(path, limit, seg, cuts, `a failed write left them past the start of ${next.name}`);
        continue;
      }
      if (fromOffset - seg.start > seg.size) {
        throw new ModelguardError(
          "input",
          `${path}: the journal ends at offset ${seg.start + seg.size}, before the snapshot's offset ${fromOffset}`,
          restoreHint(dir)
        );
      }
      const whole = readFileSync(path);
      const buf = whole.subarray(0, limit);
      let pos = Math.max(fromOffset - seg.start, 0);
      for (; ; ) {
        if (pos >= buf.length) break;
        const r = readRecord(buf, pos);
        if (!r.ok) {
          const why = seg !== last ? "later segments follow it" : !r.incomplete ? "the record is complete but does not read back" : recordFollows(buf, pos) ? "complete records follow it" : null;
          if (why !== null)
            throw damaged(dir, path, seg, pos, `${r.reason}; this is not a torn write (${why})`, segments);
          cutSegment(path, pos, seg, cuts, `a torn write: ${r.reason}`);
          break;
        }
        onRecord(r.record, seg.start + r.end);
        pos = r.end;
        replayed++;
      }
      end = seg.start + pos;
      if (whole.length > limit)
        cutSegment(path, limit, seg, cuts, `a failed write left them past the start of ${next.name}`);
    }
    const fh = await open(join(dir, last.name), "a");
    const truncatedBytes = cuts.reduce((n, c) => n + c.bytes, 0);
    const journal = new _Journal(
      dir,
      fh,
      last.start,
      end,
      options.retryMs ?? 1e3,
      options.onAvailability ?? (() => {
      }),
      options.blockedBy ?? (() => null)
    );
    return { journal, replayed, truncatedBytes, cuts };
  }
  /** Why the journal refuses appends right now (a failed write not yet recovered from, or `blockedBy`), or null. */
  get unavailable() {
    return this.failed ? new JournalUnavailableError(this.failed) : this.blockedBy();
  }
  /** A batch as received; `key` its Idempotency-Key (JOURNAL_KEY), replayed with it so a repeat is recognised. */
  appendBatch(t, body, onDurable, key) {
    if (key !== void 0 && !JOURNAL_KEY.test(key)) return Promise.reject(new Error(`not a journal key: ${key}`));
    const fields = key !== void 0 ? `k ${t} ${key}` : `b ${t}`;
    return this.enqueue(framed(fields, body), onDurable);
  }
  /** A file-source batch (`body` the well-formed lines, possibly empty) and the file position it reads up to. */
  appendSource(t, body, position, onDurable) {
    return this.enqueue(framed(`f ${t} ${positionFields(position)}`, body), onDurable);
  }
  /** A label batch as received (with its Idempotency-Key), or lines of the label log and the position after them. */
  appendLabels(t, body, onDurable, from = {}) {
    const { key, position: p } = from;
    if (key !== void 0 && !JOURNAL_KEY.test(key)) return Promise.reject(new Error(`not a journal key: ${key}`));
    const fields = p ? `g ${t} ${positionFields(p)}` : key !== void 0 ? `j ${t} ${key}` : `l ${t}`;
    return this.enqueue(framed(fields, body), onDurable);
  }
  /** Fleet mode: pairs Redis joined that this member holds a side of. */
  appendJoins(t, body, onDurable) {
    return this.enqueue(framed(`x ${t}`, body), onDurable);
  }
  appendTick(t, onDurable) {
    return this.enqueue(framed(`t ${t}`, EMPTY), onDurable);
  }
  run(fn) {
    const next = this.exclusive.then(fn);
    this.exclusive = next.catch(() => void 0);
    return next;
  }
  enqueue(bytes, onDurable) {
    if (this.closed) return Promise.reject(new Error("journal is closed"));
    if (this.failed) return Promise.reject(new JournalUnavailableError(this.failed));
    const blocked = this.blockedBy();
    if (blocked) return Promise.reject(blocked);
    return new Promise((resolve, reject) => {
      this.queue.push({ bytes, onDurable, resolve, reject });
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
        if (this.failed) throw this.failed;
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
        const code = e.code;
        if (code === "ENOSPC" || code === "EDQUOT")
          this.spaceNeeded = group.reduce((n, p) => p.bytes.reduce((m, b) => m + b.length, n), 0);
        this.fail(e);
        const error = new JournalUnavailableError(this.failed);
        for (const p of [...group, ...this.queue]) p.reject(error);
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
  fail(e) {
    const was = this.failed;
    this.failed = e;
    if (was === null) this.onAvailability(new JournalUnavailableError(e));
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.recover();
    }, this.retryMs);
    this.retry.unref();
  }
  /**
   * After a failed write: closes the segment, cuts it back to the last durable record, fsyncs it (and the directory,
   * when a roll's fsync failed) and reopens it. Resolves true when the journal takes appends again; on failure it
   * stays unavailable and tries again after `retryMs`.
   */
  async recover() {
    await this.run(async () => {
      if (!this.failed || this.closed) return;
      try {
        const path = join(this.dir, segmentName(this.segmentStart));
        const fh = this.fh;
        this.fh = null;
        await fh?.close().catch(() => void 0);
        await truncate(path, this.offset - this.segmentStart);
        fsyncFile(path);
        if (this.dirUnsynced) fsyncDir(this.dir);
        this.dirUnsynced = false;
        this.fh = await open(path, "a");
        if (this.spaceNeeded > 0) {
          const fs = await statfs(this.dir);
          const free = fs.bavail * fs.bsize;
          if (free < this.spaceNeeded) {
            const e = new Error(`no space left on device: ${free} bytes free, ${this.spaceNeeded} needed`);
            throw Object.assign(e, { code: "ENOSPC" });
          }
          this.spaceNeeded = 0;
        }
        this.failed = null;
        this.onAvailability(null);
      } catch (e) {
        this.fail(e);
      }
    });
    return this.failed === null;
  }
  /**
   * Starts a new segment at the current offset (between two group commits) unless the current one is empty, then
   * deletes, oldest first, every segment that ends at or before `coveredOffset` (the offset of a durable snapshot).
   * Returns the names deleted. Throws a JournalUnavailableError while the journal is unavailable: a roll then would
   * leave the failed write's bytes in the old segment past the new one's start.
   */
  async compact(coveredOffset, onStep) {
    if (this.closed) throw new Error("journal is closed");
    await this.run(async () => {
      if (this.failed) throw new JournalUnavailableError(this.failed);
      if (this.offset === this.segmentStart) return;
      const name = segmentName(this.offset);
      const fh = await open(join(this.dir, name), "wx").catch(async (e) => {
        if (e.code === "EEXIST" && statSync(join(this.dir, name)).size === 0) return open(join(this.dir, name), "a");
        throw e;
      });
      const old = this.fh;
      this.fh = fh;
      this.segmentStart = this.offset;
      await old?.close().catch(() => void 0);
      try {
        fsyncDir(this.dir);
      } catch (e) {
        this.dirUnsynced = true;
        this.fail(e);
        throw new JournalUnavailableError(e);
      }
      onStep?.("rolled");
    });
    const deleted = [];
    const segments = listSegments(this.dir);
    for (let i = 0; i + 1 < segments.length; i++) {
      if (segments[i + 1].start > coveredOffset) break;
      await unlink(join(this.dir, segments[i].name));
      await fsyncDirAsync(this.dir);
      deleted.push(segments[i].name);
      onStep?.(`deleted ${segments[i].name}`);
    }
    return deleted;
  }
  /** Resolves when every queued append is durable (or refused). */
  async drain() {
    while (this.flushing || this.queue.length > 0) await new Promise((r) => setImmediate(r));
    await this.exclusive;
  }
  async close() {
    await this.drain();
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    await this.fh?.close();
    this.fh = null;
  }
};
var NEWLINE = Buffer.from("\n");
var EMPTY = Buffer.alloc(0);
function positionFields(p) {
  const fp = p.fingerprint ? ` ${p.fingerprint.bytes}:${p.fingerprint.crc32c}` : "";
  return `${p.dev} ${p.ino} ${p.offset} ${p.line}${fp}`;
}
function framed(fields, body) {
  const head = `${fields} ${body.length} ${hex8(crc32c(body))}`;
  const bytes = Buffer.from(head, "latin1");
  return [Buffer.from(`${head} ${hex8(crc32c(bytes))}
`, "latin1"), body, NEWLINE];
}
function hex8(n) {
  return n.toString(16).padStart(8, "0");
}
function unwritten(chunks, written) {
  let i = 0;
  while (written >= chunks[i].length) written -= chunks[i++].length;
  return [chunks[i].subarray(written), ...chunks.slice(i + 1)];
}
async function fsyncDirAsync(dir) {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
function cutSegment(path, at, seg, cuts, reason) {
  const size = statSync(path).size;
  if (size <= at) return;
  truncateSync(path, at);
  fsyncFile(path);
  cuts.push({ segment: seg.name, at, bytes: size - at, reason });
}
function restoreHint(dir) {
  const state = dirname(dir);
  return `the journal holds acknowledged events, so the monitor does not start without them. Restore ${dir} from a backup, or, to start over from an empty state (losing the open window, the alert state and the recent window reports), move the state directory ${state} aside`;
}
function damaged(dir, path, seg, pos, reason, segments) {
  const later = segments.filter((s) => s.start > seg.start).map((s) => s.name);
  return new ModelguardError(
    "input",
    `${path}: journal segment damaged at byte ${pos} (journal offset ${seg.start + pos}): ${reason}, so skipping it would lose acknowledged events`,
    `stop the monitor and copy ${dirname(dir)} aside first. Then restore ${path} from a backup, or, to start from the records before the damage and lose every event after it, run \`truncate -s ${pos} ${path}\`` + (later.length > 0 ? ` and delete the later segments (${later.join(", ")})` : "")
  );
}
function recordFollows(buf, pos) {
  for (let nl = buf.indexOf(10, pos); nl >= 0 && nl + 1 < buf.length; nl = buf.indexOf(10, nl + 1)) {
    if (readRecord(buf, nl + 1).ok) return true;
  }
  return false;
}
var DIGITS = /^[0-9]+$/;
var HEX8 = /^[0-9a-f]{8}$/;
var FIELDS = { b: 2, k: 3, t: 2, f: 6, l: 2, j: 3, g: 6, x: 2 };
function readRecord(buf, pos) {
  const nl = buf.indexOf(10, pos);
  if (nl < 0) return { ok: false, incomplete: true, reason: "a record header without its newline" };
  const header = buf.toString("latin1", pos, nl);
  const kind = header[0] ?? "";
  if (kind === "B" || kind === "T" || kind === "F") return readLegacyRecord(buf, pos, nl, header);
  let fieldCount = FIELDS[kind];
  if (fieldCount === void 0) return { ok: false, incomplete: false, reason: "not a record header" };
  const sp = header.lastIndexOf(" ");
  const headerCrc = header.slice(sp + 1);
  if (!HEX8.test(headerCrc) || crc32c(buf.subarray(pos, pos + sp)) !== parseInt(headerCrc, 16))
    return { ok: false, incomplete: false, reason: "header checksum mismatch" };
  const parts = header.slice(0, sp).split(" ");
  if ((kind === "f" || kind === "g") && parts.length === fieldCount + 3) fieldCount++;
  const t = Number(parts[1]);
  const len = Number(parts[fieldCount]);
  const bodyCrc = parts[fieldCount + 1] ?? "";
  if (parts.length !== fieldCount + 2 || !Number.isFinite(t) || !Number.isSafeInteger(len) || len < 0 || !HEX8.test(bodyCrc))
    return { ok: false, incomplete: false, reason: `unreadable ${kind} record header` };
  const start = nl + 1;
  const stop = start + len;
  if (stop + 1 > buf.length)
    return { ok: false, incomplete: true, reason: "a record body cut short by the end of the file" };
  if (buf[stop] !== 10) return { ok: false, incomplete: false, reason: "no newline after the record body" };
  const body = buf.subarray(start, stop);
  if (crc32c(body) !== parseInt(bodyCrc, 16)) return { ok: false, incomplete: false, reason: "body checksum mismatch" };
  const end = stop + 1;
  if (kind === "t") return len === 0 ? { ok: true, record: { type: "tick", t }, end } : bad(kind);
  if (kind === "b") return { ok: true, record: { type: "batch", t, body }, end };
  if (kind === "l") return { ok: true, record: { type: "labels", t, body }, end };
  if (kind === "x") return { ok: true, record: { type: "joins", t, body }, end };
  if (kind === "j") {
    const key = parts[2];
    return JOURNAL_KEY.test(key) ? { ok: true, record: { type: "labels", t, body, key }, end } : bad(kind);
  }
  if (kind === "g") {
    const position2 = sourcePosition(parts, fieldCount === 7);
    return position2 ? { ok: true, record: { type: "labels", t, body, position: position2 }, end } : bad(kind);
  }
  if (kind === "k") {
    const key = parts[2];
    return JOURNAL_KEY.test(key) ? { ok: true, record: { type: "batch", t, body, key }, end } : bad(kind);
  }
  const position = sourcePosition(parts, fieldCount === 7);
  return position ? { ok: true, record: { type: "source", t, body, position }, end } : bad(kind);
}
function bad(kind) {
  return { ok: false, incomplete: false, reason: `unreadable ${kind} record` };
}
var FINGERPRINT = /^([0-9]{1,4}):([0-9a-f]{8})$/;
function sourcePosition(parts, withFingerprint = false) {
  const [, , dev, ino] = parts;
  const offset = Number(parts[4]);
  const line = Number(parts[5]);
  if (!DIGITS.test(dev) || !DIGITS.test(ino) || !Number.isSafeInteger(offset) || !Number.isSafeInteger(line))
    return null;
  if (offset < 0 || line < 0) return null;
  if (!withFingerprint) return { dev, ino, offset, line };
  const fp = FINGERPRINT.exec(parts[6] ?? "");
  if (!fp || Number(fp[1]) > offset) return null;
  return { dev, ino, offset, line, fingerprint: { bytes: Number(fp[1]), crc32c: fp[2] } };
}
function readLegacyRecord(buf, pos, nl, header) {
  const parts = header.split(" ");
  const t = Number(parts[1]);
  const unreadable = { ok: false, incomplete: false, reason: `unreadable ${parts[0]} record header` };
  if (parts[0] === "T")
    return parts.length === 2 && Number.isFinite(t) ? { ok: true, record: { type: "tick", t }, end: nl + 1 } : unreadable;
  const source = parts[0] === "F";
  if (parts.length !== (source ? 7 : 3) || !Number.isFinite(t)) return unreadable;
  const len = Number(parts[parts.length - 1]);
  if (!Number.isSafeInteger(len) || len < 0) return unreadable;
  const start = nl + 1;
  const stop = start + len;
  if (stop + 1 > buf.length)
    return { ok: false, incomplete: true, reason: "a record body cut short by the end of the file" };
  if (buf[stop] !== 10) return { ok: false, incomplete: false, reason: "no newline after the record body" };
  const body = buf.subarray(start, stop);
  if (!source) return { ok: true, record: { type: "batch", t, body }, end: stop + 1 };
  const position = sourcePosition(parts);
  return position ? { ok: true, record: { type: "source", t, body, position }, end: stop + 1 } : unreadable;
}

// monitor/state/stateWrites.ts
var StateWriteError = class extends JournalUnavailableError {
  constructor(reason, what) {
    super(reason);
    this.what = what;
    const code = reason.code;
    this.message = `${what} cannot be written (${code ? `${code}: ` : ""}${reason.message})`;
  }
  what;
};
var StateWrites = class {
  queue = [];
  failed = null;
  retry = null;
  closed = false;
  listeners = [];
  retryMs;
  constructor(options = {}) {
    this.retryMs = options.retryMs ?? 1e3;
  }
  /** Hears each change of availability once: the failure, then null when every queued write is done. */
  onAvailability(listener) {
    this.listeners.push(listener);
  }
  /** Why writes are queued right now, or null. */
  get unavailable() {
    return this.failed;
  }
  /** Writes not done yet. */
  get pending() {
    return this.queue.length;
  }
  /** Runs `write` now, or after the writes queued before it; true when it is done. `what` names it in errors. */
  run(what, write) {
    this.queue.push({ what, write });
    if (this.queue.length > 1) return false;
    return this.drain();
  }
  /** Tries the queued writes again, in order; true when none is left. */
  retryNow() {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    return this.drain();
  }
  /** Stops the retry timer (shutdown); queued writes stay queued. */
  close() {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }
  drain() {
    while (this.queue.length > 0) {
      const next = this.queue[0];
      try {
        next.write();
      } catch (e) {
        if (typeof e.code !== "string") {
          this.queue.shift();
          throw e;
        }
        const was = this.failed;
        this.failed = new StateWriteError(e, next.what);
        if (was === null) for (const l of this.listeners) l(this.failed);
        this.schedule();
        return false;
      }
      this.queue.shift();
    }
    if (this.failed) {
      this.failed = null;
      for (const l of this.listeners) l(null);
    }
    return true;
  }
  schedule() {
    if (this.retry || this.closed) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.drain();
    }, this.retryMs);
    this.retry.unref();
  }
};

// monitor/alerts/outbox.ts
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
    this.writes = options.writes ?? new StateWrites();
    this.writes.onAvailability((unavailable) => {
      if (!unavailable) this.kick(0);
    });
    if (!existsSync2(path)) return;
    const bytes = readFileSync2(path);
    this.durableSize = bytes.lastIndexOf(10) + 1;
    for (const line of bytes.subarray(0, this.durableSize).toString("utf8").split("\n")) {
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
  /** Bytes of the file up to the end of its last complete line: a failed append is cut back to here first. */
  durableSize = 0;
  /** Lines handed to `writes`, and those of them on disk: nothing is sent while one waits (see appendLine). */
  linesQueued = 0;
  linesWritten = 0;
  writes;
  has(id) {
    return this.entries.has(id);
  }
  /**
   * Records an entry (durably, or waiting in `writes` for the disk: it is not sent before); false when an entry with
   * this id was recorded before (a replayed decision).
   */
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
        if (this.linesWritten < this.linesQueued) return;
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
  /**
   * Appends one line and fsyncs it, through `writes`: when that fails (disk full, EIO) the line waits in memory, with
   * every line after it, and is retried; the in-memory state already has it, and the journal refuses new batches
   * meanwhile. A retry first cuts off what the failed write left (a torn line that the next one would run into).
   */
  appendLine(value) {
    const line = Buffer.from(JSON.stringify(value) + "\n");
    this.linesQueued++;
    this.writes.run(`the outbox ${this.path}`, () => {
      const fd = openSync2(this.path, "a");
      try {
        if (fstatSync(fd).size > this.durableSize) ftruncateSync(fd, this.durableSize);
        for (let at = 0; at < line.length; ) at += writeSync(fd, line, at);
        fsyncSync2(fd);
      } finally {
        closeSync2(fd);
      }
      this.durableSize += line.length;
      this.linesWritten++;
    });
  }
};

// monitor/ingest/parseBatch.ts
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
  let start = body[0] === 239 && body[1] === 187 && body[2] === 191 ? 3 : 0;
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
  const event = v;
  batch.appendObject(event.features, event.prediction, event.ts, event);
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
function parseArray(withBom) {
  const text = withBom.charCodeAt(0) === 65279 ? withBom.slice(1) : withBom;
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
var TS = Buffer.from("ts");
var ID = Buffer.from("id");
var PROBABILITY = Buffer.from("probability");
var PROBABILITIES = Buffer.from("probabilities");
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
  let sawId = false;
  let sawProbability = false;
  let probabilityStatus = ABSENT;
  let probability = NaN;
  let sawProbabilities = false;
  let probabilitiesStatus = ABSENT;
  let probabilities = NaN;
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
    } else if (keyLength === 2 && sameBytes(buf, keyStart, TS)) p = readTs(buf, p, end, batch, e);
    else if (keyLength === 2 && sameBytes(buf, keyStart, ID)) {
      if (sawId) return false;
      sawId = true;
      p = readId(buf, p, end, batch, e);
    } else if (keyLength === 11 && sameBytes(buf, keyStart, PROBABILITY)) {
      if (sawProbability) return false;
      sawProbability = true;
      p = readProbability(buf, p, end);
      probabilityStatus = probabilityRead;
      probability = probabilityOut[0];
    } else if (keyLength === 13 && sameBytes(buf, keyStart, PROBABILITIES)) {
      if (sawProbabilities || encoding.plainPositiveClass === null) return false;
      sawProbabilities = true;
      p = readProbabilities(buf, p, end, encoding.plainPositiveClass);
      probabilitiesStatus = probabilityRead;
      probabilities = probabilityOut[0];
    } else p = skipValue(buf, p, end, 0);
    if (p === FAIL) return false;
    p = skipSpace(buf, p, end);
    if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
    else if (buf[p] === RBRACE) break;
    else return false;
  }
  const byProbability = probabilityStatus !== ABSENT && probabilityStatus !== NULL;
  batch.probabilityStatus[e] = byProbability || !sawProbabilities ? probabilityStatus : probabilitiesStatus;
  batch.positiveProbability[e] = byProbability ? probability : probabilitiesStatus === VALUE ? probabilities : NaN;
  return sawFeatures && skipSpace(buf, p + 1, end) === end;
}
function readId(buf, p, end, batch, e) {
  const c = buf[p];
  let q;
  let id;
  if (c === QUOTE) {
    q = readString(buf, p, end);
    if (q === FAIL) return FAIL;
    id = q - p - 2 > 6 * 256 ? { status: INVALID, id: null } : idOf(stringValue(buf, p, q));
  } else if (c === MINUS || c !== void 0 && isDigit(c)) {
    q = readNumber(buf, p, end, scratchNumber, 0);
    if (q === FAIL) return FAIL;
    id = idOf(scratchNumber[0]);
  } else if (c === 110) {
    q = readLiteral(buf, p, end, "null");
    id = { status: NULL, id: null };
  } else {
    q = skipValue(buf, p, end, 0);
    id = { status: INVALID, id: null };
  }
  batch.idStatus[e] = id.status;
  batch.ids[e] = id.id;
  return q;
}
var probabilityRead = ABSENT;
var probabilityOut = new Float64Array(1);
function readProbability(buf, p, end) {
  const c = buf[p];
  let q;
  if (c === MINUS || c !== void 0 && isDigit(c)) {
    q = readNumber(buf, p, end, probabilityOut, 0);
    const v = probabilityOut[0];
    probabilityRead = v >= 0 && v <= 1 ? VALUE : INVALID;
    if (probabilityRead !== VALUE) probabilityOut[0] = NaN;
    return q;
  }
  probabilityOut[0] = NaN;
  if (c === 110) {
    probabilityRead = NULL;
    return readLiteral(buf, p, end, "null");
  }
  probabilityRead = INVALID;
  return skipValue(buf, p, end, 0);
}
function readProbabilities(buf, p, end, positiveClass) {
  const c = buf[p];
  if (c === 110) {
    probabilityOut[0] = NaN;
    probabilityRead = NULL;
    return readLiteral(buf, p, end, "null");
  }
  if (c !== LBRACE) {
    probabilityOut[0] = NaN;
    probabilityRead = INVALID;
    return skipValue(buf, p, end, 0);
  }
  let status = ABSENT;
  let value = NaN;
  p = skipSpace(buf, p + 1, end);
  if (buf[p] === RBRACE) {
    probabilityOut[0] = NaN;
    probabilityRead = ABSENT;
    return p + 1;
  }
  for (; ; ) {
    if (buf[p] !== QUOTE) return FAIL;
    const keyStart = p + 1;
    p = readString(buf, p, end);
    if (p === FAIL || stringEscaped) return FAIL;
    const isPositive = p - 1 - keyStart === positiveClass.length && sameBytes(buf, keyStart, positiveClass);
    p = skipSpace(buf, p, end);
    if (buf[p] !== COLON) return FAIL;
    p = skipSpace(buf, p + 1, end);
    if (isPositive) {
      p = readProbability(buf, p, end);
      status = probabilityRead;
      value = probabilityOut[0];
    } else p = skipValue(buf, p, end, 1);
    if (p === FAIL) return FAIL;
    p = skipSpace(buf, p, end);
    if (buf[p] === COMMA) p = skipSpace(buf, p + 1, end);
    else if (buf[p] === RBRACE) break;
    else return FAIL;
  }
  probabilityRead = status;
  probabilityOut[0] = value;
  return p + 1;
}
function readTs(buf, p, end, batch, e) {
  const c = buf[p];
  let q;
  if (c === QUOTE) {
    q = readString(buf, p, end);
    if (q !== FAIL) batch.ts[e] = eventTimeOf(stringValue(buf, p, q));
  } else if (c === MINUS || c !== void 0 && isDigit(c)) {
    q = readNumber(buf, p, end, scratchNumber, 0);
    if (q !== FAIL) batch.ts[e] = eventTimeOf(scratchNumber[0]);
  } else {
    q = skipValue(buf, p, end, 0);
    batch.ts[e] = NaN;
  }
  return q;
}
function readPrediction(buf, p, end, batch, encoding, e) {
  const c = buf[p];
  if (c === QUOTE) {
    const q2 = readString(buf, p, end);
    if (q2 === FAIL) return FAIL;
    if (stringEscaped) batch.setPrediction(e, stringValue(buf, p, q2));
    else {
      batch.predictionStatus[e] = PREDICTION_STRING;
      batch.predictionValues[e] = categoryOfString(batch, encoding, -1, buf, p, q2);
    }
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

// monitor/metrics/monitorMetrics.ts
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
    help: "Rejected requests (unauthorized, too_large, malformed, not_ready), prediction log lines (source_malformed), values (invalid_value, unknown_feature, missing_feature) and, with event-time windows, events (late, invalid_ts).",
    labelNames: ["reason"],
    registers: [this.registry]
  });
  psi = new import_prom_client.Gauge({
    name: "modelguard_monitor_feature_psi",
    help: "PSI of each feature in the last closed window.",
    labelNames: ["feature", "model_version"],
    registers: [this.registry]
  });
  ks = new import_prom_client.Gauge({
    name: "modelguard_monitor_feature_ks",
    help: "KS statistic of each numeric feature in the last closed window.",
    labelNames: ["feature", "model_version"],
    registers: [this.registry]
  });
  featureDrifted = new import_prom_client.Gauge({
    name: "modelguard_monitor_feature_drifted",
    help: "1 when the feature drifted in the last closed window.",
    labelNames: ["feature", "model_version"],
    registers: [this.registry]
  });
  datasetDrifted = new import_prom_client.Gauge({
    name: "modelguard_monitor_dataset_drifted",
    help: "1 when the last closed window drifted as a dataset.",
    labelNames: ["model_version"],
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
    help: "Windows closed since start (including replayed ones), by the production version they were measured against.",
    labelNames: ["model_version"],
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
  modelVersion = new import_prom_client.Gauge({
    name: "modelguard_monitor_model_version_info",
    help: "1 for the production version the reference is the profile of (reference: registry:NAME).",
    labelNames: ["model_version"],
    registers: [this.registry]
  });
  constructor() {
    (0, import_prom_client.collectDefaultMetrics)({ register: this.registry });
  }
  /** A new reference: the last window's gauges of the old version go (they described it), the info gauge moves. */
  modelVersionChanged(previous, next) {
    if (previous === next) return;
    for (const g of [this.psi, this.ks, this.featureDrifted, this.datasetDrifted]) g.reset();
    this.modelVersion.reset();
    if (next !== null) this.modelVersion.set({ model_version: next }, 1);
  }
  /** Counts accepted events, and what they carried that the reference did not expect (per reason). */
  countAccepted(events, stats) {
    if (stats.late) this.rejected.inc({ reason: "late" }, stats.late);
    if (stats.invalidTs) this.rejected.inc({ reason: "invalid_ts" }, stats.invalidTs);
    this.events.inc(events);
    let unknown = 0;
    for (const c of stats.unknown.values()) unknown += c;
    if (unknown) this.rejected.inc({ reason: "unknown_feature" }, unknown);
    if (stats.missing) this.rejected.inc({ reason: "missing_feature" }, stats.missing);
    if (stats.invalid) this.rejected.inc({ reason: "invalid_value" }, stats.invalid);
  }
};

// monitor/windows/driftMonitor.ts
import { existsSync as existsSync3, readFileSync as readFileSync4, rmSync as rmSync2, writeFileSync } from "node:fs";
import { open as open3, rename as rename2 } from "node:fs/promises";
import { join as join3 } from "node:path";

// monitor/alerts/alertPolicy.ts
var INITIAL_ALERT_STATE = {
  driftStreak: 0,
  cleanStreak: 0,
  issueOpen: false,
  lastDispatchAt: null
};
function decideAlerts(state, verdict, policy) {
  const fired = firedReasons(verdict);
  if (verdict.datasetDrifted === null && fired.length === 0) return { state, actions: [], reasons: [] };
  const actions = [];
  const next = { ...state };
  if (fired.length > 0) {
    next.driftStreak++;
    next.cleanStreak = 0;
    if (next.driftStreak >= policy.consecutive) {
      openOrUpdate(next, actions, verdict.at, policy, fired);
      return { state: next, actions, reasons: fired };
    }
  } else {
    next.cleanStreak++;
    next.driftStreak = 0;
    if (next.issueOpen && next.cleanStreak >= policy.closeAfterClean) {
      actions.push("issue.close");
      next.issueOpen = false;
      delete next.reasons;
    }
  }
  return { state: next, actions, reasons: [] };
}
function decideBreach(state, breach, policy) {
  const next = { ...state, cleanStreak: 0 };
  const actions = [];
  openOrUpdate(next, actions, breach.at, policy, [breach.reason]);
  return { state: next, actions, reasons: [breach.reason] };
}
function firedReasons(verdict) {
  const out = verdict.datasetDrifted === true ? ["drift"] : [];
  for (const r of verdict.signals ?? []) if (!out.includes(r)) out.push(r);
  return out;
}
function openOrUpdate(next, actions, at, policy, fired) {
  actions.push(next.issueOpen ? "issue.update" : "issue.open");
  const episode = next.issueOpen ? [...next.reasons ?? ["drift"]] : [];
  for (const r of fired) if (!episode.includes(r)) episode.push(r);
  next.reasons = episode;
  next.issueOpen = true;
  if (policy.dispatch && (next.lastDispatchAt === null || at - next.lastDispatchAt >= policy.cooldownMs)) {
    actions.push("dispatch");
    next.lastDispatchAt = at;
  }
}

// monitor/performance/estimatedPerformance.ts
function addEstimationBatch(estimator, sketch, b, from, to) {
  const { positive_class: positive, negative_class: negative } = estimator.calibration;
  let missing = 0;
  for (let e = from; e < to; e++) {
    if (b.probabilityStatus[e] !== VALUE) {
      missing++;
      continue;
    }
    let predicted = null;
    const st = b.predictionStatus[e];
    if (st === PREDICTION_BOOLEAN) predicted = b.predictionValues[e] === 1;
    else if (st === PREDICTION_STRING || st === PREDICTION_NUMBER) {
      const text = st === PREDICTION_STRING ? b.category(-1, b.predictionValues[e]) : String(b.predictionValues[e]);
      predicted = text === positive ? true : text === negative ? false : null;
    }
    if (!estimator.add(sketch, b.positiveProbability[e], predicted)) missing++;
  }
  return missing;
}
function estimatedPerformanceReport(estimator, config, sketch, missingProbability) {
  const reference = estimator.calibration.reference_metrics;
  let breached = false;
  const metrics = estimator.estimate(sketch, config.metrics).map((e) => {
    const out = { ...e, reference: reference[e.metric] };
    const rule = config.rules.get(e.metric);
    if (rule && e.value !== null) {
      const limit = limitOf(rule, reference[e.metric]);
      if (limit !== null) {
        const upper = e.upper ?? e.value;
        const lower = e.lower ?? e.value;
        const verdict = upper < limit ? "fail" : lower >= limit ? "pass" : "inconclusive";
        if (verdict === "fail") breached = true;
        out.rule = { ...rule, limit, verdict };
      }
    }
    return out;
  });
  return { method: "cbpe", rows: sketch.rows, missing_probability: missingProbability, metrics, breached };
}
function limitOf(rule, reference) {
  const limits = [];
  if (rule.min !== void 0) limits.push(rule.min);
  if (rule.max_drop !== void 0 && reference !== null) limits.push(reference - rule.max_drop);
  return limits.length > 0 ? Math.max(...limits) : null;
}
function estimatedPerformanceSection(r) {
  const f = (x) => x === null ? "—" : x.toFixed(4);
  const rows = r.metrics.filter((m) => m.rule?.verdict === "fail").map(
    (m) => `| ${escapeMarkdown(m.metric)} | ${f(m.value)} | ${f(m.lower)} to ${f(m.upper)} | ${f(m.reference)} | ${f(m.rule.limit)} |`
  );
  return [
    `**Estimated performance** (confidence-based, from ${r.rows} events' probabilities; no labels needed) is below its rule: the whole band is under the limit.`,
    "",
    "| metric | estimated | band (3 standard errors) | reference | limit |",
    "|---|---|---|---|---|",
    ...rows
  ].join("\n");
}

// monitor/quality/qualitySection.ts
var MAX_ROWS = 20;
function qualitySection(drift) {
  const quality = drift.quality;
  if (!quality || quality.fired.length === 0) return "";
  const pct = (x) => `${Number((x * 100).toFixed(2))}%`;
  const byName = new Map(quality.features.map((q) => [q.name, q]));
  const rows = quality.fired.slice(0, MAX_ROWS).map((f) => {
    const m = byName.get(f.feature)?.[f.signal];
    const allowed = typeof m?.threshold === "number" ? `+${pct(m.threshold)}` : "-";
    return `| ${escapeMarkdown(f.feature)} | ${f.signal} | ${pct(f.share)} | ${m ? pct(m.expected) : "-"} | ${allowed} |`;
  });
  const more = quality.fired.length - rows.length;
  return [
    "**Data quality** (signals above what the reference leads to expect):",
    "",
    "| feature | signal | share | expected | allowed excess |",
    "| :-- | :-- | --: | --: | --: |",
    ...rows,
    ...more > 0 ? [`| … ${more} more | | | | |`] : []
  ].join("\n");
}

// monitor/alerts/windowSignals.ts
function windowSignals(report) {
  const out = [];
  if (report.drift.quality_failed) out.push("quality");
  if (report.estimated_performance?.breached) out.push("estimated_performance");
  return out;
}
function windowSignalSections(report, fired) {
  const out = [];
  if (fired.includes("quality")) out.push(qualitySection(report.drift));
  if (fired.includes("estimated_performance") && report.estimated_performance)
    out.push(estimatedPerformanceSection(report.estimated_performance));
  return out;
}

// monitor/alerts/alertRequests.ts
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
var DRIFT_CAUSE = { fired: ["drift"] };
var REASON_TEXT = {
  drift: "dataset drift",
  quality: "data quality",
  performance: "realized performance below its rule",
  estimated_performance: "estimated performance below its rule"
};
function buildAlertRequest(config, action, report, recent, dispatched = false, cause = DRIFT_CAUSE) {
  const repo = repositoryOf(config);
  const tag = cause.fired.includes("drift") || cause.fired.length === 0 ? "" : `${cause.fired.join("+")}:`;
  const idOf2 = (a) => `${config.model}:w${report.window}:${tag}${a}`;
  const base = { id: idOf2(action), kind: action, created_at: report.closed_at };
  const marker = driftIssueMarker(config.model);
  const fallback = dispatched ? fallbackRunLink(config) : null;
  const runLink = fallback ? { run_link: { dispatch: idOf2("dispatch"), text: fallback } } : {};
  switch (action) {
    case "issue.open":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues`,
        body: {
          title: cause.fired.every((r) => r === "drift") ? `Data drift detected for model ${config.model}` : `Model ${config.model}: ${cause.fired.map((r) => REASON_TEXT[r]).join(", ")}`,
          body: `${marker}
${alertMarker(base.id)}
${issueBody(config, report, recent, dispatched, cause)}`,
          labels: config.actions.issue.labels,
          ...runLink
        }
      };
    case "issue.update":
      return {
        ...base,
        method: "POST",
        path: `/repos/${repo}/issues/{issue_number}/comments`,
        body: { body: issueBody(config, report, recent, dispatched, cause), marker, ...runLink }
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
      const payload = dispatchPayload(config, report, cause.fired);
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
function productionChangedRequest(config, change) {
  const repo = repositoryOf(config);
  const name = config.referenceRegistry?.name ?? config.model;
  return {
    id: `${config.model}:w${change.window}:production.${change.version}`,
    kind: "issue.note",
    created_at: change.at,
    method: "POST",
    path: `/repos/${repo}/issues/{issue_number}/comments`,
    body: {
      body: `Production is now ${codeSpan(`${name} ${change.version}`)}` + (change.previous ? ` (was ${codeSpan(change.previous)})` : "") + `: windows from window ${change.window} on are measured against its profile, and a new alert episode starts. This issue closes after ${config.alert.closeAfterClean} clean window(s) in a row.`,
      marker: driftIssueMarker(config.model)
    }
  };
}
function alertMarker(id) {
  return `<!-- modelguard:alert id=${id} -->`;
}
function dispatchPayload(config, report, fired = ["drift"]) {
  let features = "";
  for (const f of report.drift?.drifted_features ?? []) {
    const next = features === "" ? f : `${features},${f}`;
    if (next.length > 1e3) break;
    features = next;
  }
  return {
    reason: fired.join(","),
    detail: fired.map(
      (r) => r === "drift" ? `dataset drift in ${config.alert.consecutive} consecutive window(s)` : `${REASON_TEXT[r]} in window ${report.window}`
    ).concat(`for model ${config.model}`).join("; "),
    window: `${report.window} (${report.started_at}/${report.closed_at})`,
    window_start: report.started_at,
    window_end: report.closed_at,
    features,
    production_version: report.model_version ?? ""
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
function fmt(x) {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "—";
  return Math.abs(x) !== 0 && Math.abs(x) < 1e-4 ? x.toExponential(2) : x.toFixed(4);
}
function issueBody(config, report, recent, dispatched = false, cause = DRIFT_CAUSE) {
  const because = `Reason: ${cause.fired.map((r) => `${escapeMarkdown(r)} (${REASON_TEXT[r]})`).join(", ")}.`;
  const span = `window ${report.window} (${report.started_at} to ${report.closed_at}${report.events !== void 0 ? `, ${report.events} events` : ""})`;
  const drift = report.drift;
  const rows = (drift?.features ?? []).filter((f) => f.drifted).sort((a, b) => b.statistic - a.statistic).slice(0, 100).map(
    (f) => `| ${escapeMarkdown(f.name)} | ${f.kind} | ${fmt(f.tests.psi?.statistic)} | ${fmt(f.tests.ks?.statistic)} | ${fmt(f.p_value)} | ${f.current.count} |`
  );
  const streak = recent.slice(-Math.max(config.alert.consecutive, 1)).map((r) => `window ${r.window} (${r.closed_at}): ${windowState(r)}`);
  const d = config.actions.dispatch;
  const link = fallbackRunLink(config);
  const retrain = dispatched && d ? "workflow" in d ? `Retraining dispatched: workflow ${codeSpan(d.workflow)} on ${codeSpan(d.ref)}${link ? ` ${link}` : ""}.` : `Retraining dispatched: repository_dispatch event ${codeSpan(d.event)}${link ? ` ${link}` : ""}.` : null;
  const prediction = report.prediction ? predictionLine(config, report.prediction, report.drift) : null;
  return [
    because,
    "",
    // Column names and config values are data: escaped so a column named @everyone pings no one.
    ...drift ? [
      `**${escapeMarkdown(drift.summary)}** in ${span}.`,
      "",
      "| feature | kind | PSI | KS | p-value (adjusted) | events |",
      "|---|---|---|---|---|---|",
      ...rows,
      ""
    ] : [`In ${span}.`, ""],
    ...prediction ? [prediction, ""] : [],
    ...(cause.sections ?? []).flatMap((x) => [x, ""]),
    ...retrain ? [retrain, ""] : [],
    // Empty when no report is at hand (a fleet whose Redis restarted empty lost the merged ones): no bare "Recent windows: ."
    streak.length > 0 ? `Recent windows: ${streak.join("; ")}.` : "Recent windows: no window report is at hand."
  ].join("\n");
}
var STAT_LABEL = [
  ["psi", "PSI"],
  ["ks", "KS"],
  ["chisquare", "chi-square"],
  ["jensenshannon", "Jensen-Shannon"],
  ["wasserstein", "Wasserstein"]
];
function predictionLine(config, p, drift) {
  if (!p.column) return null;
  const what = `Predictions against the reference column ${escapeMarkdown(p.column)}`;
  const f = p.drift;
  if (!f) return `${what}: not tested (${escapeMarkdown(p.skipped ?? "no predictions")}).`;
  const stats = STAT_LABEL.filter(([m]) => f.tests[m] !== void 0).map(
    ([m, label]) => `${label} ${fmt(f.tests[m].statistic)}`
  );
  const counts = !config.prediction.countsTowardDataset ? "; reported only, not counted toward dataset drift" : f.drifted && drift?.dataset_drifted === false ? "; this window counts as drifted because of them (prediction.counts_toward_dataset)" : "";
  return `${what}: **${f.drifted ? "drifted" : "no drift"}** (${f.kind}; ${[...stats, `p-value (adjusted) ${fmt(f.p_value)}`].join(", ")}; ${f.current.count} predictions)${counts}.`;
}
function windowState(r) {
  const signals = [...r.dataset_drifted ? ["drifted"] : [], ...windowSignals(r).map((s) => REASON_TEXT[s])];
  return signals.length > 0 ? signals.join(", ") : "clean";
}

// monitor/ingest/idempotencyKeys.ts
import { createHash } from "node:crypto";

// monitor/ingest/batchStats.ts
function recordOf(map) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const [k, v] of map) out[k] = v;
  return out;
}

// monitor/ingest/idempotencyKeys.ts
var IDEMPOTENCY_TTL_MS = 24 * 36e5;
var IDEMPOTENCY_MAX_KEYS = 1e5;
var IDEMPOTENCY_MAX_BYTES = 32 * 1024 * 1024;
var ENTRY_OVERHEAD = 96;
function isIdempotencyKey(key) {
  return JOURNAL_KEY.test(key);
}
function bodyDigest(body) {
  return createHash("sha256").update(body).digest("base64url");
}
function acceptedAnswer(accepted, window2, stats) {
  return JSON.stringify({
    accepted,
    window: window2,
    unknown_features: recordOf(stats.unknown),
    missing_values: stats.missing,
    invalid_values: stats.invalid,
    ...stats.late !== void 0 ? { late_events: stats.late, invalid_ts: stats.invalidTs ?? 0 } : {}
  });
}
var IdempotencyKeys = class _IdempotencyKeys {
  /** In arrival order (a Map keeps insertion order; a key remembered again moves to the end). */
  entries = /* @__PURE__ */ new Map();
  bytes = 0;
  get size() {
    return this.entries.size;
  }
  /** The answer remembered for `key`, unless it is older than the TTL at `now`. */
  lookup(key, now) {
    const e = this.entries.get(key);
    return e && e.t > now - IDEMPOTENCY_TTL_MS ? e : void 0;
  }
  remember(key, answer) {
    this.forget(key);
    this.entries.set(key, answer);
    this.bytes += cost(key, answer);
    for (const [oldest, e] of this.entries) {
      const over = this.entries.size > IDEMPOTENCY_MAX_KEYS || this.bytes > IDEMPOTENCY_MAX_BYTES;
      if (!over && e.t > answer.t - IDEMPOTENCY_TTL_MS) break;
      if (oldest === key) break;
      this.forget(oldest);
    }
  }
  toJson() {
    return [...this.entries].map(([k, e]) => [k, e.t, e.digest, e.status, e.body]);
  }
  /** From a snapshot; entries that are not well-formed throw (the caller reports the snapshot as damaged). */
  static fromJson(json) {
    const keys = new _IdempotencyKeys();
    if (json === void 0) return keys;
    if (!Array.isArray(json)) throw new Error("idempotency_keys is not a list");
    for (const item of json) {
      const [key, t, digest, status, body] = Array.isArray(item) ? item : [];
      if (typeof key !== "string" || !isIdempotencyKey(key) || typeof t !== "number" || typeof digest !== "string" || typeof status !== "number" || typeof body !== "string")
        throw new Error("an idempotency_keys entry is not [key, t, digest, status, body]");
      keys.remember(key, { t, digest, status, body });
    }
    return keys;
  }
  forget(key) {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    this.bytes -= cost(key, e);
  }
};
function cost(key, e) {
  return key.length + e.body.length + ENTRY_OVERHEAD;
}

// monitor/state/stateDirectory.ts
import { mkdirSync as mkdirSync2, statSync as statSync2 } from "node:fs";
function ensureStateDirectory(path) {
  ensureDirectory(path, "config", {
    notDirectory: [
      `state: ${path} is not a directory (monitor.yml \`state\`)`,
      "set `state` to a directory the monitor may write to (it is created when missing), or move that file away"
    ],
    denied: (code) => [
      `state: cannot create or use ${path} (${code}) (monitor.yml \`state\`)`,
      "give the monitor's user write access there, or set `state` to a writable directory (a volume in a container)"
    ]
  });
}
function ensureStateSubdirectory(path, holds) {
  ensureDirectory(path, "input", {
    notDirectory: [
      `${path} is not a directory: the monitor keeps ${holds} there`,
      `move that file away (the monitor creates the directory when missing), or restore the directory from a backup`
    ],
    denied: (code) => [
      `cannot create or use ${path} (${code}), where the monitor keeps ${holds}`,
      "give the monitor's user write access to its state directory and everything in it"
    ]
  });
}
function ensureDirectory(path, code, messages) {
  try {
    mkdirSync2(path, { recursive: true });
    if (!statSync2(path).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (e) {
    const errno = e.code;
    if (errno === "EEXIST" || errno === "ENOTDIR") throw new ModelguardError(code, ...messages.notDirectory);
    if (errno === "EACCES" || errno === "EPERM" || errno === "EROFS")
      throw new ModelguardError(code, ...messages.denied(errno));
    throw e;
  }
}

// monitor/ingest/featureLayout.ts
function layoutOf(profile, positiveClass) {
  const names = Object.keys(profile.columns);
  const kinds = names.map((n) => {
    const k = profile.columns[n].kind;
    return k === "numeric" || k === "categorical" ? k : "untested";
  });
  const layout = {
    names,
    kinds,
    index: new Map(names.map((n, i) => [n, i])),
    accuracy: profile.sketch_accuracy
  };
  if (positiveClass !== void 0) layout.positiveClass = positiveClass;
  return layout;
}

// src/performance/cbpe/cbpeSketch.ts
var CBPE_SCORE_BINS = 2048;
var CbpeSketch = class _CbpeSketch {
  rows = 0;
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;
  binRows = new Float64Array(CBPE_SCORE_BINS);
  binPositive = new Float64Array(CBPE_SCORE_BINS);
  /** One row: its raw score (the model's probability, in [0, 1]), calibrated probability and predicted class. */
  add(score, calibrated, predictedPositive) {
    this.rows++;
    if (predictedPositive) {
      this.tp += calibrated;
      this.fp += 1 - calibrated;
    } else {
      this.fn += calibrated;
      this.tn += 1 - calibrated;
    }
    const b = binOfScore(score);
    this.binRows[b]++;
    this.binPositive[b] += calibrated;
  }
  merge(other) {
    this.rows += other.rows;
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
    this.tn += other.tn;
    for (let b = 0; b < CBPE_SCORE_BINS; b++) {
      this.binRows[b] += other.binRows[b];
      this.binPositive[b] += other.binPositive[b];
    }
  }
  toJSON() {
    const bins = [];
    for (let b = 0; b < CBPE_SCORE_BINS; b++)
      if (this.binRows[b] > 0) bins.push([b, this.binRows[b], this.binPositive[b]]);
    return { rows: this.rows, tp: this.tp, fp: this.fp, fn: this.fn, tn: this.tn, bins };
  }
  /** The sketch a `toJSON` wrote; throws a RangeError on anything else (a corrupt snapshot or partial). */
  static fromJSON(json) {
    const s = new _CbpeSketch();
    for (const k of ["rows", "tp", "fp", "fn", "tn"]) {
      const v = json[k];
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new RangeError(`cbpe sketch: bad ${k}`);
      s[k] = v;
    }
    if (!Array.isArray(json.bins)) throw new RangeError("cbpe sketch: bins is not an array");
    for (const bin of json.bins) {
      const [b, rows, positive] = bin;
      if (!Number.isInteger(b) || b < 0 || b >= CBPE_SCORE_BINS || !(rows >= 0) || !(positive >= 0))
        throw new RangeError("cbpe sketch: bad bin");
      s.binRows[b] = rows;
      s.binPositive[b] = positive;
    }
    return s;
  }
  /** The estimated value of one metric (null without rows, or where it is undefined: no expected positives...). */
  value(metric) {
    const { rows, tp, fp, fn, tn } = this;
    if (rows === 0) return null;
    switch (metric) {
      case "accuracy":
        return (tp + tn) / rows;
      case "precision":
        return tp + fp > 0 ? tp / (tp + fp) : 0;
      case "recall":
        return tp + fn > 0 ? tp / (tp + fn) : 0;
      case "f1":
        return tp + 0.5 * (fp + fn) > 0 ? tp / (tp + 0.5 * (fp + fn)) : 0;
      case "roc_auc":
        return this.rocAuc();
    }
  }
  /** The ROC AUC over the score bins, highest first, tied within a bin (see estimateRocAuc for the formula). */
  rocAuc() {
    let tpAbove = 0;
    let fpAbove = 0;
    let area = 0;
    for (let b = CBPE_SCORE_BINS - 1; b >= 0; b--) {
      const rows = this.binRows[b];
      if (rows === 0) continue;
      const tp = this.binPositive[b];
      const fp = rows - tp;
      area += fp * (tpAbove + tp / 2);
      tpAbove += tp;
      fpAbove += fp;
    }
    return tpAbove > 0 && fpAbove > 0 ? area / (tpAbove * fpAbove) : null;
  }
  /**
   * The estimates of `metrics`, each with NannyML's sampling error std / sqrt(rows * fraction) from the reference's
   * components, and the band value +- 3 standard errors cut to [0, 1] (null without a component).
   */
  estimate(components, metrics = CBPE_METRICS) {
    return metrics.map((metric) => {
      const value = this.value(metric);
      const c = components[metric];
      const se = c && value !== null && Number.isFinite(c.std) && c.fraction > 0 ? c.std / Math.sqrt(this.rows * c.fraction) : null;
      return {
        metric,
        value,
        standard_error: se,
        lower: se === null ? null : Math.max(0, value - 3 * se),
        upper: se === null ? null : Math.min(1, value + 3 * se)
      };
    });
  }
};
function binOfScore(score) {
  const b = Math.floor(score * CBPE_SCORE_BINS);
  return b < 0 ? 0 : b >= CBPE_SCORE_BINS ? CBPE_SCORE_BINS - 1 : b;
}

// monitor/windows/windowState.ts
var NumericAccumulator = class _NumericAccumulator {
  /** `range`: the reference's finite [min, max] (null: not counted). */
  constructor(accuracy, range = null) {
    this.range = range;
    this.sketch = new QuantileSketch(accuracy);
    this.low = range ? range[0] : -Infinity;
    this.high = range ? range[1] : Infinity;
  }
  range;
  kind = "numeric";
  sketch;
  count = 0;
  finite = 0;
  mean = 0;
  m2 = 0;
  missing = 0;
  invalid = 0;
  /** Finite values outside the reference's [low, high] (the out-of-range quality signal); 0 without a range. */
  outOfRange = 0;
  low;
  high;
  add(x) {
    this.count++;
    this.sketch.add(x);
    if (x === Infinity || x === -Infinity) return;
    if (x < this.low || x > this.high) this.outOfRange++;
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
    this.outOfRange += o.outOfRange;
  }
  sample() {
    return {
      kind: "numeric",
      form: "sketch",
      sketch: this.sketch,
      count: this.count,
      std0: this.finite > 0 ? Math.sqrt(this.m2 / this.finite) : null,
      missing: this.missing + this.invalid,
      ...this.range ? { outOfRange: this.outOfRange } : {}
    };
  }
  toJson() {
    const { count, finite, mean, m2, missing, invalid, outOfRange } = this;
    const out = {
      kind: "numeric",
      count,
      finite,
      mean,
      m2,
      missing,
      invalid,
      sketch: this.sketch.toJson()
    };
    if (outOfRange > 0) out.out_of_range = outOfRange;
    return out;
  }
  /**
   * The accumulator a snapshot holds at `path`; throws naming the field when a number is not what toJson writes (a
   * count that is not a non-negative integer, a moment that is not finite, a sketch whose counts do not add up).
   */
  static fromJson(j, path = "numeric", accuracy, range = null) {
    const count = countAt(j.count, `${path}.count`);
    const finite = countAt(j.finite, `${path}.finite`);
    if (finite > count) throw new Error(`${path}.finite: ${finite} is above the count ${count}`);
    const mean = finiteAt(j.mean, `${path}.mean`);
    const m2 = finiteAt(j.m2, `${path}.m2`);
    if (m2 < 0) throw new Error(`${path}.m2: ${m2} is negative`);
    const sketch = sketchAt(j.sketch, `${path}.sketch`, accuracy);
    if (sketch.count !== count) throw new Error(`${path}.sketch: its counts add up to ${sketch.count}, not ${count}`);
    const a = new _NumericAccumulator(sketch.accuracy, range);
    a.sketch = QuantileSketch.fromJson(j.sketch);
    Object.assign(a, { count, finite, mean, m2, missing: countAt(j.missing, `${path}.missing`) });
    a.invalid = countAt(j.invalid, `${path}.invalid`);
    if (j.out_of_range !== void 0) {
      a.outOfRange = countAt(j.out_of_range, `${path}.out_of_range`);
      if (a.outOfRange > finite) throw new Error(`${path}.out_of_range: ${a.outOfRange} is above the finite ${finite}`);
    }
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
  /** The accumulator a snapshot holds at `path`; throws naming the field when it is not what toJson writes. */
  static fromJson(j, path = "categorical") {
    const a = new _CategoricalAccumulator();
    if (!Array.isArray(j.values) || !Array.isArray(j.counts) || j.values.length !== j.counts.length)
      throw new Error(`${path}.values and ${path}.counts are not two lists of the same length`);
    let total = 0;
    j.values.forEach((v, i) => {
      if (typeof v !== "string") throw new Error(`${path}.values[${i}] is not a string`);
      if (a.counts.has(v)) throw new Error(`${path}.values[${i}]: the value is listed twice`);
      const c = countAt(j.counts[i], `${path}.counts[${i}]`);
      a.counts.set(v, c);
      total += c;
    });
    a.count = countAt(j.count, `${path}.count`);
    if (total !== a.count) throw new Error(`${path}.counts: they add up to ${total}, not the count ${a.count}`);
    a.missing = countAt(j.missing, `${path}.missing`);
    a.invalid = countAt(j.invalid, `${path}.invalid`);
    return a;
  }
};
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
    this.measured = layout.referenceAt?.(startedAt) ?? null;
    this.reference = this.measured?.version ?? null;
    const ranges = this.measured ? this.measured.ranges : layout.ranges;
    this.slots = layout.kinds.map(
      (k, i) => k === "numeric" ? new NumericAccumulator(layout.accuracy, ranges?.[i] ?? null) : k === "categorical" ? new CategoricalAccumulator() : null
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
  /** With `estimation` (the layout's estimator): the CBPE sketch of the events' probabilities, made on first use. */
  cbpe = null;
  /** Events that carried no usable positive-class probability, while estimating. */
  cbpeMissing = 0;
  /** The fleet's reference this window is measured against (layout.referenceAt), or null: the layout's own. */
  measured;
  /** The version of `measured` (or of a partial read back: what it was measured against); null without one. */
  reference;
  /**
   * A window read back measured against another version than the one this member measures its start against now (that
   * version failed to load after a restart): the events it gets from now on make it mixed (see fromJson).
   */
  readBack = null;
  /** The version events added now are measured against (a mixed window's `reference` names two); null without one. */
  get measuredVersion() {
    return this.measured?.version ?? this.reference;
  }
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
      else if (st === PREDICTION_INVALID) {
        this.predictionMissing++;
        tally.invalid++;
      }
    }
    const estimator = this.measured?.estimator !== void 0 ? this.measured.estimator : this.layout.estimator;
    if (estimator) this.cbpeMissing += addEstimationBatch(estimator, this.cbpe ??= new CbpeSketch(), b, from, to);
    const ue = b.unknownEvent;
    for (let k = lowerBound(ue, from); k < ue.length && ue[k] < to; k++) {
      const key = b.unknownName[k];
      this.noteUnknown(key);
      if (batch) batch.unknown.set(key, (batch.unknown.get(key) ?? 0) + 1);
    }
    this.events += to - from;
    if (this.readBack !== null && to > from) {
      this.reference = `${this.readBack}+${this.measured.version}`;
      this.readBack = null;
    }
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
    if (o.cbpe) (this.cbpe ??= new CbpeSketch()).merge(o.cbpe);
    this.cbpeMissing += o.cbpeMissing;
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
    const features = /* @__PURE__ */ Object.create(null);
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
      unknown: recordOf(this.unknown),
      unknown_other: this.unknownOther,
      ...this.cbpe ? { estimation: { ...this.cbpe.toJSON(), missing_probability: this.cbpeMissing } } : {},
      ...this.reference !== null ? { reference: this.reference } : {}
    };
  }
  /**
   * The window a snapshot holds (`window` in it); throws an Error naming the field (`window.features.<name>.count`)
   * when it is not what toJson writes, so a hand-edited negative count or a string for a number is refused.
   */
  static fromJson(layout, j) {
    const p = "window";
    const w = new _WindowState(layout, countAt(j.index, `${p}.index`), countAt(j.started_at, `${p}.started_at`));
    w.events = countAt(j.events, `${p}.events`);
    if (j.reference !== void 0) {
      if (typeof j.reference !== "string") throw new Error(`${p}.reference is not a string`);
      w.reference = j.reference;
      if (w.measured && w.measured.version !== j.reference) w.readBack = j.reference;
    }
    if (!isObject(j.features)) throw new Error(`${p}.features is not an object`);
    layout.names.forEach((name, i) => {
      if (!Object.hasOwn(j.features, name)) return;
      const f = j.features[name];
      const at = `${p}.features.${name}`;
      if (!isObject(f)) throw new Error(`${at} is not an object`);
      w.slots[i] = f.kind === "numeric" ? NumericAccumulator.fromJson(
        f,
        at,
        layout.accuracy,
        (w.measured ? w.measured.ranges : layout.ranges)?.[i] ?? null
      ) : CategoricalAccumulator.fromJson(f, at);
    });
    if (!isObject(j.prediction) || !isObject(j.prediction.numeric) || !isObject(j.prediction.categorical))
      throw new Error(`${p}.prediction is not an object with numeric and categorical`);
    w.predictionNumeric = NumericAccumulator.fromJson(
      j.prediction.numeric,
      `${p}.prediction.numeric`,
      layout.accuracy
    );
    w.predictionCategorical = CategoricalAccumulator.fromJson(
      j.prediction.categorical,
      `${p}.prediction.categorical`
    );
    w.predictionMissing = countAt(j.prediction.missing, `${p}.prediction.missing`);
    if (!isObject(j.unknown)) throw new Error(`${p}.unknown is not an object`);
    for (const [k, c] of Object.entries(j.unknown)) w.unknown.set(k, countAt(c, `${p}.unknown.${k}`));
    w.unknownOther = countAt(j.unknown_other, `${p}.unknown_other`);
    if (j.estimation !== void 0) {
      if (!isObject(j.estimation)) throw new Error(`${p}.estimation is not an object`);
      try {
        w.cbpe = CbpeSketch.fromJSON(j.estimation);
      } catch (e) {
        throw new Error(`${p}.estimation: ${e.message}`);
      }
      w.cbpeMissing = countAt(j.estimation.missing_probability, `${p}.estimation.missing_probability`);
    }
    return w;
  }
};
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function countAt(v, path) {
  if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0)
    throw new Error(`${path}: ${JSON.stringify(v) ?? "nothing"} is not a non-negative integer`);
  return v;
}
function finiteAt(v, path) {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new Error(`${path}: ${JSON.stringify(v) ?? "nothing"} is not a finite number`);
  return v;
}
function sketchAt(j, path, accuracy) {
  if (!isObject(j)) throw new Error(`${path} is not an object`);
  const a = j.relative_accuracy;
  if (typeof a !== "number" || !(a > 0 && a < 1) || accuracy !== void 0 && a !== accuracy)
    throw new Error(`${path}.relative_accuracy: ${JSON.stringify(a) ?? "nothing"} is not the profile's ${accuracy}`);
  let count = countAt(j.zero, `${path}.zero`);
  const maxKey = new QuantileSketch(a).key(Number.MAX_VALUE);
  for (const side of ["positive", "negative"]) {
    const store = j[side];
    if (!isObject(store) || !Array.isArray(store.counts)) throw new Error(`${path}.${side} is not a sketch store`);
    if (!Number.isSafeInteger(store.offset)) throw new Error(`${path}.${side}.offset is not an integer`);
    const n = store.counts.length;
    if (n > 0 && (store.offset < 1 || store.offset + n - 1 > maxKey))
      throw new Error(`${path}.${side}: keys ${store.offset}..${store.offset + n - 1} are outside 1..${maxKey}`);
    store.counts.forEach((c, i) => count += countAt(c, `${path}.${side}.counts[${i}]`));
  }
  return { accuracy: a, count };
}
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

// monitor/windows/eventTimeWindows.ts
var EventTimeWindows = class {
  constructor(layout, durationMs, latenessMs) {
    this.layout = layout;
    this.durationMs = durationMs;
    this.latenessMs = latenessMs;
  }
  layout;
  durationMs;
  latenessMs;
  /** Open windows by start (ms); their `index` is given when they close, in order of start. */
  open = /* @__PURE__ */ new Map();
  /** Late events since the last closed window's report (they go into the next one's). */
  latePending = 0;
  /**
   * Adds each event of `events` to the window of its ts, as of clock `t` (or, given `clocks`, event e as of clocks[e]:
   * a replay of a prediction log, where each event arrived at its own time); returns what was not added. `added` hears
   * each run of events [from, to) added to one window (the label join notes their window).
   */
  add(events, t, stats, clocks, added) {
    const d = this.durationMs;
    const counts = { late: 0, invalidTs: 0, futureTs: 0 };
    let runStart = -1;
    let from = 0;
    const flush = (to) => {
      if (runStart >= 0 && to > from) {
        const w = this.windowAt(runStart);
        w.addBatch(events, from, to, stats);
        added?.(w, from, to);
      }
      runStart = -1;
    };
    for (let e = 0; e < events.length; e++) {
      const ts = events.ts[e];
      const now = clocks ? clocks[e] : t;
      const start = Number.isNaN(ts) || ts < 0 ? -1 : Math.floor(ts / d) * d;
      let target = start;
      if (start < 0) {
        counts.invalidTs++;
        target = -1;
      } else if (start + d + this.latenessMs <= now) {
        counts.late++;
        target = -1;
      } else if (start > now + d) {
        counts.futureTs++;
        target = -1;
      }
      if (target !== runStart) {
        flush(e);
        runStart = target;
        from = e;
      }
    }
    flush(events.length);
    this.latePending += counts.late;
    return counts;
  }
  windowAt(start) {
    let w = this.open.get(start);
    if (!w) {
      w = new WindowState(this.layout, 0, start);
      this.open.set(start, w);
    }
    return w;
  }
  /** True when a window is due to close at clock t. */
  dueAt(t) {
    for (const s of this.open.keys()) if (s + this.durationMs + this.latenessMs <= t) return true;
    return false;
  }
  /** The windows due at clock t, oldest first, taken out of the open ones. */
  takeDue(t) {
    const due = [...this.open.keys()].filter((s) => s + this.durationMs + this.latenessMs <= t).sort((a, b) => a - b);
    return due.map((s) => {
      const w = this.open.get(s);
      this.open.delete(s);
      return w;
    });
  }
  /** Every open window, oldest first, taken out (a replay's end flushes them). */
  takeAll() {
    return this.takeDue(Infinity);
  }
  /** Late events since the last report, then zero. */
  takeLate() {
    const n = this.latePending;
    this.latePending = 0;
    return n;
  }
  toJson() {
    return { open: [...this.open.values()].map((w) => w.toJson()), late_pending: this.latePending };
  }
  /** Restores the open windows of a snapshot (`event_windows`); throws an Error naming a bad field. */
  load(j) {
    if (typeof j !== "object" || j === null || !Array.isArray(j.open))
      throw new Error("event_windows.open is not a list");
    this.open.clear();
    for (const wj of j.open) {
      const w = WindowState.fromJson(this.layout, wj);
      if (w.startedAt % this.durationMs !== 0)
        throw new Error(`event_windows: a window starts at ${w.startedAt}, not a multiple of window.duration`);
      this.open.set(w.startedAt, w);
    }
    this.latePending = countAt(j.late_pending, "event_windows.late_pending");
  }
};

// monitor/windows/monitorSkips.ts
var MIN_ROWS_FOR_VALUE_RULE = 100;
function monitorSkips(profile, policy, target, file = "monitor.yml", targetFrom = null) {
  if (target !== null && targetFrom === null && !Object.hasOwn(profile.columns, target)) {
    const names = Object.keys(profile.columns);
    throw new ModelguardError(
      "config",
      `${file}: target: '${target}' is not a column of the reference profile`,
      `name the label column as the profile has it (names are case-sensitive): ${names.slice(0, 10).join(", ")}${names.length > 10 ? ", ..." : ""}`,
      { file }
    );
  }
  const out = /* @__PURE__ */ new Map();
  for (const [name, column] of Object.entries(profile.columns)) {
    const override = columnOverride(policy, name);
    if (override.skip) {
      out.set(name, "skipped by configuration");
      continue;
    }
    if (Object.keys(override).length > 0) continue;
    if (name === target) {
      out.set(name, `the target (from ${targetFrom ?? "target in the monitor config"}): events do not carry it`);
      continue;
    }
    const distinctCategories = column.kind === "categorical" && column.type === "category" && column.count >= MIN_ROWS_FOR_VALUE_RULE && column.missing === 0 && column.distinct === column.count;
    if (idLikeName(name) || distinctCategories)
      out.set(name, "id-like (a key rather than a feature): give it a drift.columns entry to test it");
  }
  return out;
}
function skipInLayout(layout, skips) {
  for (const name of skips.keys()) {
    const i = layout.index.get(name);
    if (i !== void 0) layout.kinds[i] = "untested";
  }
}
function referenceRanges(profile, layout) {
  return layout.names.map((name, i) => {
    const column = Object.hasOwn(profile.columns, name) ? profile.columns[name] : void 0;
    if (layout.kinds[i] !== "numeric" || column?.kind !== "numeric") return null;
    return column.min !== null && column.max !== null ? [column.min, column.max] : null;
  });
}

// monitor/quality/qualityMetrics.ts
var import_prom_client2 = __toESM(require_prom_client(), 1);
var QualityMetrics = class {
  share;
  fired;
  failed;
  constructor(registry) {
    const labelNames = ["feature", "signal", "model_version"];
    this.share = new import_prom_client2.Gauge({
      name: "modelguard_monitor_quality_share",
      help: "Share of the last closed window's values per feature and signal: missing_share (of events), out_of_range_share (finite values outside the reference's [min, max]), new_category_share (categories the reference never had), non_finite_share (+-Infinity).",
      labelNames,
      registers: [registry]
    });
    this.fired = new import_prom_client2.Gauge({
      name: "modelguard_monitor_quality_fired",
      help: "1 when the signal fired for the feature in the last closed window (its share above what the reference leads to expect by more than the quality threshold, beyond sampling noise), else 0.",
      labelNames,
      registers: [registry]
    });
    this.failed = new import_prom_client2.Gauge({
      name: "modelguard_monitor_quality_failed",
      help: "1 when any data-quality signal fired in the last closed window (the window then counts toward alerts with reason quality), else 0.",
      labelNames: ["model_version"],
      registers: [registry]
    });
  }
  windowClosed(drift, modelVersion) {
    this.share.reset();
    this.fired.reset();
    this.failed.reset();
    const quality = drift.quality;
    if (!quality) return;
    const version = modelVersion !== null ? { model_version: modelVersion } : {};
    for (const q of quality.features) {
      for (const signal of QUALITY_SIGNALS) {
        const m = q[signal];
        if (!m) continue;
        const labels = { feature: q.name, signal, ...version };
        this.share.set(labels, m.share);
        this.fired.set(labels, m.fired ? 1 : 0);
      }
    }
    this.failed.set(version, drift.quality_failed ? 1 : 0);
  }
};

// monitor/windows/driftMonitor.ts
var import_prom_client5 = __toESM(require_prom_client(), 1);

// monitor/performance/performanceMetrics.ts
var import_prom_client3 = __toESM(require_prom_client(), 1);
var PerformanceMetrics = class {
  value;
  lower;
  upper;
  reference;
  labelledRows;
  breached;
  window;
  breaches;
  constructor(registry) {
    const registers = [registry];
    this.value = new import_prom_client3.Gauge({
      name: "modelguard_monitor_performance",
      help: "Realized performance (the metric on labelled predictions) of the newest judged window.",
      labelNames: ["metric", "model_version"],
      registers
    });
    this.lower = new import_prom_client3.Gauge({
      name: "modelguard_monitor_performance_lower",
      help: "Lower bound of the realized metric's interval (performance_policy.interval) in the newest judged window.",
      labelNames: ["metric", "model_version"],
      registers
    });
    this.upper = new import_prom_client3.Gauge({
      name: "modelguard_monitor_performance_upper",
      help: "Upper bound of the realized metric's interval (performance_policy.interval) in the newest judged window.",
      labelNames: ["metric", "model_version"],
      registers
    });
    this.reference = new import_prom_client3.Gauge({
      name: "modelguard_monitor_performance_reference",
      help: "Production's value of the metric (reference_metrics or the registry's metrics.json) the rules compare with.",
      labelNames: ["metric"],
      registers
    });
    this.labelledRows = new import_prom_client3.Gauge({
      name: "modelguard_monitor_performance_labelled_rows",
      help: "Labelled predictions joined for the newest judged window.",
      labelNames: ["model_version"],
      registers
    });
    this.breached = new import_prom_client3.Gauge({
      name: "modelguard_monitor_performance_breached",
      help: "1 when the newest judged window breached a performance rule (the better interval bound past it).",
      labelNames: ["model_version"],
      registers
    });
    this.window = new import_prom_client3.Gauge({
      name: "modelguard_monitor_performance_window",
      help: "Index of the window the realized performance gauges describe.",
      registers
    });
    this.breaches = new import_prom_client3.Counter({
      name: "modelguard_monitor_performance_breaches_total",
      help: "Windows whose realized performance breached a rule (each counted once).",
      registers
    });
  }
  update(latest, production) {
    this.reference.reset();
    for (const [metric, v] of production?.values ?? []) if (Number.isFinite(v)) this.reference.set({ metric }, v);
    if (!latest) return;
    const version = latest.model_version !== null ? { model_version: latest.model_version } : {};
    this.value.reset();
    this.lower.reset();
    this.upper.reset();
    this.labelledRows.reset();
    this.breached.reset();
    for (const [metric, m] of Object.entries(latest.result.metrics)) {
      if (!Number.isFinite(m.value)) continue;
      this.value.set({ metric, ...version }, m.value);
      if (m.interval) {
        this.lower.set({ metric, ...version }, m.interval[0]);
        this.upper.set({ metric, ...version }, m.interval[1]);
      }
    }
    this.labelledRows.set(version, latest.labelled);
    this.breached.set(version, latest.result.breached ? 1 : 0);
    this.window.set(latest.window);
  }
};

// src/performance/labelledPredictions.ts
function labelledPredictions(rows, spec) {
  return spec.task === "regression" ? regressionRows(rows) : classificationRows(rows, spec);
}
function regressionRows(rows) {
  const yTrue = [];
  const yPred = [];
  for (let i = 0; i < rows.length; i++) {
    const p = rows.prediction[i];
    const t = Number(rows.label[i]);
    const y = p === null || p === void 0 || p.trim() === "" ? NaN : Number(p);
    if (!Number.isFinite(t) || !Number.isFinite(y) || rows.label[i].trim() === "") continue;
    yTrue.push(t);
    yPred.push(y);
  }
  if (yTrue.length === 0) return null;
  return {
    predictions: {
      task: "regression",
      rowCount: yTrue.length,
      yTrue: Float64Array.from(yTrue),
      yPred: Float64Array.from(yPred)
    },
    unusable: rows.length - yTrue.length
  };
}
function classificationRows(rows, spec) {
  const binary = spec.task === "binary";
  const positive = spec.positiveLabel ?? "1";
  const known = new ClassLabels(spec.classes ?? []);
  const seen = new Set(spec.classes ?? []);
  if (binary) seen.add(positive);
  const textOf = (s) => {
    const k = known.indexOf(s);
    return k >= 0 ? spec.classes[k] : s;
  };
  for (let i = 0; i < rows.length; i++) {
    seen.add(textOf(rows.label[i]));
    const p = rows.prediction[i];
    if (p !== null && p !== void 0) seen.add(textOf(p));
  }
  if (binary && seen.size < 2) seen.add(positive === "0" ? "1" : "0");
  const classes = sortLabels(seen);
  const labels = new ClassLabels(classes);
  const positiveIndex = binary ? labels.indexOf(positive) : void 0;
  const twoClasses = binary && classes.length === 2;
  let allProba = twoClasses;
  const keep = [];
  for (let i = 0; i < rows.length; i++) {
    const p = rows.prediction[i];
    const q = rows.probability[i];
    const hasProba = q >= 0 && q <= 1;
    if ((p === null || p === void 0) && !(twoClasses && hasProba)) continue;
    if (!hasProba) allProba = false;
    keep.push(i);
  }
  if (keep.length === 0) return null;
  const n = keep.length;
  const yTrue = new Int32Array(n);
  const yPred = new Int32Array(n);
  const proba = allProba ? new Float64Array(n * 2) : void 0;
  for (let j = 0; j < n; j++) {
    const i = keep[j];
    yTrue[j] = labels.indexOf(textOf(rows.label[i]));
    const p = rows.prediction[i];
    const q = rows.probability[i];
    if (proba) {
      proba[j * 2 + positiveIndex] = q;
      proba[j * 2 + 1 - positiveIndex] = 1 - q;
    }
    if (p !== null && p !== void 0) yPred[j] = labels.indexOf(textOf(p));
    else {
      const other = 1 - positiveIndex;
      const pPos = q;
      const pOther = 1 - q;
      yPred[j] = pPos > pOther || pPos === pOther && positiveIndex < other ? positiveIndex : other;
    }
  }
  return {
    predictions: {
      task: spec.task === "multiclass" || classes.length > 2 ? "multiclass" : "binary",
      rowCount: n,
      classes,
      ...binary && classes.length === 2 ? { positiveIndex } : {},
      yTrue,
      yPred,
      ...proba ? { proba } : {}
    },
    unusable: rows.length - n
  };
}

// src/performance/realizedMetrics.ts
function realizedMetrics(predictions, confidence) {
  const computed = computeMetrics(predictions);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const influence = predictions.rowCount > 1 ? influenceCalculator(predictions) : null;
  const metrics = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(computed.metrics)) {
    const inf = influence?.(name) ?? null;
    let interval = null;
    if (inf) {
      let s = 0;
      for (let i = 0; i < inf.psi.length; i++) s += inf.psi[i] * inf.psi[i];
      const half = z * Math.sqrt(s) / inf.psi.length;
      interval = [value - half, value + half];
    }
    metrics.set(name, { value, interval, method: inf ? inf.method : null });
  }
  return { metrics, notes: computed.notes };
}

// src/performance/performanceRules.ts
function performanceRulesFrom(raw, task, source) {
  const rules = gatePolicyFrom({ gates: raw }, source).gates;
  if (task !== null) checkGateMetrics(rules, task);
  return rules;
}
function judgePerformance(rules, realized, reference, confidence) {
  const out = [];
  for (const rule of rules) {
    const m = realized.get(rule.metric) ?? null;
    const value = m && Number.isFinite(m.value) ? m.value : null;
    const interval = m?.interval ?? null;
    const base = reference.get(rule.metric);
    const ref = base !== void 0 && Number.isFinite(base) ? base : null;
    const common = { metric: rule.metric, value, interval, reference: ref };
    for (const kind of ["min", "max"]) {
      const threshold = rule[kind];
      if (threshold === void 0) continue;
      out.push({
        ...common,
        kind,
        threshold,
        ...levelCheck(rule.metric, kind, threshold, value, interval, confidence)
      });
    }
    const { min: _min, max: _max, ...changes } = rule;
    const hasChange = Object.keys(changes).some((k) => k.startsWith("max_") || k === "min_gain");
    if (!hasChange) continue;
    if (value === null || ref === null) {
      for (const [kind, threshold] of changeRulesOf(rule))
        out.push({
          ...common,
          kind,
          threshold,
          outcome: "inconclusive",
          description: value === null ? "no value in this window" : "production has no value of this metric"
        });
      continue;
    }
    const ci = interval ? [interval[0] - ref, interval[1] - ref] : null;
    const ciRelative = ci && ref !== 0 ? [ci[0] / Math.abs(ref), ci[1] / Math.abs(ref)] : null;
    const checks = gateChecks(
      rule.metric,
      { ...changes, min: void 0, max: void 0 },
      rule.direction,
      value,
      value - ref,
      ci,
      ciRelative,
      ref,
      confidence
    );
    for (const c of checks)
      out.push({
        ...common,
        kind: c.kind,
        threshold: c.threshold,
        outcome: c.outcome === "fail" ? "breach" : c.outcome,
        description: c.description.replace("interval", "interval of the window's change from production's")
      });
  }
  return out;
}
function changeRulesOf(rule) {
  const kinds = ["max_drop", "max_relative_drop", "max_increase", "max_relative_increase", "min_gain"];
  return kinds.filter((k) => rule[k] !== void 0).map((k) => [k, rule[k]]);
}
function levelCheck(metric, kind, threshold, value, interval, confidence) {
  const proportion = isProportionMetric(metric);
  const show = (x) => proportion ? `${formatParameter(x * 100)}%` : formatParameter(x);
  const rule = `${kind === "min" ? "value >=" : "value <="} ${show(threshold)}`;
  if (value === null) return { outcome: "inconclusive", description: `${rule}: no value in this window` };
  const [lo, hi] = interval ?? [value, value];
  const ok = (x) => kind === "min" ? x >= threshold : x <= threshold;
  const worse = kind === "min" ? lo : hi;
  const better = kind === "min" ? hi : lo;
  const outcome = ok(worse) ? "pass" : ok(better) ? "inconclusive" : "breach";
  const pct = `${Number((confidence * 100).toFixed(1))}%`;
  const judged = interval ? `${pct} interval ${show(lo)} to ${show(hi)}, ${kind === "min" ? "upper" : "lower"} bound judged for a breach` : "no interval";
  return { outcome, description: `${rule}: ${show(value)} (${judged})` };
}

// monitor/performance/performanceWindows.ts
var PerformanceWindows = class {
  constructor(config, fileProduction, host, options) {
    this.config = config;
    this.fileProduction = fileProduction;
    this.host = host;
    this.options = options;
  }
  config;
  fileProduction;
  host;
  options;
  windows = /* @__PURE__ */ new Map();
  /** Rows for windows older than those kept (their results were dropped): counted only. */
  tooOld = 0;
  /** Production's metrics by version ("v3"), from the registry: a window is judged against its own version's. */
  byVersion = /* @__PURE__ */ new Map();
  latestRegistry = null;
  /** The metrics.json of production version `version` (registry), for windows that version served. */
  addProduction(version, metrics) {
    this.byVersion.set(version, metrics);
    this.latestRegistry = metrics;
    this.options.gauges.update(this.latest(), this.production);
  }
  /** Production's metrics as given: `reference_metrics` (null without it), and the registry's by version. */
  productionMetrics() {
    return { file: this.fileProduction, byVersion: this.byVersion };
  }
  /** What windows are judged against now: reference_metrics, else the newest production version's metrics. */
  get production() {
    return this.fileProduction ?? this.latestRegistry;
  }
  productionOf(version) {
    return this.fileProduction ?? (version !== null ? this.byVersion.get(version) : void 0) ?? this.latestRegistry;
  }
  addJoined(rows) {
    const touched = /* @__PURE__ */ new Set();
    const oldest = this.oldestKept();
    for (let i = 0; i < rows.length; i++) {
      const index = rows.window[i];
      if (index < oldest) {
        this.tooOld++;
        continue;
      }
      const w = this.windowOf(index);
      if (w.label.length >= this.config.maxRows) {
        w.dropped++;
        continue;
      }
      w.label.push(classText(rows.label[i]));
      const p = rows.prediction[i];
      w.prediction.push(p === null || p === void 0 ? null : classText(p));
      const q = rows.probability[i];
      w.probability.push(q >= 0 && q <= 1 ? q : NaN);
      touched.add(w);
    }
    for (const w of touched) this.maybeJudge(w, rows.at);
    this.options.gauges.update(this.latest(), this.production);
  }
  /**
   * Fleet mode (the leader): window `index` holds the fleet's merged rows now (they replace what it held: a member's
   * rows only grow), closed, and is judged as a single monitor's would be. `alerted`: the fleet alerted its breach
   * before (under another leader), so it is not alerted again.
   */
  replaceWindow(index, span, rows, alerted, at) {
    const w = this.windowOf(index);
    w.started_at = span.started_at;
    w.closed_at = span.closed_at;
    w.closedMs ??= at;
    w.model_version = span.model_version;
    w.label = rows.label;
    w.prediction = rows.prediction;
    w.probability = rows.probability;
    w.dropped = rows.dropped;
    w.alerted ||= alerted;
    this.maybeJudge(w, at);
    this.trim();
  }
  /** The kept rows window `index` was last judged on, or null when it was not judged (fleet: the leader's merge). */
  judgedRowsOf(index) {
    const w = this.windows.get(index);
    return w?.result ? w.judgedRows : null;
  }
  /** Closed windows with labelled rows, for a fleet member to publish (the arrays are the windows' own: read only). */
  closedRows() {
    return [...this.windows.values()].filter((w) => w.closedMs !== null && w.started_at !== null && w.label.length + w.dropped > 0).map((w) => ({
      started_at: w.started_at,
      model_version: w.model_version,
      label: w.label,
      prediction: w.prediction,
      probability: w.probability,
      dropped: w.dropped
    }));
  }
  /** The drift monitor closed window `report.window` at `at`: its span is known now, and rows already in are judged. */
  windowClosed(report, at) {
    const w = this.windowOf(report.window);
    w.started_at = report.started_at;
    w.closed_at = report.closed_at;
    w.closedMs = at;
    w.model_version = report.model_version ?? null;
    this.maybeJudge(w, at);
    this.trim();
    this.options.gauges.update(this.latest(), this.production);
  }
  windowOf(index) {
    let w = this.windows.get(index);
    if (!w) {
      w = {
        window: index,
        started_at: null,
        closed_at: null,
        closedMs: null,
        model_version: null,
        label: [],
        prediction: [],
        probability: [],
        dropped: 0,
        judgedRows: 0,
        result: null,
        alerted: false
      };
      this.windows.set(index, w);
    }
    return w;
  }
  /** Windows older than the last keep_windows closed ones are dropped (the newest keep theirs). */
  oldestKept() {
    let newest = -1;
    for (const w of this.windows.values()) if (w.closedMs !== null && w.window > newest) newest = w.window;
    return newest - this.host.config.keepWindows + 1;
  }
  trim() {
    const oldest = this.oldestKept();
    for (const k of [...this.windows.keys()]) if (k < oldest) this.windows.delete(k);
  }
  maybeJudge(w, at) {
    const n = w.label.length;
    if (!this.options.alerts) return;
    if (w.closedMs === null || n < this.config.minRows) return;
    if (w.result !== null && n < Math.max(w.judgedRows + 1, Math.ceil(w.judgedRows * 1.05))) return;
    w.judgedRows = n;
    const production = this.productionOf(w.model_version);
    const spec = production?.spec ?? inferSpec(w, this.host.config.labels?.positiveClass);
    const joined = labelledPredictions(
      { length: n, label: w.label, prediction: w.prediction, probability: w.probability },
      spec
    );
    if (!joined || joined.predictions.rowCount < this.config.minRows) return;
    const realized = realizedMetrics(joined.predictions, this.config.confidence);
    const checks = judgePerformance(
      this.config.rules,
      realized.metrics,
      production?.values ?? /* @__PURE__ */ new Map(),
      this.config.confidence
    );
    const breached = checks.some((c) => c.outcome === "breach");
    w.result = {
      rows: joined.predictions.rowCount,
      metrics: Object.fromEntries(
        [...realized.metrics].map(([name, m]) => [name, { value: m.value, interval: m.interval }])
      ),
      checks,
      breached,
      notes: realized.notes,
      at
    };
    this.options.log.info(
      { window: w.window, labelled_rows: w.result.rows, breached },
      `realized performance of window ${w.window} judged`
    );
    if (breached && !w.alerted) {
      w.alerted = true;
      this.options.gauges.breaches.inc();
      if (this.options.alerts) this.alertBreach(w, w.result, at);
    }
  }
  alertBreach(w, result, at) {
    const config = this.host.config;
    const decision = decideBreach(
      this.host.alert,
      { at, reason: "performance" },
      {
        consecutive: config.alert.consecutive,
        cooldownMs: config.alert.cooldownMs,
        closeAfterClean: config.alert.closeAfterClean,
        dispatch: config.actions.dispatch !== null
      }
    );
    this.host.alert = decision.state;
    const dispatched = decision.actions.includes("dispatch");
    const ordered = dispatched ? ["dispatch", ...decision.actions.filter((a) => a !== "dispatch")] : decision.actions;
    const subject = {
      window: w.window,
      started_at: w.started_at,
      closed_at: w.closed_at,
      ...w.model_version !== null ? { model_version: w.model_version } : {}
    };
    const cause = {
      fired: ["performance"],
      sections: [this.section(w, result, this.productionOf(w.model_version))]
    };
    for (const action of ordered) {
      const entry = buildAlertRequest(config, action, subject, this.host.recent, dispatched, cause);
      entry.created_at = new Date(at).toISOString();
      if (this.options.outbox.add(entry)) {
        this.options.metrics.alerts.inc({ action });
        this.options.log.info({ action, id: entry.id }, "alert recorded in the outbox");
      }
    }
  }
  /** The issue's section: the window's labelled rows and each rule's check (metric names are ours, values numbers). */
  section(w, result, production) {
    const pct = `${Number((this.config.confidence * 100).toFixed(1))}%`;
    const rows = result.checks.map(
      (c) => `| ${escapeMarkdown(c.metric)} | ${fmt2(c.value)} | ${c.interval ? `${fmt2(c.interval[0])} to ${fmt2(c.interval[1])}` : "—"} | ${fmt2(c.reference)} | ${escapeMarkdown(c.kind)} ${fmt2(c.threshold)} | **${c.outcome}** |`
    );
    return [
      `**Realized performance** of window ${w.window} on ${result.rows} labelled predictions` + (production ? ` against production's metrics (${escapeMarkdown(production.source)})` : "") + `: a rule is breached when even the better bound of the ${pct} interval is past it.`,
      "",
      `| metric | window | ${pct} interval | production | rule | outcome |`,
      "|---|---|---|---|---|---|",
      ...rows
    ].join("\n");
  }
  /** The newest judged window (what the gauges show), or null. */
  latest() {
    let best = null;
    for (const w of this.windows.values()) if (w.result && (!best || w.window > best.window)) best = w;
    return best ? { window: best.window, model_version: best.model_version, labelled: best.label.length, result: best.result } : null;
  }
  /** The windows for /v1/performance, newest first. */
  report() {
    return [...this.windows.values()].filter((w) => w.closedMs !== null).sort((a, b) => b.window - a.window).map((w) => ({
      window: w.window,
      started_at: w.started_at,
      closed_at: w.closed_at,
      ...w.model_version !== null ? { model_version: w.model_version } : {},
      labelled_rows: w.label.length + w.dropped,
      kept_rows: w.label.length,
      judged: w.result !== null,
      breached: w.result?.breached ?? false,
      ...w.result ? {
        judged_at: new Date(w.result.at).toISOString(),
        rows: w.result.rows,
        metrics: w.result.metrics,
        checks: w.result.checks,
        notes: w.result.notes
      } : {}
    }));
  }
  /** The realized performance of one window (for /v1/drift's window entries), or null when none is known. */
  ofWindow(index) {
    const w = this.windows.get(index);
    if (!w) return null;
    return {
      labelled_rows: w.label.length + w.dropped,
      judged: w.result !== null,
      breached: w.result?.breached ?? false
    };
  }
  toJson() {
    return {
      too_old: this.tooOld,
      windows: [...this.windows.values()].map((w) => ({
        window: w.window,
        started_at: w.started_at,
        closed_at: w.closed_at,
        closed_ms: w.closedMs,
        model_version: w.model_version,
        label: w.label,
        prediction: w.prediction,
        // NaN is not JSON: null stands for "no probability".
        probability: w.probability.map((p) => Number.isNaN(p) ? null : p),
        dropped: w.dropped,
        judged_rows: w.judgedRows,
        result: w.result,
        alerted: w.alerted
      }))
    };
  }
  load(json) {
    this.windows.clear();
    this.tooOld = json.too_old;
    for (const w of json.windows) {
      this.windows.set(w.window, {
        window: w.window,
        started_at: w.started_at,
        closed_at: w.closed_at,
        closedMs: w.closed_ms,
        model_version: w.model_version,
        label: w.label,
        prediction: w.prediction,
        probability: w.probability.map((p) => p === null ? NaN : p),
        dropped: w.dropped,
        judgedRows: w.judged_rows,
        result: w.result,
        alerted: w.alerted
      });
    }
    this.options.gauges.update(this.latest(), this.production);
  }
};
function classText(v) {
  return typeof v === "string" ? v : String(v);
}
function inferSpec(w, positiveClass) {
  const values = /* @__PURE__ */ new Set();
  for (const l of w.label) values.add(l);
  for (const p of w.prediction) if (p !== null) values.add(p);
  if (values.size > 2) return { task: "multiclass" };
  return { task: "binary", ...positiveClass !== void 0 ? { positiveLabel: positiveClass } : {} };
}
function fmt2(x) {
  if (x === null || x === void 0 || !Number.isFinite(x)) return "—";
  return x.toFixed(4);
}

// monitor/performance/productionMetrics.ts
function productionMetricsOf(doc, source, config, file) {
  const task = doc.task;
  try {
    checkGateMetrics(config.rules, task);
  } catch (e) {
    if (e instanceof ModelguardError)
      throw new ModelguardError("config", `${file}: performance: ${e.message.replace(/^gates\./, "")}`, e.hint, {
        file
      });
    throw e;
  }
  const values = new Map(Object.entries(doc.metrics).filter(([, v]) => typeof v === "number"));
  for (const r of config.rules) {
    const change = r.max_drop ?? r.max_relative_drop ?? r.max_increase ?? r.max_relative_increase ?? r.min_gain;
    if (change !== void 0 && !values.has(r.metric))
      throw new ModelguardError(
        "config",
        `${file}: performance.${r.metric}: a change rule needs production's ${r.metric}, and ${source} has none`,
        `give a metrics.json with ${r.metric} (modelguard evaluate ... -o metrics.json), or use min/max for ${r.metric}`,
        { file }
      );
  }
  return {
    source,
    spec: {
      task,
      ...doc.classes ? { classes: doc.classes } : {},
      ...doc.positive_label !== void 0 ? { positiveLabel: doc.positive_label } : {}
    },
    values
  };
}
function readProductionMetrics(config, file) {
  if (config.referenceMetrics === null) return null;
  return productionMetricsOf(readMetricsDocument(config.referenceMetrics), config.referenceMetrics, config, file);
}

// monitor/performance/estimatedPerformanceMetrics.ts
var import_prom_client4 = __toESM(require_prom_client(), 1);
var EstimatedPerformanceMetrics = class {
  value;
  lower;
  upper;
  reference;
  breached;
  rows;
  missing;
  constructor(registry) {
    const gauge = (name, help, labelNames) => new import_prom_client4.Gauge({ name, help, labelNames, registers: [registry] });
    const labels = ["metric", "model_version"];
    this.value = gauge(
      "modelguard_monitor_estimated_performance",
      "Estimated performance (CBPE, from calibrated probabilities, no labels) of the last closed window, per metric.",
      labels
    );
    this.lower = gauge(
      "modelguard_monitor_estimated_performance_lower",
      "Lower end of the estimate's sampling band (estimate - 3 standard errors), per metric.",
      labels
    );
    this.upper = gauge(
      "modelguard_monitor_estimated_performance_upper",
      "Upper end of the estimate's sampling band (estimate + 3 standard errors), per metric.",
      labels
    );
    this.reference = gauge(
      "modelguard_monitor_estimated_performance_reference",
      "The metric realized on the calibration's labelled reference rows (what max_drop rules compare with).",
      labels
    );
    this.breached = gauge(
      "modelguard_monitor_estimated_performance_breached",
      "1 when the metric's estimation rule failed in the last closed window (the whole band below its limit), else 0; metrics with a rule only.",
      labels
    );
    this.rows = gauge(
      "modelguard_monitor_estimated_performance_rows",
      "Events of the last closed window with a usable positive-class probability (what the estimate is over).",
      ["model_version"]
    );
    this.missing = gauge(
      "modelguard_monitor_estimated_performance_missing_probability",
      "Events of the last closed window without a usable positive-class probability (left out of the estimate).",
      ["model_version"]
    );
  }
  windowClosed(r, modelVersion) {
    for (const g of [this.value, this.lower, this.upper, this.reference, this.breached, this.rows, this.missing])
      g.reset();
    const version = modelVersion !== null ? { model_version: modelVersion } : {};
    this.rows.set(version, r.rows);
    this.missing.set(version, r.missing_probability);
    for (const m of r.metrics) {
      const labels = { metric: m.metric, ...version };
      if (m.value !== null) this.value.set(labels, m.value);
      if (m.lower !== null) this.lower.set(labels, m.lower);
      if (m.upper !== null) this.upper.set(labels, m.upper);
      if (m.reference !== null) this.reference.set(labels, m.reference);
      if (m.rule) this.breached.set(labels, m.rule.verdict === "fail" ? 1 : 0);
    }
  }
};

// monitor/labels/waitingSide.ts
var FIRST_CAPACITY = 1024;
var WaitingSide = class {
  constructor(kinds, plainColumns) {
    this.kinds = kinds;
    this.live = new Uint8Array(FIRST_CAPACITY);
    this.typed = kinds.map((K) => new K(FIRST_CAPACITY));
    this.plain = Array.from({ length: plainColumns }, () => []);
  }
  kinds;
  index = /* @__PURE__ */ new Map();
  /** Handle -> slot, and slot -> handle; handles of deleted entries are reused (a stack in `free`). */
  slotOfHandle = new Int32Array(FIRST_CAPACITY);
  handleOfSlot = new Int32Array(FIRST_CAPACITY);
  free = [];
  handles = 0;
  /** Ids by slot; a dead slot's id is cleared ("") unless a pin holds it, then at the next move. */
  ids = [];
  /** 1 where the slot holds a live entry. */
  live;
  /** The fixed-width columns, in the order given to the constructor. */
  typed;
  /** Columns of references (strings of a value column), by slot; undefined where the slot has none. */
  plain;
  /** First live slot (or tail when empty). */
  head = 0;
  /** Next free slot. */
  tail = 0;
  capacity = FIRST_CAPACITY;
  /** While a checkpoint holds a pin: its span and the typed arrays it reads (-1: no pin). */
  pinnedSpan = -1;
  pinnedTyped = [];
  get size() {
    return this.index.size;
  }
  has(id) {
    return this.index.has(id);
  }
  /** The slot of id, or -1. */
  slotOf(id) {
    const h = this.index.get(id);
    return h === void 0 ? -1 : this.slotOfHandle[h];
  }
  /** The oldest entry's slot, or -1 when empty. */
  oldest() {
    return this.head < this.tail ? this.head : -1;
  }
  /** Appends id (not present) and returns its slot; the caller fills the columns at it (a new slot: never pinned). */
  add(id) {
    if (this.tail === this.capacity) this.makeRoom();
    const slot = this.tail++;
    this.ids[slot] = id;
    this.live[slot] = 1;
    let h = this.free.pop();
    if (h === void 0) {
      h = this.handles++;
      if (h === this.slotOfHandle.length) this.slotOfHandle = grown(this.slotOfHandle, 2 * h);
    }
    this.slotOfHandle[h] = slot;
    this.handleOfSlot[slot] = h;
    this.index.set(id, h);
    return slot;
  }
  /** Sets typed column `col` at an existing slot: copies the column first when a pin reads that slot of it. */
  setTyped(col, slot, value) {
    if (slot < this.pinnedSpan && this.typed[col] === this.pinnedTyped[col]) this.typed[col] = this.typed[col].slice();
    this.typed[col][slot] = value;
  }
  /** Deletes the entry at slot (live). */
  deleteSlot(slot) {
    this.index.delete(this.ids[slot]);
    this.free.push(this.handleOfSlot[slot]);
    this.live[slot] = 0;
    if (slot >= this.pinnedSpan) {
      this.ids[slot] = "";
      for (const col of this.plain) if (col[slot] !== void 0) col[slot] = void 0;
    }
    if (slot === this.head) this.skipHoles();
  }
  /** Deletes id; false when it is not here. */
  delete(id) {
    const slot = this.slotOf(id);
    if (slot < 0) return false;
    this.deleteSlot(slot);
    return true;
  }
  /** Live slots in arrival order. */
  *slots() {
    for (let s = this.head; s < this.tail; s++) if (this.live[s] === 1) yield s;
  }
  clear() {
    this.index.clear();
    this.slotOfHandle = new Int32Array(FIRST_CAPACITY);
    this.handleOfSlot = new Int32Array(FIRST_CAPACITY);
    this.free = [];
    this.handles = 0;
    this.ids = [];
    this.capacity = FIRST_CAPACITY;
    this.live = new Uint8Array(FIRST_CAPACITY);
    this.typed = this.kinds.map((K) => new K(FIRST_CAPACITY));
    this.plain = this.plain.map(() => []);
    this.head = this.tail = 0;
  }
  /**
   * The side as of now, for a checkpoint (one at a time) to read until `unpin`: its own arrays, and a copy of the
   * live flags (one byte per slot: the only part deletes change in place).
   */
  pin() {
    if (this.pinnedSpan >= 0) throw new Error("a waiting side is pinned twice");
    const span = this.tail;
    this.pinnedSpan = span;
    this.pinnedTyped = [...this.typed];
    return {
      size: this.index.size,
      span,
      live: this.live.slice(0, span),
      ids: this.ids,
      typed: this.pinnedTyped,
      plain: this.plain
    };
  }
  unpin() {
    this.pinnedSpan = -1;
    this.pinnedTyped = [];
  }
  skipHoles() {
    while (this.head < this.tail && this.live[this.head] === 0) this.head++;
    if (this.head === this.tail && this.pinnedSpan < 0) {
      this.head = this.tail = 0;
      this.ids = [];
      this.plain = this.plain.map(() => []);
    }
  }
  /** The tail reached the capacity: move the live entries to the front, or double the columns. */
  makeRoom() {
    if (this.pinnedSpan < 0 && this.tail - this.index.size >= this.capacity / 4) {
      const keep = new Int32Array(this.index.size);
      let n = 0;
      for (let s = this.head; s < this.tail; s++) if (this.live[s] === 1) keep[n++] = s;
      for (const col of this.typed) moveDown(col, keep);
      for (const col of this.plain) {
        for (let i = 0; i < n; i++) col[i] = col[keep[i]];
        col.length = Math.min(col.length, n);
      }
      const ids = this.ids;
      const handleOfSlot = this.handleOfSlot;
      const slotOfHandle = this.slotOfHandle;
      for (let i = 0; i < n; i++) {
        const from = keep[i];
        if (from === i) continue;
        ids[i] = ids[from];
        const h = handleOfSlot[from];
        handleOfSlot[i] = h;
        slotOfHandle[h] = i;
      }
      ids.length = n;
      this.live.fill(1, 0, n);
      this.live.fill(0, n, this.tail);
      this.head = 0;
      this.tail = n;
      return;
    }
    this.capacity *= 2;
    this.live = grown(this.live, this.capacity);
    this.handleOfSlot = grown(this.handleOfSlot, this.capacity);
    this.typed = this.typed.map((c, k) => {
      const grown2 = new this.kinds[k](this.capacity);
      grown2.set(c);
      return grown2;
    });
  }
};
function moveDown(col, keep) {
  for (let i = 0; i < keep.length; i++) col[i] = col[keep[i]];
}
function grown(a, length) {
  const b = new a.constructor(length);
  b.set(a);
  return b;
}

// monitor/labels/labelJoin.ts
var LABEL_COUNT_NAMES = [
  "labels",
  "events_with_id",
  "invalid_ids",
  "invalid_probabilities",
  "matched",
  "unmatched_events",
  "unmatched_labels",
  "evicted_events",
  "evicted_labels",
  "duplicate_labels",
  "duplicate_events"
];
var EV_T = 0;
var EV_WINDOW = 1;
var EV_START = 2;
var EV_PROBABILITY = 3;
var EV_VERSION = 4;
var EV_KIND = 5;
var EV_NUMBER = 6;
var LB_T = 0;
var LB_KIND = 1;
var LB_NUMBER = 2;
var VALUE_NULL = 0;
var VALUE_NUMBER = 1;
var VALUE_TEXT = 2;
var VALUE_TRUE = 3;
var VALUE_FALSE = 4;
function valueKind(v) {
  if (v === null) return VALUE_NULL;
  if (typeof v === "number") return VALUE_NUMBER;
  if (typeof v === "string") return VALUE_TEXT;
  return v ? VALUE_TRUE : VALUE_FALSE;
}
function valueAt(kinds, numbers, texts, slot) {
  switch (kinds[slot]) {
    case VALUE_NUMBER:
      return numbers[slot];
    case VALUE_TEXT:
      return texts[slot];
    case VALUE_TRUE:
      return true;
    case VALUE_FALSE:
      return false;
    default:
      return null;
  }
}
function waitingEventsSide() {
  return new WaitingSide(
    [Float64Array, Int32Array, Float64Array, Float64Array, Int32Array, Uint8Array, Float64Array],
    1
  );
}
function waitingLabelsSide() {
  return new WaitingSide([Float64Array, Uint8Array, Float64Array], 1);
}
function joinedSide() {
  return new WaitingSide([Float64Array], 0);
}
var LabelJoin = class {
  constructor(config, sink = null) {
    this.config = config;
    this.sink = sink;
  }
  config;
  sink;
  counts = Object.fromEntries(LABEL_COUNT_NAMES.map((k) => [k, 0]));
  /** Ids (data: Map keys inside, never object keys) waiting, in arrival order, as columns. */
  events = waitingEventsSide();
  labels = waitingLabelsSide();
  /** Ids joined, with when: a repeat is a duplicate. */
  joined = joinedSide();
  /** Model versions of waiting events (few: one per production), by the index the events column holds. */
  versions = [];
  versionIndex = /* @__PURE__ */ new Map();
  /**
   * Event-time windows: start -> [index, clock when it closed] of those closed while an event counted in them may
   * still wait; the rows joined for those still open, held by start.
   */
  closedWindows = /* @__PURE__ */ new Map();
  held = /* @__PURE__ */ new Map();
  /** Rows joined by the call in progress, handed to the sink at its end. */
  out = { window: [], prediction: [], probability: [] };
  outLabels = [];
  /** Where the label log has been read to, as of the applied journal offset (null: never read). */
  sourcePosition = null;
  /**
   * Fleet mode: nothing is joined here. Every new waiting side is queued for Redis (FleetLabelJoin pushes it; the
   * pair is joined exactly once fleet-wide there), and pairs come back as journaled `remoteJoined` records.
   */
  fleet = false;
  pushQueue = [];
  setSink(sink) {
    this.sink = sink;
  }
  get waitingEvents() {
    return this.events.size;
  }
  get waitingLabels() {
    return this.labels.size;
  }
  /** Events [from, to) of `events`, just counted in window `w` at clock t (or event e at clocks[e]). */
  eventsAdded(events, from, to, w, t, modelVersion, clocks) {
    this.expire(clocks && to > from ? clocks[from] : t);
    const { ids, idStatus, probabilityStatus } = events;
    for (let e = from; e < to; e++) {
      if (probabilityStatus[e] === INVALID) this.counts.invalid_probabilities++;
      const st = idStatus[e];
      if (st !== VALUE) {
        if (st === INVALID) this.counts.invalid_ids++;
        continue;
      }
      const id = ids[e];
      this.counts.events_with_id++;
      const at = clocks ? clocks[e] : t;
      if (this.joined.has(id) || this.events.has(id)) {
        this.counts.duplicate_events++;
        continue;
      }
      const prediction = events.prediction(e);
      const probability = events.positiveProbability[e];
      const labelSlot = this.fleet ? -1 : this.labels.slotOf(id);
      if (labelSlot >= 0) {
        const label = this.labelAt(labelSlot);
        this.labels.deleteSlot(labelSlot);
        this.join(id, at, w.index, w.start, prediction, probability, label);
        continue;
      }
      this.addEvent(id, at, w.index, w.start, prediction, probability, modelVersion);
      if (this.fleet) this.pushQueue.push(["event", id]);
      if (this.events.size > this.config.maxPending) {
        this.events.deleteSlot(this.events.oldest());
        this.counts.evicted_events++;
      }
    }
    this.flush(t);
  }
  /** A batch of labels at clock t. */
  labelsArrived(batch, t) {
    this.expire(t);
    for (let k = 0; k < batch.ids.length; k++) {
      const id = batch.ids[k];
      const label = batch.labels[k];
      this.counts.labels++;
      if (this.joined.has(id) || this.labels.has(id)) {
        this.counts.duplicate_labels++;
        continue;
      }
      const ev = this.fleet ? -1 : this.events.slotOf(id);
      if (ev >= 0) {
        this.joinEvent(id, ev, t, label);
        continue;
      }
      this.addLabel(id, t, label);
      if (this.fleet) this.pushQueue.push(["label", id]);
      if (this.labels.size > this.config.maxPending) {
        this.labels.deleteSlot(this.labels.oldest());
        this.counts.evicted_labels++;
      }
    }
    this.flush(t);
  }
  /**
   * Fleet mode: pairs Redis joined, as journaled. `event` sides are this member's waiting events, joined with the label
   * (the row is emitted here, in the event's window, and counted matched here); `label` sides are this member's waiting
   * labels another member's event took (dropped: counted there). A side no longer waiting (expired, evicted, or
   * applied before a restart pushed it again) is skipped, so each pair counts once.
   */
  remoteJoined(joins, t) {
    this.expire(t);
    for (const j of joins) {
      if (j.duplicate) {
        const waiting = j.side === "event" ? this.events : this.labels;
        if (waiting.delete(j.id)) this.counts[j.side === "event" ? "duplicate_events" : "duplicate_labels"]++;
        continue;
      }
      if (j.side === "label") {
        if (this.labels.delete(j.id)) this.remember(j.id, t);
        continue;
      }
      if (j.event && j.label !== void 0 && !this.isWaiting("event", j.id) && !this.joined.has(j.id)) {
        const e = j.event;
        this.join(j.id, t, e.window, e.start, e.prediction, e.probability ?? NaN, j.label);
        continue;
      }
      const ev = this.events.slotOf(j.id);
      if (ev < 0 || j.label === void 0) continue;
      this.joinEvent(j.id, ev, t, j.label);
    }
    this.flush(t);
  }
  /** Fleet mode: the sides queued for Redis since the last call (what still waits of them is pushed). */
  takePushQueue() {
    const q = this.pushQueue;
    this.pushQueue = [];
    return q.filter(([side, id]) => (side === "event" ? this.events : this.labels).has(id));
  }
  /** Fleet mode: sides a round could not push (Redis down) go back to the front of the queue. */
  requeue(sides) {
    this.pushQueue = [...sides, ...this.pushQueue];
  }
  /** Fleet mode, after a restart: every waiting side is pushed again (Redis answers idempotently). */
  queueAllWaiting() {
    const q = [];
    for (const s of this.events.slots()) q.push(["event", this.events.ids[s]]);
    for (const s of this.labels.slots()) q.push(["label", this.labels.ids[s]]);
    this.pushQueue = q;
  }
  /** The label waiting for id here, if any (the fleet pusher sends it to Redis). */
  waitingLabel(id) {
    const slot = this.labels.slotOf(id);
    return slot >= 0 ? this.labelAt(slot) : void 0;
  }
  /**
   * Fleet mode: what the pushed side of a waiting event carries (its row but the label), so that the row is emitted
   * even when the event is dropped here before a label takes it in Redis.
   */
  waitingEventRow(id) {
    const slot = this.events.slotOf(id);
    if (slot < 0) return void 0;
    const c = this.events.typed;
    const probability = c[EV_PROBABILITY][slot];
    return {
      window: c[EV_WINDOW][slot],
      start: c[EV_START][slot],
      prediction: finiteOrNull(
        valueAt(c[EV_KIND], c[EV_NUMBER], this.events.plain[0], slot)
      ),
      probability: Number.isNaN(probability) ? null : probability
    };
  }
  isWaiting(side, id) {
    return (side === "event" ? this.events : this.labels).has(id);
  }
  /** An event-time window closed as `index` at clock t: the rows held for it go to the sink now. */
  windowClosed(start, index, t) {
    this.closedWindows.set(start, [index, t]);
    const rows = this.held.get(start);
    if (rows) {
      this.held.delete(start);
      for (let k = 0; k < rows.label.length; k++)
        this.emit(index, rows.prediction[k], rows.probability[k], rows.label[k]);
    }
    this.flush(t);
  }
  /** Drops what waited longer than max_delay (counted unmatched), and joined ids and closed windows as old. */
  expire(t) {
    const cutoff = t - this.config.maxDelayMs;
    this.counts.unmatched_events += dropUpTo(this.events, EV_T, cutoff);
    this.counts.unmatched_labels += dropUpTo(this.labels, LB_T, cutoff);
    dropUpTo(this.joined, 0, cutoff);
    for (const [start, [, closedAt]] of this.closedWindows) {
      if (closedAt > cutoff) break;
      this.closedWindows.delete(start);
    }
  }
  join(id, at, window2, start, prediction, probability, label) {
    this.counts.matched++;
    this.remember(id, at);
    const index = window2 >= 0 ? window2 : this.closedWindows.get(start)?.[0] ?? -1;
    if (index >= 0) return this.emit(index, prediction, probability, label);
    let rows = this.held.get(start);
    if (!rows) this.held.set(start, rows = { prediction: [], probability: [], label: [] });
    rows.prediction.push(prediction);
    rows.probability.push(probability);
    rows.label.push(label);
  }
  /** Joins the waiting event at slot with its label, at clock t. */
  joinEvent(id, slot, t, label) {
    const c = this.events.typed;
    const window2 = c[EV_WINDOW][slot];
    const start = c[EV_START][slot];
    const probability = c[EV_PROBABILITY][slot];
    const prediction = valueAt(c[EV_KIND], c[EV_NUMBER], this.events.plain[0], slot);
    this.events.deleteSlot(slot);
    this.join(id, t, window2, start, prediction, probability, label);
  }
  addEvent(id, t, window2, start, prediction, probability, modelVersion) {
    const slot = this.events.add(id);
    const c = this.events.typed;
    c[EV_T][slot] = t;
    c[EV_WINDOW][slot] = window2;
    c[EV_START][slot] = start;
    c[EV_PROBABILITY][slot] = probability;
    c[EV_VERSION][slot] = this.versionOf(modelVersion);
    const kind = valueKind(prediction);
    c[EV_KIND][slot] = kind;
    c[EV_NUMBER][slot] = kind === VALUE_NUMBER ? prediction : 0;
    this.events.plain[0][slot] = kind === VALUE_TEXT ? prediction : void 0;
  }
  addLabel(id, t, label) {
    const slot = this.labels.add(id);
    const c = this.labels.typed;
    c[LB_T][slot] = t;
    const kind = valueKind(label);
    c[LB_KIND][slot] = kind;
    c[LB_NUMBER][slot] = kind === VALUE_NUMBER ? label : 0;
    this.labels.plain[0][slot] = kind === VALUE_TEXT ? label : void 0;
  }
  labelAt(slot) {
    const c = this.labels.typed;
    return valueAt(c[LB_KIND], c[LB_NUMBER], this.labels.plain[0], slot);
  }
  /** An id joined at t: a repeat of it is a duplicate (as many remembered as may wait). */
  remember(id, t) {
    const slot = this.joined.slotOf(id);
    if (slot >= 0) this.joined.setTyped(0, slot, t);
    else {
      const added = this.joined.add(id);
      this.joined.typed[0][added] = t;
    }
    if (this.joined.size > this.config.maxPending) this.joined.deleteSlot(this.joined.oldest());
  }
  versionOf(version) {
    if (version === null) return -1;
    let k = this.versionIndex.get(version);
    if (k === void 0) {
      k = this.versions.length;
      this.versions.push(version);
      this.versionIndex.set(version, k);
    }
    return k;
  }
  emit(window2, prediction, probability, label) {
    this.out.window.push(window2);
    this.out.prediction.push(prediction);
    this.out.probability.push(probability);
    this.outLabels.push(label);
  }
  flush(t) {
    const n = this.outLabels.length;
    if (n === 0) return;
    const rows = {
      length: n,
      window: this.out.window.splice(0),
      prediction: this.out.prediction.splice(0),
      probability: this.out.probability.splice(0),
      label: this.outLabels.splice(0),
      at: t
    };
    this.sink?.addJoined(rows);
  }
  /** The join as JSON (the snapshot's `labels` before version 2 wrote the sides to their own file). */
  toJson() {
    const n = this.events.size;
    const events = {
      id: new Array(n),
      t: new Array(n),
      window: new Array(n),
      start: new Array(n),
      prediction: new Array(n),
      probability: new Array(n),
      model_version: new Array(n)
    };
    const c = this.events.typed;
    let k = 0;
    for (const s of this.events.slots()) {
      events.id[k] = this.events.ids[s];
      events.t[k] = c[EV_T][s];
      events.window[k] = c[EV_WINDOW][s];
      events.start[k] = c[EV_START][s];
      events.prediction[k] = finiteOrNull(
        valueAt(c[EV_KIND], c[EV_NUMBER], this.events.plain[0], s)
      );
      const p = c[EV_PROBABILITY][s];
      events.probability[k] = Number.isNaN(p) ? null : p;
      const v = c[EV_VERSION][s];
      events.model_version[k] = v >= 0 ? this.versions[v] : null;
      k++;
    }
    const m = this.labels.size;
    const labels = { id: new Array(m), t: new Array(m), label: new Array(m) };
    k = 0;
    for (const s of this.labels.slots()) {
      labels.id[k] = this.labels.ids[s];
      labels.t[k] = this.labels.typed[LB_T][s];
      labels.label[k] = this.labelAt(s);
      k++;
    }
    const joined = { id: [], t: [] };
    for (const s of this.joined.slots()) {
      joined.id.push(this.joined.ids[s]);
      joined.t.push(this.joined.typed[0][s]);
    }
    return { ...this.smallJson(), events, labels, joined };
  }
  /** The counts, windows, held rows and label log position: the parts of the snapshot that stay JSON. */
  smallJson() {
    return {
      counts: { ...this.counts },
      closed_windows: [...this.closedWindows].map(([start, [index, at]]) => [start, index, at]),
      ...this.sourcePosition ? { source_position: this.sourcePosition } : {},
      held: [...this.held].map(([start, rows]) => ({
        start,
        prediction: rows.prediction.map(finiteOrNull),
        probability: rows.probability.map((p) => Number.isNaN(p) ? null : p),
        label: rows.label
      }))
    };
  }
  /**
   * The whole join as of now, for a checkpoint to write in chunks while this join goes on changing: the small parts as
   * JSON and the three sides pinned (a byte per slot copied). `release` ends the pin; one checkpoint at a time.
   */
  pin() {
    const copy = {
      json: { ...this.smallJson(), versions: [...this.versions] },
      events: this.events.pin(),
      labels: this.labels.pin(),
      joined: this.joined.pin()
    };
    return {
      ...copy,
      release: () => {
        this.events.unpin();
        this.labels.unpin();
        this.joined.unpin();
      }
    };
  }
  /** Restores a snapshot's `labels` (replacing this state); throws an Error naming what does not read back. */
  load(j) {
    const s = j;
    this.loadSmall(s);
    const ev = s.events;
    const n = columns(ev, ["id", "t", "window", "start", "prediction", "probability", "model_version"], "events");
    const lb = s.labels;
    const m = columns(lb, ["id", "t", "label"], "labels");
    const jn = s.joined;
    const q = columns(jn, ["id", "t"], "joined");
    this.clearSides();
    for (let k = 0; k < n; k++) {
      const e = ev;
      const id = e.id[k];
      if (this.events.has(id)) throw new Error(`labels.events: id ${JSON.stringify(id)} waits twice`);
      this.addEvent(
        id,
        e.t[k],
        e.window[k],
        e.start[k],
        e.prediction[k],
        e.probability[k] ?? NaN,
        e.model_version[k] ?? null
      );
    }
    for (let k = 0; k < m; k++) {
      if (this.labels.has(lb.id[k])) throw new Error(`labels.labels: id ${JSON.stringify(lb.id[k])} waits twice`);
      this.addLabel(lb.id[k], lb.t[k], lb.label[k]);
    }
    for (let k = 0; k < q; k++) this.remember(jn.id[k], jn.t[k]);
  }
  /**
   * Restores a version-2 snapshot: its `labels` JSON (without the sides) and the sides read back from their file, in
   * arrival order. Versions index `json.versions`.
   */
  loadCopy(c) {
    this.loadSmall(c.json);
    const versions = c.json.versions;
    if (!Array.isArray(versions) || !versions.every((v) => typeof v === "string"))
      throw new Error("labels.versions is not a list of strings");
    this.clearSides();
    const e = c.events;
    for (let s = 0; s < e.span; s++) {
      if (e.live && e.live[s] === 0) continue;
      const id = e.ids[s];
      if (this.events.has(id)) throw new Error(`labels: event id ${JSON.stringify(id)} waits twice`);
      const v = e.typed[EV_VERSION][s];
      if (v >= versions.length) throw new Error(`labels: event ${JSON.stringify(id)} has no model version ${v}`);
      const prediction = valueAt(e.typed[EV_KIND], e.typed[EV_NUMBER], e.plain[0], s);
      const t = e.typed;
      this.addEvent(
        id,
        t[EV_T][s],
        t[EV_WINDOW][s],
        t[EV_START][s],
        prediction,
        t[EV_PROBABILITY][s],
        v >= 0 ? versions[v] : null
      );
    }
    const l = c.labels;
    for (let s = 0; s < l.span; s++) {
      if (l.live && l.live[s] === 0) continue;
      const id = l.ids[s];
      if (this.labels.has(id)) throw new Error(`labels: label id ${JSON.stringify(id)} waits twice`);
      const label = valueAt(l.typed[LB_KIND], l.typed[LB_NUMBER], l.plain[0], s);
      if (label === null) throw new Error(`labels: the label of ${JSON.stringify(id)} is null`);
      this.addLabel(id, l.typed[LB_T][s], label);
    }
    const j = c.joined;
    for (let s = 0; s < j.span; s++) if (!j.live || j.live[s] === 1) this.remember(j.ids[s], j.typed[0][s]);
  }
  clearSides() {
    this.events.clear();
    this.labels.clear();
    this.joined.clear();
    this.versions = [];
    this.versionIndex.clear();
  }
  /** The counts, windows, label log position and held rows of a snapshot's `labels`. */
  loadSmall(s) {
    if (typeof s !== "object" || s === null) throw new Error("labels is not an object");
    const counts = s.counts;
    for (const k of LABEL_COUNT_NAMES) {
      const v = counts?.[k] ?? (counts && k === "invalid_probabilities" ? 0 : void 0);
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`labels.counts.${k} is not a count`);
      this.counts[k] = v;
    }
    this.closedWindows.clear();
    for (const [start, index, at] of s.closed_windows ?? []) this.closedWindows.set(start, [index, at]);
    this.sourcePosition = s.source_position ?? null;
    this.held.clear();
    for (const h of s.held ?? []) {
      this.held.set(h.start, {
        prediction: h.prediction,
        probability: h.probability.map((p) => p ?? NaN),
        label: h.label
      });
    }
  }
};
function finiteOrNull(p) {
  return typeof p === "number" && !Number.isFinite(p) ? null : p;
}
function columns(part, names, what) {
  if (typeof part !== "object" || part === null) throw new Error(`labels.${what} is missing`);
  let n = -1;
  for (const name of names) {
    const col = part[name];
    if (!Array.isArray(col)) throw new Error(`labels.${what}.${name} is not a list`);
    if (n >= 0 && col.length !== n) throw new Error(`labels.${what}: its lists differ in length`);
    n = col.length;
  }
  return n;
}
function dropUpTo(side, t, cutoff) {
  let dropped = 0;
  for (let s = side.oldest(); s >= 0 && side.typed[t][s] <= cutoff; s = side.oldest()) {
    side.deleteSlot(s);
    dropped++;
  }
  return dropped;
}

// monitor/labels/labelJoinFile.ts
import { randomBytes } from "node:crypto";
import { readdirSync as readdirSync2, readFileSync as readFileSync3, rmSync } from "node:fs";
import { endianness } from "node:os";
import { open as open2, rename } from "node:fs/promises";
import { join as join2 } from "node:path";
var MAGIC = Buffer.from("MGJOIN01", "latin1");
var CHUNK = 32768;
var MAX_HEADER_BYTES = 1 << 20;
var WIDTH = { f64: 8, i32: 4, u8: 1 };
function typeOf(c) {
  return c instanceof Float64Array ? "f64" : c instanceof Int32Array ? "i32" : "u8";
}
var FILE_NAME = /^join-[0-9]{16}-[0-9a-f]{8}\.bin$/;
var ANY_FILE = /^join-[0-9]{16}(-[0-9a-f]{8})?\.bin(\.tmp)?$/;
function labelJoinFileName(offset) {
  return `join-${String(offset).padStart(16, "0")}-${randomBytes(4).toString("hex")}.bin`;
}
var SIDES = [
  ["events", waitingEventsSide],
  ["labels", waitingLabelsSide],
  ["joined", joinedSide]
];
async function writeLabelJoinFile(state, name, copy, onStep) {
  if (!FILE_NAME.test(name)) throw new Error(`${name} is not a label join file name`);
  const tmp = join2(state, `${name}.tmp`);
  await writeSides(
    tmp,
    SIDES.map(([side]) => ({ name: side, side: copy[side] })),
    () => onStep?.("label join chunk written")
  );
  await rename(tmp, join2(state, name));
  const dir = await open2(state, "r");
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  onStep?.("label join file written");
}
function readLabelJoinFile(state, name) {
  if (typeof name !== "string" || !FILE_NAME.test(name))
    throw new Error(`labels.columns_file is not a label join file name (join-<16 digits>-<8 hex digits>.bin)`);
  const path = join2(state, name);
  let sides;
  try {
    sides = readSides(path);
  } catch (e) {
    if (e.code === "ENOENT")
      throw new Error(`the label join file ${path} it names is missing`);
    throw e;
  }
  const out = {};
  for (const [side, shape] of SIDES) {
    const got = sides.get(side);
    const want = shape();
    if (!got || got.typed.length !== want.typed.length || got.typed.some((c, k) => typeOf(c) !== typeOf(want.typed[k])) || got.plain.length !== want.plain.length)
      throw new Error(`${path}: the ${side} side is missing or has other columns`);
    out[side] = got;
  }
  return out;
}
function removeLabelJoinFiles(state, keep) {
  for (const f of readdirSync2(state)) if (ANY_FILE.test(f) && f !== keep) rmSync(join2(state, f), { force: true });
}
async function writeSides(path, sides, onChunk) {
  if (endianness() !== "LE") throw new Error("the label join file is written on little-endian hosts only");
  const fh = await open2(path, "w");
  let crc = 0;
  let bytes = 0;
  let scratch = Buffer.allocUnsafeSlow(1 << 20);
  const room = (n) => {
    if (scratch.length < n) scratch = Buffer.allocUnsafeSlow(Math.max(n, 2 * scratch.length));
    return scratch;
  };
  const put = async (b) => {
    if (b.length === 0) return;
    crc = crc32c(b, crc);
    bytes += b.length;
    let done = 0;
    while (done < b.length) done += (await fh.write(b, done, b.length - done)).bytesWritten;
    onChunk?.();
  };
  try {
    const header = Buffer.from(
      JSON.stringify({
        sides: sides.map(({ name, side }) => ({
          name,
          size: side.size,
          typed: side.typed.map(typeOf),
          plain: side.plain.length
        }))
      })
    );
    const head = Buffer.alloc(MAGIC.length + 4);
    MAGIC.copy(head);
    head.writeUInt32LE(header.length, MAGIC.length);
    await put(Buffer.concat([head, header]));
    for (const { side } of sides) {
      for (let from = 0; from < side.span; from += CHUNK)
        await put(idsChunk(side, from, Math.min(side.span, from + CHUNK), room));
      for (const col of side.typed) {
        for (let from = 0; from < side.span; from += CHUNK)
          await put(typedChunk(side, col, from, Math.min(side.span, from + CHUNK), room));
      }
      for (const col of side.plain) {
        for (let from = 0; from < side.span; from += CHUNK)
          await put(plainChunk(side, col, from, Math.min(side.span, from + CHUNK), room));
      }
    }
    const trailer = Buffer.alloc(12);
    trailer.writeUInt32LE(bytes % 2 ** 32, 0);
    trailer.writeUInt32LE(Math.floor(bytes / 2 ** 32), 4);
    trailer.writeUInt32LE(crc, 8);
    let done = 0;
    while (done < 12) done += (await fh.write(trailer, done, 12 - done)).bytesWritten;
    await fh.sync();
    return bytes + 12;
  } finally {
    await fh.close();
  }
}
function idsChunk(side, from, to, room) {
  let n = 0;
  const live = side.live;
  for (let s = from; s < to; s++) if (!live || live[s] === 1) n += 2 + Buffer.byteLength(side.ids[s], "utf8");
  const b = room(n);
  let at = 0;
  for (let s = from; s < to; s++) {
    if (live && live[s] === 0) continue;
    const id = side.ids[s];
    const len = b.write(id, at + 2, "utf8");
    b.writeUInt16LE(len, at);
    at += 2 + len;
  }
  return b.subarray(0, n);
}
function typedChunk(side, col, from, to, room) {
  const live = side.live;
  let n = 0;
  for (let s = from; s < to; s++) if (!live || live[s] === 1) n++;
  const width = col.BYTES_PER_ELEMENT;
  const b = room(n * width);
  if (n === to - from) b.set(new Uint8Array(col.buffer, col.byteOffset + from * width, n * width));
  else {
    const out = new col.constructor(
      b.buffer,
      b.byteOffset,
      n
    );
    let k = 0;
    for (let s = from; s < to; s++) if (!live || live[s] === 1) out[k++] = col[s];
  }
  return b.subarray(0, n * width);
}
function plainChunk(side, col, from, to, room) {
  const live = side.live;
  let n = 0;
  for (let s = from; s < to; s++) {
    if (live && live[s] === 0) continue;
    const v = col[s];
    n += 4 + (v === void 0 ? 0 : Buffer.byteLength(v, "utf8"));
  }
  const b = room(n);
  let at = 0;
  for (let s = from; s < to; s++) {
    if (live && live[s] === 0) continue;
    const v = col[s];
    if (v === void 0) {
      b.writeUInt32LE(0, at);
      at += 4;
      continue;
    }
    const len = b.write(v, at + 4, "utf8");
    b.writeUInt32LE(len + 1, at);
    at += 4 + len;
  }
  return b.subarray(0, n);
}
function readSides(path) {
  if (endianness() !== "LE") throw new Error("the label join file is read on little-endian hosts only");
  const buf = readFileSync3(path);
  if (buf.length < MAGIC.length + 4 + 12 || !buf.subarray(0, MAGIC.length).equals(MAGIC))
    throw new Error(`${path} is not a label join file (MGJOIN01)`);
  const body = buf.length - 12;
  const recorded = buf.readUInt32LE(body) + buf.readUInt32LE(body + 4) * 2 ** 32;
  if (recorded !== body)
    throw new Error(`${path} was cut short or has bytes after its end (${body} bytes, its trailer says ${recorded})`);
  if (crc32c(buf.subarray(0, body)) !== buf.readUInt32LE(body + 8)) throw new Error(`${path}: checksum mismatch`);
  let at = MAGIC.length;
  const need = (n, what) => {
    if (at + n > body) throw new Error(`${path}: ${what} runs past the end of the file`);
  };
  need(4, "the header length");
  const headerLength = buf.readUInt32LE(at);
  at += 4;
  if (headerLength > MAX_HEADER_BYTES) throw new Error(`${path}: the header is too long`);
  need(headerLength, "the header");
  const header = JSON.parse(buf.toString("utf8", at, at + headerLength));
  at += headerLength;
  if (!Array.isArray(header.sides)) throw new Error(`${path}: the header has no sides`);
  const out = /* @__PURE__ */ new Map();
  for (const h of header.sides) {
    if (typeof h.name !== "string" || !Number.isSafeInteger(h.size) || h.size < 0 || !Array.isArray(h.typed))
      throw new Error(`${path}: a side of the header is unreadable`);
    const n = h.size;
    const ids = new Array(n);
    for (let k = 0; k < n; k++) {
      need(2, `the ids of ${h.name}`);
      const len = buf.readUInt16LE(at);
      need(2 + len, `the ids of ${h.name}`);
      ids[k] = buf.toString("utf8", at + 2, at + 2 + len);
      if (ids[k] === "") throw new Error(`${path}: an empty id in ${h.name}`);
      at += 2 + len;
    }
    const typed = h.typed.map((type) => {
      const width = Object.hasOwn(WIDTH, type) ? WIDTH[type] : void 0;
      if (width === void 0) throw new Error(`${path}: unknown column type in ${h.name}`);
      need(n * width, `a column of ${h.name}`);
      const col = type === "f64" ? new Float64Array(n) : type === "i32" ? new Int32Array(n) : new Uint8Array(n);
      new Uint8Array(col.buffer).set(buf.subarray(at, at + n * width));
      at += n * width;
      return col;
    });
    const plain = Array.from({ length: h.plain }, () => {
      const col = new Array(n);
      for (let k = 0; k < n; k++) {
        need(4, `a string column of ${h.name}`);
        const len = buf.readUInt32LE(at);
        at += 4;
        if (len === 0) continue;
        need(len - 1, `a string column of ${h.name}`);
        col[k] = buf.toString("utf8", at, at + len - 1);
        at += len - 1;
      }
      return col;
    });
    out.set(h.name, { size: n, span: n, live: null, ids, typed, plain });
  }
  if (at !== body) throw new Error(`${path}: ${body - at} bytes after the last side`);
  return out;
}

// monitor/labels/parseLabels.ts
function parseLabels(body) {
  let text = body.toString("utf8");
  if (text.charCodeAt(0) === 65279) text = text.slice(1);
  const first = text.search(/\S/);
  if (first < 0) return { ok: false, message: "empty body: send NDJSON or a JSON array of {id, label, ts?}" };
  const batch = { ids: [], labels: [] };
  if (text[first] === "[") {
    let v;
    try {
      v = JSON.parse(text);
    } catch (e) {
      return { ok: false, message: `invalid JSON: ${e.message}` };
    }
    if (!Array.isArray(v)) return { ok: false, message: "expected a JSON array of {id, label, ts?}" };
    for (let k = 0; k < v.length; k++) {
      const problem = addLabel(batch, v[k]);
      if (problem) return { ok: false, index: k, message: `label ${k} (0-based): ${problem}` };
    }
    return { ok: true, batch };
  }
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const problem = labelLine(batch, text.slice(start, end));
    if (problem) return { ok: false, line, message: `line ${line}: ${problem}` };
    start = end + 1;
  }
  return { ok: true, batch };
}
function labelLine(batch, raw) {
  if (raw.trim() === "") return null;
  let v;
  try {
    v = JSON.parse(raw);
  } catch (e) {
    return `invalid JSON: ${e.message}`;
  }
  return addLabel(batch, v);
}
function parseLabelLine(raw) {
  const one = { ids: [], labels: [] };
  const problem = labelLine(one, raw);
  if (problem) return { ok: false, message: problem };
  return { ok: true, item: one.ids.length > 0 ? { id: one.ids[0], label: one.labels[0] } : null };
}
function addLabel(batch, v) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return "a label must be a JSON object {id, label, ts?}";
  const o = v;
  const id = idOf(o.id);
  if (id.status !== VALUE)
    return o.id === void 0 ? "a label needs an 'id' (the id of the event it labels)" : "'id' must be a string of 1 to 256 UTF-8 bytes or an integer (a string without a lone surrogate escape such as \\ud800)";
  const label = o.label;
  if (typeof label !== "string" && typeof label !== "boolean" && !(typeof label === "number" && Number.isFinite(label)))
    return label === void 0 ? "a label needs a 'label' (a class or a number)" : "'label' must be a string, a finite number or a boolean";
  if (typeof label === "string" && LONE_SURROGATE.test(label))
    return "'label' has a lone surrogate escape (such as \\ud800): not text UTF-8 can hold";
  if (o.ts !== void 0 && Number.isNaN(eventTimeOf(o.ts)))
    return "'ts' must be an RFC 3339 time (2024-05-01T12:00:00Z) or epoch milliseconds";
  batch.ids.push(id.id);
  batch.labels.push(label);
  return null;
}

// monitor/windows/driftMonitor.ts
var DriftMonitor = class {
  constructor(config, profile, options) {
    this.config = config;
    this.profile = profile;
    this.options = options;
    checkDriftColumns(config, profile);
    this.writes = options.writes ?? new StateWrites();
    this.predictionColumn = predictionColumnOf(config, profile);
    const col = this.predictionColumn;
    const features = col === null ? profile : { ...profile, columns: withoutKey(profile.columns, col) };
    this.layout = layoutOf(features, config.labels?.positiveClass);
    const derived = config.target === null ? options.referenceTarget ?? null : null;
    this.target = derived ? { name: derived.name, from: derived.from } : { name: config.target, from: null };
    this.skips = monitorSkips(features, config.drift, this.target.name, config.file, this.target.from);
    skipInLayout(this.layout, this.skips);
    this.layout.ranges = referenceRanges(features, this.layout);
    this.qualityMetrics = new QualityMetrics(options.metrics.registry);
    if (options.estimator) {
      this.layout.estimator = options.estimator;
      this.layout.positiveClass ??= options.estimator.calibration.positive_class;
      this.estimationMetrics = new EstimatedPerformanceMetrics(options.metrics.registry);
    }
    this.reference = sampleProfile(profile);
    this.predictionReference = col === null ? null : this.reference.get(col) ?? null;
    if (col !== null) this.reference.delete(col);
    this.window = new WindowState(this.layout, 0, 0);
    const cw = config.window;
    if ("durationMs" in cw && cw.time === "event")
      this.eventWindows = new EventTimeWindows(this.layout, cw.durationMs, cw.allowedLatenessMs);
    this.referenceLabel = config.reference;
    this.windowsDir = join3(config.state, "windows");
    this.snapshotPath = join3(config.state, "snapshot.json");
    if (config.labels) this.labels = new LabelJoin(config.labels);
    if (config.performance)
      this.performance = new PerformanceWindows(
        config.performance,
        readProductionMetrics(config.performance, config.file),
        this,
        {
          outbox: options.outbox,
          metrics: options.metrics,
          // In fleet mode a member's windows hold the rows of its own events: /metrics shows the fleet's merged view
          // (FleetPerformance), and the leader alerts on it.
          gauges: new PerformanceMetrics(options.fleet ? new import_prom_client5.Registry() : options.metrics.registry),
          log: options.log,
          alerts: options.fleet === void 0
        }
      );
    this.labels?.setSink(this.performance);
    ensureStateSubdirectory(this.windowsDir, "the reports of closed windows");
  }
  config;
  profile;
  options;
  layout;
  /** With `window.time: event`: the open windows by event time; null otherwise (one open window, `window`). */
  eventWindows = null;
  reference;
  /** The reference column predictions are compared with (not a feature then), and its sample; null: none. */
  predictionColumn;
  predictionReference;
  /**
   * The production version the reference is the profile of ("v3"), with `reference: registry:NAME`; null for a file.
   * Windows and metrics carry it as `model_version`.
   */
  modelVersion = null;
  /** Where the reference came from, for reports (`config.reference`, or the registry version's profile file). */
  referenceLabel;
  /** A fleet following production: the reference of each window by its start (see followReferences). */
  judgedAt = null;
  /** A reference to switch to at the next window boundary (see switchReference). */
  pendingReference = null;
  window;
  alert = { ...INITIAL_ALERT_STATE };
  recent = [];
  /** Journal offset up to which records are applied. */
  appliedOffset = 0;
  /** Arrival time (ms) of the last applied batch or tick. */
  lastRecordAt = 0;
  /** File-source position as of appliedOffset (from the last applied source record); null before the first. */
  sourcePosition = null;
  /** Idempotency-Keys of applied batches and their answers (in the snapshot; keyed journal records add to it). */
  idempotency = new IdempotencyKeys();
  /** With `labels:`: the join of events and the labels that arrive later (in the snapshot); null otherwise. */
  labels = null;
  /** With `performance:` (and the label join feeding it): realized performance per window; null otherwise. */
  performance = null;
  /** Profile columns not tracked (id-like, the target, `skip: true`): name -> reason (see monitorSkips). */
  skips;
  /** The label column left out: monitor.yml's `target:` (from null), else production's metrics.json's. */
  target;
  qualityMetrics;
  windowsDir;
  snapshotPath;
  estimationMetrics = null;
  writes;
  /**
   * Loads the last snapshot, if any; returns the journal offset to replay from. A snapshot that does not read back (cut
   * short, garbage, another file) is a ModelguardError naming it: it is only ever replaced by an atomic rename, so
   * that is damage from outside, and starting without it would apply the journal to the wrong state.
   */
  loadSnapshot() {
    rmSync2(this.snapshotPath + ".tmp", { force: true });
    if (!existsSync3(this.snapshotPath)) {
      removeLabelJoinFiles(this.config.state, null);
      return 0;
    }
    try {
      const s = JSON.parse(readFileSync4(this.snapshotPath, "utf8"));
      if (s?.kind !== "modelguard.monitor-snapshot") throw new Error("it is not a monitor snapshot");
      if (s.version !== 1 && s.version !== 2) throw new Error(`unknown snapshot version ${String(s.version)}`);
      if (!Number.isSafeInteger(s.journal_offset) || s.journal_offset < 0)
        throw new Error("journal_offset is not a non-negative integer");
      if (typeof s.window !== "object" || s.window === null) throw new Error("window is missing");
      if (typeof s.alert !== "object" || s.alert === null || !Array.isArray(s.recent))
        throw new Error("alert or recent is missing");
      this.window = WindowState.fromJson(this.layout, s.window);
      this.idempotency = IdempotencyKeys.fromJson(s.idempotency_keys);
      this.alert = s.alert;
      this.recent = s.recent;
      this.appliedOffset = s.journal_offset;
      this.lastRecordAt = s.last_record_at === void 0 ? 0 : countAt(s.last_record_at, "last_record_at");
      this.sourcePosition = s.source_position ?? null;
      this.snapshotModelVersion = s.model_version ?? null;
      if (this.eventWindows && s.event_windows !== void 0) this.eventWindows.load(s.event_windows);
      if (this.performance && s.performance !== void 0) this.performance.load(s.performance);
      const file = s.version === 2 && s.labels ? s.labels.columns_file : null;
      if (this.labels && s.labels !== void 0) {
        if (s.version === 1) this.labels.load(s.labels);
        else
          this.labels.loadCopy({ json: s.labels, ...readLabelJoinFile(this.config.state, file) });
      }
      removeLabelJoinFiles(this.config.state, file);
      return s.journal_offset;
    } catch (e) {
      throw new ModelguardError(
        "input",
        `${this.snapshotPath}: the monitor snapshot cannot be read: ${e.message}`,
        `the monitor replaces it (and the label join file join-<offset>.bin it names) only by an atomic rename, so it was damaged or overwritten from outside. Restore the snapshot and its label join file from a backup; or, if ${join3(this.config.state, "journal")} still starts at offset 0 (0000000000000000.log), delete it to rebuild the state from the journal; or move the state directory ${this.config.state} aside to start from an empty state`
      );
    }
  }
  /**
   * Writes the snapshot atomically (temp file, fsync, rename, fsync of the directory); resolves to the journal offset
   * it covers. Everything is copied at that offset before the first await: the JSON text, and the label join's columns,
   * which are written to their own file first, in chunks, so ingest goes on meanwhile (applying records past the
   * offset, which the journal keeps). `onStep` hears each crash-relevant step (tests copy the directory there):
   * "label join chunk written", "label join file written", "snapshot temp written".
   */
  async writeSnapshot(onStep) {
    if (!this.writes.retryNow()) throw this.writes.unavailable;
    const labels = this.labels?.pin() ?? null;
    const offset = this.appliedOffset;
    const file = labelJoinFileName(offset);
    const s = {
      kind: "modelguard.monitor-snapshot",
      version: 2,
      journal_offset: offset,
      window: this.window.toJson(),
      alert: this.alert,
      recent: this.recent,
      last_record_at: this.lastRecordAt,
      ...this.sourcePosition ? { source_position: this.sourcePosition } : {},
      ...this.idempotency.size > 0 ? { idempotency_keys: this.idempotency.toJson() } : {},
      ...this.eventWindows ? { event_windows: this.eventWindows.toJson() } : {},
      ...this.performance ? { performance: this.performance.toJson() } : {},
      ...this.modelVersion !== null ? { model_version: this.modelVersion } : {},
      ...labels ? { labels: { ...labels.json, columns_file: file } } : {}
    };
    const text = JSON.stringify(s);
    try {
      if (labels) await writeLabelJoinFile(this.config.state, file, labels, onStep);
    } finally {
      labels?.release();
    }
    const tmp = this.snapshotPath + ".tmp";
    const fh = await open3(tmp, "w");
    try {
      await fh.writeFile(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    onStep?.("snapshot temp written");
    await rename2(tmp, this.snapshotPath);
    const dir = await open3(this.config.state, "r");
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
    removeLabelJoinFiles(this.config.state, labels ? file : null);
    return offset;
  }
  /** Applies a replayed journal record. */
  applyRecord(record, endOffset) {
    if (record.type === "tick") this.applyTick(record.t);
    else if (record.type === "joins") {
      let joins = null;
      try {
        joins = JSON.parse(record.body.toString("utf8"));
      } catch {
        this.options.log.warn({ offset: endOffset }, "journal joins record does not parse; skipped");
      }
      if (joins) this.applyJoins(joins, record.t);
    } else if (record.type === "labels") {
      const parsed = record.body.length > 0 ? parseLabels(record.body) : { ok: true, batch: { ids: [], labels: [] } };
      if (!parsed.ok) this.options.log.warn({ offset: endOffset }, "journal label batch no longer parses; skipped");
      else {
        const idempotency = record.key !== void 0 ? { key: record.key, digest: bodyDigest(record.body) } : void 0;
        this.applyLabels(parsed.batch, record.t, idempotency);
      }
      if (record.position && this.labels) this.labels.sourcePosition = record.position;
    } else if (record.type === "source") {
      const parsed = record.body.length > 0 ? parseBatch(record.body, this.layout) : { ok: true, events: obtainBatch(this.layout) };
      if (parsed.ok) this.applyReleasing(parsed.events, record.t);
      else this.options.log.warn({ offset: endOffset }, "journal source batch no longer parses; skipped");
      this.sourcePosition = record.position;
    } else {
      const parsed = parseBatch(record.body, this.layout);
      if (!parsed.ok) this.options.log.warn({ offset: endOffset }, "journal batch no longer parses; skipped");
      else if (record.key === void 0) this.applyReleasing(parsed.events, record.t);
      else {
        try {
          this.applyIngest(parsed.events, record.t, { key: record.key, digest: bodyDigest(record.body) });
        } finally {
          parsed.events.release();
        }
      }
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
  /**
   * Applies a durable ingest batch and returns its 202 answer (JSON text) and what applying it found; with a key, the
   * answer is remembered under it. Replay of the batch's journal record gives the same answer.
   */
  applyIngest(events, t, idempotency) {
    const stats = { unknown: /* @__PURE__ */ new Map(), missing: 0, invalid: 0 };
    const window2 = this.window.index;
    this.applyEvents(events, t, stats);
    const answer = acceptedAnswer(events.length, window2, stats);
    if (idempotency)
      this.idempotency.remember(idempotency.key, { t, digest: idempotency.digest, status: 202, body: answer });
    return { answer, stats };
  }
  /** Fleet mode: pairs Redis joined that this member holds a side of (a durable `x` record). */
  applyJoins(joins, t) {
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    this.labels?.remoteJoined(joins, t);
  }
  /**
   * Applies a durable label batch to the join and returns its 202 answer (remembered under the key, if any); replay of
   * its journal record gives the same answer. Without `labels:` (no join) the labels are counted nowhere.
   */
  applyLabels(batch, t, idempotency) {
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    const before = this.labels ? this.labels.counts.matched : 0;
    this.labels?.labelsArrived(batch, t);
    const answer = JSON.stringify({
      accepted: batch.ids.length,
      matched: this.labels ? this.labels.counts.matched - before : 0,
      waiting_labels: this.labels?.waitingLabels ?? 0
    });
    if (idempotency)
      this.idempotency.remember(idempotency.key, { t, digest: idempotency.digest, status: 202, body: answer });
    return { answer };
  }
  /** Applies a durable batch to the window(s), closing windows as they fill. */
  applyEvents(events, t, batch, clocks) {
    if (this.eventWindows) return this.applyByEventTime(this.eventWindows, events, t, batch, clocks);
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    this.maybeCloseByTime(t);
    const size = "size" in this.config.window ? this.config.window.size : Infinity;
    events.mapPredictions((p) => this.predictionValue(p));
    for (let from = 0; from < events.length; ) {
      if (this.window.events === 0 && this.window.startedAt === 0) this.startWindowAt(t);
      const to = Math.min(events.length, from + Math.max(1, size - this.window.events));
      this.window.addBatch(events, from, to, batch);
      const w = { index: this.window.index, start: this.window.startedAt };
      this.labels?.eventsAdded(events, from, to, w, t, this.window.measuredVersion ?? this.modelVersion, clocks);
      from = to;
      if (this.window.events >= size) this.closeWindow(t);
    }
    this.updateProgress(t);
  }
  /** A clock tick (journaled): closes a duration window whose time is up. */
  applyTick(t) {
    this.labels?.expire(t);
    if (this.eventWindows) {
      this.lastRecordAt = Math.max(this.lastRecordAt, t);
      this.closeEventWindows(this.eventWindows.takeDue(t));
      return this.updateProgress(t);
    }
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    this.maybeCloseByTime(t);
    this.updateProgress(t);
  }
  /**
   * True when a duration window with events is due to close at time t (the server then journals a tick). An empty
   * window is not reported, so it needs no tick: the next batch realigns it.
   */
  dueAt(t) {
    if (this.eventWindows) return this.eventWindows.dueAt(t);
    return "durationMs" in this.config.window && this.window.startedAt > 0 && this.window.events > 0 && t >= this.window.startedAt + this.config.window.durationMs;
  }
  /**
   * Event time: each event to the window of its ts; late, ts-less and far-future events are counted (metric, batch
   * answer), not added; then the windows whose end + allowed lateness the clock has passed close, oldest first.
   */
  applyByEventTime(windows, events, t, batch, clocks) {
    this.lastRecordAt = Math.max(this.lastRecordAt, t);
    events.mapPredictions((p) => this.predictionValue(p));
    const labels = this.labels;
    const modelVersion = this.modelVersion;
    const added = labels ? (w, from, to) => labels.eventsAdded(
      events,
      from,
      to,
      { index: -1, start: w.startedAt },
      t,
      w.measuredVersion ?? modelVersion,
      clocks
    ) : void 0;
    const counts = windows.add(events, t, batch, clocks, added);
    if (batch) {
      batch.late = (batch.late ?? 0) + counts.late;
      batch.invalidTs = (batch.invalidTs ?? 0) + counts.invalidTs + counts.futureTs;
    }
    this.closeEventWindows(windows.takeDue(t));
    this.updateProgress(t);
  }
  /** Closes event-time windows in order of start: each gets the next index and reports the late events since the last. */
  closeEventWindows(due) {
    for (const w of due) {
      w.index = this.window.index;
      this.labels?.windowClosed(w.startedAt, w.index, this.lastRecordAt);
      this.window = w;
      this.closeWindow(w.startedAt + this.eventWindows.durationMs);
    }
    this.window = new WindowState(this.layout, this.window.index, 0);
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
    const w = this.config.window;
    const aligned = "durationMs" in w && (this.options.fleet !== void 0 || w.time === "processing");
    const start = aligned ? Math.floor(t / w.durationMs) * w.durationMs : t;
    this.window = new WindowState(this.layout, this.window.index, start);
  }
  closeWindow(at) {
    const w = this.window;
    const report = this.reportOf(w, at);
    if (this.eventWindows) report.late_events = this.eventWindows.takeLate();
    const { drift, dataset_drifted: datasetDrifted } = report;
    this.recent.push(report);
    if (this.recent.length > this.config.keepWindows)
      this.recent.splice(0, this.recent.length - this.config.keepWindows);
    const file = join3(this.windowsDir, `${String(w.index).padStart(8, "0")}.json`);
    const text = stringifyContract(report, 2) + "\n";
    this.writes.run(`the window report ${file}`, () => writeFileSync(file, text));
    const old = w.index - this.config.keepWindows;
    if (old >= 0) {
      const oldFile = join3(this.windowsDir, `${String(old).padStart(8, "0")}.json`);
      this.writes.run(`the old window report ${oldFile}`, () => rmSync2(oldFile, { force: true }));
    }
    this.recordMetrics(report);
    this.performance?.windowClosed(report, at);
    this.options.log.info(
      {
        window: w.index,
        events: w.events,
        dataset_drifted: datasetDrifted,
        drifted: drift.drifted_features,
        ...this.predictionColumn !== null ? { prediction_drifted: report.prediction.drift?.drifted ?? null } : {}
      },
      drift.summary
    );
    if (this.options.fleet) {
      this.options.fleet.windowClosed(w);
      this.window = new WindowState(this.layout, w.index + 1, at);
      return;
    }
    const decision = decideAlerts(
      this.alert,
      { window: w.index, at, datasetDrifted, signals: windowSignals(report) },
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
    const fired = decision.reasons.length > 0 ? decision.reasons : ["drift"];
    const cause = { fired, sections: windowSignalSections(report, fired) };
    for (const action of ordered) this.recordAction(action, report, dispatched, cause);
    this.options.deployment?.windowClosed(report, this.alert);
    this.window = new WindowState(this.layout, w.index + 1, "size" in this.config.window ? 0 : at);
    if (this.pendingReference) this.applyReference(report);
  }
  /**
   * Production's calibration moves with production, at the same window boundary. One with another positive class is
   * not switched to (events are parsed at the running one's); a production without one stops the estimates.
   */
  switchEstimator(estimator, version) {
    const current = this.layout.estimator;
    if (estimator && current && estimator.calibration.positive_class !== current.calibration.positive_class) {
      this.options.log.warn(
        { model_version: version },
        "the new production's calibration has another positive class: the old calibration stays; restart the monitor to use it"
      );
      return;
    }
    if (estimator) this.layout.estimator = estimator;
    else {
      delete this.layout.estimator;
      this.options.log.warn(
        { model_version: version },
        "the new production has no calibration.json: no estimated performance until a version with one is production"
      );
    }
  }
  /** The model version of the last snapshot loaded (null: none, or a file reference). */
  snapshotModelVersion = null;
  /**
   * Switches the reference to `profile` (production `version`, null for a file) at the next window boundary, so no
   * window is measured against two references; at once when the open window has no events yet. The new profile must
   * describe the same features as the running one (names and kinds): windows and the journal are laid out by them.
   * Returns false (and changes nothing) when it does not.
   */
  switchReference(profile, version, label, estimator) {
    if (!this.hasSameFeatures(profile)) return false;
    this.pendingReference = { profile, version, label, ...estimator !== void 0 ? { estimator } : {} };
    const idle = this.eventWindows ? this.eventWindows.open.size === 0 : this.window.events === 0;
    if (idle) this.applyReference(null);
    return true;
  }
  /** Whether `profile` lays out the running features (names and kinds, after the skips) and has the prediction column. */
  hasSameFeatures(profile) {
    const col = this.predictionColumn;
    const features = col === null ? profile : { ...profile, columns: withoutKey(profile.columns, col) };
    const next = layoutOf(features, this.config.labels?.positiveClass);
    skipInLayout(next, monitorSkips(features, this.config.drift, this.target.name, this.config.file, this.target.from));
    return next.names.length === this.layout.names.length && next.names.every((n, i) => n === this.layout.names[i] && next.kinds[i] === this.layout.kinds[i]) && (col === null || Object.hasOwn(profile.columns, col));
  }
  /**
   * The reference `profile` (production `version`) as windows are measured and judged against it, or null when it
   * describes other features than the running one (names or kinds): windows and the journal are laid out by them.
   */
  judgedReference(profile, version, label, estimator) {
    if (!this.hasSameFeatures(profile)) return null;
    const current = this.layout.estimator;
    if (estimator && current && estimator.calibration.positive_class !== current.calibration.positive_class) {
      this.options.log.warn(
        { model_version: version },
        "this production's calibration has another positive class: the old calibration stays; restart the fleet to use it"
      );
      estimator = void 0;
    }
    const col = this.predictionColumn;
    const samples = sampleProfile(profile);
    const prediction = col === null ? null : samples.get(col) ?? null;
    if (col !== null) samples.delete(col);
    return {
      version,
      label,
      samples,
      prediction,
      ranges: referenceRanges(profile, this.layout),
      ...estimator !== void 0 ? { estimator } : {}
    };
  }
  /**
   * A fleet following production: every window is measured (ranges, calibration) and judged against the reference
   * `at` gives for its start (the fleet's plan), instead of the one switched to locally. Set before the snapshot loads.
   */
  followReferences(at) {
    this.judgedAt = at;
    this.layout.referenceAt = at;
  }
  /**
   * Applies the pending reference: a new production starts a new alert episode (streaks and the dispatch cooldown
   * reset: the old production's drift is not the new one's), and an open drift issue hears that production changed;
   * it closes after the clean windows, as the policy already does.
   */
  applyReference(lastReport) {
    const next = this.pendingReference;
    this.pendingReference = null;
    const previous = this.modelVersion;
    this.reference = sampleProfile(next.profile);
    this.layout.ranges = referenceRanges(next.profile, this.layout);
    if (this.window.events === 0) this.window = new WindowState(this.layout, this.window.index, this.window.startedAt);
    const col = this.predictionColumn;
    this.predictionReference = col === null ? null : this.reference.get(col) ?? null;
    if (col !== null) this.reference.delete(col);
    this.referenceLabel = next.label;
    if (next.estimator !== void 0) this.switchEstimator(next.estimator, next.version);
    this.modelVersion = next.version;
    this.options.metrics.modelVersionChanged(previous, next.version);
    this.options.log.info(
      { model_version: next.version, previous, window: this.window.index },
      next.version === null ? "reference reloaded" : `production is now ${next.version}: new reference from the next window`
    );
    if (next.version === null || next.version === previous) return;
    const at = lastReport?.closed_at ?? new Date(Math.max(this.lastRecordAt, 1)).toISOString();
    this.options.deployment?.loaded(next.version, this.window.index, at);
    this.alert = { ...INITIAL_ALERT_STATE, issueOpen: this.alert.issueOpen };
    if (this.alert.issueOpen) {
      const entry = productionChangedRequest(this.config, {
        version: next.version,
        previous,
        window: this.window.index,
        at
      });
      if (this.options.outbox.add(entry)) this.options.metrics.alerts.inc({ action: "issue.note" });
    }
  }
  /** The report of window `w` closed at `at`: drift of its features and predictions with the policy (no side effects). */
  reportOf(w, at) {
    const ref = this.judgedAt?.(w.startedAt) ?? null;
    const version = ref ? ref.version : this.modelVersion;
    const drift = detectDrift(
      {
        reference: ref?.samples ?? this.reference,
        current: w.samples(),
        referenceLabel: ref?.label ?? this.referenceLabel,
        currentLabel: `window ${w.index}`,
        skip: this.skips,
        quality: this.config.quality
      },
      this.config.drift
    );
    const prediction = this.predictionDrift(w, ref);
    const featuresVerdict = drift.features.length > 0 ? drift.dataset_drifted : null;
    const predictionVerdict = prediction.drift ? prediction.drift.drifted : null;
    const datasetDrifted = this.config.prediction.countsTowardDataset && predictionVerdict !== null ? featuresVerdict === true || predictionVerdict : featuresVerdict;
    const top = w.predictionCategorical.toJson();
    const report = {
      window: w.index,
      started_at: new Date(w.startedAt).toISOString(),
      closed_at: new Date(at).toISOString(),
      events: w.events,
      ...version !== null ? { model_version: version } : {},
      dataset_drifted: datasetDrifted,
      unknown_features: recordOf(w.unknown),
      prediction: {
        count: w.predictionNumeric.count + w.predictionCategorical.count,
        missing: w.predictionMissing,
        mean: w.predictionNumeric.finite > 0 ? w.predictionNumeric.mean : null,
        top: recordOf(top.values.slice(0, 20).map((v, i) => [v, top.counts[i]])),
        ...prediction
      },
      drift
    };
    const estimator = ref?.estimator !== void 0 ? ref.estimator : this.layout.estimator;
    if (estimator && this.config.estimation)
      report.estimated_performance = estimatedPerformanceReport(
        estimator,
        this.config.estimation,
        w.cbpe ?? new CbpeSketch(),
        w.cbpeMissing
      );
    return report;
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
  predictionDrift(w, judged) {
    const col = this.predictionColumn;
    const ref = judged ? judged.prediction : this.predictionReference;
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
        referenceLabel: judged?.label ?? this.referenceLabel,
        currentLabel: `window ${w.index} predictions`
      },
      this.config.drift
    );
    const drift = r.features[0] ?? null;
    return drift ? { column: col, drift } : { column: col, drift: null, skipped: r.skipped[0]?.reason ?? "not tested" };
  }
  recordAction(action, report, dispatched, cause) {
    const entry = buildAlertRequest(this.config, action, report, this.recent, dispatched, cause);
    if (this.options.outbox.add(entry)) {
      this.options.metrics.alerts.inc({ action });
      this.options.log.info({ action, id: entry.id }, "alert recorded in the outbox");
    }
  }
  recordMetrics(report) {
    const m = this.options.metrics;
    const modelVersion = report.model_version ?? null;
    const version = modelVersion !== null ? { model_version: modelVersion } : {};
    m.windowsClosed.inc(version);
    m.datasetDrifted.set(version, report.dataset_drifted ? 1 : 0);
    for (const f of report.drift.features) {
      const psi = f.tests.psi?.statistic;
      if (psi !== void 0) m.psi.set({ feature: f.name, ...version }, psi);
      const ks = f.tests.ks?.statistic;
      if (ks !== void 0) m.ks.set({ feature: f.name, ...version }, ks);
      m.featureDrifted.set({ feature: f.name, ...version }, f.drifted ? 1 : 0);
    }
    this.qualityMetrics.windowClosed(report.drift, modelVersion);
    const p = report.prediction.drift;
    if (p) {
      const psi = p.tests.psi?.statistic;
      if (psi !== void 0) m.predictionPsi.set(psi);
      const ks = p.tests.ks?.statistic;
      if (ks !== void 0) m.predictionKs.set(ks);
      m.predictionDrifted.set(p.drifted ? 1 : 0);
    }
    if (report.estimated_performance) this.estimationMetrics?.windowClosed(report.estimated_performance, modelVersion);
  }
  updateProgress(now) {
    const m = this.options.metrics;
    if (this.eventWindows) {
      const open4 = [...this.eventWindows.open.values()];
      m.windowEvents.set(open4.reduce((n, w2) => n + w2.events, 0));
      const { durationMs, latenessMs } = this.eventWindows;
      const oldest = Math.min(...open4.map((w2) => w2.startedAt));
      m.windowProgress.set(open4.length > 0 ? Math.max(0, Math.min(1, (now - oldest) / (durationMs + latenessMs))) : 0);
      return;
    }
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
    const columns2 = Object.keys(profile.columns);
    throw new ModelguardError(
      "config",
      `prediction.column: '${named}' is not a column of the reference profile ${config.reference}`,
      `name one of its columns (${columns2.slice(0, 10).join(", ")}${columns2.length > 10 ? ", ..." : ""}), or leave prediction.column unset`
    );
  }
  return named;
}
function checkDriftColumns(config, profile) {
  const unknown = Object.keys(config.drift.columns).filter((name) => !Object.hasOwn(profile.columns, name));
  if (unknown.length === 0) return;
  const names = (list) => list.slice(0, 10).map((n) => `'${n}'`).join(", ") + (list.length > 10 ? ` and ${list.length - 10} more` : "");
  throw new ModelguardError(
    "config",
    `${config.file}: drift.columns names ${unknown.length > 1 ? "columns" : "a column"} the reference profile lacks: ${names(unknown)} (profile ${config.reference})`,
    `names are case-sensitive; columns of the reference profile: ${names(Object.keys(profile.columns)) || "none"}`,
    { file: config.file }
  );
}
function withoutKey(record, key) {
  return recordOf(Object.entries(record).filter(([k]) => k !== key));
}

// monitor/reference/referenceTarget.ts
function referenceTargetOf(config, loaded) {
  if (config.target !== null) return {};
  if (loaded?.metrics?.target) {
    return {
      referenceTarget: {
        name: loaded.metrics.target,
        from: `the metrics.json of ${config.reference} v${loaded.version}`
      }
    };
  }
  const file = config.performance?.referenceMetrics;
  if (!file) return {};
  try {
    const target = readMetricsDocument(file).target;
    return target ? { referenceTarget: { name: target, from: file } } : {};
  } catch {
    return {};
  }
}

export {
  performanceRulesFrom,
  eventTimeOf,
  batchOfEvents,
  windowSignals,
  windowSignalSections,
  driftIssueMarker,
  repositoryOf,
  apiRootOf,
  webRootOf,
  buildAlertRequest,
  productionChangedRequest,
  alertMarker,
  resolveRunLink,
  crc32c,
  JournalUnavailableError,
  Journal,
  StateWrites,
  parkable,
  isParkable,
  Outbox,
  parseBatch,
  parseEventLine,
  isIdempotencyKey,
  bodyDigest,
  parseLabels,
  parseLabelLine,
  require_dist,
  require_prom_client,
  MonitorMetrics,
  ensureStateDirectory,
  ensureStateSubdirectory,
  INITIAL_ALERT_STATE,
  decideAlerts,
  WindowState,
  PerformanceMetrics,
  PerformanceWindows,
  productionMetricsOf,
  DriftMonitor,
  predictionColumnOf,
  checkDriftColumns,
  referenceTargetOf
};
