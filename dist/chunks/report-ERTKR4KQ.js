import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  emitReport,
  readResult,
  registerReport,
  withReportOptions
} from "./chunk-ZJAEGF6K.js";
import "./chunk-XLYBM3RQ.js";
import "./chunk-SVB6GALK.js";
import "./chunk-56NJ2FAC.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-ZMVQBOI5.js";
import "./chunk-J6QFQCEU.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-BERRGJKQ.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-TXLO3S3N.js";
import "./chunk-72K2B37S.js";
import "./chunk-3YGHXF46.js";
import "./chunk-WKNXAUPU.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";
export {
  emitReport,
  readResult,
  registerReport,
  withReportOptions
};
