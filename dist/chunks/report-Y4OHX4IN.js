import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  emitReport,
  readResult,
  registerReport,
  withReportOptions
} from "./chunk-AFVOULVQ.js";
import "./chunk-LKZV3K4F.js";
import "./chunk-JBZJQFLZ.js";
import "./chunk-72K2B37S.js";
import "./chunk-JLCG6PKP.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-ICTC3HKU.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  emitReport,
  readResult,
  registerReport,
  withReportOptions
};
