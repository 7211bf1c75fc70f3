/**
 * A unit's rules for a failed terraform command, compiled once before it runs so that a bad
 * pattern is reported at its line rather than after a failure. Retry rules come from the
 * `errors { retry "<name>" {} }` blocks; without any, from the legacy top-level
 * `retryable_errors` / `retry_max_attempts` / `retry_sleep_interval_sec`; without those, from
 * terragrunt's defaults. Ignore rules come from `errors { ignore "<name>" {} }`.
 */
import { DEFAULT_RETRYABLE_ERRORS } from "../../config/terragrunt-functions/terraform.js";
import { isObject, typeName, type Value, type ValueObject } from "../../config/value.js";
import { TerraceError } from "../../errors.js";
import { childPointer } from "../../config/resolve/pointer.js";
import {
  blockTitle, fieldOrigin, labeledBlocks, stringField, stringList, type LabeledBlock, type Origin,
} from "./config-fields.js";
import { compileGoRegex } from "./go-regex.js";

/** Terragrunt's defaults: three attempts in all, five seconds apart. */
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_SLEEP_SECONDS = 5;

/** Retry a failure whose output matches any of `patterns`, up to `maxAttempts` runs in all. */
export interface RetryRule {
  name: string;
  patterns: RegExp[];
  maxAttempts: number;
  sleepSeconds: number;
}

/** Treat a failure as success when a pattern matches and no excluding ("!") pattern does. */
export interface IgnoreRule {
  name: string;
  patterns: RegExp[];
  excluding: RegExp[];
  message: string | undefined;
  /** The `signals` map, for the runner to write to `error-signals.json`. */
  signals: ValueObject;
}

/** Everything that decides what happens after a failed command. */
export interface RetryPolicy {
  retry: RetryRule[];
  ignore: IgnoreRule[];
}

/** The unit's policy; throws a TerraceError at the rule's line for a bad pattern or number. */
export function retryPolicy(config: ValueObject, origin: Origin): RetryPolicy {
  const retry = labeledBlocks(config, "errors", "retry").map((block) => retryRule(block, origin));
  const ignore = labeledBlocks(config, "errors", "ignore").map((block) => ignoreRule(block, origin));
  return { retry: retry.length > 0 ? retry : [legacyRule(config, origin)], ignore };
}

function retryRule(block: LabeledBlock, origin: Origin): RetryRule {
  const location = fieldOrigin(block, "retryable_errors", origin);
  return {
    name: block.name,
    patterns: stringList(block, "retryable_errors", origin)
      .map((pattern) => compileGoRegex(pattern, location)),
    maxAttempts: count(`${blockTitle(block)}: max_attempts`, block.body.max_attempts, DEFAULT_MAX_ATTEMPTS, 1,
      fieldOrigin(block, "max_attempts", origin)),
    sleepSeconds: count(`${blockTitle(block)}: sleep_interval_sec`, block.body.sleep_interval_sec,
      DEFAULT_SLEEP_SECONDS, 0, fieldOrigin(block, "sleep_interval_sec", origin)),
  };
}

function ignoreRule(block: LabeledBlock, origin: Origin): IgnoreRule {
  const location = fieldOrigin(block, "ignorable_errors", origin);
  const written = stringList(block, "ignorable_errors", origin);
  const signals = block.body.signals;
  return {
    name: block.name,
    patterns: written.filter((p) => !p.startsWith("!")).map((p) => compileGoRegex(p, location)),
    excluding: written.filter((p) => p.startsWith("!")).map((p) => compileGoRegex(p.slice(1), location)),
    message: stringField(block, "message", origin),
    signals: isObject(signals) ? signals : {},
  };
}

/** The legacy attributes as one rule named "default"; each unset one takes the default. */
function legacyRule(config: ValueObject, origin: Origin): RetryRule {
  const at = (name: string) => origin(childPointer("", name));
  const written = config.retryable_errors;
  if (written !== undefined && written !== null
    && !(Array.isArray(written) && written.every((item) => typeof item === "string"))) {
    throw new TerraceError("SCHEMA", `retryable_errors is ${typeName(written)} ${JSON.stringify(written)}`, {
      location: at("retryable_errors"), hint: "retryable_errors must be a list of strings",
    });
  }
  const patterns = Array.isArray(written) ? (written as string[]) : DEFAULT_RETRYABLE_ERRORS;
  return {
    name: "default",
    patterns: patterns.map((pattern) => compileGoRegex(pattern, at("retryable_errors"))),
    maxAttempts: count("retry_max_attempts", config.retry_max_attempts, DEFAULT_MAX_ATTEMPTS, 1,
      at("retry_max_attempts")),
    sleepSeconds: count("retry_sleep_interval_sec", config.retry_sleep_interval_sec, DEFAULT_SLEEP_SECONDS, 0,
      at("retry_sleep_interval_sec")),
  };
}

/** `what` as a whole number of at least `least`, `fallback` when unset or null. */
function count(
  what: string,
  value: Value | undefined,
  fallback: number,
  least: number,
  location: ReturnType<Origin>,
): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "number" && Number.isInteger(value) && value >= least) return value;
  throw new TerraceError("SCHEMA", `${what} is ${JSON.stringify(value)}`, {
    location,
    hint: least === 1 ? "give a whole number of at least 1; it counts every run, the first included"
      : "give a whole number of seconds, 0 or more",
  });
}
