import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { CallContext } from "../../../src/config/functions/types.js";
import type { Value } from "../../../src/config/value.js";
import { call, callIn, contextAt, failure } from "./call.js";

let root: string;
let context: CallContext;

const inUnit = (name: string, ...args: Value[]): Value => callIn(context, name, ...args);

function write(relative: string, contents: string | Buffer): void {
  const path = join(root, relative);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, contents);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "terrace-functions-"));
  context = contextAt(join(root, "unit"));
  write("unit/vars.txt", "file contents\n");
  write("unit/binary.bin", Buffer.from([0xff, 0x00, 0xfe]));
  write("unit/template.tpl", "Hello, ${name}!");
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("reading files", () => {
  it("file reads a path relative to the config's directory", () => {
    expect(inUnit("file", "vars.txt")).toBe("file contents\n");
    expect(inUnit("file", join(root, "unit", "vars.txt"))).toBe("file contents\n");
    expect(inUnit("file", "../unit/./vars.txt")).toBe("file contents\n");
  });

  it("file names the resolved path of a missing file", () => {
    expect(failure(() => inUnit("file", "missing.txt"))).toEqual({
      code: "FUNCTION_CALL",
      message: `file: no file at ${join(root, "unit", "missing.txt")}`,
      hint: "paths are relative to the directory of the config",
    });
  });

  it("file refuses directories and bytes that are not UTF-8", () => {
    expect(failure(() => inUnit("file", ".")).message).toBe(
      `file: ${join(root, "unit")} is a directory, not a file`,
    );
    expect(failure(() => inUnit("file", "binary.bin"))).toEqual({
      code: "FUNCTION_CALL",
      message: `file: ${join(root, "unit", "binary.bin")} is not valid UTF-8 text`,
      hint: "use filebase64() to read a binary file",
    });
  });

  it("filebase64 reads any bytes", () => {
    expect(inUnit("filebase64", "binary.bin")).toBe("/wD+");
    expect(inUnit("filebase64", "vars.txt")).toBe("ZmlsZSBjb250ZW50cwo=");
  });

  it("fileexists tells files from missing paths and refuses directories", () => {
    expect(inUnit("fileexists", "vars.txt")).toBe(true);
    expect(inUnit("fileexists", "nope.txt")).toBe(false);
    expect(inUnit("fileexists", "vars.txt/below")).toBe(false);
    expect(failure(() => inUnit("fileexists", "..")).message).toBe(
      `fileexists: ${root} is a directory, not a file`,
    );
  });

  it("templatefile renders the file with the given variables", () => {
    expect(inUnit("templatefile", "template.tpl", { name: "world" })).toBe(
      'Hello, ${name}!|{"name":"world"}',
    );
    expect(failure(() => inUnit("templatefile", "template.tpl", ["x"])).message).toBe(
      'templatefile: expected a map of template variables as the second argument, got ["x"]',
    );
  });

  it("hashes files by their bytes", () => {
    expect(inUnit("filemd5", "vars.txt")).toBe("081404b3d2ae5bf599add15b7445ac07");
    expect(inUnit("filesha1", "vars.txt")).toBe("3c3771c1f3304bdb052b101cc97a23df1ab9531f");
    expect(inUnit("filesha256", "vars.txt")).toBe(
      "3bf6b30277bde416a4de3058ad97f1d794f00cdc834ad15cb62e8018a45c1f91",
    );
    expect(inUnit("filesha512", "vars.txt")).toBe(
      "8f4e7ccd073866160698f8506542a4ebcbf93ed30434ede402c1303bf9d87676" +
        "aa4007c6ed9df6c3faf067575715ea1649cb18b64cfb0b89cdd11ee2052e5f4d",
    );
    expect(inUnit("filebase64sha256", "vars.txt")).toBe(
      "O/azAne95Bak3jBYrZfx15TwDNyDStFcti6AGKRcH5E=",
    );
    expect(inUnit("filebase64sha512", "vars.txt")).toBe(
      "j058zQc4ZhYGmPhQZUKk68v5PtMENO3kAsEwO/nYdnaqQAfG7Z32w/rwZ1dXFeoWScsYtkz7C4nN0R7iBS5fTQ==",
    );
    expect(failure(() => inUnit("filemd5", "gone.txt")).message).toBe(
      `filemd5: no file at ${join(root, "unit", "gone.txt")}`,
    );
  });
});

describe("fileset", () => {
  beforeEach(() => {
    const top = ["a.tf", "b.tf", "c.txt", ".hidden.tf"];
    const files = [...top, "sub/d.tf", "sub/deep/e.tf", "sub/f.json"];
    for (const file of files) write(`unit/files/${file}`, "x");
  });

  it("matches * within one directory and sorts the result", () => {
    expect(inUnit("fileset", "files", "*.tf")).toEqual([".hidden.tf", "a.tf", "b.tf"]);
  });

  it("matches ** across directories, including none", () => {
    expect(inUnit("fileset", "files", "**/*.tf")).toEqual([
      ".hidden.tf",
      "a.tf",
      "b.tf",
      "sub/d.tf",
      "sub/deep/e.tf",
    ]);
    expect(inUnit("fileset", "files", "sub/**")).toEqual(
      ["sub/d.tf", "sub/deep/e.tf", "sub/f.json"],
    );
  });

  it("reads ?, {a,b} and character classes", () => {
    expect(inUnit("fileset", "files", "?.t?")).toEqual(["a.tf", "b.tf"]);
    expect(inUnit("fileset", "files", "*.{txt,json}")).toEqual(["c.txt"]);
    expect(inUnit("fileset", "files", "[ab].tf")).toEqual(["a.tf", "b.tf"]);
    expect(inUnit("fileset", "files", "[^a].tf")).toEqual(["b.tf"]);
  });

  it("lists files only, follows links to directories and gives [] for a missing path", () => {
    symlinkSync(join(root, "unit/files/sub"), join(root, "unit/files/link"));
    expect(inUnit("fileset", "files", "link/*")).toEqual(["link/d.tf", "link/f.json"]);
    expect(inUnit("fileset", "files", "sub")).toEqual([]);
    expect(inUnit("fileset", "absent", "*")).toEqual([]);
  });
});

describe("path functions", () => {
  it("abspath resolves against the config's directory", () => {
    expect(inUnit("abspath", "a/../b")).toBe(join(root, "unit", "b"));
    expect(call("abspath", "/x/./y/")).toBe("/x/y");
  });

  it("dirname and basename follow Go's rules", () => {
    expect(call("dirname", "foo/bar/baz.txt")).toBe("foo/bar");
    expect(call("dirname", "foo")).toBe(".");
    expect(call("dirname", "/a/b/")).toBe("/a/b");
    expect(call("dirname", "/")).toBe("/");
    expect(call("basename", "foo/bar/baz.txt")).toBe("baz.txt");
    expect(call("basename", "/a/b/")).toBe("b");
    expect(call("basename", "/")).toBe("/");
    expect(call("basename", "")).toBe(".");
  });

  it("pathexpand replaces a leading ~ with the home directory", () => {
    expect(call("pathexpand", "~/.ssh/id_rsa")).toBe(`${homedir()}/.ssh/id_rsa`);
    expect(call("pathexpand", "~")).toBe(homedir());
    expect(call("pathexpand", "/etc/~x")).toBe("/etc/~x");
  });
});
