/**
 * A unit's role settings, field by field, from the places that may set them, in order of
 * precedence: a command-line flag, then an environment variable, then the unit's own file,
 * then its includes (the config layer has already ordered those), then the default. Each
 * value keeps where it came from, for `render-json --with-metadata`, errors and the report.
 */
import { existsSync, readFileSync } from "node:fs";
import { userInfo } from "node:os";

import { checkDuration, checkRoleArn, DEFAULT_DURATION, type RoleSettings } from "../config/index.js";
import { TerraceError, type SourceLocation } from "../errors.js";

/** Where a setting came from. */
export type Origin =
  | { kind: "flag"; name: string }
  | { kind: "env"; name: string }
  | { kind: "file"; location: SourceLocation }
  | { kind: "default" };

/** What is asked of STS for a unit. */
export interface RoleRequest {
  roleArn: string;
  /** Seconds. */
  duration: number;
  sessionName: string;
  externalId: string | undefined;
  /** The token itself, read from its file when the setting names one. */
  webIdentityToken: string | undefined;
  origins: {
    roleArn: Origin;
    duration: Origin;
    sessionName: Origin;
  };
}

/** Settings given on the command line or in the environment, for every unit of a run. */
export interface RoleOverrides {
  roleArn?: Override;
  duration?: Override;
  sessionName?: Override;
  externalId?: Override;
  webIdentityToken?: Override;
}

export interface Override {
  value: string;
  origin: Origin;
}

/** Environment variables for each setting, terrace's name first, then terragrunt's. */
export const ROLE_ENV: Record<keyof RoleOverrides, string[]> = {
  roleArn: ["TERRACE_IAM_ROLE", "TG_IAM_ASSUME_ROLE", "TERRAGRUNT_IAM_ROLE"],
  duration: ["TERRACE_IAM_ROLE_DURATION", "TG_IAM_ASSUME_ROLE_DURATION", "TERRAGRUNT_IAM_ASSUME_ROLE_DURATION"],
  sessionName: [
    "TERRACE_IAM_ROLE_SESSION_NAME", "TG_IAM_ASSUME_ROLE_SESSION_NAME", "TERRAGRUNT_IAM_ASSUME_ROLE_SESSION_NAME",
  ],
  webIdentityToken: [
    "TERRACE_IAM_WEB_IDENTITY_TOKEN", "TG_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN",
    "TERRAGRUNT_IAM_WEB_IDENTITY_TOKEN", "TERRAGRUNT_IAM_ASSUME_ROLE_WEB_IDENTITY_TOKEN",
  ],
  externalId: ["TERRACE_IAM_ROLE_EXTERNAL_ID"],
};

/** Overrides from the environment, merged under the flags given (flags win). */
export function roleOverrides(
  flags: RoleOverrides,
  env: Readonly<Record<string, string | undefined>>,
): RoleOverrides {
  const result: RoleOverrides = {};
  for (const [field, names] of Object.entries(ROLE_ENV) as [keyof RoleOverrides, string[]][]) {
    const flag = flags[field];
    if (flag !== undefined) {
      result[field] = flag;
      continue;
    }
    const name = names.find((candidate) => env[candidate] !== undefined && env[candidate] !== "");
    if (name !== undefined) result[field] = { value: env[name] as string, origin: { kind: "env", name } };
  }
  if (result.duration !== undefined) {
    checkDuration(result.duration.value, originName(result.duration.origin));
  }
  if (result.roleArn !== undefined) checkRoleArn(result.roleArn.value, originName(result.roleArn.origin));
  return result;
}

/** The STS request for a unit, or undefined when nothing gives it a role. */
export function roleRequest(
  config: RoleSettings,
  overrides: RoleOverrides,
  defaultSessionName: string,
): RoleRequest | undefined {
  const pick = (field: keyof RoleOverrides, name: keyof RoleSettings): { value: string | number; origin: Origin } | undefined => {
    const override = overrides[field];
    if (override !== undefined) return override;
    const setting = config[name];
    if (setting === undefined) return undefined;
    const origin: Origin = setting.origin ? { kind: "file", location: setting.origin } : { kind: "default" };
    return { value: setting.value, origin };
  };

  const role = pick("roleArn", "iam_role");
  if (role === undefined) return undefined;
  const duration = pick("duration", "iam_role_duration");
  const session = pick("sessionName", "iam_role_session_name");
  const token = pick("webIdentityToken", "iam_web_identity_token");
  return {
    roleArn: String(role.value),
    duration: duration === undefined ? DEFAULT_DURATION : checkDuration(duration.value, "iam_role_duration"),
    sessionName: session === undefined ? defaultSessionName : String(session.value),
    externalId: pick("externalId", "iam_role_external_id")?.value.toString(),
    webIdentityToken: token === undefined ? undefined : readToken(String(token.value)),
    origins: {
      roleArn: role.origin,
      duration: duration?.origin ?? { kind: "default" },
      sessionName: session?.origin ?? { kind: "default" },
    },
  };
}

/** A token given as a path is read from the file; anything else is the token itself. */
function readToken(value: string): string {
  return tokenIsFile(value) ? readFileSync(value, "utf8").trim() : value;
}

/** Whether a web identity token setting names a file holding the token, not the token. */
export function tokenIsFile(value: string): boolean {
  return value.length < 4096 && existsSync(value);
}

/**
 * `terrace-<user>-<unix seconds>`: names the person in CloudTrail and stays within STS's
 * 64 characters of `[\w+=,.@-]`. One name per run, so units share their sessions.
 */
export function defaultSessionName(now: Date): string {
  let user = "user";
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep the generic name.
  }
  const safe = user.replace(/[^\w+=,.@-]/g, "-").slice(0, 40) || "user";
  return `terrace-${safe}-${Math.floor(now.getTime() / 1000)}`;
}

/** How an origin reads in messages: `prod/env.hcl:3`, `--iam-role-duration`, `default`. */
export function originName(origin: Origin, display: (file: string) => string = (file) => file): string {
  switch (origin.kind) {
    case "flag":
    case "env":
      return origin.name;
    case "file":
      return `${display(origin.location.file)}:${origin.location.line}`;
    default:
      return "default";
  }
}

/** A flag's value checked now, so that a bad flag fails before anything is read. */
export function flagOverride(name: string, value: string | undefined): Override | undefined {
  if (value === undefined) return undefined;
  if (value === "") {
    throw new TerraceError("USAGE", `${name} needs a value`, { hint: `write ${name} VALUE` });
  }
  return { value, origin: { kind: "flag", name } };
}
