import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  isProfilePath,
  readProfile,
  writeProfile
} from "./chunk-MQRBWMWB.js";
import "./chunk-WVMWPFZZ.js";
import "./chunk-JLCG6PKP.js";
import "./chunk-SNVIQALC.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  isProfilePath,
  readProfile,
  writeProfile
};
