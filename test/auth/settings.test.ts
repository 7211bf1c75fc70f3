import { writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

import {
  defaultSessionName,
  flagOverride,
  originName,
  roleOverrides,
  type Origin,
  roleRequest,
  type RoleOverrides,
  type RoleRequest,
} from "../../src/auth/settings.js";
import { ConfigResolver, type UnitConfig } from "../../src/config/index.js";
import { TerraceError } from "../../src/errors.js";
import { copyFixture, tempDir } from "../helpers/tree.js";

const SESSION = "terrace-dev-1700000000";
const FLAG_ROLE = "arn:aws:iam::444444444444:role/from-flag";
const ENV_ROLE = "arn:aws:iam::555555555555:role/from-env";

let root: string;
const units = new Map<string, UnitConfig>();

beforeAll(async () => {
  root = copyFixture("test/fixtures/auth/precedence");
  const resolver = new ConfigResolver();
  for (const unit of ["own", "inherits", "role-only", "no-role"]) {
    units.set(unit, await resolver.resolve(join(root, unit)));
  }
});

interface Flags {
  role?: string;
  duration?: string;
  session?: string;
}

function overrides(flags: Flags, env: Record<string, string> = {}): RoleOverrides {
  return roleOverrides({
    roleArn: flagOverride("--iam-role", flags.role),
    duration: flagOverride("--iam-role-duration", flags.duration),
    sessionName: flagOverride("--iam-role-session-name", flags.session),
  }, env);
}

function request(unit: string, flags: Flags = {}, env: Record<string, string> = {}): RoleRequest | undefined {
  const config = units.get(unit);
  if (config === undefined) throw new Error(`unit ${unit} was not resolved`);
  return roleRequest(config.role, overrides(flags, env), SESSION);
}

/** Each setting as `value @ origin`, files shown relative to the tree. */
function described(found: RoleRequest | undefined): Record<string, string> | undefined {
  if (found === undefined) return undefined;
  const where = (origin: Origin) => originName(origin, (file) => relative(root, file));
  return {
    roleArn: `${found.roleArn} @ ${where(found.origins.roleArn)}`,
    duration: `${found.duration} @ ${where(found.origins.duration)}`,
    sessionName: `${found.sessionName} @ ${where(found.origins.sessionName)}`,
  };
}

function thrown(work: () => unknown): TerraceError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(TerraceError);
    return error as TerraceError;
  }
  throw new Error("expected a TerraceError");
}

interface Scenario {
  scenario: string;
  unit: string;
  flags: Flags;
  env: Record<string, string>;
  expected: Record<string, string>;
}

describe("role settings precedence", () => {
  it.each<Scenario>([
    {
      scenario: "flags win over the environment, the unit's file and its includes",
      unit: "own",
      flags: { role: FLAG_ROLE, duration: "4h", session: "from-flag" },
      env: {
        TERRACE_IAM_ROLE: ENV_ROLE,
        TERRACE_IAM_ROLE_DURATION: "10800",
        TERRACE_IAM_ROLE_SESSION_NAME: "from-env",
      },
      expected: {
        roleArn: `${FLAG_ROLE} @ --iam-role`,
        duration: "14400 @ --iam-role-duration",
        sessionName: "from-flag @ --iam-role-session-name",
      },
    },
    {
      scenario: "the environment wins over the unit's file and its includes",
      unit: "own",
      flags: {},
      env: {
        TERRACE_IAM_ROLE: ENV_ROLE,
        TERRACE_IAM_ROLE_DURATION: "3h",
        TERRACE_IAM_ROLE_SESSION_NAME: "from-env",
      },
      expected: {
        roleArn: `${ENV_ROLE} @ TERRACE_IAM_ROLE`,
        duration: "10800 @ TERRACE_IAM_ROLE_DURATION",
        sessionName: "from-env @ TERRACE_IAM_ROLE_SESSION_NAME",
      },
    },
    {
      scenario: "the unit's file wins over its includes, terragrunt's spellings keeping their line",
      unit: "own",
      flags: {},
      env: {},
      expected: {
        roleArn: "arn:aws:iam::222222222222:role/from-file @ own/terragrunt.hcl:5",
        duration: "5400 @ own/terragrunt.hcl:6",
        sessionName: "from-file @ own/terragrunt.hcl:7",
      },
    },
    {
      scenario: "an include sets what the unit's file does not",
      unit: "inherits",
      flags: {},
      env: {},
      expected: {
        roleArn: "arn:aws:iam::111111111111:role/from-include @ root.hcl:1",
        duration: "7200 @ root.hcl:2",
        sessionName: "from-include @ root.hcl:3",
      },
    },
    {
      scenario: "the duration defaults to 3600 and the session name to the run's",
      unit: "role-only",
      flags: {},
      env: {},
      expected: {
        roleArn: "arn:aws:iam::333333333333:role/role-only @ role-only/terragrunt.hcl:1",
        duration: "3600 @ default",
        sessionName: `${SESSION} @ default`,
      },
    },
    {
      scenario: "each setting is taken from its own best source",
      unit: "inherits",
      flags: { duration: "2h" },
      env: { TERRACE_IAM_ROLE_SESSION_NAME: "from-env" },
      expected: {
        roleArn: "arn:aws:iam::111111111111:role/from-include @ root.hcl:1",
        duration: "7200 @ --iam-role-duration",
        sessionName: "from-env @ TERRACE_IAM_ROLE_SESSION_NAME",
      },
    },
    {
      scenario: "a role from a flag gives a unit without one a role, with the default duration",
      unit: "no-role",
      flags: { role: FLAG_ROLE },
      env: {},
      expected: {
        roleArn: `${FLAG_ROLE} @ --iam-role`,
        duration: "3600 @ default",
        sessionName: `${SESSION} @ default`,
      },
    },
  ])("$scenario", ({ unit, flags, env, expected }) => {
    expect(described(request(unit, flags, env))).toEqual(expected);
  });

  it("gives no request to a unit that nothing gives a role", () => {
    const env = { TERRACE_IAM_ROLE_SESSION_NAME: "from-env" };
    expect(request("no-role", { duration: "2h" }, env)).toBeUndefined();
  });

  it("takes the external ID from the environment over the files", () => {
    expect(request("own")?.externalId).toBe("include-external-id");
    expect(request("own", {}, { TERRACE_IAM_ROLE_EXTERNAL_ID: "env-external-id" })?.externalId)
      .toBe("env-external-id");
    expect(request("role-only")?.externalId).toBeUndefined();
  });

  it("ignores environment variables that are set but empty", () => {
    const env = { TERRACE_IAM_ROLE: "", TERRACE_IAM_ROLE_DURATION: "" };
    expect(described(request("inherits", {}, env))).toEqual({
      roleArn: "arn:aws:iam::111111111111:role/from-include @ root.hcl:1",
      duration: "7200 @ root.hcl:2",
      sessionName: "from-include @ root.hcl:3",
    });
  });
});

describe("role settings from terragrunt's environment variables", () => {
  it.each([
    ["TG_IAM_ASSUME_ROLE", "roleArn", ENV_ROLE],
    ["TERRAGRUNT_IAM_ROLE", "roleArn", ENV_ROLE],
    ["TG_IAM_ASSUME_ROLE_DURATION", "duration", "1h30m"],
    ["TERRAGRUNT_IAM_ASSUME_ROLE_DURATION", "duration", "5400"],
    ["TG_IAM_ASSUME_ROLE_SESSION_NAME", "sessionName", "from-env"],
    ["TERRAGRUNT_IAM_ASSUME_ROLE_SESSION_NAME", "sessionName", "from-env"],
  ] as const)("accepts %s", (name, field, value) => {
    const found = roleOverrides({}, { [name]: value })[field];
    expect(found).toEqual({ value, origin: { kind: "env", name } });
  });

  it.each([
    "TERRACE_IAM_WEB_IDENTITY_TOKEN",
    "TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN",
    "TERRAGRUNT_IAM_WEB_IDENTITY_TOKEN",
    "TERRAGRUNT_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN",
  ])("accepts %s for the web identity token", (name) => {
    expect(request("inherits", {}, { [name]: "eyJhbGciOi.token" })?.webIdentityToken).toBe("eyJhbGciOi.token");
  });

  it("prefers terrace's name, then terragrunt's new name, then its old one", () => {
    const env = {
      TERRAGRUNT_IAM_ASSUME_ROLE_DURATION: "900",
      TG_IAM_ASSUME_ROLE_DURATION: "1800",
      TERRACE_IAM_ROLE_DURATION: "2700",
    };
    expect(described(request("inherits", {}, env))?.duration).toBe("2700 @ TERRACE_IAM_ROLE_DURATION");

    const { TERRACE_IAM_ROLE_DURATION: _terrace, ...terragrunt } = env;
    expect(described(request("inherits", {}, terragrunt))?.duration).toBe("1800 @ TG_IAM_ASSUME_ROLE_DURATION");
  });

  it("reads the web identity token from the file a setting names", () => {
    const file = join(tempDir(), "token");
    writeFileSync(file, "eyJhbGciOi.from-file\n");
    expect(request("inherits", {}, { TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN: file })?.webIdentityToken)
      .toBe("eyJhbGciOi.from-file");
  });
});

describe("bad role overrides", () => {
  it("rejects a flag duration that is not a duration", () => {
    const error = thrown(() => overrides({ duration: "2 hours" }));
    expect(error.code).toBe("IAM_DURATION");
    expect(error.message).toBe('--iam-role-duration = "2 hours" is not a duration; '
      + 'expected seconds or a string such as "4h" or "1h30m"');
  });

  it("rejects a flag duration beyond what STS grants", () => {
    const error = thrown(() => overrides({ duration: "13h" }));
    expect(error.code).toBe("IAM_DURATION");
    expect(error.message).toBe(
      '--iam-role-duration = "13h" is out of range; expected 900 to 43200 seconds (15 minutes to 12 hours)');
  });

  it("rejects a flag role that is not a role ARN", () => {
    const error = thrown(() => overrides({ role: "deploy" }));
    expect(error.code).toBe("IAM_ROLE");
    expect(error.message).toBe(
      '--iam-role = "deploy" is not a role ARN; expected arn:aws:iam::<12-digit account>:role/<name>');
  });

  it("names the environment variable that holds a bad duration", () => {
    const error = thrown(() => overrides({}, { TG_IAM_ASSUME_ROLE_DURATION: "soon" }));
    expect(error.message).toBe('TG_IAM_ASSUME_ROLE_DURATION = "soon" is not a duration; '
      + 'expected seconds or a string such as "4h" or "1h30m"');
  });

  it("checks a bad flag even when the environment holds a good value", () => {
    expect(() => overrides({ role: "arn:aws:iam::1:role/x" }, { TERRACE_IAM_ROLE: ENV_ROLE }))
      .toThrow('--iam-role = "arn:aws:iam::1:role/x" is not a role ARN');
  });

  it("rejects a flag given without a value", () => {
    const error = thrown(() => flagOverride("--iam-role", ""));
    expect({ code: error.code, message: error.message, hint: error.hint })
      .toEqual({ code: "USAGE", message: "--iam-role needs a value", hint: "write --iam-role VALUE" });
  });
});

describe("the default session name", () => {
  it("names the user and the run's start in seconds, within STS's characters and length", () => {
    const name = defaultSessionName(new Date(1_700_000_000_500));
    const user = userInfo().username.replace(/[^\w+=,.@-]/g, "-").slice(0, 40);

    expect(name).toBe(`terrace-${user}-1700000000`);
    expect(name).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
});
