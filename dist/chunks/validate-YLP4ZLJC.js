import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  registerValidate,
  validateFiles
} from "./chunk-2WZFVQ4Y.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-WVMWPFZZ.js";
import "./chunk-72K2B37S.js";
import "./chunk-JLCG6PKP.js";
import "./chunk-O2O4PZUO.js";
import "./chunk-TEZLB7RM.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-SNVIQALC.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  registerValidate,
  validateFiles
};
