import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_REASON_CHARS,
  reasonOption,
  registerPromote,
  withRegistryOptions
} from "./chunk-H7JMADJS.js";
import "./chunk-YKBFNBOH.js";
import "./chunk-XLYBM3RQ.js";
import "./chunk-U7X3RWMU.js";
import "./chunk-CYI3XW5F.js";
import "./chunk-CSQL75U2.js";
import "./chunk-SVB6GALK.js";
import "./chunk-R76QSMTJ.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-XZODUTQJ.js";
import "./chunk-YGNMLOBJ.js";
import "./chunk-LNMG3F5P.js";
import "./chunk-4NQ5B76I.js";
import "./chunk-ARJTPZQM.js";
import "./chunk-RQWCPFAN.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-MQ27DKMH.js";
import "./chunk-SP5Y4SAF.js";
import "./chunk-72K2B37S.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-3YGHXF46.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-U75WXFYB.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-TGCJTMAX.js";
import "./chunk-LGMZ3HD6.js";
import "./chunk-GAJENTY3.js";
import "./chunk-O4PLZMTN.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  MAX_REASON_CHARS,
  reasonOption,
  registerPromote,
  withRegistryOptions
};
