/**
 * How a unit's credentials reach its terraform, as environment changes.
 *
 * The AWS SDKs look for credentials in a fixed order, and static keys in the environment,
 * `AWS_PROFILE`, or a default profile with keys in the shared files all come before the
 * container endpoint. So the endpoint mode removes every one of those from the unit's
 * environment and points the shared files at nothing; the region, which may have come from
 * those files, is set explicitly. `env` mode sets static keys, as terragrunt does; they do
 * not renew while terraform runs.
 */
import type { Credentials } from "./sts.js";

export type CredentialMode = "endpoint" | "env";

/**
 * Variables that would make an SDK pick other credentials than terrace's. The Go SDK of
 * terraform's AWS provider also reads the older `AWS_ACCESS_KEY` and `AWS_SECRET_KEY`.
 */
const COMPETING = [
  "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN",
  "AWS_ACCESS_KEY", "AWS_SECRET_KEY",
  "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
  "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
  "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
];

/** Environment changes for the endpoint mode: `undefined` removes a variable. */
export function endpointEnvironment(url: string, token: string, region: string): Record<string, string | undefined> {
  const changes: Record<string, string | undefined> = {};
  for (const name of COMPETING) changes[name] = undefined;
  return {
    ...changes,
    AWS_CONTAINER_CREDENTIALS_FULL_URI: url,
    AWS_CONTAINER_AUTHORIZATION_TOKEN: token,
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
}

/** Environment changes for the `env` mode: static keys, as terragrunt passes them. */
export function staticEnvironment(credentials: Credentials): Record<string, string | undefined> {
  const changes: Record<string, string | undefined> = {};
  for (const name of COMPETING) changes[name] = undefined;
  return {
    ...changes,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_SECURITY_TOKEN: credentials.sessionToken,
  };
}

/** Applies environment changes to a copy of `env`. */
export function applyChanges(
  env: Readonly<Record<string, string>>,
  changes: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
  const result = { ...env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result;
}
