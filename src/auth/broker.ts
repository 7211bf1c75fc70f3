/**
 * The run's credential broker: one STS call per distinct request, shared by every unit that
 * makes it, renewed before it runs out.
 *
 * A request is identified by the source identity, the role, the duration, the session name,
 * the external ID and the web identity token. Concurrent asks for the same request share one
 * call. Credentials are handed out only while more than `renewBefore` of their life is left;
 * past that, the next ask renews them. terraform's AWS SDK re-fetches credentials five
 * minutes before their expiry, so handing out nothing with less than ten minutes left means
 * that every fetch gets credentials it can use, for as long as terraform runs.
 *
 * Throttling and transient failures are retried with exponential backoff and jitter.
 */
import { createHash } from "node:crypto";

import type { RoleRequest } from "./settings.js";
import { StsError, type AssumedRole, type Identity, type StsGateway } from "./sts.js";

export interface BrokerOptions {
  /** Renew credentials that have less than this left (ms). */
  renewBefore?: number;
  /** Attempts per STS call, the first included. */
  attempts?: number;
  /** Base delay of the backoff (ms). */
  backoff?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const TEN_MINUTES = 10 * 60 * 1000;

interface Entry {
  assumed: Promise<AssumedRole>;
}

export class CredentialBroker {
  private readonly entries = new Map<string, Entry>();
  private source: Promise<Identity> | undefined;
  private readonly renewBefore: number;
  private readonly attempts: number;
  private readonly backoff: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** STS calls made, retries included: tests and the benchmark read it. */
  calls = 0;

  constructor(private readonly sts: StsGateway, options: BrokerOptions = {}) {
    this.renewBefore = options.renewBefore ?? TEN_MINUTES;
    this.attempts = options.attempts ?? 5;
    this.backoff = options.backoff ?? 250;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** The identity of the source credentials (asked of STS once per run). */
  sourceIdentity(): Promise<Identity> {
    this.source ??= this.retrying(() => this.sts.callerIdentity());
    return this.source;
  }

  /** Credentials for a request, from the cache while they have enough life left. */
  async assume(request: RoleRequest): Promise<AssumedRole> {
    const key = await this.keyOf(request);
    const entry = this.entries.get(key);
    let previous: AssumedRole | undefined;
    if (entry !== undefined) {
      const assumed = await entry.assumed.catch(() => undefined);
      if (assumed === undefined) return entry.assumed;
      if (assumed.credentials.expiration.getTime() - this.now() > this.renewBefore) return assumed;
      // Someone renewed while this ask waited: share their renewal.
      if (this.entries.get(key) !== entry) return this.assume(request);
      previous = assumed;
    }

    const fresh: Entry = { assumed: this.renewed(request, previous) };
    this.entries.set(key, fresh);
    // A failure is shared by the asks made while it was in flight, but not kept: a renewal
    // that fails once must not leave the unit's terraform without credentials for the rest
    // of the run, so the next ask goes to STS again.
    fresh.assumed.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    return fresh.assumed;
  }

  /**
   * New credentials from STS; if STS fails while the previous credentials are still valid,
   * those are served meanwhile, so that a throttled renewal does not cut a running terraform off.
   */
  private async renewed(request: RoleRequest, previous: AssumedRole | undefined): Promise<AssumedRole> {
    try {
      return await this.retrying(() => this.sts.assumeRole(request));
    } catch (error) {
      if (previous !== undefined && previous.credentials.expiration.getTime() > this.now()) return previous;
      throw error;
    }
  }

  /** The key of a request: everything that changes what STS returns. */
  async keyOf(request: RoleRequest): Promise<string> {
    const source = await this.sourceIdentity();
    return `${source.arn}\u0000${requestKey(request)}`;
  }

  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      this.calls += 1;
      try {
        return await call();
      } catch (error) {
        const retryable = error instanceof StsError && error.retryable;
        if (!retryable || attempt >= this.attempts) throw error;
        const delay = this.backoff * 2 ** (attempt - 1);
        await this.sleep(delay / 2 + Math.random() * (delay / 2));
      }
    }
  }
}

/**
 * What identifies a request for one source identity: the role, the duration, the session name,
 * the external ID and (hashed) the web identity token.
 */
export function requestKey(request: RoleRequest): string {
  const token = request.webIdentityToken === undefined
    ? ""
    : createHash("sha256").update(request.webIdentityToken).digest("hex");
  return [request.roleArn, request.duration, request.sessionName, request.externalId ?? "", token]
    .join("\u0000");
}
