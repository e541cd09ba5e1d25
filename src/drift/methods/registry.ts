import { chisquare } from "./chisquare.js";
import type { DriftMethod, MethodName } from "./driftMethod.js";
import { jensenshannon } from "./jensenshannon.js";
import { ks } from "./ks.js";
import { psi } from "./psi.js";
import { wasserstein } from "./wasserstein.js";

export const DRIFT_METHODS: Record<MethodName, DriftMethod> = { ks, psi, chisquare, jensenshannon, wasserstein };
