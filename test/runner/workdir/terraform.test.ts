/**
 * The working copy with the real terraform, offline. The fixture's units name their modules by
 * a remote git URL that `--source-map` points at a bare repository on disk holding the
 * fixture's modules, tagged v1.0.0. Each unit is prepared, then terraform runs `init` and
 * `apply` in it as the runner will: the module's `../` call must resolve in the copy, the
 * unit's tfvars must be there, and the backend must come from the generated file or from the
 * `-backend-config` arguments.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, type TestContext } from "vitest";

import { markInitialised, SourceCache, type PreparedWorkdir } from "../../../src/runner/workdir/index.js";
import { requireTool } from "../../helpers/integration.js";
import { copyFixture } from "../../helpers/tree.js";
import { bareRepository, fixtureFiles } from "./git-repository.js";
import { prepareUnit } from "./prepare-unit.js";

const WHY = "the working copy is proven by running terraform init and apply in it";
const FIXTURE = "test/fixtures/workdir/terraform";
const REMOTE = "git::https://git.example.com/acme/modules.git";

/** Runs terraform in a prepared directory; returns its stdout. */
function terraform(workdir: PreparedWorkdir, ...args: string[]): string {
  return execFileSync("terraform", args, {
    cwd: workdir.dir,
    encoding: "utf8",
    env: { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The fixture in a temp dir, and how to prepare its units against the local repository. */
function setUp(context: TestContext) {
  requireTool(context, "terraform", WHY);
  requireTool(context, "git", "the modules are fetched from a git repository");
  const root = copyFixture(FIXTURE);
  const repo = bareRepository(fixtureFiles(`${FIXTURE}/modules`, "modules"), "v1.0.0");
  const sources = new SourceCache();
  context.onTestFinished(() => sources.dispose());
  const prepare = (unit: string) => prepareUnit(root, unit, { sources, sourceMap: { [REMOTE]: `git::${repo.url}` } });
  return { root, prepare };
}

/** The `input` value of the terraform_data resource in a local state file. */
function appliedInput(statePath: string): unknown {
  const state = JSON.parse(readFileSync(statePath, "utf8")) as {
    resources: { type: string; instances: { attributes: { input?: { value?: unknown } } }[] }[];
  };
  const resource = state.resources.find((candidate) => candidate.type === "terraform_data");
  return resource?.instances[0]?.attributes.input?.value;
}

describe.concurrent("a working copy from a git source, with the real terraform", () => {
  it("passes init and apply with a generated backend file, and needs no init afterwards", async (context) => {
    const { root, prepare } = setUp(context);

    const workdir = await prepare("live/generated-backend");
    terraform(workdir, "init", "-input=false", ...workdir.backendArgs);
    markInitialised(workdir);
    terraform(workdir, "apply", "-auto-approve", "-input=false");

    expect(appliedInput(join(root, "live/generated-backend/state/app.tfstate"))).toBe("acme-web");
    const again = await prepare("live/generated-backend");
    expect(again).toMatchObject({ dir: workdir.dir, needsInit: false, refreshed: false });
    expect(terraform(again, "output", "-raw", "full_name")).toBe("acme-web");
  });

  it("passes init and apply with -backend-config arguments for the backend the module declares", async (context) => {
    const { root, prepare } = setUp(context);

    const workdir = await prepare("live/backend-config");
    terraform(workdir, "init", "-input=false", ...workdir.backendArgs);
    terraform(workdir, "apply", "-auto-approve", "-input=false");

    const state = join(root, "live/backend-config/declared.tfstate");
    expect(workdir.backendArgs).toEqual([`-backend-config=path=${state}`]);
    expect(appliedInput(state)).toBe("acme-declared");
  });
});
