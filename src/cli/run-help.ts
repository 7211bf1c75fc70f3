/** The help of `terrace run-all`, printed for `--help` or `-h`. */

/** Usage, flags and their terragrunt spellings. */
export const RUN_ALL_HELP = `Usage: terrace run-all COMMAND [terraform arguments] [flags]
       terrace apply-all | plan-all | destroy-all | output-all | validate-all [...]

Runs a terraform command in every unit under the working directory, dependencies first
(dependents first for destroy). Arguments terrace does not know are passed to terraform;
everything after -- goes to terraform as it is.

Flags (terragrunt's --terragrunt-* spellings are accepted too):
  --working-dir DIR                 the tree of units (default: the current directory)
  --config NAME                     file name of a unit's configuration (default: terragrunt.hcl)
  --parallelism N                   run at most N units at once
  --non-interactive                 do not ask before apply or destroy
  --ignore-dependency-errors        run units whose dependencies failed
  --include-dir GLOB                run matching units and their dependencies (repeatable)
  --strict-include                  run only the units --include-dir matches
  --exclude-dir GLOB                do not run matching units (repeatable)
  --include-external-dependencies   run dependencies outside the working directory
  --report FILE                     write a JSON report of the run
  --tf-path PATH                    the terraform binary
  --download-dir DIR                where copies of module sources go (default: .terragrunt-cache)
  --source PATH                     use this module source instead of each unit's own
  --source-map FROM=TO              map a module source URL to another (repeatable)
  --debug                           show stack traces for internal errors

Roles (over the units' iam_* settings; terragrunt's --iam-assume-role* spellings are accepted):
  --iam-role ARN                    role to assume for every unit
  --iam-role-duration DURATION      session length: seconds, or 90m, 4h, 1h30m (900 to 43200 s)
  --iam-role-session-name NAME      STS session name (default terrace-<user>-<time>)
  --iam-web-identity-token TOKEN    OIDC token, or a file holding one
  --iam-role-external-id ID         external ID the role's trust policy requires
  --credentials endpoint|env        endpoint (default): terraform fetches credentials from
                                    terrace and they renew while it runs; env: static keys
`;
