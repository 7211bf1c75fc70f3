/**
 * Character encodings for `textencodebase64` and `textdecodebase64`.
 *
 * Names are matched without regard to case. UTF-8, UTF-16LE, UTF-16BE, US-ASCII and
 * ISO-8859-1 are handled directly; the single-byte code pages that the WHATWG encoding
 * standard knows (windows-1252, ISO-8859-2, KOI8-R, ...) go through a byte table built from
 * Node's TextDecoder, so they encode as well as decode. Multi-byte legacy encodings such as
 * Shift_JIS decode only, because Node has no encoder for them.
 */

/** The encodings Node decodes that have one byte per character. */
const SINGLE_BYTE = new Set([
  "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6",
  "iso-8859-7", "iso-8859-8", "iso-8859-8-i", "iso-8859-10", "iso-8859-13", "iso-8859-14",
  "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u", "macintosh", "windows-874",
  "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
  "windows-1255", "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic",
]);

const UTF8 = new Set(["utf-8", "utf8"]);
const UTF16LE = new Set(["utf-16le", "utf16le"]);
const UTF16BE = new Set(["utf-16be", "utf16be"]);
const ASCII = new Set(["us-ascii", "ascii", "us", "iso646-us", "ansi_x3.4-1968"]);
const LATIN1 = new Set(["iso-8859-1", "iso_8859-1", "latin1", "l1", "iso-ir-100", "cp819"]);

/**
 * Thrown when a name is not a known encoding or the text does not fit the encoding; the
 * message is written to follow "<function>: ".
 */
export class EncodingError extends Error {}

function swapPairs(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  return copy.length % 2 === 0 ? copy.swap16() : copy;
}

/** The label Node's TextDecoder resolves `name` to, or undefined when it knows none. */
function decoderLabel(name: string): string | undefined {
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The characters 0x80 to 0x9f stand for in windows-1252. Node 20's decoder reads them as
 * ISO-8859-1 control codes instead, so this one code page is spelled out here.
 */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039" +
  "\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014" +
  "\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** The character each byte stands for in a single-byte encoding ("\ufffd" for none). */
function byteCharacters(label: string): string[] {
  const bytes = Uint8Array.from({ length: 256 }, (_, byte) => byte);
  if (label === "windows-1252") {
    const latin1 = Array.from(Buffer.from(bytes).toString("latin1"));
    return [...latin1.slice(0, 0x80), ...WINDOWS_1252_HIGH, ...latin1.slice(0xa0)];
  }
  return Array.from(new TextDecoder(label).decode(bytes));
}

function singleByteTable(label: string): Map<string, number> {
  const table = new Map<string, number>();
  byteCharacters(label).forEach((character, byte) => {
    if (character !== "\ufffd" && !table.has(character)) table.set(character, byte);
  });
  return table;
}

function encodeWithTable(
  text: string,
  name: string,
  table: (character: string) => number | undefined,
): Buffer {
  const bytes: number[] = [];
  for (const character of text) {
    const byte = table(character);
    if (byte === undefined) {
      throw new EncodingError(`${JSON.stringify(character)} cannot be written in ${name}`);
    }
    bytes.push(byte);
  }
  return Buffer.from(bytes);
}

function codeBelow(character: string, limit: number): number | undefined {
  const code = character.codePointAt(0) ?? limit;
  return code < limit ? code : undefined;
}

function unknown(name: string): EncodingError {
  return new EncodingError(`${JSON.stringify(name)} is not a known encoding`);
}

/** The bytes of `text` in the encoding called `name`. */
export function encodeText(text: string, name: string): Buffer {
  const key = name.toLowerCase();
  if (UTF8.has(key)) return Buffer.from(text, "utf8");
  if (UTF16LE.has(key)) return Buffer.from(text, "utf16le");
  if (UTF16BE.has(key)) return swapPairs(Buffer.from(text, "utf16le"));
  if (ASCII.has(key)) return encodeWithTable(text, name, (c) => codeBelow(c, 0x80));
  if (LATIN1.has(key)) return encodeWithTable(text, name, (c) => codeBelow(c, 0x100));

  const label = decoderLabel(key);
  if (label === undefined) throw unknown(name);
  if (!SINGLE_BYTE.has(label)) {
    throw new EncodingError(`${JSON.stringify(name)} can be decoded but not encoded`);
  }
  const table = singleByteTable(label);
  return encodeWithTable(text, name, (character) => table.get(character));
}

/** The text that `bytes` hold in the encoding called `name`. */
export function decodeText(bytes: Buffer, name: string): string {
  const key = name.toLowerCase();
  if (UTF8.has(key)) return new TextDecoder("utf-8").decode(bytes);
  if (UTF16LE.has(key)) return new TextDecoder("utf-16le").decode(bytes);
  if (UTF16BE.has(key)) return new TextDecoder("utf-16be").decode(bytes);
  if (ASCII.has(key)) {
    if (bytes.some((byte) => byte > 0x7f)) {
      throw new EncodingError(`the bytes are not valid ${name}: some are above 0x7f`);
    }
    return bytes.toString("latin1");
  }
  if (LATIN1.has(key)) return bytes.toString("latin1");

  const label = decoderLabel(key);
  if (label === undefined) throw unknown(name);
  if (!SINGLE_BYTE.has(label)) return new TextDecoder(label).decode(bytes);
  const characters = byteCharacters(label);
  return Array.from(bytes, (byte) => characters[byte] ?? "\ufffd").join("");
}
