/**
 * The environment of one unit's terraform: a fresh copy of terrace's own environment, the
 * unit's `inputs` as `TF_VAR_name` (strings raw, other values as JSON), and whatever the
 * credential step adds. A `TF_VAR_name` the user already set wins over the unit's input.
 */
import type { ValueObject } from "../config/value.js";

/** The environment for a unit's processes; `base` is not modified. */
export function unitEnvironment(
  base: Readonly<Record<string, string | undefined>>,
  inputs: ValueObject,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) env[name] = value;

  for (const [name, value] of Object.entries(inputs)) {
    const variable = `TF_VAR_${name}`;
    if (variable in env || value === null) continue;
    env[variable] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return { ...env, ...extra };
}
