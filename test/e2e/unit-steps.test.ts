/**
 * A unit's whole turn with the real terraform and real git: its module fetched from a tagged
 * git repository, its extra arguments and var files, its hooks in order, and a transient
 * failure retried as its errors block says; and bad steps that stop that unit only.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { requireTool } from "../helpers/integration.js";
import { terraceMain } from "../helpers/terrace.js";
import { writeTree } from "../helpers/tree.js";
import { bareRepository } from "../runner/workdir/git-repository.js";

/** A module whose first apply fails with a "transient" error, and whose later ones succeed. */
const MODULE = `variable "greeting" { type = string }
variable "name" { type = string }

resource "terraform_data" "hello" {
  input = "\${var.greeting}, \${var.name}"

  provisioner "local-exec" {
    command = "if [ ! -f \${path.cwd}/tried ]; then touch \${path.cwd}/tried; echo transient glitch; exit 1; fi; echo \${self.input} > \${path.cwd}/greeting.txt"
  }
}

output "greeting" {
  value = terraform_data.hello.input
}
`;

function unit(source: string, extra = ""): string {
  return `terraform {
  source = "${source}"

  extra_arguments "vars" {
    commands           = ["apply", "plan"]
    arguments          = ["-compact-warnings"]
    required_var_files = ["\${get_terragrunt_dir()}/greeting.tfvars"]
    optional_var_files = ["\${get_terragrunt_dir()}/missing.tfvars"]
  }

  before_hook "first" {
    commands = ["apply"]
    execute  = ["sh", "-c", "echo before-first >> \${get_terragrunt_dir()}/hooks.log"]
  }

  before_hook "second" {
    commands = ["apply"]
    execute  = ["sh", "-c", "echo before-second >> \${get_terragrunt_dir()}/hooks.log"]
  }

  after_hook "done" {
    commands = ["apply"]
    execute  = ["sh", "-c", "echo after >> \${get_terragrunt_dir()}/hooks.log"]
  }
}

errors {
  retry "transient" {
    retryable_errors   = ["(?s).*transient glitch.*"]
    max_attempts       = 3
    sleep_interval_sec = 0
  }
}

inputs = {
  name = "terrace"
}
${extra}`;
}

describe("a unit's steps with real terraform and git", () => {
  it("fetches the module, passes var files and arguments, runs hooks in order and retries a transient failure", async (context) => {
    if (!requireTool(context, "terraform", "the unit is applied for real")) return;
    if (!requireTool(context, "git", "the module comes from a git repository")) return;
    const modules = bareRepository({ "modules/hello/main.tf": MODULE }, "v1.0.0");
    const root = writeTree({
      "app/terragrunt.hcl": unit(`git::${modules.url}//modules/hello?ref=v1.0.0`),
      "app/greeting.tfvars": 'greeting = "hello"\n',
    });

    const result = await terraceMain(["run-all", "apply", "--non-interactive", "--working-dir", root]);

    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(root, "app", "hooks.log"), "utf8")).toBe("before-first\nbefore-second\nafter\n");
    const output = await terraceMain(["output", "-raw", "greeting", "--working-dir", join(root, "app")]);
    expect(output.stdout).toBe("hello, terrace\n");
    expect(result.stderr).toContain("transient glitch");
  });

  it("stops only the unit whose required var file is missing, naming the file and line", async (context) => {
    if (!requireTool(context, "terraform", "the other unit is applied for real")) return;
    const root = writeTree({
      "broken/terragrunt.hcl": unit("../module"),
      "fine/terragrunt.hcl": 'terraform {\n  source = "../module"\n}\ninputs = { greeting = "hi", name = "fine" }\n',
      "module/main.tf": 'variable "greeting" { type = string }\nvariable "name" { type = string }\n',
    });

    const result = await terraceMain(["run-all", "apply", "--non-interactive", "--working-dir", root]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /failed +broken +[\d.]+s +broken\/terragrunt\.hcl:7: extra_arguments "vars": required var file \/\S+\/broken\/greeting\.tfvars does not exist; create the file/,
    );
    expect(result.stderr).toMatch(/succeeded +fine/);
  });

  it("fails a unit whose hook command does not exist, before terraform's command runs", async () => {
    const tree = FakeTree.write({
      "app/terragrunt.hcl": 'terraform {\n  before_hook "lint" {\n    commands = ["apply"]\n    execute  = ["terrace-no-such-linter"]\n  }\n}\n',
    });

    const result = await tree.terrace(["run-all", "apply", "--non-interactive"]);

    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/failed +app +[\d.]+s +before_hook "lint" \(app\/terragrunt\.hcl:2\): /);
    expect(tree.calls("apply")).toEqual([]);
  });
});
