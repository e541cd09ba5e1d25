import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  isProfilePath,
  readProfile,
  writeProfile
} from "./chunk-LVJE2LFJ.js";
import "./chunk-OOT3UCZT.js";
import "./chunk-SJ6FC7J3.js";
export {
  isProfilePath,
  readProfile,
  writeProfile
};
