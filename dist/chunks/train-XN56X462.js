import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  registerTrain
} from "./chunk-HAY5ZQTF.js";
import "./chunk-JBZJQFLZ.js";
import "./chunk-O2O4PZUO.js";
import "./chunk-TEZLB7RM.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-SNVIQALC.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  registerTrain
};
