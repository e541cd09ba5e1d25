import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  isProfilePath,
  readProfile,
  writeProfile
} from "./chunk-2GS3UWSJ.js";
import "./chunk-WVMWPFZZ.js";
import "./chunk-JLCG6PKP.js";
import "./chunk-ICTC3HKU.js";
import "./chunk-A3WDWWYJ.js";
import "./chunk-3DORHFRE.js";
export {
  isProfilePath,
  readProfile,
  writeProfile
};
