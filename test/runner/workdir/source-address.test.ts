/** The source addresses terrace understands, and the ones it refuses, as tables. */
import { describe, expect, it } from "vitest";

import { maskCredentials, parseSource } from "../../../src/runner/workdir/source-address.js";
import { TerraceError } from "../../../src/errors.js";

const UNIT = "/live/unit";

describe("a source address", () => {
  it.each([
    ["../modules//app", { kind: "local", dir: "/live/modules", subdir: "app" }],
    ["../modules/app", { kind: "local", dir: "/live/modules/app", subdir: "" }],
    ["/abs/modules//app/nested/", { kind: "local", dir: "/abs/modules", subdir: "app/nested" }],
    ["file:///abs/my%20modules//app?ref=v1", { kind: "local", dir: "/abs/my modules", subdir: "app" }],
    ["git::https://example.com/acme/modules.git//app?ref=v1.2.0",
      { kind: "git", url: "https://example.com/acme/modules.git", ref: "v1.2.0", depth: undefined, subdir: "app" }],
    ["git::ssh://git@example.com/acme/modules.git?ref=main",
      { kind: "git", url: "ssh://git@example.com/acme/modules.git", ref: "main", depth: undefined, subdir: "" }],
    ["git::file:///srv/git/modules.git//a/b?ref=0123abc&depth=5",
      { kind: "git", url: "file:///srv/git/modules.git", ref: "0123abc", depth: 5, subdir: "a/b" }],
    ["git::git@example.com:acme/modules.git//app?ref=v1",
      { kind: "git", url: "git@example.com:acme/modules.git", ref: "v1", depth: undefined, subdir: "app" }],
    ["git@example.com:acme/modules.git//app",
      { kind: "git", url: "git@example.com:acme/modules.git", ref: undefined, depth: undefined, subdir: "app" }],
    ["github.com/acme/modules//app?ref=v1",
      { kind: "git", url: "https://github.com/acme/modules.git", ref: "v1", depth: undefined, subdir: "app" }],
  ])("%s is understood", (text, expected) => {
    expect(parseSource(text, UNIT, undefined)).toEqual(expected);
  });

  it.each([
    ["s3::https://s3.amazonaws.com/b/m.zip", '"s3::https://s3.amazonaws.com/b/m.zip" is not a kind of source terrace can fetch'],
    ["https://example.com/module.zip", '"https://example.com/module.zip" is not a kind of source terrace can fetch'],
    ["git::https://h/m.git//app?rev=v1", 'unknown parameter "rev" in "git::https://h/m.git//app?rev=v1"'],
    ["git::https://h/m.git?depth=0", 'depth "0" in "git::https://h/m.git?depth=0" is not a positive whole number'],
    ["../m//../secrets", 'the subdirectory "../secrets" after // in "../m//../secrets" leads outside the source'],
    ["git::https://u:pw@example.com/m.git?x=1", 'unknown parameter "x" in "git::https://u:***@example.com/m.git?x=1"'],
  ])("%s is refused", (text, message) => {
    const error = (() => {
      try {
        parseSource(text, UNIT, { file: "/live/unit/terragrunt.hcl", line: 2 });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(TerraceError);
    expect(error).toMatchObject({ code: "SCHEMA", message: `terraform.source: ${message}`, location: { line: 2 } });
  });
});

describe("masking credentials", () => {
  it.each([
    ["https://user:pass@host/r.git", "https://user:***@host/r.git"],
    ["https://token@host/r.git", "https://***@host/r.git"],
    ["ssh://git@host/r.git", "ssh://git@host/r.git"],
    ["ssh://git:pw@host/r.git", "ssh://git:***@host/r.git"],
    ["git@host:org/r.git", "git@host:org/r.git"],
    ["see git::https://a:b@h/r.git and https://t@h/s.git", "see git::https://a:***@h/r.git and https://***@h/s.git"],
  ])("turns %s into %s", (text, masked) => {
    expect(maskCredentials(text)).toBe(masked);
  });
});
