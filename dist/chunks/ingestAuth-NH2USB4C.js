import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  authorizedBy,
  ingestAuthFromEnv,
  isLoopback
} from "./chunk-L2SJHJ2M.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  authorizedBy,
  ingestAuthFromEnv,
  isLoopback
};
