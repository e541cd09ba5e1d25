import assert from "node:assert/strict";
import { test } from "node:test";
import { ActionInputError, readActionInputs } from "../../src/action/actionInputs.js";
import { planCommand, resultPaths } from "../../src/action/planCommand.js";

const paths = resultPaths("/runner/temp", "default");

function plan(inputs: Record<string, string>) {
  const withCommand = { command: "validate", ...inputs };
  return planCommand(
    readActionInputs((name) => withCommand[name as keyof typeof withCommand] ?? ""),
    paths,
    true,
  );
}

test("validate: 'environment' reaches validate as --environment, and 'target' reaches the drift step as --target", () => {
  const { steps } = plan({
    data: "serving.csv",
    schema: "schema.yml",
    environment: "serving",
    reference: "train.csv",
    target: "label",
  });
  assert.deepEqual(
    steps.slice(0, 2).map((s) => s.argv),
    [
      ["validate", "--data", "serving.csv", "--schema", "schema.yml", "--environment", "serving"].concat([
        "--out",
        paths.validation,
        "--no-fail",
      ]),
      ["drift", "--reference", "train.csv", "--current", "serving.csv", "--target", "label"].concat([
        "--out",
        paths.drift,
        "--no-fail",
      ]),
    ],
  );
});

test("validate: without a target or an environment neither flag is passed", () => {
  const { steps } = plan({ data: "d.csv", schema: "s.yml", reference: "r.csv" });
  for (const step of steps) {
    assert.ok(!step.argv.includes("--environment") && !step.argv.includes("--target"), step.argv.join(" "));
  }
});

test("validate: 'environment' without 'schema' is an input error that says what it goes with", () => {
  assert.throws(
    () => plan({ data: "d.csv", reference: "r.csv", environment: "serving" }),
    (e: unknown) => e instanceof ActionInputError && /'environment' goes with 'schema'/.test(e.message),
  );
});
