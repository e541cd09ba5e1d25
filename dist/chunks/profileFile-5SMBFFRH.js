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
} from "./chunk-4VXYNFVR.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-63HQ5WJE.js";
import "./chunk-BERRGJKQ.js";
import "./chunk-WKNXAUPU.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-7XDOXOVQ.js";
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
