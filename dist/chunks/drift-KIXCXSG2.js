import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  policyFromFlags,
  registerDrift
} from "./chunk-6APYSW3U.js";
import "./chunk-T6YKG5IH.js";
import "./chunk-2GS3UWSJ.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-WVMWPFZZ.js";
import "./chunk-JLCG6PKP.js";
import "./chunk-7PZ5DIST.js";
import "./chunk-ICTC3HKU.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  policyFromFlags,
  registerDrift
};
