import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import {
  ContractList,
  contractNumber,
  stringifyContract,
  stringifyContractParts,
} from "../../src/contracts/contractJson.js";
import { readMetricsDocument } from "../../src/compare/readMetricsDocument.js";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mg-contract-json-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("stringifyContract writes non-finite numbers as strings a reader can tell from null; contractNumber reads them", () => {
  const text = stringifyContract({ a: Infinity, b: -Infinity, c: NaN, d: null, e: [1, Infinity], f: "Infinity" });
  assert.equal(text, '{"a":"Infinity","b":"-Infinity","c":"NaN","d":null,"e":[1,"Infinity"],"f":"Infinity"}');
  const back = JSON.parse(text) as Record<string, unknown>;
  assert.equal(contractNumber(back.a), Infinity);
  assert.equal(contractNumber(back.b), -Infinity);
  assert.ok(Number.isNaN(contractNumber(back.c)));
  assert.equal(contractNumber(back.d), null);
  assert.equal(contractNumber(0.5), 0.5);
});

test('metrics.json: an mse whose squares overflow is written as "Infinity" and read back as Infinity', async () => {
  // The diabetes target scaled by 1e160: every error is ~1e160 and its square beyond the double range.
  const lines = readFileSync("fixtures/datasets/diabetes/test.csv", "utf8").trim().split("\n");
  const scaled = lines.map((l, i) => {
    if (i === 0) return l;
    const cells = l.split(",");
    cells[cells.length - 1] = String(Number(cells[cells.length - 1]) * 1e160);
    return cells.join(",");
  });
  const data = join(dir, "huge.csv");
  writeFileSync(data, scaled.join("\n") + "\n");
  const out = join(dir, "metrics.json");
  const r = await runCli(
    "evaluate",
    "--model",
    "fixtures/models/diabetes_linear.onnx",
    "--data",
    data,
    "--target",
    "progression",
    "--task",
    "regression",
    "-o",
    out,
  );
  assert.equal(r.code, 0, r.stderr);
  const text = readFileSync(out, "utf8");
  assert.match(text, /"mse": "Infinity"/);
  const doc = readMetricsDocument(out);
  assert.equal(doc.metrics.mse, Infinity);
  assert.equal(doc.metrics.rmse, Infinity);
  assert.ok(Number.isFinite(doc.metrics.mae!) && doc.metrics.mae! > 1e159);
  // R^2 is a ratio of sums of squares: taken in scaled units it stays defined (it was NaN, which failed the schema).
  assert.ok(Number.isFinite(doc.metrics.r2!) && doc.metrics.r2! < 1, String(doc.metrics.r2));
});

/** The value with every array of even length made a ContractList (at any depth), so both forms are mixed. */
function withLists(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withLists);
    return items.length % 2 === 0 ? new ContractList(items.length, (i) => items[i]) : items;
  }
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) out[k] = withLists(v);
    return out;
  }
  return value;
}

test("stringifyContractParts joined is stringifyContract's text, for any value, lists and indentation", () => {
  const leaf = fc.oneof(
    fc.double(),
    fc.constantFrom(Infinity, -Infinity, NaN, -0, undefined, null, true, false),
    fc.string(),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
    array: fc.array(tie("node"), { maxLength: 5 }),
    object: fc.dictionary(fc.string({ maxLength: 6 }), tie("node"), { maxKeys: 5 }),
  })).node;
  fc.assert(
    fc.property(value, fc.constantFrom(0, 2, 4), (v, space) => {
      const mixed = withLists(v);
      const parts = [...stringifyContractParts(mixed, space)].join("");
      assert.equal(parts, stringifyContract(v, space) ?? "");
      assert.equal(parts, stringifyContract(mixed, space) ?? "");
    }),
    { numRuns: 500 },
  );
  // A list of 3 written item by item, each item made as it is written.
  const made: number[] = [];
  const list = new ContractList(3, (i) => (made.push(i), { i, x: [i, Infinity] }));
  const parts = [...stringifyContractParts({ a: 1, list, empty: new ContractList(0, () => 0) }, 2)];
  assert.deepEqual(made, [0, 1, 2]);
  assert.ok(parts.length > 5, "one piece per item at least");
  assert.equal(
    parts.join(""),
    stringifyContract({ a: 1, list: [0, 1, 2].map((i) => ({ i, x: [i, Infinity] })), empty: [] }, 2),
  );
});
