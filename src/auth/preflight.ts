/**
 * Preflight: before the first terraform starts, assume every distinct role of the run once,
 * with the duration asked for, and report every failure together: the role, the duration and
 * where it was set, the units affected, STS's message, and what to change.
 *
 * Two limits of STS get their own hint, because their messages do not say what to do: a
 * duration above the role's MaxSessionDuration, and role chaining (source credentials that
 * are themselves an assumed role), which AWS caps at one hour whatever the role allows.
 */
import { TerraceError } from "../errors.js";
import { requestKey, type CredentialBroker } from "./broker.js";
import { originName, type Origin, type RoleRequest } from "./settings.js";
import { StsError } from "./sts.js";

/** A unit of the run and what it asks of STS. */
export interface RoleUse {
  /** The unit's path, as shown to the user. */
  path: string;
  request: RoleRequest;
}

/** One failed role, with every unit that needed it. */
export class PreflightFailure extends TerraceError {
  constructor(
    readonly request: RoleRequest,
    readonly units: string[],
    readonly cause: StsError,
    chained: boolean,
    display: (file: string) => string,
  ) {
    const { roleArn, duration, origins } = request;
    const problem = classify(cause, chained);
    const aboutDuration = problem === "max-session" || problem === "chaining";
    const origin = aboutDuration ? origins.duration : origins.roleArn;
    const from = `set at ${originName(origin, display)}`;
    super("IAM_ROLE",
      `cannot assume ${roleArn} for ${duration} s (${aboutDuration ? "duration" : "role"} ${from}) `
        + `for ${units.join(", ")}: ${cause.code}: ${cause.message}`,
      { location: origin.kind === "file" ? origin.location : undefined, hint: hintFor(problem, request, display) });
  }
}

/** Assumes each distinct role once; resolves to the failures, empty when all went well. */
export async function preflight(
  broker: CredentialBroker,
  uses: readonly RoleUse[],
  display: (file: string) => string = (file) => file,
): Promise<PreflightFailure[]> {
  // One broker has one source identity, so the request alone tells the roles apart.
  const groups = new Map<string, { request: RoleRequest; units: string[] }>();
  for (const use of uses) {
    const key = requestKey(use.request);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { request: use.request, units: [use.path] });
    else group.units.push(use.path);
  }

  // Source credentials that STS refuses (expired, revoked) fail every role, each reported
  // with its units, as AssumeRole itself would have failed.
  let chained: boolean;
  try {
    chained = (await broker.sourceIdentity()).arn.includes(":assumed-role/");
  } catch (error) {
    return [...groups.values()].map((group) =>
      new PreflightFailure(group.request, group.units, stsErrorOf(error), false, display));
  }

  const outcomes = await Promise.all([...groups.values()].map(async (group) => {
    try {
      await broker.assume(group.request);
      return undefined;
    } catch (error) {
      return new PreflightFailure(group.request, group.units, stsErrorOf(error), chained, display);
    }
  }));
  return outcomes.filter((failure): failure is PreflightFailure => failure !== undefined);
}

/**
 * A role that could not be assumed after preflight (renewal, or a dependency read outside
 * the run), explained as preflight explains it, for the units named.
 */
export async function explainFailure(
  broker: CredentialBroker,
  request: RoleRequest,
  units: string[],
  error: unknown,
  display: (file: string) => string = (file) => file,
): Promise<PreflightFailure> {
  const source = await broker.sourceIdentity().catch(() => undefined);
  const chained = source?.arn.includes(":assumed-role/") === true;
  return new PreflightFailure(request, units, stsErrorOf(error), chained, display);
}

function stsErrorOf(error: unknown): StsError {
  return error instanceof StsError ? error : new StsError("Error", String(error), false);
}

type Problem = "max-session" | "chaining" | "access-denied" | "expired-source" | "other";

function classify(error: StsError, chained: boolean): Problem {
  if (/role chaining/i.test(error.message)) return "chaining";
  if (/MaxSessionDuration/i.test(error.message)) return "max-session";
  if (chained && /DurationSeconds/i.test(error.message)) return "chaining";
  if (/AccessDenied/i.test(error.code)) return "access-denied";
  if (/ExpiredToken|InvalidClientTokenId|RequestExpired/i.test(error.code)) return "expired-source";
  return "other";
}

function hintFor(problem: Problem, request: RoleRequest, display: (file: string) => string): string {
  const where = (origin: Origin) => originName(origin, display);
  const roleName = request.roleArn.split("/").pop() ?? request.roleArn;
  switch (problem) {
    case "max-session":
      return `lower the duration at ${where(request.origins.duration)} to the role's MaxSessionDuration, `
        + `or raise it: aws iam update-role --role-name ${roleName} --max-session-duration ${request.duration}`;
    case "chaining":
      return `your source credentials are an assumed role, and AWS caps chained sessions at 3600 s: `
        + `set the duration at ${where(request.origins.duration)} to 3600 or less, `
        + "or start terrace with credentials that are not an assumed role (a user, SSO, or instance credentials)";
    case "access-denied":
      return `the role's trust policy must allow your source identity to assume it (sts:AssumeRole); `
        + `check ${request.roleArn}, set at ${where(request.origins.roleArn)}`;
    case "expired-source":
      return "your source credentials have expired or are not valid: log in again (aws sso login, or new keys), then rerun";
    default:
      return `check the role at ${where(request.origins.roleArn)} and your source credentials (aws sts get-caller-identity)`;
  }
}
