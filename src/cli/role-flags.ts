/**
 * The role flags every command takes, and how they combine with the environment into the
 * overrides of a run. terragrunt's spellings are accepted as aliases.
 */
import { flagOverride, roleOverrides, type CredentialMode, type RoleOverrides } from "../auth/index.js";
import { TerraceError } from "../errors.js";

/** Role flag values as parsed, by terrace's flag name. */
export interface RoleFlags {
  iamRole?: string;
  iamRoleDuration?: string;
  iamRoleSessionName?: string;
  iamWebIdentityToken?: string;
  iamRoleExternalId?: string;
  credentials?: string;
}

/** terrace's role flags with their terragrunt aliases, old and new. */
export const ROLE_FLAG_ALIASES: Record<string, string> = {
  "--iam-assume-role": "--iam-role",
  "--terragrunt-iam-role": "--iam-role",
  "--iam-assume-role-duration": "--iam-role-duration",
  "--terragrunt-iam-assume-role-duration": "--iam-role-duration",
  "--iam-assume-role-session-name": "--iam-role-session-name",
  "--terragrunt-iam-assume-role-session-name": "--iam-role-session-name",
  "--iam-assume-role-web-identity-token": "--iam-web-identity-token",
  "--terragrunt-iam-web-identity-token": "--iam-web-identity-token",
};

/** The overrides of a run: flags over environment variables. */
export function overridesOf(flags: RoleFlags, env: Readonly<Record<string, string | undefined>>): RoleOverrides {
  return roleOverrides({
    roleArn: flagOverride("--iam-role", flags.iamRole),
    duration: flagOverride("--iam-role-duration", flags.iamRoleDuration),
    sessionName: flagOverride("--iam-role-session-name", flags.iamRoleSessionName),
    webIdentityToken: flagOverride("--iam-web-identity-token", flags.iamWebIdentityToken),
    externalId: flagOverride("--iam-role-external-id", flags.iamRoleExternalId),
  }, env);
}

/** `--credentials endpoint|env`, default endpoint (also from TERRACE_CREDENTIALS). */
export function credentialMode(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): CredentialMode {
  const value = flag ?? env.TERRACE_CREDENTIALS ?? "endpoint";
  if (value === "endpoint" || value === "env") return value;
  throw new TerraceError("USAGE", `--credentials ${value} is not known; expected endpoint or env`, {
    hint: "endpoint (the default) renews credentials while terraform runs; env passes static keys",
  });
}
