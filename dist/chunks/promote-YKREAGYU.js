import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_REASON_CHARS,
  reasonOption,
  registerPromote,
  withRegistryOptions
} from "./chunk-QQYJQ6XL.js";
import "./chunk-XDY5RDQS.js";
import "./chunk-XLYBM3RQ.js";
import "./chunk-U7X3RWMU.js";
import "./chunk-THPBWX3L.js";
import "./chunk-3UYQ2NEW.js";
import "./chunk-SVB6GALK.js";
import "./chunk-R76QSMTJ.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-WXBTRI2Y.js";
import "./chunk-YGNMLOBJ.js";
import "./chunk-LNMG3F5P.js";
import "./chunk-4NQ5B76I.js";
import "./chunk-VU4YWOGW.js";
import "./chunk-NZDUHHNH.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-QIDGOCBZ.js";
import "./chunk-MQ27DKMH.js";
import "./chunk-P2J2VFRT.js";
import "./chunk-72K2B37S.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-3YGHXF46.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-P7NLGKQ7.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-OE5TUCQQ.js";
import "./chunk-JAESPC6T.js";
import "./chunk-BDOT62NU.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  MAX_REASON_CHARS,
  reasonOption,
  registerPromote,
  withRegistryOptions
};
