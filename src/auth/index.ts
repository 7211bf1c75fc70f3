/**
 * Credentials for a run: the one place the rest of terrace asks for roles. It turns each
 * unit's role settings into an STS request, checks every distinct request before the run,
 * gives each unit the environment that delivers its credentials, and answers the AWS
 * identity functions of the configuration.
 */
import { Pending } from "../config/files.js";
import type { RoleSettings } from "../config/index.js";
import { TerraceError } from "../errors.js";
import { CredentialBroker, requestKey, type BrokerOptions } from "./broker.js";
import { endpointEnvironment, staticEnvironment, type CredentialMode } from "./delivery.js";
import { CredentialEndpoint } from "./endpoint.js";
import { explainFailure, preflight, type RoleUse } from "./preflight.js";
import { defaultSessionName, roleRequest, type RoleOverrides, type RoleRequest } from "./settings.js";
import { sdkGateway, type Identity, type StsGateway } from "./sts.js";

export { applyChanges, type CredentialMode } from "./delivery.js";
export { PreflightFailure } from "./preflight.js";
export {
  flagOverride, originName, roleOverrides, tokenIsFile, type RoleOverrides, type RoleRequest,
} from "./settings.js";
export type { RoleUse } from "./preflight.js";
export type { Identity, StsGateway } from "./sts.js";

export interface RunCredentialsOptions {
  mode: CredentialMode;
  overrides: RoleOverrides;
  env: Readonly<Record<string, string | undefined>>;
  /** STS; the SDK's by default. */
  gateway?: StsGateway;
  broker?: BrokerOptions;
  /** How files are named in messages. */
  display?: (file: string) => string;
  /** Told when terraform asked for credentials during the run and STS refused them. */
  onProblem?: (roleArn: string, message: string) => void;
}

/** What a unit's processes get: environment changes, and when the credentials expire. */
export interface Delivery {
  changes: Record<string, string | undefined>;
  expiry: Date | undefined;
}

export class RunCredentials {
  readonly broker: CredentialBroker;
  private readonly gateway: StsGateway;
  private readonly sessionName = defaultSessionName(new Date());
  private endpoint: Promise<CredentialEndpoint> | undefined;
  private readonly identities = new Map<string, Identity>();

  constructor(private readonly options: RunCredentialsOptions) {
    this.gateway = options.gateway ?? sdkGateway(options.env);
    this.broker = new CredentialBroker(this.gateway, options.broker);
  }

  /** The STS request for a unit's settings, or undefined when it has no role. */
  requestFor(role: RoleSettings): RoleRequest | undefined {
    return roleRequest(role, this.options.overrides, this.sessionName);
  }

  /** Assumes each distinct role once; throws one error listing every failure. */
  async preflight(uses: readonly RoleUse[]): Promise<void> {
    if (uses.length === 0) return;
    const failures = await preflight(this.broker, uses, this.options.display);
    const [first, ...rest] = failures;
    if (first === undefined) return;
    throw new TerraceError(first.code, first.message, { location: first.location, hint: first.hint, related: rest });
  }

  /**
   * The environment changes that give a unit's processes its credentials. A role that cannot
   * be assumed is a `PreflightFailure` naming `unit`, with the same explanation and hint.
   */
  async deliver(request: RoleRequest | undefined, unit = "this unit"): Promise<Delivery> {
    if (request === undefined) return { changes: {}, expiry: undefined };
    const assumed = await this.broker.assume(request).catch(async (error: unknown) => {
      throw await explainFailure(this.broker, request, [unit], error, this.options.display);
    });
    if (this.options.mode === "env") {
      return { changes: staticEnvironment(assumed.credentials), expiry: assumed.credentials.expiration };
    }
    this.endpoint ??= CredentialEndpoint.start(this.broker, this.options.onProblem);
    const endpoint = await this.endpoint;
    const changes = endpointEnvironment(endpoint.urlFor(request), endpoint.token, await this.gateway.region());
    return { changes, expiry: assumed.credentials.expiration };
  }

  /**
   * The identity a unit's configuration sees in `get_aws_account_id()` and friends: its
   * role's, or the source credentials' when it has none. Synchronous for the evaluator:
   * the first ask throws `Pending`, and the resolver asks again once STS has answered.
   */
  identity(role: RoleSettings | undefined): Identity {
    const request = role === undefined ? undefined : this.requestFor(role);
    // The identity names the session, so every part of the request is part of the key.
    const key = request === undefined ? "" : requestKey(request);
    const known = this.identities.get(key);
    if (known !== undefined) return known;
    throw new Pending(async () => {
      const identity = request === undefined
        ? await this.broker.sourceIdentity()
        : (await this.broker.assume(request)).identity;
      this.identities.set(key, identity);
    });
  }

  async close(): Promise<void> {
    if (this.endpoint !== undefined) await (await this.endpoint).close();
  }
}
