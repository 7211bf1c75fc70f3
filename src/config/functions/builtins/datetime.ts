/**
 * Terraform's date and time functions: `timestamp`, `formatdate`, `timeadd` and `timecmp`.
 *
 * `formatdate` reads its specification as runs of one letter (`YYYY`, `MM`, `hh`, ...),
 * text in single quotes (`''` for a quote) and any other character as itself. A run that
 * is not a known sequence is an error rather than literal text, because a typo such as
 * `YYY` would otherwise slip into the output unnoticed.
 */
import { defineFunction, functionTable, type Args } from "./args.js";
import {
  formatTimestamp,
  localFields,
  offsetText,
  parseDuration,
  parseTimestamp,
  type Timestamp,
} from "./time-text.js";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function timestampArgument(args: Args, index: number): Timestamp {
  const time = parseTimestamp(args.string(index));
  return time ?? args.expected(index, 'an RFC 3339 timestamp like "2006-01-02T15:04:05Z"');
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The text of one run of a letter, such as "MMM", for the given time. */
function sequence(run: string, time: Timestamp, fields: Date): string | undefined {
  const hour = fields.getUTCHours();
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  const offset = time.offsetMinutes;
  const texts: Record<string, () => string> = {
    YYYY: () => pad(fields.getUTCFullYear(), 4),
    YY: () => pad(fields.getUTCFullYear() % 100, 2),
    MMMM: () => MONTHS[fields.getUTCMonth()] ?? "",
    MMM: () => (MONTHS[fields.getUTCMonth()] ?? "").slice(0, 3),
    MM: () => pad(fields.getUTCMonth() + 1, 2),
    M: () => String(fields.getUTCMonth() + 1),
    DD: () => pad(fields.getUTCDate(), 2),
    D: () => String(fields.getUTCDate()),
    EEEE: () => WEEKDAYS[fields.getUTCDay()] ?? "",
    EEE: () => (WEEKDAYS[fields.getUTCDay()] ?? "").slice(0, 3),
    hh: () => pad(hour, 2),
    h: () => String(hour),
    HH: () => pad(hour12, 2),
    H: () => String(hour12),
    AA: () => (hour < 12 ? "AM" : "PM"),
    aa: () => (hour < 12 ? "am" : "pm"),
    mm: () => pad(fields.getUTCMinutes(), 2),
    m: () => String(fields.getUTCMinutes()),
    ss: () => pad(fields.getUTCSeconds(), 2),
    s: () => String(fields.getUTCSeconds()),
    ZZZZZ: () => offsetText(offset, true),
    ZZZZ: () => offsetText(offset, false),
    ZZZ: () => (offset === 0 ? "UTC" : offsetText(offset, false)),
    Z: () => (offset === 0 ? "Z" : offsetText(offset, true)),
  };
  return texts[run]?.();
}

function formatDate(args: Args): string {
  const spec = args.string(0);
  const time = timestampArgument(args, 1);
  const fields = localFields(time);
  let result = "";
  let index = 0;

  while (index < spec.length) {
    const character = spec[index] ?? "";
    if (character === "'") {
      const literal = /^'((?:[^']|'')*)'/.exec(spec.slice(index));
      if (!literal) {
        args.fail(`the quote at offset ${index} of ${JSON.stringify(spec)} is not closed`);
      }
      result += (literal[1] ?? "").replaceAll("''", "'");
      index += literal[0].length;
    } else if (/[A-Za-z]/.test(character)) {
      let end = index;
      while (spec[end] === character) end += 1;
      const run = spec.slice(index, end);
      const text = sequence(run, time, fields);
      if (text === undefined) {
        args.fail(
          `${JSON.stringify(run)} in ${JSON.stringify(spec)} is not a date format sequence`,
          "put literal letters in single quotes, like \"'T'\"",
        );
      }
      result += text;
      index = end;
    } else {
      result += character;
      index += 1;
    }
  }
  return result;
}

/** formatdate, timeadd, timecmp, timestamp. */
export const dateTimeFunctions = functionTable([
  defineFunction("formatdate", "spec, timestamp", formatDate),
  defineFunction("timeadd", "timestamp, duration", (args) => {
    const time = timestampArgument(args, 0);
    const duration = parseDuration(args.string(1));
    if (duration === undefined) return args.expected(1, 'a duration such as "1h30m"');
    return formatTimestamp({ ...time, nanoseconds: time.nanoseconds + duration });
  }),
  defineFunction("timecmp", "timestamp_a, timestamp_b", (args) => {
    const first = timestampArgument(args, 0).nanoseconds;
    const second = timestampArgument(args, 1).nanoseconds;
    return first < second ? -1 : first > second ? 1 : 0;
  }),
  defineFunction("timestamp", "", () =>
    formatTimestamp({ nanoseconds: BigInt(Date.now()) * 1_000_000n, offsetMinutes: 0 }),
  ),
]);
