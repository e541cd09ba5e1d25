import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  authorizedBy,
  ingestAuthFromEnv,
  isLoopback
} from "./chunk-IGTOLYJ2.js";
import "./chunk-7XDOXOVQ.js";
import "./chunk-3DORHFRE.js";
export {
  authorizedBy,
  ingestAuthFromEnv,
  isLoopback
};
