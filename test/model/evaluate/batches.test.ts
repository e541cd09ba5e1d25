import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { fillRowMajor } from "../../../src/model/evaluate/batchFeeders.js";
import { evaluateModel } from "../../../src/model/evaluate/evaluateModel.js";

const REF = JSON.parse(readFileSync("fixtures/models/evaluate_reference.json", "utf8")) as Record<
  string,
  { data: string; target: string; y_true: number[] }
>;

test("batch sizes that do not divide N give results identical to one batch, for every fixture", async () => {
  // Without padding short batches to MIN_BATCH_ROWS, sizes 1-4 (and a last batch of 1 row) differ in the last bit
  // for the LinearClassifier and float64 models: onnxruntime picks other kernels for such shapes.
  for (const [name, ref] of Object.entries(REF)) {
    if (name === "wine_zipmap.onnx") continue;
    const n = ref.y_true.length;
    const run = (batchSize: number) =>
      evaluateModel({ model: `fixtures/models/${name}`, data: ref.data, target: ref.target, batchSize });
    const one = await run(n);
    assert.ok(n % 64 !== 0 && n % (n - 1) !== 0);
    for (const batchSize of [1, 2, 3, 4, 7, 64, n - 1, n + 5]) {
      const other = await run(batchSize);
      assert.deepEqual(other.predictions, one.predictions, `${name} with --batch-size ${batchSize}`);
      assert.deepEqual(other.document.metrics, one.document.metrics, `${name} with --batch-size ${batchSize}`);
    }
  }
});

test("fillRowMajor writes rows [start, start + count) row-major, any width (the 4-column unroll and its rest)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 11 }),
      fc.integer({ min: 1, max: 5000 }),
      fc.nat(),
      fc.nat(),
      (width, n, a, b) => {
        const columns = Array.from({ length: width }, (_, j) =>
          Float64Array.from({ length: n }, (_, i) => i * 100 + j + 0.5),
        );
        const start = a % n;
        const count = (b % (n - start)) + 1;
        const out = new Float32Array(count * width + 3).fill(-1);
        fillRowMajor(columns, start, count, out);
        for (let i = 0; i < count; i++)
          for (let j = 0; j < width; j++) if (out[i * width + j] !== Math.fround(columns[j]![start + i]!)) return false;
        return out[count * width] === -1;
      },
    ),
    { numRuns: 200 },
  );
  const out = new Float64Array(4);
  fillRowMajor([Float64Array.of(1, 2), Float64Array.of(3, 4)], 0, 2, out);
  assert.deepEqual(Array.from(out), [1, 3, 2, 4]);
});
