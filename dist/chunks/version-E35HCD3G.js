import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-JBZJQFLZ.js";
import "./chunk-3DORHFRE.js";
export {
  VERSION
};
