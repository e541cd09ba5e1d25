import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  writeProfile
} from "./chunk-7LHU6D6K.js";
import "./chunk-H5HJGWES.js";
import "./chunk-4SL7UKIU.js";
import "./chunk-R667OS6Q.js";
import "./chunk-MGSHJULD.js";
import "./chunk-GT6KQK6X.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  writeProfile
};
