import { test } from "node:test";
import assert from "node:assert/strict";
import { HeaderNameIndex } from "../../src/data/headerNameIndex.js";
import { rng } from "../helpers/random.js";

test("each name's field, -1 for a name the header lacks; sources ascending and once, absent names left out", () => {
  const r = rng(7);
  for (let round = 0; round < 20; round++) {
    const names = Array.from({ length: Math.floor(r() * 40) }, (_, k) => ["b", "a", "é", "A", "a1", ""][k % 6]! + k);
    names.sort(() => r() - 0.5);
    const index = new HeaderNameIndex(names);
    names.forEach((name, k) => assert.equal(index.sourceOf(name), k));
    assert.equal(index.sourceOf("nope"), -1);
    const wanted = names.filter(() => r() < 0.5);
    const asked = [...wanted, ...wanted.slice(0, 2), "nope"].sort(() => r() - 0.5);
    const want = names.flatMap((name, k) => (wanted.includes(name) ? [k] : []));
    assert.deepEqual(index.sourcesOf(asked), want);
  }
});
