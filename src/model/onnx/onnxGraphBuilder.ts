import { onnxAttribute, type OnnxAttributeValue } from "./onnxAttribute.js";
import type { OnnxElementType } from "./onnxElementType.js";
import { onnx, type OnnxProto } from "./onnxProto.js";
import { onnxTensor, type OnnxTensorValue } from "./onnxTensor.js";
import { onnxValueInfo, type OnnxDim } from "./onnxValueInfo.js";

export interface OnnxNodeOptions {
  /** Operator set domain: "" (the default, ai.onnx) or e.g. "ai.onnx.ml". */
  domain?: string;
  attributes?: Record<string, OnnxAttributeValue>;
}

export interface OnnxModelOptions {
  /** Opset version for every domain the graph uses; "" (ai.onnx) is always imported. */
  opsets: Record<string, number>;
  producerName: string;
  producerVersion?: string;
  docString?: string;
  /** metadata_props, written in insertion order. */
  metadata?: Record<string, string>;
}

/** The ONNX IR version we write: 8 is what onnx-proto's onnx.proto describes and every current runtime reads. */
export const ONNX_IR_VERSION = 8;

/**
 * A small, checked way to write an ONNX graph. Nodes are added in topological order, and the builder refuses a node
 * that reads a value nobody defined or writes a name already taken, so a mistake surfaces where it is made, in
 * JavaScript, instead of as a runtime's "invalid graph" message later. Names are never invented silently: `fresh`
 * gives a name no value uses yet (and no name passed to `reserve`).
 *
 * Example:
 *   const g = new OnnxGraphBuilder("affine");
 *   g.addInput("x", "float", ["N", 2]);
 *   const w = g.addInitializer(g.fresh("W"), { type: "float", dims: [2, 1], values: [1, 2] });
 *   g.addNode("MatMul", ["x", w], ["y"]);
 *   g.addOutput("y", "float", ["N", 1]);
 *   const bytes = g.toBytes({ opsets: { "": 17 }, producerName: "modelguard" });
 */
export class OnnxGraphBuilder {
  private readonly inputs: OnnxProto.ValueInfoProto[] = [];
  private readonly outputs: OnnxProto.ValueInfoProto[] = [];
  private readonly valueInfos: OnnxProto.ValueInfoProto[] = [];
  private readonly initializers: OnnxProto.TensorProto[] = [];
  private readonly nodes: OnnxProto.NodeProto[] = [];
  /** Every value that exists: inputs, initializers, node outputs. */
  private readonly defined = new Set<string>();
  /** Names callers will use later (graph outputs), kept away from `fresh`. */
  private readonly reserved = new Set<string>();
  private readonly domains = new Set<string>([""]);

  constructor(readonly name: string) {}

  /** Keeps `names` out of what `fresh` hands out (e.g. output names the graph defines at its end). */
  reserve(...names: string[]): void {
    for (const n of names) this.reserved.add(n);
  }

  /** `prefix` if no value or reservation uses it, else `prefix_1`, `prefix_2`, ... */
  fresh(prefix: string): string {
    if (!this.taken(prefix)) return prefix;
    for (let k = 1; ; k++) {
      const candidate = `${prefix}_${k}`;
      if (!this.taken(candidate)) return candidate;
    }
  }

  addInput(name: string, type: OnnxElementType, shape: readonly OnnxDim[]): string {
    this.define(name, `input ${name}`);
    this.inputs.push(onnxValueInfo(name, type, shape));
    return name;
  }

  addInitializer(name: string, value: OnnxTensorValue): string {
    this.define(name, `initializer ${name}`);
    this.initializers.push(onnxTensor(name, value));
    return name;
  }

  /** Adds a node and returns its output names. An empty string in `inputs` is ONNX's "optional input left out". */
  addNode(
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[],
    options: OnnxNodeOptions = {},
  ): string[] {
    for (const i of inputs)
      if (i !== "" && !this.defined.has(i)) throw new Error(`node ${opType}: input '${i}' is not defined yet`);
    if (outputs.length === 0) throw new Error(`node ${opType}: needs at least one output`);
    const domain = options.domain ?? "";
    const node = onnx.NodeProto.create({
      name: `${opType}_${this.nodes.length}`,
      opType,
      domain,
      input: [...inputs],
      output: [...outputs],
      attribute: Object.entries(options.attributes ?? {}).map(([k, v]) => onnxAttribute(k, v)),
    });
    const fresh = new Set<string>();
    for (const o of outputs) {
      if (o === "" || this.defined.has(o) || fresh.has(o))
        throw new Error(`output of ${opType}: the name '${o}' is ${o === "" ? "empty" : "already used"}`);
      fresh.add(o);
    }
    for (const o of outputs) this.defined.add(o);
    this.domains.add(domain);
    this.nodes.push(node);
    return [...outputs];
  }

  /** Declares an existing value as a graph output. */
  addOutput(name: string, type: OnnxElementType, shape: readonly OnnxDim[]): void {
    if (!this.defined.has(name)) throw new Error(`graph output '${name}' is not defined`);
    if (this.outputs.some((o) => o.name === name)) throw new Error(`graph output '${name}' is declared twice`);
    this.outputs.push(onnxValueInfo(name, type, shape));
  }

  /**
   * Declares the type and shape of an intermediate value (graph.value_info). Needed after operators whose schema has
   * no type inference (onnx 1.12's ai.onnx.ml OneHotEncoder, for one): without it, the checker's strict shape
   * inference stops at the next node.
   */
  declareValue(name: string, type: OnnxElementType, shape: readonly OnnxDim[]): void {
    if (!this.defined.has(name)) throw new Error(`value '${name}' is not defined`);
    this.valueInfos.push(onnxValueInfo(name, type, shape));
  }

  /** The serialized ModelProto. Same calls in the same order give the same bytes. */
  toBytes(options: OnnxModelOptions): Uint8Array {
    const opsetImport = [...this.domains].sort().map((domain) => {
      const version = options.opsets[domain];
      if (version === undefined) throw new Error(`the graph uses domain '${domain}' but no opset version was given`);
      return { domain, version };
    });
    const graph = onnx.GraphProto.create({
      name: this.name,
      input: this.inputs,
      output: this.outputs,
      initializer: this.initializers,
      node: this.nodes,
      valueInfo: this.valueInfos,
    });
    const model = onnx.ModelProto.create({
      irVersion: ONNX_IR_VERSION,
      opsetImport,
      producerName: options.producerName,
      producerVersion: options.producerVersion ?? "",
      docString: options.docString ?? "",
      graph,
      metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    });
    return onnx.ModelProto.encode(model).finish();
  }

  private taken(name: string): boolean {
    return this.defined.has(name) || this.reserved.has(name);
  }

  private define(name: string, what: string): void {
    if (name === "") throw new Error(`${what}: empty name`);
    if (this.defined.has(name)) throw new Error(`${what}: the name '${name}' is already used`);
    this.defined.add(name);
  }
}
