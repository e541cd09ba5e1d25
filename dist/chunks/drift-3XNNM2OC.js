import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  policyFromFlags,
  registerDrift
} from "./chunk-TGOQS43V.js";
import "./chunk-T6YKG5IH.js";
import "./chunk-IPTPWGLV.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-WVMWPFZZ.js";
import "./chunk-JLCG6PKP.js";
import "./chunk-TBSY2KZH.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  policyFromFlags,
  registerDrift
};
