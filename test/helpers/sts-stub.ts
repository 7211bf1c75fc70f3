/**
 * A local STS for tests: a loopback HTTP server that speaks STS's Query API (form-encoded POST,
 * `Version=2011-06-15`) and answers with the XML that AWS sends, so that the real SDK parses
 * every answer and every error as it would in production.
 *
 * Each test scripts it: answers queued with `queue` are used first, in order, then `respond`
 * (a function of the request) decides. Every request is recorded. Without a script, AssumeRole
 * succeeds for `now + DurationSeconds` and GetCallerIdentity names an IAM user.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { vi } from "vitest";

const NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** The account every stub identity belongs to. */
export const ACCOUNT = "123456789012";

/** The source identity the stub reports by default: an IAM user. */
export const USER_ARN = `arn:aws:iam::${ACCOUNT}:user/dev`;

/** One request the stub received. */
export interface StsRequest {
  action: string;
  version: string | undefined;
  contentType: string | undefined;
  roleArn: string | undefined;
  durationSeconds: number | undefined;
  roleSessionName: string | undefined;
  externalId: string | undefined;
  webIdentityToken: string | undefined;
  /** Whether the request was signed (the SDK signs all but web identity calls). */
  signed: boolean;
  /** The access key that signed it, from the SigV4 credential scope. */
  accessKeyId: string | undefined;
}

/** What the stub sends back. */
export interface StsAnswer {
  status: number;
  body: string;
}

export type Responder = (request: StsRequest) => StsAnswer;

/** The credentials an AssumeRole answer carries. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export class StsStub {
  readonly requests: StsRequest[] = [];
  /** Every set of credentials handed out, in order. */
  readonly issued: IssuedCredentials[] = [];
  private readonly issuedByRole = new Map<string, IssuedCredentials[]>();
  private readonly queued: (StsAnswer | Responder)[] = [];
  private responder: Responder = (request) => this.success(request);
  /** The source identity GetCallerIdentity reports. */
  callerArn = USER_ARN;
  /** The clock that issued credentials expire by; tests that fake time replace it. */
  now: () => number = Date.now;

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<StsStub> {
    let stub: StsStub | undefined;
    const server = createServer((request, response) => void stub?.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    stub = new StsStub(server, `http://127.0.0.1:${port}`);
    return stub;
  }

  /** Answers to give first, in order; a function answers one request. */
  queue(...answers: (StsAnswer | Responder)[]): this {
    this.queued.push(...answers);
    return this;
  }

  /** How to answer once the queue is empty. */
  respond(responder: Responder): this {
    this.responder = responder;
    return this;
  }

  /** The recorded requests of one action. */
  calls(action: string): StsRequest[] {
    return this.requests.filter((request) => request.action === action);
  }

  /** The credentials handed out for a role, in order. */
  issuedFor(roleArn: string): IssuedCredentials[] {
    return this.issuedByRole.get(roleArn) ?? [];
  }

  /** A successful answer to `request`: new credentials, or the caller's identity. */
  success(request: StsRequest, lifetime?: number): StsAnswer {
    if (request.action === "GetCallerIdentity") return callerIdentityAnswer(this.callerArn);
    const seconds = lifetime ?? request.durationSeconds ?? 3600;
    const credentials: IssuedCredentials = {
      accessKeyId: `ASIA${randomBytes(8).toString("hex").toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString("base64"),
      sessionToken: randomBytes(96).toString("base64"),
      // STS gives expiry times in whole seconds.
      expiration: new Date(1000 * (Math.floor(this.now() / 1000) + seconds)),
    };
    this.issued.push(credentials);
    const role = request.roleArn ?? "";
    this.issuedByRole.set(role, [...(this.issuedByRole.get(role) ?? []), credentials]);
    return assumeRoleAnswer(request, credentials);
  }

  /**
   * Points the AWS SDK of this process at the stub, with static source keys, for the current
   * test only (vitest restores the environment after each test).
   */
  useForSdk(): void {
    pointSdkAt(this.url);
  }

  /**
   * The environment that sends a child process's STS calls (terrace's, and those of any AWS
   * client terraform starts) to the stub, signed with static source keys.
   */
  processEnv(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL_STS: this.url,
      AWS_REGION: "us-east-1",
      // botocore and the AWS CLI v1 read only this one.
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_CONFIG_FILE: "/nonexistent/aws-config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    };
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(message: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of message) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    const duration = form.get("DurationSeconds");
    const request: StsRequest = {
      action: form.get("Action") ?? "",
      version: form.get("Version") ?? undefined,
      contentType: message.headers["content-type"],
      roleArn: form.get("RoleArn") ?? undefined,
      durationSeconds: duration === null ? undefined : Number(duration),
      roleSessionName: form.get("RoleSessionName") ?? undefined,
      externalId: form.get("ExternalId") ?? undefined,
      webIdentityToken: form.get("WebIdentityToken") ?? undefined,
      signed: message.headers.authorization?.startsWith("AWS4-HMAC-SHA256 ") === true,
      accessKeyId: /Credential=([^/,\s]+)\//.exec(message.headers.authorization ?? "")?.[1],
    };
    this.requests.push(request);

    const next = this.queued.shift() ?? this.responder;
    const answer = typeof next === "function" ? next(request) : next;
    response.writeHead(answer.status, {
      "content-type": "text/xml",
      "x-amzn-requestid": randomUUID(),
    });
    response.end(answer.body);
  }
}

/** Sets the variables that send the SDK's STS calls to `url`, signed with static keys. */
export function pointSdkAt(url: string): void {
  vi.stubEnv("AWS_ENDPOINT_URL_STS", url);
  vi.stubEnv("AWS_ENDPOINT_URL", url);
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("AWS_ACCESS_KEY_ID", "test");
  vi.stubEnv("AWS_SECRET_ACCESS_KEY", "test");
  vi.stubEnv("AWS_SESSION_TOKEN", undefined);
  vi.stubEnv("AWS_PROFILE", undefined);
  vi.stubEnv("AWS_CONFIG_FILE", "/nonexistent/aws-config");
  vi.stubEnv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
}

/** AssumeRole's or AssumeRoleWithWebIdentity's answer, shaped as STS sends it. */
export function assumeRoleAnswer(request: StsRequest, credentials: IssuedCredentials): StsAnswer {
  const action = request.action;
  const roleName = (request.roleArn ?? "").split("/").pop() ?? "";
  // The session belongs to the role's account, as with STS, whoever assumed it.
  const account = request.roleArn?.split(":")[4] || ACCOUNT;
  const session = request.roleSessionName ?? "";
  const webIdentity = action === "AssumeRoleWithWebIdentity"
    ? "<SubjectFromWebIdentityToken>system:serviceaccount:ci:deploy</SubjectFromWebIdentityToken>"
      + "<Audience>sts.amazonaws.com</Audience><Provider>token.actions.githubusercontent.com</Provider>"
    : "";
  const body = `<${action}Response xmlns="${NAMESPACE}">
  <${action}Result>${webIdentity}
    <AssumedRoleUser>
      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:${session}</AssumedRoleId>
      <Arn>arn:aws:sts::${account}:assumed-role/${roleName}/${session}</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${credentials.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${credentials.secretAccessKey}</SecretAccessKey>
      <SessionToken>${credentials.sessionToken}</SessionToken>
      <Expiration>${credentials.expiration.toISOString().replace(".000Z", "Z")}</Expiration>
    </Credentials>
    <PackedPolicySize>6</PackedPolicySize>
  </${action}Result>
  <ResponseMetadata>
    <RequestId>${randomUUID()}</RequestId>
  </ResponseMetadata>
</${action}Response>
`;
  return { status: 200, body };
}

/** GetCallerIdentity's answer for `arn`; `userId` replaces the one made up from the ARN. */
export function callerIdentityAnswer(arn: string, userId?: string): StsAnswer {
  const id = userId ?? (arn.includes(":assumed-role/")
    ? `AROA3XFRBF535PLBIFPI4:${arn.split("/").pop() ?? ""}`
    : "AIDACKCEVSQ6C2EXAMPLE");
  const body = `<GetCallerIdentityResponse xmlns="${NAMESPACE}">
  <GetCallerIdentityResult>
    <Arn>${arn}</Arn>
    <UserId>${id}</UserId>
    <Account>${arn.split(":")[4] ?? ACCOUNT}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>${randomUUID()}</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>
`;
  return { status: 200, body };
}

/** An error answer, shaped as STS sends it. */
export function stsError(status: number, code: string, message: string, type = "Sender"): StsAnswer {
  const body = `<ErrorResponse xmlns="${NAMESPACE}">
  <Error>
    <Type>${type}</Type>
    <Code>${code}</Code>
    <Message>${message}</Message>
  </Error>
  <RequestId>${randomUUID()}</RequestId>
</ErrorResponse>
`;
  return { status, body };
}

/** The errors STS sends for the cases terrace explains, with AWS's own messages. */
export const STS_ERRORS = {
  maxSessionDuration: () => stsError(400, "ValidationError",
    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
  roleChaining: () => stsError(400, "ValidationError",
    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."),
  accessDenied: (roleArn: string) => stsError(403, "AccessDenied",
    `User: ${USER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`),
  throttling: () => stsError(400, "Throttling", "Rate exceeded"),
  expiredToken: () => stsError(400, "ExpiredToken", "The security token included in the request is expired"),
};
