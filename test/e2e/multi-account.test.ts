/**
 * The multi-account example (`fixtures/multi-account`) end to end: moto_server as STS and IAM,
 * real terraform, and the AWS CLI in each unit's local-exec writing the identity terraform
 * received to identity.json. moto answers with Expiration = now + DurationSeconds, so a
 * unit's credential expiry in the report shows the duration terrace asked for.
 */
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";

import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";

import { FakeTree } from "../helpers/fake-terraform.js";
import { onPath, requireTool } from "../helpers/integration.js";
import { filesUnder, leaksIn, type Place, type Secret } from "../helpers/leaks.js";
import { Moto } from "../helpers/moto.js";
import { terraceProcess, type CliResult } from "../helpers/terrace.js";
import { copyFixture } from "../helpers/tree.js";

const NEEDS = "these tests apply real units against a real STS "
  + "(terraform, pip install 'moto[server]' awscli)";
const NON_PROD = "arn:aws:iam::123456789012:role/terrace-non-prod";
const PROD = "arn:aws:iam::123456789012:role/terrace-prod";

let moto: Moto | undefined;

beforeAll(async () => {
  if (onPath("moto_server") === undefined || onPath("aws") === undefined) return;
  moto = await Moto.start();
  await Promise.all([
    moto.createRole("terrace-non-prod", 43200),
    moto.createRole("terrace-prod", 43200),
  ]);
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

/** moto, for a test that needs it and real terraform; skips without the tools. */
function useMoto(context: TestContext): Moto {
  for (const tool of ["terraform", "moto_server", "aws"]) requireTool(context, tool, NEEDS);
  if (moto === undefined) throw new Error("moto_server did not start");
  return moto;
}

/** A unit's entry in the `--report` file. */
interface ReportUnit {
  path: string;
  status: string;
  started_at: string;
  role: string | null;
  session_duration: number | null;
  credential_expiry: string | null;
}

function reportOf(file: string): ReportUnit[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { units: ReportUnit[] }).units;
}

/** Seconds from a unit's start to its credentials' expiry: the session length STS granted. */
function grantedSeconds(unit: ReportUnit): number {
  return (Date.parse(unit.credential_expiry ?? "") - Date.parse(unit.started_at)) / 1000;
}

/** The identity the AWS CLI saw in a unit: the role's ARN part, and the session name. */
function identityOf(root: string, unit: string): { role: string; session: string } {
  const file = join(root, unit, "identity.json");
  const { Arn } = JSON.parse(readFileSync(file, "utf8")) as { Arn: string };
  const slash = Arn.lastIndexOf("/");
  return { role: Arn.slice(0, slash), session: Arn.slice(slash + 1) };
}

/** `render-json --with-metadata` of db-restore: its role settings and where each came from. */
async function renderedRole(root: string, argv: string[] = [], env: Record<string, string> = {}) {
  const result = await terraceProcess(["render-json", "--with-metadata", ...argv], {
    cwd: join(root, "prod/prod/db-restore"),
    env,
  });
  if (result.stderr !== "") throw new Error(`render-json failed:\n${result.stderr}`);
  const rendered = JSON.parse(result.stdout) as Record<string, unknown>;
  return { iam_role: rendered.iam_role, iam_role_duration: rendered.iam_role_duration };
}

/** Every credential moto has issued so far, read from its state. */
async function issuedByMoto(server: Moto): Promise<{ roles: Set<string>; secrets: Secret[] }> {
  const response = await fetch(`${server.url}/moto-api/data.json`);
  const data = await response.json() as { sts: { AssumedRole: AssumedRoleState[] } };
  const assumed = data.sts.AssumedRole;
  return {
    roles: new Set(assumed.map((role) => role.role_arn)),
    secrets: assumed.flatMap((role) => [
      { what: `access key of ${role.role_arn}`, value: role.access_key_id },
      { what: `secret key of ${role.role_arn}`, value: role.secret_access_key },
      { what: `session token of ${role.role_arn}`, value: role.session_token },
    ]),
  };
}

interface AssumedRoleState {
  role_arn: string;
  access_key_id: string;
  secret_access_key: string;
  session_token: string;
}

/** A way to set every unit's duration from outside the files: a flag or a variable. */
interface DurationOverride {
  name: string;
  argv: string[];
  env: Record<string, string>;
}

describe("the multi-account example against moto", () => {
  let applied: { root: string; result: CliResult; started: number; ended: number } | undefined;

  /** One `run-all apply --debug --report` of the example, shared by the tests that read it. */
  async function applyOnce(context: TestContext) {
    const server = useMoto(context);
    if (applied !== undefined) return applied;
    const root = copyFixture("fixtures/multi-account");
    const started = Date.now();
    const result = await terraceProcess(
      ["run-all", "apply", "--non-interactive", "--debug", "--report", "report.json"],
      { cwd: root, env: server.env() },
    );
    applied = { root, result, started, ended: Date.now() };
    return applied;
  }

  it("runs each unit as its own role, for the session length its config declares", async (context) => {
    const { root, result, started, ended } = await applyOnce(context);

    expect(result.exitCode).toBe(0);
    const nonProd = identityOf(root, "non-prod/dev/app");
    expect(nonProd.role).toBe("arn:aws:sts::123456789012:assumed-role/terrace-non-prod");
    expect(identityOf(root, "prod/prod/app")).toEqual({
      role: "arn:aws:sts::123456789012:assumed-role/terrace-prod",
      session: nonProd.session,
    });
    expect(identityOf(root, "prod/prod/db-restore")).toEqual({
      role: "arn:aws:sts::123456789012:assumed-role/terrace-prod",
      session: nonProd.session,
    });

    // One session name for the run: terrace-<user>-<unix seconds when it started>.
    const [, user, seconds] = /^terrace-(.+)-(\d+)$/.exec(nonProd.session) ?? [];
    expect(user).toBe(userInfo().username);
    expect(Number(seconds)).toBeGreaterThanOrEqual(Math.floor(started / 1000));
    expect(Number(seconds)).toBeLessThanOrEqual(Math.ceil(ended / 1000));

    const units = reportOf(join(root, "report.json"));
    const shown = units.map(({ path, status, role, session_duration }) =>
      ({ path, status, role, session_duration }));
    expect(shown).toEqual([
      { path: "non-prod/dev/app", status: "succeeded", role: NON_PROD, session_duration: 3600 },
      { path: "prod/prod/app", status: "succeeded", role: PROD, session_duration: 14400 },
      { path: "prod/prod/db-restore", status: "succeeded", role: PROD, session_duration: 43200 },
    ]);
    for (const unit of units) {
      expect(Math.abs(grantedSeconds(unit) - (unit.session_duration ?? 0))).toBeLessThan(60);
    }
  }, 60_000);

  it("leaves none of the keys moto issued in the output, the report or the tree", async (context) => {
    const { root, result } = await applyOnce(context);

    const { roles, secrets } = await issuedByMoto(useMoto(context));

    expect(roles).toEqual(new Set([NON_PROD, PROD]));
    const output: Place[] = [["stdout", result.stdout], ["stderr", result.stderr]];
    const places = [...output, ...filesUnder(root)];
    expect(places.map(([name]) => name))
      .toEqual(expect.arrayContaining(["report.json", "prod/prod/app/identity.json"]));
    expect(leaksIn(secrets, places)).toEqual([]);
  }, 60_000);

  it("shows in render-json where db-restore's role and duration are set", async (context) => {
    useMoto(context);
    const root = copyFixture("fixtures/multi-account");

    expect(await renderedRole(root)).toEqual({
      iam_role: {
        value: PROD,
        metadata: { found_in_file: join(root, "prod/account.hcl"), line: 6 },
      },
      iam_role_duration: {
        value: 43200,
        metadata: { found_in_file: join(root, "prod/prod/db-restore/terragrunt.hcl"), line: 14 },
      },
    });
  });

  // Three short runs that mostly wait on processes: side by side.
  const overrides: DurationOverride[] = [
    { name: "--iam-role-duration 2h", argv: ["--iam-role-duration", "2h"], env: {} },
    { name: "TERRACE_IAM_ROLE_DURATION=2h", argv: [], env: { TERRACE_IAM_ROLE_DURATION: "2h" } },
    { name: "TG_IAM_ASSUME_ROLE_DURATION=2h", argv: [], env: { TG_IAM_ASSUME_ROLE_DURATION: "2h" } },
  ];
  it.concurrent.for(overrides)("asks STS for two hours in every unit with $name, over the files", {
    timeout: 60_000,
  }, async ({ argv, env }, context) => {
    const server = useMoto(context);
    // terraform's part is the first test's; here the fake keeps the run short.
    const tree = FakeTree.copy("fixtures/multi-account");

    const result = await tree.spawn(
      ["run-all", "apply", "--non-interactive", "--report", "report.json", ...argv],
      { env: { ...server.env(), ...env } },
    ).result;

    context.expect(result.exitCode).toBe(0);
    const units = reportOf(join(tree.root, "report.json"));
    context.expect(units.map((unit) => [unit.path, unit.session_duration])).toEqual([
      ["non-prod/dev/app", 7200],
      ["prod/prod/app", 7200],
      ["prod/prod/db-restore", 7200],
    ]);
    for (const unit of units) context.expect(Math.abs(grantedSeconds(unit) - 7200)).toBeLessThan(60);
    const origin = argv[0] ?? Object.keys(env)[0];
    context.expect((await renderedRole(tree.root, argv, env)).iam_role_duration)
      .toEqual({ value: 7200, metadata: { found_in_file: origin } });
  });

  it("applies one unit with `terrace apply` as that unit's role", async (context) => {
    const server = useMoto(context);
    const root = copyFixture("fixtures/multi-account");

    const result = await terraceProcess(["apply", "-auto-approve"], {
      cwd: join(root, "prod/prod/app"),
      env: server.env(),
    });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
    expect(identityOf(root, "prod/prod/app").role)
      .toBe("arn:aws:sts::123456789012:assumed-role/terrace-prod");
  }, 60_000);
});
