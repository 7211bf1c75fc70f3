/**
 * Writes a terragrunt repository in the usual multi-account layout: a root.hcl that reads
 * account.hcl, region.hcl and env.hcl from parent folders, an _envcommon/ file per component,
 * and units that include both. Returns the unit directories and every HCL file written.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const ROOT_HCL = `locals {
  account_vars     = read_terragrunt_config(find_in_parent_folders("account.hcl"))
  region_vars      = read_terragrunt_config(find_in_parent_folders("region.hcl"))
  environment_vars = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  account_name     = local.account_vars.locals.account_name
  aws_region       = local.region_vars.locals.aws_region
}

iam_role          = local.account_vars.locals.iam_role
iam_role_duration = local.environment_vars.locals.duration

generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOF
provider "aws" {
  region = "\${local.aws_region}"
}
EOF
}

remote_state {
  backend = "s3"
  config = {
    bucket = "state-\${local.account_name}-\${local.aws_region}"
    key    = "\${path_relative_to_include()}/tf.tfstate"
    region = local.aws_region
  }
  generate = {
    path      = "backend.tf"
    if_exists = "overwrite_terragrunt"
  }
}

inputs = merge(
  local.account_vars.locals,
  local.region_vars.locals,
  local.environment_vars.locals,
)
`;

const COMPONENTS = ["vpc", "mysql", "redis", "app", "dns"];

function envcommon(component) {
  return `locals {
  environment_vars = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  env              = local.environment_vars.locals.environment
  base_source_url  = "git::https://example.com/modules.git//modules/${component}"
}

inputs = {
  name          = "${component}_\${local.env}"
  instance_size = local.env == "main" ? "large" : "small"
  tags          = { component = "${component}", env = local.env }
}
`;
}

function unit(component, index) {
  return `include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "\${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/${component}.hcl"
  expose = true
}

terraform {
  source = "\${include.envcommon.locals.base_source_url}?ref=v1.${index % 10}.0"
}

inputs = {
  index = ${index}
}
`;
}

const ACCOUNTS = ["dev", "stage", "prod", "security", "shared"];
const REGIONS = ["us-east-1", "eu-west-1"];
const ENVS = ["blue", "green", "canary", "main"];

/** Generates `count` units under `root`; returns { units, files }. */
export function generateRepository(root, count) {
  const files = [];
  const write = (path, text) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files.push(full);
  };

  write("root.hcl", ROOT_HCL);
  for (const component of COMPONENTS) write(`_envcommon/${component}.hcl`, envcommon(component));

  const perEnv = Math.ceil(count / (ACCOUNTS.length * REGIONS.length * ENVS.length));
  const units = [];
  for (const [a, account] of ACCOUNTS.entries()) {
    write(`${account}/account.hcl`, `locals {
  account_name = "${account}"
  iam_role     = "arn:aws:iam::${String(100000000000 + a)}:role/deploy"
}
`);
    for (const region of REGIONS) {
      write(`${account}/${region}/region.hcl`, `locals {\n  aws_region = "${region}"\n}\n`);
      for (const env of ENVS) {
        const duration = account === "prod" ? '"4h"' : "3600";
        write(`${account}/${region}/${env}/env.hcl`,
          `locals {\n  environment = "${env}"\n  duration    = ${duration}\n}\n`);
        for (let i = 0; i < perEnv && units.length < count; i += 1) {
          const component = COMPONENTS[i % COMPONENTS.length];
          const dir = `${account}/${region}/${env}/${component}-${i}`;
          write(`${dir}/terragrunt.hcl`, unit(component, units.length));
          units.push(join(root, dir));
        }
      }
    }
  }
  return { units, files };
}
