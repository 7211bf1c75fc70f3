import { describe, expect, it } from "vitest";

import { applyChanges, endpointEnvironment, staticEnvironment } from "../../src/auth/delivery.js";

/** A parent environment with every way the SDKs could find other credentials than terrace's. */
const PARENT: Readonly<Record<string, string>> = {
  PATH: "/usr/bin:/bin",
  HOME: "/home/dev",
  AWS_ACCESS_KEY_ID: "AKIAPARENT",
  AWS_SECRET_ACCESS_KEY: "parent-secret",
  AWS_SESSION_TOKEN: "parent-token",
  AWS_SECURITY_TOKEN: "parent-token",
  AWS_ACCESS_KEY: "AKIAPARENTLEGACY",
  AWS_SECRET_KEY: "parent-legacy-secret",
  AWS_PROFILE: "dev",
  AWS_DEFAULT_PROFILE: "dev",
  AWS_ROLE_ARN: "arn:aws:iam::123456789012:role/ci",
  AWS_ROLE_SESSION_NAME: "ci",
  AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/token",
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: "/v2/credentials/ecs",
  AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://169.254.170.23/v1/credentials",
  AWS_CONTAINER_AUTHORIZATION_TOKEN: "ecs-token",
  AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: "/var/run/ecs-token",
  AWS_SHARED_CREDENTIALS_FILE: "/home/dev/.aws/credentials",
  AWS_CONFIG_FILE: "/home/dev/.aws/config",
  AWS_REGION: "eu-west-1",
  AWS_ENDPOINT_URL: "http://127.0.0.1:4566",
};

const URL = "http://127.0.0.1:40123/credentials/0123456789abcdef0123456789abcdef";

describe("credential delivery", () => {
  it("endpoint mode leaves the container endpoint as the only source of credentials", () => {
    const env = applyChanges(PARENT, endpointEnvironment(URL, "run-token", "us-east-1"));

    expect(env).toEqual({
      PATH: "/usr/bin:/bin",
      HOME: "/home/dev",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4566",
      AWS_CONTAINER_CREDENTIALS_FULL_URI: URL,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: "run-token",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
    });
  });

  it("env mode sets the four static variables terragrunt sets and removes the others", () => {
    const expiration = new Date("2030-01-01T00:00:00Z");
    const changes = staticEnvironment({
      accessKeyId: "ASIAUNIT",
      secretAccessKey: "unit-secret",
      sessionToken: "unit-token",
      expiration,
    });

    const env = applyChanges(PARENT, changes);

    expect(env).toEqual({
      PATH: "/usr/bin:/bin",
      HOME: "/home/dev",
      AWS_SHARED_CREDENTIALS_FILE: "/home/dev/.aws/credentials",
      AWS_CONFIG_FILE: "/home/dev/.aws/config",
      AWS_REGION: "eu-west-1",
      AWS_ENDPOINT_URL: "http://127.0.0.1:4566",
      AWS_ACCESS_KEY_ID: "ASIAUNIT",
      AWS_SECRET_ACCESS_KEY: "unit-secret",
      AWS_SESSION_TOKEN: "unit-token",
      AWS_SECURITY_TOKEN: "unit-token",
    });
  });

  it("applies changes to a copy and leaves the parent environment as it was", () => {
    const parent = { ...PARENT };

    const env = applyChanges(parent, endpointEnvironment(URL, "run-token", "us-east-1"));

    expect(parent).toEqual(PARENT);
    expect(env).not.toBe(parent);
  });
});
