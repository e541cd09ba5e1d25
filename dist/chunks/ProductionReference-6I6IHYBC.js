import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ProductionReference
} from "./chunk-TJJUXOGU.js";
import "./chunk-2IMFPSCW.js";
import "./chunk-663REROH.js";
import "./chunk-U7X3RWMU.js";
import "./chunk-AE6ET32Z.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-LNMG3F5P.js";
import "./chunk-4NQ5B76I.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-72K2B37S.js";
import "./chunk-ALM73KK2.js";
import "./chunk-7LHU6D6K.js";
import "./chunk-H5HJGWES.js";
import "./chunk-4SL7UKIU.js";
import "./chunk-F2ISEWNZ.js";
import "./chunk-R667OS6Q.js";
import "./chunk-MGSHJULD.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  ProductionReference
};
