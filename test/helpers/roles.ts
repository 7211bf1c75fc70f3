/** Role requests and clocks for the credential tests. */
import type { RoleRequest } from "../../src/auth/settings.js";

/** A role of the stub's account. */
export function roleArn(name: string): string {
  return `arn:aws:iam::123456789012:role/${name}`;
}

/** A request for the role `name`, one hour by default, every setting from its default. */
export function requestFor(name: string, fields: Partial<RoleRequest> = {}): RoleRequest {
  return {
    roleArn: roleArn(name),
    duration: 3600,
    sessionName: "terrace-dev-1700000000",
    externalId: undefined,
    webIdentityToken: undefined,
    origins: { roleArn: { kind: "default" }, duration: { kind: "default" }, sessionName: { kind: "default" } },
    ...fields,
  };
}

/** A clock that moves only when told to; starts now, on a whole second. */
export class FakeClock {
  private time = Math.floor(Date.now() / 1000) * 1000;

  readonly now = (): number => this.time;

  advance(ms: number): void {
    this.time += ms;
  }
}

export const MINUTE = 60 * 1000;
