import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  isProfilePath,
  readProfile,
  writeProfile
} from "./chunk-CDJYQYCS.js";
import "./chunk-5COBLCEW.js";
export {
  isProfilePath,
  readProfile,
  writeProfile
};
