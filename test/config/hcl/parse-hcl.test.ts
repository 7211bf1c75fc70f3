import { describe, expect, it } from "vitest";

import { parseHcl } from "../../../src/config/hcl/index.js";
import { attribute, blockHeaders, onlyBlock, parseFixture } from "./fixtures.js";

describe("parseHcl on native syntax", () => {
  it("keeps blocks in declaration order, not in hcl2json's alphabetical order", async () => {
    const file = await parseFixture("unit.hcl");

    expect(blockHeaders(file.body)).toEqual([
      "terraform",
      "locals",
      "dependency vpc",
      "dependency alb",
      "remote_state",
      "generate provider",
      "exclude",
      "errors",
    ]);
  });

  it("keeps nested blocks in declaration order", async () => {
    const file = await parseFixture("unit.hcl");

    const terraform = onlyBlock(file.body, "terraform");
    expect(blockHeaders(terraform.body)).toEqual([
      "extra_arguments retry_lock",
      "before_hook zeta",
      "before_hook alpha",
      "after_hook done",
    ]);
    expect(blockHeaders(onlyBlock(file.body, "errors").body)).toEqual([
      "retry network",
      "ignore known",
    ]);
  });

  it("gives a block the line of its type keyword and an attribute that of its name", async () => {
    const file = await parseFixture("unit.hcl");

    const terraform = onlyBlock(file.body, "terraform");
    expect(terraform.line).toBe(2);
    expect(attribute(terraform.body, "source").line).toBe(3);
    expect(terraform.body.blocks.map((block) => block.line)).toEqual([5, 10, 15, 20]);
    expect(attribute(file.body, "inputs").line).toBe(81);
  });

  it("gives each locals entry its own line", async () => {
    const file = await parseFixture("unit.hcl");

    const locals = onlyBlock(file.body, "locals");
    expect(locals.body.attributes.map(({ name, line }) => [name, line])).toEqual([
      ["region", 28],
      ["env", 29],
      ["name", 30],
    ]);
  });

  it("records the line of each top-level key of an object attribute", async () => {
    const file = await parseFixture("unit.hcl");

    const vpc = file.body.blocks.find((block) => block.labels[0] === "vpc");
    expect(vpc && attribute(vpc.body, "mock_outputs").keyLines).toEqual({
      vpc_id: 37,
      "subnet-ids": 38,
    });
    expect(attribute(file.body, "inputs").keyLines).toEqual({ name: 82, region: 83, tags: 84 });
  });

  it("keeps values as hcl2json gives them, strings being unevaluated templates", async () => {
    const file = await parseFixture("unit.hcl");

    const locals = onlyBlock(file.body, "locals");
    expect(attribute(locals.body, "name").value).toBe("${local.env}-vpc");
    expect(attribute(file.body, "inputs").value).toEqual({
      name: "${local.name}",
      region: "${local.region}",
      tags: { team: "core" },
    });
  });

  it("tells a generate block from a generate attribute", async () => {
    const file = await parseFixture("unit.hcl");

    const generate = onlyBlock(file.body, "generate");
    expect(generate.labels).toEqual(["provider"]);
    expect(attribute(generate.body, "contents").value).toBe('provider "aws" {}');

    const remoteState = onlyBlock(file.body, "remote_state");
    expect(remoteState.body.blocks).toEqual([]);
    expect(attribute(remoteState.body, "generate")).toEqual({
      name: "generate",
      value: { path: "backend.tf", if_exists: "overwrite" },
      line: 48,
      keyLines: { path: 49, if_exists: 50 },
    });
  });

  it("keeps multi-label blocks apart and repeated ones in order", async () => {
    const file = await parseFixture("labels.hcl");

    expect(file.body.blocks.map((block) => [block.labels, block.line])).toEqual([
      [["aws_s3_bucket", "logs"], 1],
      [["aws_s3_bucket", "data"], 5],
      [["aws_iam_role", "ci"], 9],
      [["aws_s3_bucket", "logs"], 13],
      [["plain", 'quoted "label"'], 17],
    ]);
    const buckets = file.body.blocks.map((block) => block.body.attributes[0]?.value);
    expect(buckets).toEqual(["logs", "data", "ci", "logs-again", undefined]);
  });

  it("returns the path and text it was given", async () => {
    const file = await parseHcl("/units/app/terragrunt.hcl", 'a = "b"\n');

    expect(file).toEqual({
      path: "/units/app/terragrunt.hcl",
      text: 'a = "b"\n',
      body: { attributes: [{ name: "a", value: "b", line: 1 }], blocks: [] },
    });
  });

  it("reads an empty file as an empty body", async () => {
    const file = await parseHcl("/units/app/terragrunt.hcl", "# nothing here\n");

    expect(file.body).toEqual({ attributes: [], blocks: [] });
  });
});
