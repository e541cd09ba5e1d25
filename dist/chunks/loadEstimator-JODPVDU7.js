import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  loadEstimator
} from "./chunk-2LDQHAWQ.js";
import "./chunk-IN4FC3XQ.js";
import "./chunk-CYI3XW5F.js";
import "./chunk-TGCJTMAX.js";
import "./chunk-GAJENTY3.js";
import "./chunk-O4PLZMTN.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  loadEstimator
};
