/**
 * terragrunt's render-json fixtures resolved and rendered by terrace. Expected values are
 * those of TestRenderJSONConfig, TestRenderJSONConfigWithIncludesDependenciesAndLocals and
 * the render-json-metadata tests (TestRenderJsonAttributesMetadata, ...MetadataIncludes,
 * ...MetadataDependency, ...MetadataTerraform, TestRenderJsonWithMockOutputs).
 *
 * terragrunt renders every field of its structs, defaults included (`disable_init: false`,
 * `comment_prefix: "# "`, `outputs: null`, ...); terrace renders what the files set, so the
 * comparison is of the values the files set and, with metadata, of `found_in_file`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { ConfigResolver, renderConfig } from "../../../src/config/index.js";
import type { Value, ValueObject } from "../../../src/config/value.js";
import { tempDir } from "../../helpers/tree.js";
import { corpus, fixture, present, resolveUnit } from "./corpus.js";

/** The unit at `path` rendered with metadata. */
async function renderWithMetadata(path: string): Promise<ValueObject> {
  return renderConfig(await resolveUnit(path), true);
}

/** `found_in_file` of the rendered value at `keys`. */
function foundIn(rendered: ValueObject, ...keys: string[]): Value | undefined {
  let current: Value | undefined = rendered;
  for (const key of keys) current = (current as ValueObject | undefined)?.[key];
  return ((current as ValueObject | undefined)?.metadata as ValueObject | undefined)?.found_in_file;
}

/** The value of the rendered entry at `keys`, without its metadata. */
function valueOf(rendered: ValueObject, ...keys: string[]): Value | undefined {
  let current: Value | undefined = rendered;
  for (const key of keys) current = (current as ValueObject | undefined)?.[key];
  return (current as ValueObject | undefined)?.value;
}

describe.runIf(present)("terragrunt fixtures: render-json", () => {
  it("render-json/main renders the merged includes, the dependency and the dependency's output", async () => {
    const { config } = await resolveUnit("render-json/main", {
      applied: { "render-json/dep": { name: "dep" } },
    });
    expect(config.terraform).toEqual({ source: "./module" });
    expect(config.remote_state).toEqual({
      backend: "local",
      generate: { path: "backend.tf", if_exists: "overwrite_terragrunt" },
      config: { path: "foo.tfstate" },
    });
    expect(config.dependency).toEqual({ dep: { config_path: "../dep" } });
    expect(config.generate).toEqual({
      provider: {
        path: "provider.tf",
        if_exists: "overwrite_terragrunt",
        contents: 'provider "aws" {\n  region = "us-east-1"\n}\n',
      },
    });
    expect(config.inputs).toEqual({ env: "qa", name: "dep", type: "main", aws_region: "us-east-1" });
  });

  it("render-json-regression renders locals, an exposed include's inputs and a dependency's output", async () => {
    const { config } = await resolveUnit("render-json-regression", {
      applied: { "render-json-regression/baz": { baz: "baz" } },
    });
    expect(config.terraform).toEqual({ source: "./foo" });
    expect(config.locals).toEqual({ foo: "bar" });
    expect(config.dependency).toEqual({ baz: { config_path: "./baz" } });
    expect(config.generate).toEqual({
      provider: { path: "provider.tf", if_exists: "overwrite", contents: "# This is just a test" },
    });
    expect(config.inputs).toEqual({ foo: "bar", baz: "blah", another: "baz", from_root: "Hi" });
  });

  it("render-json-regression/baz renders its unused locals", async () => {
    const { config } = await resolveUnit("render-json-regression/baz");
    expect(config.locals).toEqual({ self: "baz" });
  });

  it("render-json-mock-outputs/app renders its dependency with mocks allowed only for validate", async () => {
    const rendered = await renderWithMetadata("render-json-mock-outputs/app");
    expect(valueOf(rendered, "dependency", "module")).toEqual({
      config_path: "../dependency",
      mock_outputs: { security_group_id: "sg-abcd1234", bastion_host_security_group_id: "123" },
      mock_outputs_allowed_terraform_commands: ["validate"],
    });
    expect(foundIn(rendered, "dependency", "module"))
      .toBe(fixture("render-json-mock-outputs/app/terragrunt.hcl"));
    expect(valueOf(rendered, "remote_state")).toEqual({
      backend: "s3",
      config: {
        encrypt: true,
        bucket: "test-tf-state",
        key: "app/terraform.tfstate",
        dynamodb_table: "test-terraform-locks",
        accesslogging_bucket_name: "test-tf-logs",
      },
      generate: { path: "backend.tf", if_exists: "overwrite_terragrunt" },
    });
  });

  it("render-json-inputs/app depends on ../dependency", async () => {
    const summary = await new ConfigResolver({ env: {} }).summarise(fixture("render-json-inputs/app"));
    expect(summary.dependencies.map((edge) => [edge.name, edge.dir]))
      .toEqual([["dep", fixture("render-json-inputs/dependency")]]);
  });

  it("render-json-metadata/attributes finds every attribute in the unit's file", async () => {
    // terrace checks role settings while resolving, and the fixture's are placeholders (an ARN
    // with ACCOUNT_ID, a 666-second session): a copy with real values stands in for it.
    const dir = tempDir();
    const text = readFileSync(fixture("render-json-metadata/attributes/terragrunt.hcl"), "utf8")
      .replace("ACCOUNT_ID", "123456789012")
      .replace("iam_assume_role_duration = 666", "iam_assume_role_duration = 900");
    writeFileSync(join(dir, "terragrunt.hcl"), text);
    const file = join(dir, "terragrunt.hcl");

    const rendered = renderConfig(await new ConfigResolver({ env: {} }).resolve(dir), true);
    const expected: [string[], Value][] = [
      [["inputs", "name"], "us-east-1-bucket"],
      [["inputs", "region"], "us-east-1"],
      [["locals", "aws_region"], "us-east-1"],
      [["download_dir"], "/tmp"],
      [["prevent_destroy"], true],
      [["iam_role"], "arn:aws:iam::123456789012:role/ROLE_NAME"],
      [["iam_role_duration"], 900],
      [["iam_role_session_name"], "qwe"],
      [["terraform_binary"], "tofu"],
      [["terraform_version_constraint"], ">= 0.11"],
    ];
    for (const [keys, value] of expected) {
      expect(valueOf(rendered, ...keys), keys.join(".")).toEqual(value);
      expect(foundIn(rendered, ...keys), keys.join(".")).toBe(file);
    }
  });

  it("render-json-metadata/includes finds each value in the include that set it", async () => {
    const rendered = await renderWithMetadata("render-json-metadata/includes/app");
    const app = fixture("render-json-metadata/includes/app");
    expect(valueOf(rendered, "inputs", "content")).toBe("test");
    expect(foundIn(rendered, "inputs", "content")).toBe(`${app}/locals.hcl`);
    expect(valueOf(rendered, "inputs", "qwe")).toBe("123");
    expect(foundIn(rendered, "inputs", "qwe")).toBe(`${app}/inputs.hcl`);
    expect(Object.keys(rendered.locals as ValueObject)).toEqual(["abc"]);
    expect(valueOf(rendered, "locals", "abc")).toBe("xyz");
    expect(foundIn(rendered, "locals", "abc")).toBe(`${app}/terragrunt.hcl`);
    expect(valueOf(rendered, "generate", "provider"))
      .toEqual({ path: "provider.tf", if_exists: "overwrite", contents: "# test\n" });
    expect(foundIn(rendered, "generate", "provider")).toBe(`${app}/generate.hcl`);
    expect(valueOf(rendered, "remote_state")).toEqual({
      backend: "s3",
      config: { bucket: "mybucket", key: "path/to/my/key", region: "us-east-1" },
    });
    expect(foundIn(rendered, "remote_state")).toBe(fixture("render-json-metadata/includes/common/common.hcl"));
  });

  it("render-json-metadata/dependency finds both dependency blocks in the unit's file", async () => {
    const rendered = await renderWithMetadata("render-json-metadata/dependency/app");
    const file = fixture("render-json-metadata/dependency/app/terragrunt.hcl");
    expect(valueOf(rendered, "dependency", "dep"))
      .toEqual({ config_path: "../dependency", mock_outputs: { test: "value" } });
    expect(valueOf(rendered, "dependency", "dep2"))
      .toEqual({ config_path: "../dependency2", mock_outputs: { test2: "value2" } });
    expect(foundIn(rendered, "dependency", "dep")).toBe(file);
    expect(foundIn(rendered, "dependency", "dep2")).toBe(file);
  });

  it("render-json-metadata/terraform-remote-state finds each block in its own include", async () => {
    const rendered = await renderWithMetadata("render-json-metadata/terraform-remote-state/app");
    const common = fixture("render-json-metadata/terraform-remote-state/common");
    expect(valueOf(rendered, "terraform")).toEqual({ source: "../terraform" });
    expect(foundIn(rendered, "terraform")).toBe(`${common}/terraform.hcl`);
    expect(valueOf(rendered, "remote_state")).toEqual({
      backend: "s3",
      config: { bucket: "mybucket", key: "path/to/my/key", region: "us-east-1" },
    });
    expect(foundIn(rendered, "remote_state")).toBe(`${common}/remote_state.hcl`);
  });

  it("render-json-metadata/dependencies concatenates dependencies paths, the include's first", async () => {
    const rendered = await renderWithMetadata("render-json-metadata/dependencies/app");
    const app = fixture("render-json-metadata/dependencies/app");
    expect(valueOf(rendered, "dependencies")).toEqual({ paths: ["../dependency2", "../dependency1"] });
    expect(valueOf(rendered, "inputs", "test_input")).toBe("test_value");
    expect(foundIn(rendered, "inputs", "test_input")).toBe(`${app}/include.hcl`);
  });
});

describe.runIf(!present)("terragrunt fixtures: render-json (absent)", () => {
  it(`is skipped: the fixtures are not at ${corpus}`, () => {
    expect(present).toBe(false);
  });
});
