// The label join's column store: against a Map model under random adds, deletes, evictions of the oldest and in-place
// updates, across growth and compaction; and a pinned view that stays the state of its moment while all that goes on.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { WaitingSide, type WaitingSideCopy } from "../../monitor/labels/waitingSide.js";

type Op =
  { kind: "add"; id: number } | { kind: "delete"; id: number } | { kind: "oldest" } | { kind: "set"; id: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("add" as const), id: fc.integer({ min: 0, max: 1200 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), id: fc.integer({ min: 0, max: 1200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("oldest" as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("set" as const), id: fc.integer({ min: 0, max: 1200 }) }) },
);

/** Model: id -> [number column, text column], in arrival order (a Map keeps insertion order). */
type Model = Map<string, [number, string | undefined]>;

function apply(side: WaitingSide, model: Model, o: Op, step: number): void {
  const id = o.kind === "oldest" ? "" : `id-${o.id}`;
  if (o.kind === "add") {
    if (model.has(id)) return;
    const slot = side.add(id);
    side.typed[0]![slot] = step;
    side.plain[0]![slot] = step % 3 === 0 ? `text-${step}` : undefined;
    model.set(id, [step, step % 3 === 0 ? `text-${step}` : undefined]);
  } else if (o.kind === "delete") {
    assert.equal(side.delete(id), model.delete(id));
  } else if (o.kind === "set") {
    const slot = side.slotOf(id);
    assert.equal(slot >= 0, model.has(id));
    if (slot < 0) return;
    side.setTyped(0, slot, -step);
    model.get(id)![0] = -step;
  } else {
    const slot = side.oldest();
    const first = model.keys().next();
    assert.equal(slot >= 0, !first.done);
    if (slot < 0) return;
    assert.equal(side.ids[slot], first.value);
    side.deleteSlot(slot);
    model.delete(first.value!);
  }
}

function viewOf(c: WaitingSideCopy): [string, number, string | undefined][] {
  const out: [string, number, string | undefined][] = [];
  for (let s = 0; s < c.span; s++)
    if (!c.live || c.live[s] === 1) out.push([c.ids[s]!, c.typed[0]![s]!, c.plain[0]![s]]);
  return out;
}

function modelView(model: Model): [string, number, string | undefined][] {
  return [...model].map(([id, [n, t]]) => [id, n, t]);
}

test("waiting side: adds, deletes, oldest-first drops and updates agree with a Map across growth and compaction; a pin keeps its moment", () => {
  fc.assert(
    fc.property(fc.array(op, { minLength: 3000, maxLength: 8000 }), fc.nat(), (ops, pinAt) => {
      const side = new WaitingSide([Float64Array], 1);
      const model: Model = new Map();
      const at = pinAt % ops.length;
      let pinned: { copy: WaitingSideCopy; expected: [string, number, string | undefined][] } | null = null;
      ops.forEach((o, step) => {
        if (step === at) pinned = { copy: side.pin(), expected: modelView(model) };
        apply(side, model, o, step + 1);
      });
      assert.equal(side.size, model.size);
      const live: [string, number, string | undefined][] = [];
      for (const s of side.slots()) live.push([side.ids[s]!, side.typed[0]![s]!, side.plain[0]![s]]);
      assert.deepEqual(live, modelView(model));
      for (const [id] of model) assert.ok(side.has(id));
      const p = pinned as { copy: WaitingSideCopy; expected: [string, number, string | undefined][] } | null;
      assert.ok(p);
      assert.deepEqual(viewOf(p.copy), p.expected, "the pinned view is the state at the pin");
      assert.equal(p.copy.size, p.expected.length);
      side.unpin();
      // After the pin, compaction runs again: a burst of adds and deletes still agrees with the model.
      for (let k = 0; k < 5000; k++) {
        const o: Op =
          k % 3 === 2
            ? { kind: "oldest" }
            : k % 3 === 1
              ? { kind: "set", id: 10_000 + k - 7 }
              : { kind: "add", id: 10_000 + k };
        apply(side, model, o, 10_000 + k);
      }
      const after: [string, number, string | undefined][] = [];
      for (const s of side.slots()) after.push([side.ids[s]!, side.typed[0]![s]!, side.plain[0]![s]]);
      assert.deepEqual(after, modelView(model));
    }),
    { numRuns: 60, seed: 15 },
  );
});
