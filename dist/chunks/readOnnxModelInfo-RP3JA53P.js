import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  readOnnxModelInfo
} from "./chunk-4I23L6NI.js";
import "./chunk-SMSJON5I.js";
import "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";
export {
  readOnnxModelInfo
};
