import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  readProjectConfig
} from "./chunk-CIHEETR2.js";
import "./chunk-J3DWLQHK.js";
import "./chunk-BERRGJKQ.js";
import "./chunk-CV6AQ6IM.js";
import "./chunk-MYIUVGO5.js";
import "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";
export {
  readProjectConfig
};
