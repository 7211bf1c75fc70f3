/**
 * What `remote_state` becomes for terraform: either a generated file holding the backend block,
 * or `-backend-config=key=value` arguments for `terraform init` (the module then declares an
 * empty `backend "<type>" {}` itself). Settings that only tell terragrunt how to create the
 * bucket (tags, versioning, access logging, ...) are left out of both, as terraform rejects
 * them as unknown arguments.
 */
import type { ValueObject } from "../../config/value.js";
import { hclAttributes } from "./hcl-encode.js";
import type { RemoteStateSetting } from "./workdir-settings.js";

const BOOTSTRAP_ONLY: Record<string, ReadonlySet<string>> = {
  s3: new Set([
    "s3_bucket_tags", "dynamodb_table_tags", "accesslogging_bucket_tags",
    "accesslogging_bucket_name",
    "accesslogging_target_object_partition_date_source", "accesslogging_target_prefix",
    "skip_bucket_versioning", "skip_bucket_ssencryption", "skip_bucket_accesslogging",
    "skip_bucket_root_access", "skip_bucket_enforced_tls", "skip_bucket_public_access_blocking",
    "skip_accesslogging_bucket_acl", "skip_accesslogging_bucket_enforced_tls",
    "skip_accesslogging_bucket_public_access_blocking", "skip_accesslogging_bucket_ssencryption",
    "disable_bucket_update", "enable_lock_table_ssencryption", "disable_aws_client_checksums",
    "bucket_sse_algorithm", "bucket_sse_kms_key_id", "skip_object_ownership",
    "skip_location_constraint", "skip_bucket_tagging",
  ]),
  gcs: new Set([
    "project", "location", "gcs_bucket_labels", "skip_bucket_versioning", "skip_bucket_creation",
    "enable_bucket_policy_only",
  ]),
};

/** The backend settings terraform accepts: `config` without the bootstrap-only keys. */
export function backendSettings(remote: RemoteStateSetting): ValueObject {
  const skipped = BOOTSTRAP_ONLY[remote.backend];
  const settings: ValueObject = {};
  for (const [key, value] of Object.entries(remote.config)) {
    if (skipped?.has(key) !== true) settings[key] = value;
  }
  return settings;
}

/**
 * The arguments `terraform init` needs for the backend: none when a file declares it,
 * `-backend=false` when `disable_init` is set, else one `-backend-config` per setting, sorted.
 * Strings go as they are; terraform parses any other value as an expression, which JSON is.
 */
export function backendArgs(remote: RemoteStateSetting | undefined): string[] {
  if (remote === undefined) return [];
  if (remote.disableInit) return ["-backend=false"];
  if (remote.generate !== undefined) return [];
  const settings = backendSettings(remote);
  return Object.keys(settings).sort().map((key) => {
    const value = settings[key] ?? null;
    return `-backend-config=${key}=${typeof value === "string" ? value : JSON.stringify(value)}`;
  });
}

/** The text of a file that declares the backend, without the signature line. */
export function backendFile(remote: RemoteStateSetting): string {
  const body = hclAttributes(backendSettings(remote), "    ");
  return `terraform {\n  backend ${JSON.stringify(remote.backend)} {\n${body}  }\n}\n`;
}
