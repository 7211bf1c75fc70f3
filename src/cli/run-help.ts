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
  --debug                           show stack traces for internal errors
`;
