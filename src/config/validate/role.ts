/**
 * Role settings: their checks, their aliases and their precedence across a unit's files.
 *
 * terrace names the settings after its own spec (`iam_role_duration`) and accepts terragrunt's
 * names as aliases (`iam_assume_role_duration`); one file may not use both spellings. Across
 * files each setting is taken from the first file, by precedence, that sets it, and keeps that
 * file and line as its origin.
 */
import { TerraceError, type SourceLocation } from "../../errors.js";
import type { ValueObject } from "../value.js";

/** Shortest and longest session STS grants, in seconds. */
export const MIN_DURATION = 900;
export const MAX_DURATION = 43_200;
export const DEFAULT_DURATION = 3600;

/** A role setting, its terragrunt alias, if any. */
export const ROLE_SETTINGS = {
  iam_role: undefined,
  iam_role_duration: "iam_assume_role_duration",
  iam_role_session_name: "iam_assume_role_session_name",
  iam_web_identity_token: undefined,
  iam_role_external_id: undefined,
} as const;

export type RoleSettingName = keyof typeof ROLE_SETTINGS;

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const DURATION_TEXT = /^(?:\d+(?:\.\d+)?(?:h|m|s))+$/;
const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };

/**
 * Seconds from a duration: an integer, a numeric string, or a string such as "90m", "4h" or
 * "1h30m". Undefined when the value is none of these.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (!DURATION_TEXT.test(text)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(h|m|s)/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit as string] as number);
  }
  return Number.isInteger(seconds) ? seconds : undefined;
}

/** Checks the value of a duration, whatever set it, and returns it in seconds. */
export function checkDuration(value: unknown, name: string, location?: SourceLocation): number {
  const shown = JSON.stringify(value);
  const seconds = parseDuration(value);
  if (seconds === undefined) {
    throw new TerraceError("IAM_DURATION",
      `${name} = ${shown} is not a duration; expected seconds or a string such as "4h" or "1h30m"`,
      { location, hint: `give a number of seconds from ${MIN_DURATION} to ${MAX_DURATION}, or a string such as "90m", "4h" or "1h30m"` });
  }
  if (seconds < MIN_DURATION || seconds > MAX_DURATION) {
    throw new TerraceError("IAM_DURATION",
      `${name} = ${shown} is out of range; expected ${MIN_DURATION} to ${MAX_DURATION} seconds (15 minutes to 12 hours)`,
      { location, hint: "STS grants role sessions of 15 minutes to 12 hours, within the role's MaxSessionDuration" });
  }
  return seconds;
}

/** Checks a role ARN, whatever set it. */
export function checkRoleArn(value: unknown, name: string, location?: SourceLocation): void {
  if (typeof value === "string" && ROLE_ARN.test(value)) return;
  throw new TerraceError("IAM_ROLE",
    `${name} = ${JSON.stringify(value)} is not a role ARN; expected arn:aws:iam::<12-digit account>:role/<name>`,
    { location, hint: 'copy the ARN from the IAM console, e.g. "arn:aws:iam::123456789012:role/deploy"' });
}

/** Checks the role settings one file sets; `locate` gives the line of an attribute. */
export function checkRoleSettings(value: ValueObject, locate: (name: string) => SourceLocation | undefined): void {
  for (const [name, alias] of Object.entries(ROLE_SETTINGS)) {
    if (alias !== undefined && name in value && alias in value) {
      throw new TerraceError("DUPLICATE_SETTING", `${name} and ${alias} are both set in this file`, {
        location: locate(alias),
        hint: `${alias} is terragrunt's name for ${name}; keep one of the two`,
      });
    }
  }
  const setting = (name: RoleSettingName) => {
    const alias = ROLE_SETTINGS[name];
    if (name in value) return { name, value: value[name] };
    if (alias !== undefined && alias in value) return { name: alias, value: value[alias] };
    return undefined;
  };

  const role = setting("iam_role");
  if (role !== undefined) checkRoleArn(role.value, "iam_role", locate(role.name));
  const duration = setting("iam_role_duration");
  if (duration !== undefined) checkDuration(duration.value, duration.name, locate(duration.name));

  const session = setting("iam_role_session_name");
  if (session !== undefined && !(typeof session.value === "string" && SESSION_NAME.test(session.value))) {
    throw new TerraceError("IAM_ROLE",
      `${session.name} = ${JSON.stringify(session.value)} is not a valid session name; expected 2 to 64 characters of letters, digits and +=,.@_-`,
      { location: locate(session.name), hint: "drop the characters STS does not accept" });
  }
  const externalId = setting("iam_role_external_id");
  if (externalId !== undefined && !(typeof externalId.value === "string" && EXTERNAL_ID.test(externalId.value))) {
    throw new TerraceError("IAM_ROLE",
      `iam_role_external_id = ${JSON.stringify(externalId.value)} is not a valid external ID; expected 2 to 1224 characters of letters, digits and +=,.@:/_-`,
      { location: locate("iam_role_external_id"), hint: "use the external ID that the role's trust policy names" });
  }
}

/** One role setting as resolved for a unit, with where it came from. */
export interface Resolved<T> {
  value: T;
  origin: SourceLocation | undefined;
}

/**
 * Each role setting from the first file (by precedence) that sets it under either spelling.
 * `layers` come in precedence order: the unit's file first.
 */
export function roleSettingsOf(
  layers: { value: ValueObject; locate: (name: string) => SourceLocation | undefined }[],
): Partial<Record<RoleSettingName, Resolved<string | number>>> {
  const result: Partial<Record<RoleSettingName, Resolved<string | number>>> = {};
  for (const name of Object.keys(ROLE_SETTINGS) as RoleSettingName[]) {
    const alias = ROLE_SETTINGS[name];
    for (const layer of layers) {
      const key = name in layer.value ? name : alias !== undefined && alias in layer.value ? alias : undefined;
      if (key === undefined) continue;
      const raw = layer.value[key];
      if (raw === null || raw === undefined) continue;
      const value = name === "iam_role_duration" ? (parseDuration(raw) as number) : String(raw);
      result[name] = { value, origin: layer.locate(key) };
      break;
    }
  }
  return result;
}
