/**
 * terragrunt-infrastructure-live-example, a repository no one here wrote, up to
 * `terraform init`: its module URL mapped with --source-map to a local bare repository that
 * the test builds, each unit's working copy prepared from it with the generated provider and
 * backend, and init started there. The corpus sits in ../shared beside the repository.
 */
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { requireTool } from "../helpers/integration.js";
import { repoRoot, tempDir } from "../helpers/tree.js";
import { bareRepository } from "../runner/workdir/git-repository.js";

const corpus = join(repoRoot, "..", "shared", "corpus", "terragrunt-infrastructure-live-example");
const present = existsSync(corpus);
const MODULES_URL = "git::git@github.com:gruntwork-io/terragrunt-infrastructure-modules-example.git";
const UNITS = [
  "non-prod/us-east-1/qa/mysql",
  "non-prod/us-east-1/qa/webserver-cluster",
  "non-prod/us-east-1/stage/mysql",
  "non-prod/us-east-1/stage/webserver-cluster",
  "prod/us-east-1/prod/mysql",
  "prod/us-east-1/prod/webserver-cluster",
];

describe.runIf(present)("terragrunt-infrastructure-live-example with its modules mapped to a local repository", () => {
  it("brings every unit to terraform init in a working copy with the generated provider and backend", async (context) => {
    if (!requireTool(context, "git", "the module repository is a real git repository")) return;
    const modules = bareRepository({
      "modules/mysql/main.tf": 'variable "name" {\n  type    = string\n  default = ""\n}\n',
      "modules/asg-alb-service/main.tf": 'variable "name" {\n  type    = string\n  default = ""\n}\n',
    }, "v0.8.0");
    const root = tempDir();
    cpSync(corpus, root, { recursive: true });
    const tree = FakeTree.at(root, { initialised: false });

    const result = await tree.terrace([
      "run-all", "init", "--non-interactive", "--source-map", `${MODULES_URL}=git::${modules.url}`,
    ]);

    expect(result.exitCode).toBe(0);
    const inits = tree.calls("init");
    expect(inits.map((call) => call.unit.split("/.terragrunt-cache/")[0]).sort()).toEqual(UNITS);
    for (const call of inits) {
      const workdir = join(root, call.unit);
      expect(call.unit).toMatch(/\/\.terragrunt-cache\/[0-9a-f]+\/modules\/(mysql|asg-alb-service)$/);
      expect(readFileSync(join(workdir, "provider.tf"), "utf8")).toContain('provider "aws"');
      expect(readFileSync(join(workdir, "backend.tf"), "utf8")).toContain('backend "s3"');
    }
    const qa = inits.find((call) => call.unit.startsWith("non-prod/us-east-1/qa/mysql/"));
    expect(readFileSync(join(root, qa?.unit ?? "", "backend.tf"), "utf8"))
      .toContain('key            = "non-prod/us-east-1/qa/mysql/tf.tfstate"');
  });
});

describe.runIf(!present)("terragrunt-infrastructure-live-example (absent)", () => {
  it(`is skipped: the corpus is not at ${corpus}`, () => {
    expect(present).toBe(false);
  });
});
