import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { ModelguardError } from "../../errors.js";
import { readOnnxGraphInfo } from "./readOnnxGraphInfo.js";

/**
 * Intra-op threads do not spin after a run: between two batches the JavaScript thread fills the next batch, and
 * spinning workers would take the CPU from it (on 2 cores, filling took 3x longer and the runs 2x).
 */
const SESSION_OPTIONS: InferenceSession.SessionOptions = {
  extra: { session: { intra_op: { allow_spinning: "0" } } },
};

/**
 * onnxruntime-node, loaded on first use: only the commands that run models pay for it (about 15 MB of RSS and its
 * native library), so validate, drift, profile and the monitor start without it.
 *
 * Its Linux build (1.30) starts Microsoft's telemetry (the 1DS C++ SDK) when the first session creates the runtime's
 * environment: every process leaves an empty `mat-debug-<pid>.log` and a `.ses` file in TMPDIR, and the SDK may upload
 * usage events. No session option or log setting stops it; ORT_DISABLE_TELEMETRY, read at that moment, turns all of it
 * off, so it is set before any session is made (unless the user set it), through the real environment that
 * assigning process.env changes.
 */
let runtime: Promise<typeof import("onnxruntime-node")> | undefined;
export function loadOnnxRuntime(): Promise<typeof import("onnxruntime-node")> {
  process.env.ORT_DISABLE_TELEMETRY ??= "1";
  return (runtime ??= import("onnxruntime-node"));
}

/** An ONNX model ready to run, with what evaluation needs to know about it. */
export interface OnnxModel {
  /** The path as given, used in every message. */
  path: string;
  sha256: string;
  bytes: number;
  session: InferenceSession;
  /** The runtime's Tensor class, for the session's inputs. */
  Tensor: typeof Tensor;
  inputs: readonly InferenceSession.ValueMetadata[];
  outputs: readonly InferenceSession.ValueMetadata[];
  /** `metadata_props` of the model (key -> value). */
  metadata: ReadonlyMap<string, string>;
  /** Labels of the model's ai.onnx.ml classifier node, see readOnnxGraphInfo. */
  classifierLabels?: string[];
}

/**
 * Reads an ONNX file and opens an onnxruntime session on its bytes (`InferenceSession.create(bytes, options)`, with
 * spinning intra-op threads turned off, see SESSION_OPTIONS). A missing or
 * unreadable file, or bytes onnxruntime cannot load, is a ModelguardError "model" naming the file.
 *
 * Example: const model = await loadOnnxModel("fixtures/models/wine_softmax.onnx"); model.inputs[0].name -> "features"
 */
export async function loadOnnxModel(path: string): Promise<OnnxModel> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ModelguardError(
      "model",
      code === "ENOENT" ? `model file not found: ${path}` : `cannot read model file ${path}: ${(e as Error).message}`,
      "pass the path of an .onnx file with --model",
      { file: path },
    );
  }
  return openOnnxModel(path, bytes);
}

/** loadOnnxModel for bytes already in memory; `path` names them in messages. */
export async function openOnnxModel(path: string, bytes: Uint8Array): Promise<OnnxModel> {
  const ort = await loadOnnxRuntime();
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, SESSION_OPTIONS);
  } catch (e) {
    const reason = (e as Error).message;
    const notOnnx = /protobuf parsing failed|no graph/i.test(reason) || bytes.length === 0;
    throw new ModelguardError(
      "model",
      notOnnx
        ? `${path} is not an ONNX model (onnxruntime: ${reason})`
        : `onnxruntime cannot load the model ${path}: ${reason}`,
      notOnnx
        ? "pass a .onnx file (export with skl2onnx, torch.onnx.export, tf2onnx or `modelguard train`)"
        : "check the model with onnx.checker.check_model, and that its opsets are supported by onnxruntime 1.30",
      { file: path },
    );
  }
  let info;
  try {
    info = readOnnxGraphInfo(bytes);
  } catch (e) {
    await session.release();
    throw new ModelguardError(
      "model",
      `${path}: cannot read the model's metadata: ${(e as Error).message}`,
      "re-export the model; onnxruntime loads it but its protobuf does not decode",
      { file: path },
    );
  }
  return {
    path,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.length,
    session,
    Tensor: ort.Tensor,
    inputs: session.inputMetadata,
    outputs: session.outputMetadata,
    metadata: info.metadata,
    ...(info.classifierLabels ? { classifierLabels: info.classifierLabels } : {}),
  };
}

/** "input (float32 [?, 30])", "output_probability (a sequence or map, not a tensor)": how messages list a model's values. */
export function describeModelValue(v: InferenceSession.ValueMetadata): string {
  if (!v.isTensor) return `${v.name} (a sequence or map, not a tensor)`;
  const dims = v.shape.map((d) => (typeof d === "number" ? String(d) : d === "" ? "?" : d));
  return `${v.name} (${v.type} [${dims.join(", ")}])`;
}

/**
 * A JSON array of labels stored in the model's metadata under `key` (e.g. `feature_names`, `classes`), as text;
 * undefined when the key is absent. A value that is not a JSON array of strings or numbers is a "model" error.
 */
export function metadataLabels(model: OnnxModel, key: string): string[] | undefined {
  const raw = model.metadata.get(key);
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length === 0 ||
    !parsed.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))
  )
    throw new ModelguardError(
      "model",
      `${model.path}: metadata '${key}' must be a JSON array of strings, got ${JSON.stringify(raw.slice(0, 200))}`,
      `store it as json.dumps(list_of_names) in the model's metadata_props, or remove the '${key}' entry`,
      { file: model.path },
    );
  return parsed.map(String);
}
