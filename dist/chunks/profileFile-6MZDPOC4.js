import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  writeProfile
} from "./chunk-OW4Q7UEO.js";
import "./chunk-5ELNIL3S.js";
import "./chunk-4SL7UKIU.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  writeProfile
};
