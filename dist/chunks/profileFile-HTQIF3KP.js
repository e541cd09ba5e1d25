import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  wholeProfileParts,
  writeProfile,
  writeProfileParts
} from "./chunk-OX5IJE7Z.js";
import "./chunk-H5HJGWES.js";
import "./chunk-R667OS6Q.js";
import "./chunk-WGMHYXJD.js";
import "./chunk-MGSHJULD.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  wholeProfileParts,
  writeProfile,
  writeProfileParts
};
