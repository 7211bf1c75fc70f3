import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("hash functions", () => {
  it("hashes the UTF-8 bytes of a string in hex", () => {
    expect(call("md5", "hello world")).toBe("5eb63bbbe01eeed093cb22bb8f5acdc3");
    expect(call("sha1", "hello world")).toBe("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed");
    expect(call("sha256", "hello world")).toBe(
      "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
    );
    expect(call("sha512", "hello world")).toBe(
      "309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f" +
        "989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f",
    );
  });

  it("base64sha256 and base64sha512 encode the raw digest", () => {
    expect(call("base64sha256", "hello world")).toBe(
      "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=",
    );
    expect(call("base64sha512", "hello world")).toBe(
      "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==",
    );
  });
});

describe("UUID functions", () => {
  it("uuid returns a fresh random version 4 UUID", () => {
    const first = call("uuid");
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(call("uuid")).not.toBe(first);
  });

  it("uuidv5 derives the same UUID from a namespace and a name", () => {
    expect(call("uuidv5", "dns", "www.terraform.io")).toBe("a5008fae-b28c-5ba5-96cd-82b4c53552d6");
    expect(call("uuidv5", "url", "https://www.terraform.io/")).toBe(
      "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5",
    );
    expect(call("uuidv5", "oid", "1.2.3.4")).toBe("67448b45-6d15-536b-bef7-8a78c3d10ac6");
    expect(call("uuidv5", "12345678-1234-5678-1234-567812345678", "name")).toBe(
      "cb443bf2-f211-513f-b4be-ef73694775e9",
    );
  });

  it("uuidv5 refuses a namespace that is neither a UUID nor a known name", () => {
    expect(errorMessage("uuidv5", "web", "x")).toBe(
      'uuidv5: expected a UUID or one of "dns", "url", "oid" and "x500" as the first argument, ' +
        'got "web"',
    );
  });
});
