import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ProductionReference
} from "./chunk-GWR2BDCT.js";
import "./chunk-RHDI7ADI.js";
import "./chunk-O4L7E7A5.js";
import "./chunk-7DF57UJG.js";
import "./chunk-56NJ2FAC.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-DBRIWJPI.js";
import "./chunk-YFEKVSLM.js";
import "./chunk-J6QFQCEU.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-4VXYNFVR.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-63HQ5WJE.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-BERRGJKQ.js";
import "./chunk-72K2B37S.js";
import "./chunk-WKNXAUPU.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";
export {
  ProductionReference
};
