import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  reviveColumn,
  wholeProfileParts,
  writeProfile,
  writeProfileParts
} from "./chunk-Z3AR7IC5.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-OE5TUCQQ.js";
import "./chunk-WGMHYXJD.js";
import "./chunk-XEIPHY3H.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  reviveColumn,
  wholeProfileParts,
  writeProfile,
  writeProfileParts
};
