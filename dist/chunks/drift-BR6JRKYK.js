import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  policyFromFlags,
  registerDrift
} from "./chunk-5B3AU7QE.js";
import "./chunk-T6YKG5IH.js";
import "./chunk-MQRBWMWB.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-WVMWPFZZ.js";
import "./chunk-JLCG6PKP.js";
import "./chunk-TEZLB7RM.js";
import "./chunk-SNVIQALC.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  policyFromFlags,
  registerDrift
};
