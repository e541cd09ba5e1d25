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
} from "./chunk-U75WXFYB.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-TGCJTMAX.js";
import "./chunk-LGMZ3HD6.js";
import "./chunk-GAJENTY3.js";
import "./chunk-O4PLZMTN.js";
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
