/**
 * The CSV reader behind `csvdecode`, with the rules of Go's encoding/csv that Terraform
 * uses: fields separated by commas, double quotes around fields that hold commas, quotes or
 * line breaks, `""` for a quote inside such a field, blank lines skipped, CRLF read as LF,
 * and every record as long as the first. A stray quote is an error, not a guess.
 */

/** Why a CSV text could not be read, with the 1-based line where reading stopped. */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

interface Cursor {
  text: string;
  index: number;
  line: number;
}

function readQuoted(cursor: Cursor): string {
  let field = "";
  cursor.index += 1;
  for (;;) {
    if (cursor.index >= cursor.text.length) {
      throw new CsvError(cursor.line, 'a quoted field has no closing "');
    }
    const character = cursor.text[cursor.index] ?? "";
    const next = cursor.text[cursor.index + 1];
    if (character === '"' && next === '"') {
      field += '"';
      cursor.index += 2;
    } else if (character === '"') {
      cursor.index += 1;
      const after = cursor.text[cursor.index];
      if (after !== undefined && after !== "," && after !== "\n" && after !== "\r") {
        throw new CsvError(cursor.line, 'a quoted field has text after its closing "');
      }
      return field;
    } else if (character === "\r" && next === "\n") {
      field += "\n";
      cursor.index += 2;
      cursor.line += 1;
    } else {
      if (character === "\n") cursor.line += 1;
      field += character;
      cursor.index += 1;
    }
  }
}

function readPlain(cursor: Cursor): string {
  const start = cursor.index;
  while (cursor.index < cursor.text.length && !",\r\n".includes(cursor.text[cursor.index] ?? "")) {
    if (cursor.text[cursor.index] === '"') {
      throw new CsvError(cursor.line, 'a field that does not start with " has a " in it');
    }
    cursor.index += 1;
  }
  return cursor.text.slice(start, cursor.index);
}

function readRecord(cursor: Cursor): string[] {
  const fields: string[] = [];
  for (;;) {
    const quoted = cursor.text[cursor.index] === '"';
    fields.push(quoted ? readQuoted(cursor) : readPlain(cursor));
    const separator = cursor.text[cursor.index];
    if (separator !== ",") break;
    cursor.index += 1;
  }
  if (cursor.text.startsWith("\r\n", cursor.index)) cursor.index += 2;
  else if (cursor.index < cursor.text.length) cursor.index += 1;
  cursor.line += 1;
  return fields;
}

/** Every record of a CSV text; all records have as many fields as the first. */
export function readCsv(text: string): string[][] {
  const cursor: Cursor = { text, index: 0, line: 1 };
  const records: string[][] = [];
  while (cursor.index < text.length) {
    if (text.startsWith("\n", cursor.index) || text.startsWith("\r\n", cursor.index)) {
      cursor.index += text[cursor.index] === "\r" ? 2 : 1;
      cursor.line += 1;
      continue;
    }
    const line = cursor.line;
    const record = readRecord(cursor);
    const expected = records[0]?.length ?? record.length;
    if (record.length !== expected) {
      throw new CsvError(line, `expected ${expected} fields like the header, got ${record.length}`);
    }
    records.push(record);
  }
  return records;
}
