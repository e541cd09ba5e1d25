import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  loadEstimator
} from "./chunk-DXCFOF7M.js";
import "./chunk-IN4FC3XQ.js";
import "./chunk-THPBWX3L.js";
import "./chunk-OE5TUCQQ.js";
import "./chunk-BDOT62NU.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  loadEstimator
};
