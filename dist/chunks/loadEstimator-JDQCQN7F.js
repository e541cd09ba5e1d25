import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  loadEstimator
} from "./chunk-WPGBLHWI.js";
import "./chunk-IN4FC3XQ.js";
import "./chunk-F2ISEWNZ.js";
import "./chunk-R667OS6Q.js";
import "./chunk-MGSHJULD.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  loadEstimator
};
