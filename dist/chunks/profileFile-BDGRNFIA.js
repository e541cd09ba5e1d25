import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  writeProfile
} from "./chunk-O3GLGMYH.js";
import "./chunk-VVCJUKNG.js";
import "./chunk-SJ6FC7J3.js";
export {
  MAX_PROFILE_BYTES,
  isProfilePath,
  readProfile,
  writeProfile
};
