import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { ConfigResolver } from "../../../src/config/index.js";
import { writeTree } from "../../helpers/tree.js";

/** The inputs of a unit that reports the terraform command it is resolved for. */
async function commandInputs(terraformCommand: string, terraformArgs: string[]) {
  const root = writeTree({
    "unit/terragrunt.hcl":
      "inputs = {\n  command = get_terraform_command()\n  args = get_terraform_cli_args()\n}\n",
  });
  const resolver = new ConfigResolver({ env: {}, terraformCommand, terraformArgs });
  const unit = await resolver.resolve(join(root, "unit"));
  return unit.config.inputs;
}

describe("terraform command functions", () => {
  it("get_terraform_cli_args lists the command first, then its arguments, as terragrunt does", async () => {
    expect(await commandInputs("apply", ["-auto-approve", "-no-color"])).toEqual({
      command: "apply",
      args: ["apply", "-auto-approve", "-no-color"],
    });
  });

  it("get_terraform_cli_args is empty when no command is being run", async () => {
    expect(await commandInputs("", [])).toEqual({ command: "", args: [] });
  });
});
