import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  registerValidate,
  validateFiles
} from "./chunk-CFZMBTN6.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-WVMWPFZZ.js";
import "./chunk-72K2B37S.js";
import "./chunk-JLCG6PKP.js";
import "./chunk-Z2HQZFGL.js";
import "./chunk-7PZ5DIST.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-ICTC3HKU.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  registerValidate,
  validateFiles
};
