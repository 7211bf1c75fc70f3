/**
 * terragrunt's include fixtures resolved by terrace: merge strategies, several includes, the
 * bare include, `expose`, the single level of inheritance and `prevent_destroy` inheritance.
 * Expected values are those terragrunt's integration tests assert (integration_include_test.go:
 * TestTerragruntWorksWithIncludeDeepMerge, TestTerragruntWorksWithMultipleInclude,
 * TestTerragruntWorksWithIncludeLocals), or, where a test needs AWS, read from the fixture.
 *
 * Not covered: `include` with the real S3 bucket (its `__FILL_IN_BUCKET_NAME__` placeholder
 * is only data here, so the resolved value is checked as written).
 */
import { describe, expect, it } from "vitest";

import { ConfigResolver } from "../../../src/config/index.js";
import { corpus, fixture, present, resolveError, resolveUnit } from "./corpus.js";

/** What every case of include-multiple resolves to (validateMultipleIncludeTestOutput). */
const MULTIPLE_INCLUDE_INPUTS = {
  attribute: "mock",
  new_attribute: "new val",
  old_attribute: "old val",
  list_attr: ["hello", "mock", "foo"],
  map_attr: { foo: "bar", bar: "baz", test: "new val" },
  dep_out: {
    attribute: "mock",
    new_attribute: "new val",
    old_attribute: "old val",
    list_attr: ["hello", "mock", "foo"],
    map_attr: { foo: "bar", bar: "baz" },
  },
};

const MULTIPLE_INCLUDE_CASES = [
  "shallow-merge",
  "deep-merge-overlapping",
  "deep-merge-nonoverlapping",
  "shallow-deep-merge-overlapping",
  "expose",
  "has-bare-include",
  "json",
];

describe.runIf(present)("terragrunt fixtures: include", () => {
  it("include/stage/my-app inherits the root's remote_state with the unit's relative key", async () => {
    const { config } = await resolveUnit("include/stage/my-app");
    const remoteState = {
      backend: "s3",
      config: {
        encrypt: true,
        bucket: "__FILL_IN_BUCKET_NAME__",
        key: "stage/my-app/terraform.tfstate",
        region: "us-west-2",
      },
    };
    expect(config.remote_state).toEqual(remoteState);
    expect(config.inputs).toEqual({ reflect: remoteState });
  });

  it("include/qa/my-app with no_merge inherits nothing but still exposes the root", async () => {
    const { config } = await resolveUnit("include/qa/my-app");
    expect(config.remote_state).toBeUndefined();
    expect(config.inputs).toEqual({
      reflect: {
        backend: "s3",
        config: {
          encrypt: true,
          bucket: "__FILL_IN_BUCKET_NAME__",
          key: "qa/my-app/terraform.tfstate",
          region: "us-west-2",
        },
      },
    });
  });

  it("include-deep/child deep-merges inputs and the root's dependency block with the child's", async () => {
    const { config, dependencies } = await resolveUnit("include-deep/child");
    const mocks = {
      attribute: "mock",
      new_attribute: "new val",
      old_attribute: "old val",
      list_attr: ["hello", "mock"],
      map_attr: { foo: "bar", bar: "baz" },
    };
    expect(config.inputs).toEqual({
      attribute: "mock",
      new_attribute: "new val",
      old_attribute: "old val",
      list_attr: ["hello", "mock"],
      map_attr: { foo: "bar", bar: "baz", test: "new val" },
      dep_out: mocks,
    });
    expect(config.dependency).toEqual({
      vpc: {
        config_path: "../vpc",
        mock_outputs: mocks,
        mock_outputs_allowed_terraform_commands: ["apply", "plan", "destroy", "output"],
      },
    });
    expect(dependencies.map((block) => [block.name, block.dir]))
      .toEqual([["vpc", fixture("include-deep/vpc")]]);
  });

  for (const name of MULTIPLE_INCLUDE_CASES) {
    it(`include-multiple/${name}/child resolves to the inputs terragrunt's test expects`, async () => {
      const { config, dependencies } = await resolveUnit(`include-multiple/${name}/child`);
      expect(config.inputs).toEqual(MULTIPLE_INCLUDE_INPUTS);
      const child = fixture(`include-multiple/${name}/child`);
      expect(config.terraform).toEqual({ source: `${child}/../../modules/reflect` });
      expect(dependencies.map((block) => block.dir)).toEqual([fixture(`include-multiple/${name}/vpc`)]);
    });
  }

  it("include-multiple/shallow-deep-merge-overlapping merges the dependency by each include's own strategy", async () => {
    const { config } = await resolveUnit("include-multiple/shallow-deep-merge-overlapping/child");
    expect(config.dependency).toEqual({
      vpc: {
        config_path: "../vpc",
        mock_outputs: MULTIPLE_INCLUDE_INPUTS.dep_out,
        mock_outputs_allowed_terraform_commands: ["apply", "plan", "destroy", "output"],
      },
    });
  });

  it("include-multiple/expose builds the dependency from an exposed no_merge include", async () => {
    const { config } = await resolveUnit("include-multiple/expose/child");
    expect(config.dependency).toEqual({
      vpc: {
        config_path: `${fixture("include-multiple/expose/child")}/../vpc`,
        mock_outputs: MULTIPLE_INCLUDE_INPUTS.dep_out,
        mock_outputs_allowed_terraform_commands: ["apply", "plan", "destroy", "output"],
      },
    });
  });

  it("include-multiple/has-bare-include keys the bare include by the empty label", async () => {
    const { config } = await resolveUnit("include-multiple/has-bare-include/child");
    expect(config.include).toEqual({
      "": { path: fixture("include-multiple/terragrunt_inputs.hcl"), merge_strategy: "deep" },
      vpc_dep: { path: fixture("include-multiple/terragrunt_vpc_dep.hcl"), merge_strategy: "deep" },
    });
  });

  for (const name of ["single", "single-bare", "multiple", "mixed-with-bare"]) {
    it(`include-expose/${name}/child reads the exposed root's locals`, async () => {
      const { config } = await resolveUnit(`include-expose/${name}/child`);
      expect(config.inputs).toEqual({ region: "us-west-1-test" });
    });
  }

  it("include-expose/single/child keeps its own locals and not the root's", async () => {
    const { config } = await resolveUnit("include-expose/single/child");
    expect(config.locals).toEqual({ environment: "test", parent_region: "us-west-1-test" });
  });

  it("include-expose/with-dependency/child reads a dependency declared only in the root", async () => {
    const unit = await resolveUnit("include-expose/with-dependency/child", {
      applied: { "include-expose/with-dependency/dep": { env: "test" } },
    });
    expect(unit.config.inputs).toEqual({ region: "us-west-1-test" });
    expect(unit.dependencies.map((block) => [block.name, block.dir]))
      .toEqual([["dep", fixture("include-expose/with-dependency/dep")]]);
  });

  it("include-expose/with-dependency-reference-input/child takes its config_path from the root's inputs", async () => {
    const unit = await resolveUnit("include-expose/with-dependency-reference-input/child", {
      applied: { "include-expose/with-dependency-reference-input/dep": { env: "test" } },
    });
    expect(unit.config.inputs).toEqual({
      dep_path: `${fixture("include-expose/with-dependency-reference-input/child")}/../dep`,
      region: "us-west-1-test",
    });
    expect(unit.config.dependency).toEqual({
      dep: { config_path: `${fixture("include-expose/with-dependency-reference-input/child")}/../dep` },
    });
  });

  it("include-expose/with-dependency/child fails while its dependency has no outputs and no mocks", async () => {
    const error = await resolveError("include-expose/with-dependency/child");
    expect(error.code).toBe("DEPENDENCY");
    expect(error.message).toBe('dependency "dep" has no outputs yet and no mock_outputs');
    expect(error.location).toEqual({ file: fixture("include-expose/with-dependency/root.hcl"), line: 5 });
  });

  it("parent-folders/multiple-terragrunt-in-parents refuses a second level of include", async () => {
    const error = await resolveError(
      "parent-folders/multiple-terragrunt-in-parents/child/sub-child/sub-sub-child",
    );
    expect(error.code).toBe("INCLUDE");
    expect(error.message).toBe(
      `${fixture("parent-folders/multiple-terragrunt-in-parents/child/sub-child/root.hcl")} is included here `
        + "and has an include block of its own (line 1)",
    );
  });

  it("find-parent/app finds root.hcl in the folder above", async () => {
    const { config, includedFiles } = await resolveUnit("find-parent/app");
    expect(includedFiles).toEqual([fixture("find-parent/root.hcl")]);
    expect(config.terraform).toEqual({ source: "." });
  });

  it("prevent-destroy-not-set/child inherits prevent_destroy from the root", async () => {
    const { config } = await resolveUnit("prevent-destroy-not-set/child");
    const summary = await new ConfigResolver({ env: {} }).summarise(fixture("prevent-destroy-not-set/child"));
    expect(config.prevent_destroy).toBe(true);
    expect(summary.preventDestroy).toBe(true);
  });

  it("prevent-destroy-override/child overrides the root's prevent_destroy with false", async () => {
    const { config } = await resolveUnit("prevent-destroy-override/child");
    const summary = await new ConfigResolver({ env: {} }).summarise(fixture("prevent-destroy-override/child"));
    expect(config.prevent_destroy).toBe(false);
    expect(summary.preventDestroy).toBe(false);
  });
});

describe.runIf(!present)("terragrunt fixtures: include (absent)", () => {
  it(`is skipped: the fixtures are not at ${corpus}`, () => {
    expect(present).toBe(false);
  });
});
