import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ProductionReference
} from "./chunk-L3SH6RYR.js";
import "./chunk-OOP3WJYH.js";
import "./chunk-663REROH.js";
import "./chunk-U7X3RWMU.js";
import "./chunk-F2ISEWNZ.js";
import "./chunk-X7XVCWDR.js";
import "./chunk-BPVXUAZL.js";
import "./chunk-LNMG3F5P.js";
import "./chunk-4NQ5B76I.js";
import "./chunk-KXKSH3KJ.js";
import "./chunk-R7MEBYWB.js";
import "./chunk-22WMU2UJ.js";
import "./chunk-IX27OB3T.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-72K2B37S.js";
import "./chunk-IXAQPRDD.js";
import "./chunk-OX5IJE7Z.js";
import "./chunk-H5HJGWES.js";
import "./chunk-R667OS6Q.js";
import "./chunk-WGMHYXJD.js";
import "./chunk-MGSHJULD.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  ProductionReference
};
