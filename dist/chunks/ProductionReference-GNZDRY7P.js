import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  ProductionReference
} from "./chunk-4VN46AOC.js";
import "./chunk-QDHZ7MH3.js";
import "./chunk-Z2HOCP5K.js";
import "./chunk-OWFMNSQG.js";
import "./chunk-OW4Q7UEO.js";
import "./chunk-5ELNIL3S.js";
import "./chunk-4SL7UKIU.js";
import "./chunk-FVTIIIIB.js";
import "./chunk-3DORHFRE.js";
export {
  ProductionReference
};
