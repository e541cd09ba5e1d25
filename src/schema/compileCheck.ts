import jsep from "jsep";
import type { ColumnType } from "../data/table.js";
import { parseCellText } from "./parseCellText.js";

/** A cell's value inside a check: numbers (datetimes as epoch milliseconds), text, booleans, or null for missing. */
export type CheckValue = number | string | boolean | null;

/** Reads one column's cell of a row. */
export type CellReader = (row: number) => CheckValue;

export interface CompiledCheck {
  /** The columns the expression reads, in order of first use. */
  readonly columns: readonly string[];
  /** The row function over readers of those columns. */
  bind(readers: ReadonlyMap<string, CellReader>): (row: number) => CheckValue;
}

export type CompileResult =
  | { readonly ok: true; readonly check: CompiledCheck }
  /** `index`: 0-based character of the expression where parsing failed, when the parser knows it. */
  | { readonly ok: false; readonly message: string; readonly index?: number };

/** Longest expression a check may be: a rule, not a program. */
export const MAX_CHECK_LENGTH = 2000;
/** Deepest nesting of an expression, so that evaluation cannot overflow the stack. */
const MAX_DEPTH = 64;

jsep.addBinaryOp("or", 1);
jsep.addBinaryOp("and", 2);
jsep.addBinaryOp("is", 6);
jsep.addUnaryOp("not");
// Bitwise operators mean nothing here; leaving them in would make `a | b` a confusing type error.
for (const op of ["|", "^", "&", "<<", ">>", ">>>", "===", "!==", "??"]) jsep.removeBinaryOp(op);
jsep.removeUnaryOp("~");

type Kind = "number" | "text" | "boolean" | "datetime" | "null" | "any";

interface Node {
  kind: Kind;
  /** Set for literals, so that a date literal can be read as a datetime next to a datetime column. */
  literal?: CheckValue;
  make(readers: ReadonlyMap<string, CellReader>): (row: number) => CheckValue;
}

class CheckError extends Error {}

const FUNCTIONS = ["abs", "min", "max", "round", "len", "length", "lower", "upper", "col"] as const;

/**
 * Compiles a row check such as `end >= start`, `abs(price * qty - total) <= 0.01` or
 * `country != 'US' or state is not null` against the schema's columns. The text is parsed by jsep into a syntax
 * tree, which is checked and turned into closures here: nothing is ever handed to eval or Function, and only what is
 * listed below exists.
 *
 * - Values: column names (any other name: `col('unit price')`), numbers, 'text' or "text", true, false, null.
 *   Datetime columns are instants; a text literal compared with one is read as an ISO 8601 date or date-time.
 * - Operators: + - * / % (numbers; + also joins text), == != < <= > >= (numbers with numbers, text with text),
 *   and/&&, or/||, not/!, `x is null`, `x is not null`.
 * - Functions: abs(x), min(a, b, ...), max(a, b, ...), round(x) or round(x, digits), len(s) or length(s), lower(s),
 *   upper(s).
 * - Nulls, as in SQL: a missing cell is null; arithmetic, comparisons and functions with a null operand give null;
 *   `false and null` is false, `true or null` is true, other logic with null is null. A row fails the check only when
 *   the expression is false: null (unknown) passes, as in a SQL CHECK constraint. Write `x is not null and ...` to
 *   require the value. A non-finite result of arithmetic (division by zero) is null too.
 *
 * Errors name the character where parsing failed (jsep's index) or the name that is wrong.
 */
export function compileCheck(expression: string, columns: ReadonlyMap<string, ColumnType>): CompileResult {
  if (expression.length > MAX_CHECK_LENGTH) {
    return { ok: false, message: `is ${expression.length} characters long, more than the ${MAX_CHECK_LENGTH} allowed` };
  }
  let ast: jsep.Expression;
  try {
    ast = jsep(expression);
  } catch (e) {
    const err = e as Error & { index?: number; description?: string };
    return {
      ok: false,
      message: `cannot parse: ${err.description ?? err.message}`,
      ...(typeof err.index === "number" && { index: err.index }),
    };
  }
  const used: string[] = [];
  try {
    const node = build(ast, columns, used, 0);
    if (node.kind !== "boolean" && node.kind !== "any" && node.kind !== "null") {
      throw new CheckError(`gives a ${describe(node.kind)}, not true or false: compare it with something`);
    }
    return { ok: true, check: { columns: used, bind: (readers) => node.make(readers) } };
  } catch (e) {
    if (e instanceof CheckError) return { ok: false, message: e.message };
    throw e;
  }
}

function build(ast: jsep.Expression, columns: ReadonlyMap<string, ColumnType>, used: string[], depth: number): Node {
  if (depth > MAX_DEPTH) throw new CheckError(`nests deeper than ${MAX_DEPTH} levels`);
  const sub = (a: jsep.Expression) => build(a, columns, used, depth + 1);
  switch (ast.type) {
    case "Literal": {
      const v = (ast as jsep.Literal).value;
      if (v === null) return constant(null, "null");
      if (typeof v === "number") return constant(v, "number");
      if (typeof v === "string") return constant(v, "text");
      if (typeof v === "boolean") return constant(v, "boolean");
      throw new CheckError(`${String((ast as jsep.Literal).raw)} is not a value a check can use`);
    }
    case "Identifier":
      return columnNode((ast as jsep.Identifier).name, columns, used);
    case "UnaryExpression": {
      const u = ast as jsep.UnaryExpression;
      const arg = sub(u.argument);
      if (u.operator === "not" || u.operator === "!") {
        expect(arg, ["boolean"], `'${u.operator}'`);
        return unary("boolean", arg, (v) => (v === null ? null : !v));
      }
      if (u.operator === "-" || u.operator === "+") {
        expect(arg, ["number"], `'${u.operator}'`);
        if (arg.literal !== undefined && typeof arg.literal === "number") {
          return constant(u.operator === "-" ? -arg.literal : arg.literal, "number");
        }
        return unary("number", arg, (v) => (v === null ? null : u.operator === "-" ? -(v as number) : v));
      }
      throw new CheckError(`the operator '${u.operator}' is not available`);
    }
    case "BinaryExpression": {
      const b = ast as jsep.BinaryExpression;
      if (b.operator === "is") return isNull(b, sub);
      return binary(b.operator, sub(b.left), sub(b.right));
    }
    case "CallExpression":
      return call(ast as jsep.CallExpression, columns, used, sub);
    case "MemberExpression":
      throw new CheckError(
        "uses '.' or '[]': write a column name with dots or spaces as col('a.b'); there are no fields or indexes",
      );
    case "Compound":
      throw new CheckError("holds more than one expression: join them with `and`");
    default:
      throw new CheckError(`uses ${describeSyntax(ast.type)}, which checks do not have`);
  }
}

function columnNode(name: string, columns: ReadonlyMap<string, ColumnType>, used: string[]): Node {
  const type = columns.get(name);
  if (type === undefined) {
    const known = [...columns.keys()];
    const close = known.find((k) => k.toLowerCase() === name.toLowerCase());
    throw new CheckError(
      `names column '${name}', which the schema does not list` +
        (close ? ` (did you mean '${close}'?)` : known.length > 0 ? `; columns: ${known.slice(0, 10).join(", ")}` : ""),
    );
  }
  if (!used.includes(name)) used.push(name);
  const kind: Kind =
    type === "string" || type === "category"
      ? "text"
      : type === "boolean"
        ? "boolean"
        : type === "datetime"
          ? "datetime"
          : "number";
  return {
    kind,
    make: (readers) => {
      const read = readers.get(name);
      if (!read) throw new Error(`no reader for column ${name}`);
      return read;
    },
  };
}

function constant(value: CheckValue, kind: Kind): Node {
  return { kind, literal: value, make: () => () => value };
}

function unary(kind: Kind, arg: Node, f: (v: CheckValue) => CheckValue): Node {
  return {
    kind,
    make: (readers) => {
      const a = arg.make(readers);
      return (row) => f(a(row));
    },
  };
}

function isNull(b: jsep.BinaryExpression, sub: (a: jsep.Expression) => Node): Node {
  const right = b.right;
  const negated =
    right.type === "UnaryExpression" &&
    ((right as jsep.UnaryExpression).operator === "not" || (right as jsep.UnaryExpression).operator === "!");
  const target = negated ? (right as jsep.UnaryExpression).argument : right;
  if (target.type !== "Literal" || (target as jsep.Literal).value !== null) {
    throw new CheckError("'is' goes with null: write `x is null` or `x is not null`");
  }
  const left = sub(b.left);
  return unary("boolean", left, (v) => (negated ? v !== null : v === null));
}

const ARITHMETIC = new Set(["+", "-", "*", "/", "%"]);
const COMPARISON = new Set(["==", "!=", "<", "<=", ">", ">="]);

function binary(op: string, leftIn: Node, rightIn: Node): Node {
  if (op === "and" || op === "&&" || op === "or" || op === "||") {
    expect(leftIn, ["boolean"], `'${op}'`);
    expect(rightIn, ["boolean"], `'${op}'`);
    const isAnd = op === "and" || op === "&&";
    return {
      kind: "boolean",
      make: (readers) => {
        const l = leftIn.make(readers);
        const r = rightIn.make(readers);
        return isAnd
          ? (row) => {
              const a = l(row);
              if (a === false) return false;
              const c = r(row);
              if (c === false) return false;
              return a === null || c === null ? null : true;
            }
          : (row) => {
              const a = l(row);
              if (a === true) return true;
              const c = r(row);
              if (c === true) return true;
              return a === null || c === null ? null : false;
            };
      },
    };
  }
  const [left, right] = asDates(leftIn, rightIn);
  if (ARITHMETIC.has(op)) {
    const text = op === "+" && (left.kind === "text" || right.kind === "text");
    if (text) {
      expect(left, ["text"], "'+' joining text");
      expect(right, ["text"], "'+' joining text");
    } else {
      // Datetimes subtract to milliseconds and move by milliseconds; anything else is numbers only.
      expect(left, ["number", "datetime"], `'${op}'`);
      expect(right, ["number", "datetime"], `'${op}'`);
    }
    const kind: Kind = text
      ? "text"
      : op === "-" && left.kind === "datetime" && right.kind === "datetime"
        ? "number"
        : left.kind === "datetime" || right.kind === "datetime"
          ? "datetime"
          : "number";
    const f = arithmetic(op);
    return combine(kind, left, right, (a, b) => {
      if (text) return (a as string) + (b as string);
      const v = f(a as number, b as number);
      return Number.isFinite(v) ? v : null;
    });
  }
  if (COMPARISON.has(op)) {
    const comparable =
      left.kind === "any" ||
      right.kind === "any" ||
      left.kind === "null" ||
      right.kind === "null" ||
      sameFamily(left.kind, right.kind);
    if (!comparable) {
      throw new CheckError(
        `compares a ${describe(left.kind)} with a ${describe(right.kind)} using '${op}'` +
          (left.kind === "datetime" || right.kind === "datetime"
            ? ": write dates as ISO 8601 text, e.g. '2024-01-31'"
            : ""),
      );
    }
    if (left.kind === "null" || right.kind === "null") {
      throw new CheckError(`compares with null using '${op}', which is never true: write \`x is null\``);
    }
    if ((left.kind === "boolean" || right.kind === "boolean") && op !== "==" && op !== "!=") {
      throw new CheckError(`orders true and false using '${op}'`);
    }
    const cmp = comparison(op);
    return combine("boolean", left, right, (a, b) =>
      cmp(a as number | string | boolean, b as number | string | boolean),
    );
  }
  throw new CheckError(`the operator '${op}' is not available`);
}

/** Numbers and datetimes compare with each other (a datetime is its epoch milliseconds); text with text. */
function sameFamily(a: Kind, b: Kind): boolean {
  const family = (k: Kind) => (k === "datetime" ? "number" : k);
  return family(a) === family(b);
}

/** A text literal next to a datetime becomes that instant, so `created >= '2024-01-01'` reads as meant. */
function asDates(left: Node, right: Node): [Node, Node] {
  const convert = (lit: Node, other: Node): Node => {
    if (other.kind !== "datetime" || lit.kind !== "text" || typeof lit.literal !== "string") return lit;
    const ms = parseCellText(lit.literal, "datetime");
    if (ms === undefined) {
      throw new CheckError(
        `'${lit.literal}' is not an ISO 8601 date or date-time, like 2024-01-31 or 2024-01-31T12:00:00Z`,
      );
    }
    return constant(ms, "datetime");
  };
  return [convert(left, right), convert(right, left)];
}

function combine(kind: Kind, left: Node, right: Node, f: (a: CheckValue, b: CheckValue) => CheckValue): Node {
  return {
    kind,
    make: (readers) => {
      const l = left.make(readers);
      const r = right.make(readers);
      return (row) => {
        const a = l(row);
        if (a === null) return null;
        const b = r(row);
        return b === null ? null : f(a, b);
      };
    },
  };
}

function arithmetic(op: string): (a: number, b: number) => number {
  switch (op) {
    case "+":
      return (a, b) => a + b;
    case "-":
      return (a, b) => a - b;
    case "*":
      return (a, b) => a * b;
    case "/":
      return (a, b) => a / b;
    default:
      return (a, b) => a % b;
  }
}

function comparison(op: string): (a: number | string | boolean, b: number | string | boolean) => boolean {
  switch (op) {
    case "==":
      return (a, b) => a === b;
    case "!=":
      return (a, b) => a !== b;
    case "<":
      return (a, b) => a < b;
    case "<=":
      return (a, b) => a <= b;
    case ">":
      return (a, b) => a > b;
    default:
      return (a, b) => a >= b;
  }
}

function call(
  c: jsep.CallExpression,
  columns: ReadonlyMap<string, ColumnType>,
  used: string[],
  sub: (a: jsep.Expression) => Node,
): Node {
  if (c.callee.type !== "Identifier") throw new CheckError("calls something that is not a function name");
  const name = (c.callee as jsep.Identifier).name;
  const args = c.arguments;
  const arity = (lo: number, hi: number) => {
    if (args.length < lo || args.length > hi) {
      const want = lo === hi ? `${lo}` : hi === Infinity ? `${lo} or more` : `${lo} to ${hi}`;
      throw new CheckError(`${name}() takes ${want} argument${want === "1" ? "" : "s"}, got ${args.length}`);
    }
  };
  switch (name as (typeof FUNCTIONS)[number]) {
    case "col": {
      arity(1, 1);
      const a = args[0]!;
      if (a.type !== "Literal" || typeof (a as jsep.Literal).value !== "string") {
        throw new CheckError("col() takes a column name in quotes, e.g. col('unit price')");
      }
      return columnNode((a as jsep.Literal).value as string, columns, used);
    }
    case "abs": {
      arity(1, 1);
      const x = sub(args[0]!);
      expect(x, ["number"], "abs()");
      return unary("number", x, (v) => (v === null ? null : Math.abs(v as number)));
    }
    case "min":
    case "max": {
      arity(2, Infinity);
      const xs = args.map(sub);
      const family = xs.find((x) => x.kind !== "null" && x.kind !== "any")?.kind ?? "number";
      for (const x of xs) expect(x, family === "text" ? ["text"] : ["number", "datetime"], `${name}()`);
      const pickMin = name === "min";
      return {
        kind: family,
        make: (readers) => {
          const fs = xs.map((x) => x.make(readers));
          return (row) => {
            let best: CheckValue = null;
            for (const f of fs) {
              const v = f(row);
              if (v === null) return null;
              if (best === null || (pickMin ? v < best : v > best)) best = v;
            }
            return best;
          };
        },
      };
    }
    case "round": {
      arity(1, 2);
      const x = sub(args[0]!);
      expect(x, ["number"], "round()");
      const digits = args[1] ? sub(args[1]) : constant(0, "number");
      if (typeof digits.literal !== "number" || !Number.isInteger(digits.literal) || Math.abs(digits.literal) > 15) {
        throw new CheckError("round()'s second argument is a whole number of digits from -15 to 15");
      }
      const scale = 10 ** digits.literal;
      return unary("number", x, (v) => (v === null ? null : Math.round((v as number) * scale) / scale));
    }
    case "len":
    case "length": {
      arity(1, 1);
      const x = sub(args[0]!);
      expect(x, ["text"], `${name}()`);
      // Characters as people count them (code points), the same as the column `length` expectation.
      return unary("number", x, (v) => (v === null ? null : codePoints(v as string)));
    }
    case "lower":
    case "upper": {
      arity(1, 1);
      const x = sub(args[0]!);
      expect(x, ["text"], `${name}()`);
      const up = name === "upper";
      return unary("text", x, (v) =>
        v === null ? null : up ? (v as string).toUpperCase() : (v as string).toLowerCase(),
      );
    }
    default:
      throw new CheckError(
        `has no function '${name}'; functions: ${FUNCTIONS.filter((f) => f !== "col").join(", ")}, col`,
      );
  }
}

export function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) n++;
    else {
      const d = text.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

function expect(node: Node, kinds: readonly Kind[], where: string): void {
  if (node.kind === "any" || node.kind === "null" || kinds.includes(node.kind)) return;
  throw new CheckError(
    `${where} needs ${kinds.map((k) => `a ${describe(k)}`).join(" or ")}, got a ${describe(node.kind)}`,
  );
}

function describe(kind: Kind): string {
  switch (kind) {
    case "number":
      return "number";
    case "text":
      return "text value";
    case "boolean":
      return "true/false value";
    case "datetime":
      return "datetime";
    case "null":
      return "null";
    default:
      return "value";
  }
}

function describeSyntax(type: string): string {
  switch (type) {
    case "ConditionalExpression":
      return "'? :'";
    case "ArrayExpression":
      return "a list [...]";
    case "ThisExpression":
      return "'this'";
    default:
      return type;
  }
}
