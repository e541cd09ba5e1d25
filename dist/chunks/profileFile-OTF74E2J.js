import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  writeProfile
} from "./chunk-X5TSTOAB.js";
import "./chunk-J3THV3KH.js";
import "./chunk-SJ6FC7J3.js";
export {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  writeProfile
};
