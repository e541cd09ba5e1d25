import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  emitReport,
  readResult,
  registerReport,
  withReportOptions
} from "./chunk-YKBFNBOH.js";
import "./chunk-XLYBM3RQ.js";
import "./chunk-SVB6GALK.js";
import "./chunk-R76QSMTJ.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-YGNMLOBJ.js";
import "./chunk-4NQ5B76I.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-SP5Y4SAF.js";
import "./chunk-72K2B37S.js";
import "./chunk-3YGHXF46.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-TGCJTMAX.js";
import "./chunk-GAJENTY3.js";
import "./chunk-O4PLZMTN.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  emitReport,
  readResult,
  registerReport,
  withReportOptions
};
