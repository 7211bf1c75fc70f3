import { describe, expect, it } from "vitest";

import { evaluateRaw } from "../../../src/config/expr/index.js";
import type { RawValue } from "../../../src/config/hcl/model.js";
import { lazyOf, scopeOf } from "./scope.js";

/** Fifty values shaped like a unit's attributes, as hcl2json gives them. */
function unitFile(): RawValue {
  const file: Record<string, RawValue> = {};
  for (let i = 0; i < 10; i += 1) {
    file[`name_${i}`] = "${local.env}-app-${local.region}";
    file[`path_${i}`] = '${upper(local.env)}/${join("/", local.parts)}';
    file[`count_${i}`] = "${local.n * 2 + 1 > 3 ? local.n : 0}";
    file[`tags_${i}`] = { Env: "${local.env}", Name: "${local.tags.name}" };
    file[`ids_${i}`] = "${[for s in local.subnets : s.id if s.public]}";
  }
  return file;
}

describe("evaluation speed", () => {
  it("evaluates a typical file of cached expressions in well under half a millisecond", () => {
    const locals = lazyOf({
      env: () => "prod",
      region: () => "eu-west-1",
      parts: () => ["a", "b", "c"],
      n: () => 4,
      tags: () => ({ name: "web" }),
      subnets: () => [
        { id: "s-1", public: true },
        { id: "s-2", public: false },
      ],
    });
    const base = scopeOf({ local: locals.object });
    const functions = new Map(base.functions);
    functions.set("join", ([separator, list]) => (list as string[]).join(separator as string));
    const scope = { ...base, functions };
    const file = unitFile();

    expect(evaluateRaw(file, scope)).toMatchObject({
      name_0: "prod-app-eu-west-1",
      path_0: "PROD/a/b/c",
      count_0: 4,
      tags_0: { Env: "prod", Name: "web" },
      ids_0: ["s-1"],
    });
    for (let round = 0; round < 200; round += 1) evaluateRaw(file, scope);
    const rounds = 1000;
    const start = performance.now();
    for (let round = 0; round < rounds; round += 1) evaluateRaw(file, scope);
    const perFile = (performance.now() - start) / rounds;

    expect(perFile).toBeLessThan(0.25);
  });
});
