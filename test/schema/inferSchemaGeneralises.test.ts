import { test } from "node:test";
import assert from "node:assert/strict";
import type { ColumnType, Table } from "../../src/data/table.js";
import { inferSchema } from "../../src/schema/inferSchema.js";
import { inferNumericBounds } from "../../src/schema/inferNumericBounds.js";
import { parseSchema } from "../../src/schema/parseSchema.js";
import { validateTable } from "../../src/schema/validateTable.js";
import type { Violation } from "../../src/schema/validationResult.js";
import { rng, tableFromColumns, type Cell } from "./helpers.js";

const TYPES: Record<string, ColumnType> = {
  order_id: "integer",
  customer_ref: "string",
  age: "integer",
  amount: "number",
  items: "integer",
  rating: "integer",
  churned: "integer",
  discount: "number",
  temperature: "number",
  plan: "category",
  city: "category",
  note: "string",
  created: "datetime",
  score: "number",
  coupon: "category",
};

const WEEK = 7 * 86_400_000;
const CITIES = Array.from({ length: 40 }, (_, i) => `city${i}`);
const ZIPF = CITIES.map((_, i) => 1 / (i + 1));

/**
 * One week of orders from a fixed process. Sample k is week k: its ids and refs continue where the week before ended
 * and its timestamps are later, as next week's data is.
 */
function orders(n: number, week: number, seed: number): Table {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const pick = <T>(values: readonly T[], weights: readonly number[]): T => {
    let u = r() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < values.length; i++) if ((u -= weights[i]!) < 0) return values[i]!;
    return values[values.length - 1]!;
  };
  const poisson = (lambda: number) => {
    let k = 0;
    for (let p = r(); p > Math.exp(-lambda); p *= r()) k++;
    return k;
  };
  const start = week * 1_000_000;
  const cols: Record<string, Cell[]> = Object.fromEntries(Object.keys(TYPES).map((k) => [k, []]));
  for (let i = 0; i < n; i++) {
    cols.order_id!.push(start + i);
    cols.customer_ref!.push("C" + String(start + i).padStart(8, "0"));
    cols.age!.push(Math.min(95, Math.max(18, Math.round(40 + 12 * normal()))));
    cols.amount!.push(Math.round(Math.exp(3 + normal()) * 100) / 100);
    cols.items!.push(poisson(2));
    cols.rating!.push(pick([1, 2, 3, 4, 5], [0.1, 0.15, 0.3, 0.3, 0.15]));
    cols.churned!.push(r() < 0.2 ? 1 : 0);
    const u = r();
    cols.discount!.push(u < 0.3 ? 0 : u < 0.4 ? 1 : Math.round(r() * 1000) / 1000);
    cols.temperature!.push(Math.round((12 + 8 * normal()) * 10) / 10);
    cols.plan!.push(pick(["basic", "plus", "pro", "team"], [0.5, 0.3, 0.15, 0.05]));
    cols.city!.push(pick(CITIES, ZIPF));
    cols.note!.push(r() < 0.5 ? null : `note ${Math.floor(r() * 1e9)}`);
    cols.created!.push(new Date(Date.UTC(2024, 0, 1) + week * WEEK + Math.floor(r() * WEEK)));
    cols.score!.push(r() < 0.01 ? null : Math.round((0.5 + 0.1 * normal()) * 1e4) / 1e4);
    cols.coupon!.push(r() < 0.3 ? null : pick(["SPRING", "VIP", "WELCOME"], [1, 1, 2]));
  }
  return tableFromColumns(cols, TYPES, `orders-week${week}.csv`);
}

function errors(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === "error");
}

test("inferred on one week, the schema passes three later weeks of the same process at 10x the size", () => {
  const inferred = inferSchema(orders(2_000, 0, 1));
  const schema = parseSchema(inferred.yaml, "orders.schema.yml");
  const by = new Map(schema.columns.map((c) => [c.name, c]));
  // What the data says about each column.
  assert.deepEqual(
    [by.get("order_id")!.unique, by.get("order_id")!.min, by.get("order_id")!.max],
    [true, undefined, undefined],
  );
  assert.equal(by.get("customer_ref")!.unique, true);
  assert.deepEqual(by.get("rating")!.allowed, [1, 2, 3, 4, 5]);
  assert.deepEqual(by.get("churned")!.allowed, [0, 1]);
  assert.equal(by.get("items")!.allowed, undefined, "a count's tail thins out: no domain");
  assert.equal(by.get("items")!.min, 0);
  assert.deepEqual([by.get("discount")!.min, by.get("discount")!.max], [0, 1]);
  assert.equal(by.get("amount")!.min, 0);
  assert.ok(by.get("amount")!.max! > 1000, "the long tail is fenced on the log scale");
  assert.ok(by.get("temperature")!.min! < -30 && by.get("temperature")!.max! > 50);
  assert.deepEqual(by.get("plan")!.allowed, ["basic", "plus", "pro", "team"]);
  assert.equal(by.get("created")!.max, undefined, "no max: newer data comes later");
  assert.equal(by.get("score")!.nullable, false);
  assert.ok(by.get("score")!.mostly < 1 && by.get("score")!.mostly > 0.95, String(by.get("score")!.mostly));
  assert.equal(by.get("coupon")!.nullable, true);
  assert.equal(validateTable(orders(2_000, 0, 1), schema).ok, true);

  for (const week of [1, 2, 3]) {
    const result = validateTable(orders(20_000, week, 100 + week), schema);
    assert.deepEqual(
      errors(result.violations).map((v) => v.message),
      [],
      `week ${week}`,
    );
    // Only the dirty column may warn, and only about its missing cells.
    for (const v of result.violations) assert.deepEqual([v.column, v.kind], ["score", "nullable"]);
  }
});

test("inferred bounds still catch every planted violation", () => {
  const schema = parseSchema(inferSchema(orders(2_000, 0, 1)).yaml, "orders.schema.yml");
  const base = orders(20_000, 1, 7);
  const plant = (name: string, every: number, value: Cell | ((r: number) => Cell)): Table => ({
    ...base,
    columns: base.columns.map((c) => {
      if (c.name !== name) return c;
      const cells: Cell[] = [];
      for (let r = 0; r < base.rowCount; r++) {
        const planted = r % every === 3;
        cells.push(planted ? (typeof value === "function" ? value(r) : value) : cellOf(c, r));
      }
      return tableFromColumns({ [name]: cells }, { [name]: c.type }).columns[0]!;
    }),
  });
  const cases: [string, Table, string, Violation["kind"]][] = [
    ["out-of-domain category", plant("plan", 50, "enterprise"), "plan", "allowed"],
    ["out-of-domain integer", plant("rating", 200, 7), "rating", "allowed"],
    ["negative amount", plant("amount", 100, -12.5), "amount", "min"],
    ["negative count", plant("items", 500, -1), "items", "min"],
    ["discount above 1", plant("discount", 500, 1.5), "discount", "max"],
    ["temperature sentinel", plant("temperature", 1000, 99999), "temperature", "max"],
    ["amount in the wrong unit", plant("amount", 1000, 2.5e7), "amount", "max"],
    ["epoch-0 timestamp", plant("created", 1000, new Date(0)), "created", "min"],
    ["nulls beyond mostly", plant("score", 10, null), "score", "nullable"],
    ["duplicated id", plant("order_id", 1000, (r) => 1_000_000 + r - 1), "order_id", "unique"],
    [
      "duplicated customer ref",
      plant("customer_ref", 1000, (r) => "C" + String(1_000_000 + r - 1).padStart(8, "0")),
      "customer_ref",
      "unique",
    ],
    ["wrong type", plant("age", 1000, "unknown"), "age", "type"],
    ["nulls in a clean column", plant("plan", 1000, null), "plan", "nullable"],
  ];
  for (const [what, table, column, kind] of cases) {
    const found = errors(validateTable(table, schema).violations).map((v) => `${v.column}:${v.kind}`);
    assert.deepEqual(found, [`${column}:${kind}`], what);
  }
});

function cellOf(column: Table["columns"][number], r: number): Cell {
  if (column.kind === "dictionary") return column.codes[r]! < 0 ? null : column.dictionary[column.codes[r]!]!;
  if (column.valid[r] !== 1) return column.invalid.get(r) ?? null;
  return column.type === "datetime" ? new Date(column.values[r]!) : column.values[r]!;
}

test("inferNumericBounds: domains, floors, fractions and fences", () => {
  const f = (xs: number[], type: "integer" | "number" = "number") =>
    inferNumericBounds(Float64Array.from(xs).sort(), type);
  const many = (k: number, v: number) => Array.from({ length: k }, () => v);
  assert.deepEqual(f([...many(10, 1), ...many(10, 3)], "integer").allowed, [1, 3]);
  assert.equal(f([...many(10, 1), ...many(4, 3)], "integer").allowed, undefined, "a value on 4 rows: no domain");
  const normal = Array.from(
    { length: 1000 },
    (_, i) => 100 + 10 * Math.sqrt(2) * inverseErf((2 * (i + 0.5)) / 1000 - 1),
  );
  const b = f(normal);
  // N(100, 10): positive, but its lower fence (q01 - 3 x 46.5) would be below 0 with nothing marking 0 as a floor.
  assert.ok(b.min === undefined && b.max! > 100 + 7 * 10, JSON.stringify(b));
  const shifted = f(normal.map((x) => x - 200));
  assert.ok(shifted.min! < -100 - 7 * 10 && shifted.max! > 0, JSON.stringify(shifted));
  assert.deepEqual(f([0, 0.2, 0.5, 1]), { min: 0, max: 1, notes: f([0, 0.2, 0.5, 1]).notes });
  const nearZero = normal.map((x) => x - 65); // N(35, 10): every value positive, nothing crowding against 0
  assert.ok(nearZero[0]! > 0);
  assert.equal(f(nearZero).min, undefined, "positive but no floor: no min");
  assert.equal(f(nearZero.map((x) => Math.max(0, x - 30))).min, 0, "clipped at 0: a floor");
  assert.deepEqual(f([5, 5, 5]), { notes: ["constant here, so no min/max"] });
  assert.equal(f([-3.5, 2, 7]).min! <= -3.5, true);
});

/** Winitzki's approximation, good to 1e-3: enough for evenly spread normal-looking test data. */
function inverseErf(x: number): number {
  const a = 0.147;
  const l = Math.log(1 - x * x);
  const t = 2 / (Math.PI * a) + l / 2;
  return Math.sign(x) * Math.sqrt(Math.sqrt(t * t - l / a) - t);
}
