import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  registerTrain
} from "./chunk-SKE3JBN5.js";
import "./chunk-JBZJQFLZ.js";
import "./chunk-O2O4PZUO.js";
import "./chunk-TBSY2KZH.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  registerTrain
};
