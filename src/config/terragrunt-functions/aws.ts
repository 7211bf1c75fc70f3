/**
 * The AWS identity functions. They answer with the identity of the unit's role when it has
 * one, as a user of `iam_role` expects (terragrunt has regressed here more than once), and
 * with the source credentials' identity otherwise, or while the role itself is being worked
 * out (a role ARN that names `get_aws_account_id()`).
 */
import { TerraceError } from "../../errors.js";
import type { HclFunction } from "../functions/types.js";
import type { AwsIdentity } from "../resolve/context.js";
import type { RoleSettings } from "../unit-config.js";
import { arity, type FunctionEnv } from "./env.js";

const FIELDS: Record<string, keyof AwsIdentity> = {
  get_aws_account_id: "account",
  get_aws_caller_identity_arn: "arn",
  get_aws_caller_identity_user_id: "userId",
};

/** The identity functions bound to one evaluation. */
export function awsFunctions(env: FunctionEnv): Map<string, HclFunction> {
  const table = new Map<string, HclFunction>();
  for (const [name, field] of Object.entries(FIELDS)) {
    table.set(name, (args) => {
      arity(name, args, 0);
      const lookup = env.context.options.awsIdentity;
      if (lookup === undefined) {
        throw new TerraceError("FUNCTION_CALL", `${name}: AWS credentials are not available here`, {
          hint: "this command resolves configuration without AWS; use render-json or run-all, which ask STS",
        });
      }
      // The answer depends on the unit's role: a file read for several units must not share it.
      env.frame.usage.originalDir = true;
      return lookup(roleOf(env))[field];
    });
  }
  return table;
}

/**
 * The unit's role settings, or undefined while they are being worked out: a role ARN that
 * names `get_aws_account_id()` asks for the settings from inside their own computation, which
 * the evaluation stack reports as a cycle. A real cycle among the settings is still reported
 * when the unit's configuration is resolved.
 */
function roleOf(env: FunctionEnv): RoleSettings | undefined {
  try {
    return env.roleSettings();
  } catch (error) {
    if (error instanceof TerraceError && error.code === "LOCALS_CYCLE") return undefined;
    throw error;
  }
}
