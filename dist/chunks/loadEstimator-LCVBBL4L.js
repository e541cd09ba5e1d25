import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  loadEstimator
} from "./chunk-NXY5ECHY.js";
import "./chunk-IN4FC3XQ.js";
import "./chunk-J6ENOHIP.js";
import "./chunk-OE5TUCQQ.js";
import "./chunk-XEIPHY3H.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  loadEstimator
};
