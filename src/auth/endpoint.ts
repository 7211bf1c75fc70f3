/**
 * The container credentials endpoint: a loopback HTTP server from which each terraform's AWS
 * SDK fetches its unit's credentials, and fetches them again before they expire, for as long
 * as terraform runs. This is the standard `AWS_CONTAINER_CREDENTIALS_FULL_URI` mechanism: the
 * Go SDK of terraform's AWS provider and the AWS CLI both speak it, and accept plain HTTP
 * only on loopback.
 *
 * Every request must carry the run's random token in `Authorization`; each role has its own
 * unguessable path. Credentials exist only in memory and in the HTTP answer.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import type { CredentialBroker } from "./broker.js";
import type { RoleRequest } from "./settings.js";

/** Told when a fetch fails, so that the CLI can say why terraform got no credentials. */
export type EndpointProblem = (path: string, message: string) => void;

export class CredentialEndpoint {
  private readonly routes = new Map<string, RoleRequest>();
  /** Credentials served, for tests that check renewal. */
  served = 0;

  private constructor(
    private readonly server: Server,
    private readonly broker: CredentialBroker,
    readonly token: string,
    private readonly onProblem: EndpointProblem,
  ) {}

  /** Starts listening on a free port of 127.0.0.1. */
  static async start(broker: CredentialBroker, onProblem: EndpointProblem = () => undefined): Promise<CredentialEndpoint> {
    const token = randomBytes(32).toString("hex");
    let endpoint: CredentialEndpoint | undefined;
    const server = createServer((request, response) => void endpoint?.handle(request, response));
    endpoint = new CredentialEndpoint(server, broker, token, onProblem);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    server.unref();
    return endpoint;
  }

  /** The URL from which a unit with `request` fetches its credentials. */
  urlFor(request: RoleRequest): string {
    const id = randomBytes(16).toString("hex");
    this.routes.set(`/credentials/${id}`, request);
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/credentials/${id}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const route = this.routes.get(request.url ?? "");
    if (request.method !== "GET" || route === undefined) return reply(response, 404, { message: "not found" });
    if (!this.authorised(request.headers.authorization)) return reply(response, 403, { message: "forbidden" });

    try {
      const { credentials } = await this.broker.assume(route);
      this.served += 1;
      reply(response, 200, {
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        Token: credentials.sessionToken,
        Expiration: credentials.expiration.toISOString(),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.onProblem(route.roleArn, message);
      reply(response, 500, { code: "AssumeRoleFailed", message });
    }
  }

  private authorised(header: string | undefined): boolean {
    if (header === undefined) return false;
    const given = Buffer.from(header);
    const expected = Buffer.from(this.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}
