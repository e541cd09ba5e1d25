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
} from "./chunk-P7NLGKQ7.js";
import "./chunk-NXWTCSVE.js";
import "./chunk-OE5TUCQQ.js";
import "./chunk-JAESPC6T.js";
import "./chunk-BDOT62NU.js";
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
