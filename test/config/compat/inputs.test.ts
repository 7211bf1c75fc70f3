/**
 * terragrunt's input fixtures: every type of input value (validateInputs in terragrunt's
 * integration_test.go) and null inputs, resolved by terrace.
 */
import { describe, expect, it } from "vitest";

import { corpus, present, resolveUnit } from "./corpus.js";

const INPUTS = {
  string: "string",
  number: 42,
  bool: true,
  list_string: ["a", "b", "c"],
  list_number: [1, 2, 3],
  list_bool: [true, false],
  map_string: { foo: "bar" },
  map_number: { foo: 42, bar: 12345 },
  map_bool: { foo: true, bar: false, baz: true },
  object: { str: "string", num: 42, list: [1, 2, 3], map: { foo: "bar" } },
  from_env: "default",
  undefined_var: "this var does not exist in module",
};

describe.runIf(present)("terragrunt fixtures: inputs", () => {
  it("inputs resolves every type of value, with get_env's default when the variable is unset", async () => {
    const { config } = await resolveUnit("inputs");
    expect(config.inputs).toEqual(INPUTS);
  });

  it("inputs takes from_env from the environment when the variable is set", async () => {
    const { config } = await resolveUnit("inputs", { env: { FROM_ENV: "from the environment" } });
    expect(config.inputs).toEqual({ ...INPUTS, from_env: "from the environment" });
  });

  it("null-values keeps a null input as null", async () => {
    const { config } = await resolveUnit("null-values");
    expect(config.inputs).toEqual({ var1: null, var2: "variable 2" });
    expect(config.terraform).toEqual({ source: "." });
  });
});

describe.runIf(!present)("terragrunt fixtures: inputs (absent)", () => {
  it(`is skipped: the fixtures are not at ${corpus}`, () => {
    expect(present).toBe(false);
  });
});
