import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  loadEstimator
} from "./chunk-6HTKNVUN.js";
import "./chunk-IN4FC3XQ.js";
import "./chunk-DBRIWJPI.js";
import "./chunk-BERRGJKQ.js";
import "./chunk-WKNXAUPU.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";
export {
  loadEstimator
};
