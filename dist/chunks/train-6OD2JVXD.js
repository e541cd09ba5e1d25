import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  registerTrain
} from "./chunk-DKJB5IIV.js";
import "./chunk-JBZJQFLZ.js";
import "./chunk-Z2HQZFGL.js";
import "./chunk-7PZ5DIST.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-ICTC3HKU.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  registerTrain
};
