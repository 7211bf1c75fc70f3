import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("base64 functions", () => {
  it("base64encode and base64decode round-trip UTF-8 text", () => {
    expect(call("base64encode", "Hello World")).toBe("SGVsbG8gV29ybGQ=");
    expect(call("base64decode", "SGVsbG8gV29ybGQ=")).toBe("Hello World");
    expect(call("base64decode", call("base64encode", "héllo ✓"))).toBe("héllo ✓");
  });

  it("base64decode refuses unpadded input and bytes that are not UTF-8", () => {
    expect(errorMessage("base64decode", "SGVsbG8")).toBe(
      'base64decode: expected a base64 string as the first argument, got "SGVsbG8"',
    );
    expect(errorMessage("base64decode", "/w==")).toBe(
      'base64decode: the bytes decoded from "/w==" are not valid UTF-8',
    );
  });

  it("base64gzip compresses before encoding", () => {
    const encoded = call("base64gzip", "test text");
    expect(gunzipSync(Buffer.from(String(encoded), "base64")).toString("utf8")).toBe("test text");
  });
});

describe("csvdecode", () => {
  it("turns each row into an object keyed by the header", () => {
    expect(call("csvdecode", "a,b,c\n1,2,3\n4,5,6\n")).toEqual([
      { a: "1", b: "2", c: "3" },
      { a: "4", b: "5", c: "6" },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'name,note\r\n"Smith, J","said ""hi""\nthere"\r\n';
    expect(call("csvdecode", text)).toEqual([{ name: "Smith, J", note: 'said "hi"\nthere' }]);
  });

  it("reports a short row, a stray quote and a missing header", () => {
    expect(errorMessage("csvdecode", "a,b\n1\n")).toBe(
      "csvdecode: cannot read the CSV: line 2: expected 2 fields like the header, got 1",
    );
    expect(errorMessage("csvdecode", 'a,b\n1,x"y\n')).toBe(
      'csvdecode: cannot read the CSV: line 2: a field that does not start with " has a " in it',
    );
    expect(errorMessage("csvdecode", "")).toBe("csvdecode: the CSV has no header line");
  });
});

describe("JSON functions", () => {
  it("jsondecode reads any JSON value", () => {
    expect(call("jsondecode", '{"hello": "world", "n": [1, 2.5, null]}')).toEqual({
      hello: "world",
      n: [1, 2.5, null],
    });
    expect(call("jsondecode", "true")).toBe(true);
    expect(errorMessage("jsondecode", "{")).toBe(
      "jsondecode: cannot parse \"{\" as JSON: Expected property name or '}' in JSON at position 1",
    );
  });

  it("jsonencode sorts keys, writes whole numbers plainly and escapes HTML characters", () => {
    expect(call("jsonencode", { hello: "world", a: [1, 2.5, true, null] })).toBe(
      '{"a":[1,2.5,true,null],"hello":"world"}',
    );
    expect(call("jsonencode", 1e21)).toBe("1000000000000000000000");
    expect(call("jsonencode", "<b>&")).toBe('"\\u003cb\\u003e\\u0026"');
    expect(errorMessage("jsonencode", Infinity)).toBe(
      "jsonencode: cannot encode +Inf: JSON has no infinity",
    );
  });
});

describe("text encodings", () => {
  it("textencodebase64 writes text in the named encoding", () => {
    expect(call("textencodebase64", "Hello World", "UTF-16LE")).toBe(
      "SABlAGwAbABvACAAVwBvAHIAbABkAA==",
    );
    expect(call("textencodebase64", "Hello", "utf-16be")).toBe("AEgAZQBsAGwAbw==");
    expect(call("textencodebase64", "€", "windows-1252")).toBe("gA==");
    expect(call("textencodebase64", "é", "ISO-8859-1")).toBe("6Q==");
  });

  it("textdecodebase64 reads text in the named encoding", () => {
    expect(call("textdecodebase64", "SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")).toBe(
      "Hello World",
    );
    expect(call("textdecodebase64", "gA==", "windows-1252")).toBe("€");
    expect(call("textdecodebase64", "gqA=", "Shift_JIS")).toBe("あ");
  });

  it("reports unknown encodings and characters an encoding cannot hold", () => {
    expect(errorMessage("textencodebase64", "x", "nope")).toBe(
      'textencodebase64: "nope" is not a known encoding',
    );
    expect(errorMessage("textencodebase64", "é", "US-ASCII")).toBe(
      'textencodebase64: "é" cannot be written in US-ASCII',
    );
    expect(errorMessage("textencodebase64", "x", "Shift_JIS")).toBe(
      'textencodebase64: "Shift_JIS" can be decoded but not encoded',
    );
  });
});

describe("urlencode", () => {
  it("escapes like a URL query: spaces as + and UTF-8 bytes as %XX", () => {
    expect(call("urlencode", "Hello World!")).toBe("Hello+World%21");
    expect(call("urlencode", "ä/ö")).toBe("%C3%A4%2F%C3%B6");
    expect(call("urlencode", "a-b_c.d~e")).toBe("a-b_c.d~e");
  });
});
