import onnxProto from "onnx-proto";

/** What evaluation reads from an ONNX file besides what onnxruntime reports: metadata and classifier labels. */
export interface OnnxGraphInfo {
  /** The model's `metadata_props` (key -> value), e.g. `feature_names` and `classes` as JSON arrays. */
  metadata: ReadonlyMap<string, string>;
  /**
   * The class labels of the model's ai.onnx.ml classifier node (LinearClassifier, TreeEnsembleClassifier,
   * SVMClassifier: its `classlabels_strings` or `classlabels_ints`/`classlabels_int64s`, as text), when the main graph
   * has exactly one such node or all of them agree. This is how a skl2onnx classifier, which stores no metadata,
   * still tells the order of its probability columns (scikit-learn's `classes_`).
   */
  classifierLabels?: string[];
}

const CLASSIFIERS = new Set(["LinearClassifier", "TreeEnsembleClassifier", "SVMClassifier"]);

/**
 * Decodes the ModelProto of `bytes` (onnx-proto) and returns its metadata and classifier labels. Throws what the
 * protobuf decoder throws when the bytes are not a ModelProto; callers load the bytes with onnxruntime first.
 *
 * Example: readOnnxGraphInfo(readFileSync("wine_label_proba.onnx")).classifierLabels
 *   -> ["cultivar_a", "cultivar_b", "cultivar_c"]
 */
export function readOnnxGraphInfo(bytes: Uint8Array): OnnxGraphInfo {
  const model = onnxProto.onnx.ModelProto.decode(bytes);
  const metadata = new Map<string, string>();
  for (const entry of model.metadataProps ?? []) if (entry.key) metadata.set(entry.key, entry.value ?? "");
  const decoder = new TextDecoder();
  const found: string[][] = [];
  for (const node of model.graph?.node ?? []) {
    if (node.domain !== "ai.onnx.ml" || !CLASSIFIERS.has(node.opType ?? "")) continue;
    for (const attr of node.attribute ?? []) {
      if (!attr.name?.startsWith("classlabels_")) continue;
      if (attr.strings && attr.strings.length > 0) found.push(attr.strings.map((s) => decoder.decode(s)));
      else if (attr.ints && attr.ints.length > 0) found.push(attr.ints.map((v) => String(v)));
    }
  }
  const first = found[0];
  const agree =
    first !== undefined && found.every((l) => l.length === first.length && l.every((v, i) => v === first[i]));
  return agree ? { metadata, classifierLabels: first } : { metadata };
}
