/**
 * The only module that talks to STS, through `@aws-sdk/client-sts`. Source credentials come
 * from the SDK's default chain and the endpoint and region from its standard settings
 * (`AWS_REGION`, `AWS_ENDPOINT_URL_STS`, `AWS_ENDPOINT_URL`), so whatever works for the AWS
 * CLI works here. Failures become `StsError`s carrying STS's own code and message.
 */
import {
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
} from "@aws-sdk/client-sts";

import { quietSdkWarning } from "./sdk-warning.js";

/** Temporary credentials. Never logged, never written. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** Who a set of credentials belongs to. */
export interface Identity {
  account: string;
  arn: string;
  userId: string;
}

export interface AssumeRoleInput {
  roleArn: string;
  sessionName: string;
  duration: number;
  externalId: string | undefined;
  webIdentityToken: string | undefined;
}

/** The result of assuming a role: its credentials and the identity they carry. */
export interface AssumedRole {
  credentials: Credentials;
  identity: Identity;
}

/** The STS calls terrace makes; tests provide their own. */
export interface StsGateway {
  callerIdentity(): Promise<Identity>;
  assumeRole(input: AssumeRoleInput): Promise<AssumedRole>;
  /** The region STS calls go to, for child processes that need one. */
  region(): Promise<string>;
}

/** An error STS answered with (or a network failure on the way to it). */
export class StsError extends Error {
  constructor(readonly code: string, message: string, readonly retryable: boolean) {
    super(message);
    this.name = "StsError";
  }
}

/** STS through the AWS SDK, with its default credential chain. */
export function sdkGateway(env: Readonly<Record<string, string | undefined>>): StsGateway {
  quietSdkWarning();
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  // Retries are the broker's, so that their count and backoff are terrace's to decide.
  const client = new STSClient({ maxAttempts: 1, ...(region === undefined ? { region: "us-east-1" } : {}) });

  return {
    callerIdentity: () => call(async () => {
      const answer = await client.send(new GetCallerIdentityCommand({}));
      return { account: answer.Account ?? "", arn: answer.Arn ?? "", userId: answer.UserId ?? "" };
    }),
    assumeRole: (input) => call(async () => {
      const answer = input.webIdentityToken === undefined
        ? await client.send(new AssumeRoleCommand({
          RoleArn: input.roleArn,
          RoleSessionName: input.sessionName,
          DurationSeconds: input.duration,
          ExternalId: input.externalId,
        }))
        : await client.send(new AssumeRoleWithWebIdentityCommand({
          RoleArn: input.roleArn,
          RoleSessionName: input.sessionName,
          DurationSeconds: input.duration,
          WebIdentityToken: input.webIdentityToken,
        }));
      const credentials = answer.Credentials;
      const user = answer.AssumedRoleUser;
      if (credentials?.AccessKeyId === undefined || credentials.SecretAccessKey === undefined
        || credentials.SessionToken === undefined || credentials.Expiration === undefined) {
        throw new StsError("IncompleteResponse", "STS returned no credentials", false);
      }
      return {
        credentials: {
          accessKeyId: credentials.AccessKeyId,
          secretAccessKey: credentials.SecretAccessKey,
          sessionToken: credentials.SessionToken,
          expiration: credentials.Expiration,
        },
        identity: {
          account: accountOf(user?.Arn ?? input.roleArn),
          arn: user?.Arn ?? "",
          userId: user?.AssumedRoleId ?? "",
        },
      };
    }),
    region: async () => client.config.region(),
  };
}

/** Runs an SDK call, turning its failures into `StsError`s. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStsError(error);
  }
}

const TRANSIENT_CODES = new Set([
  "Throttling", "ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException",
  "ServiceUnavailable", "InternalFailure", "InternalError", "RequestTimeout", "IDPCommunicationError",
]);

function toStsError(error: unknown): StsError {
  if (error instanceof StsError) return error;
  if (error instanceof STSServiceException) {
    const status = error.$metadata.httpStatusCode ?? 0;
    return new StsError(error.name, error.message, TRANSIENT_CODES.has(error.name) || status >= 500);
  }
  const failure = error as { name?: string; code?: string; message?: string };
  const code = failure.code ?? failure.name ?? "Error";
  const network = /^E[A-Z]+$/.test(code) || code === "TimeoutError";
  return new StsError(code, failure.message ?? String(error), network || TRANSIENT_CODES.has(code));
}

/** The account of an ARN such as `arn:aws:sts::123456789012:assumed-role/x/y`. */
export function accountOf(arn: string): string {
  return arn.split(":")[4] ?? "";
}
