/**
 * Reading and writing the RFC 3339 timestamps and Go-style durations that Terraform's date
 * functions use.
 *
 * A timestamp keeps its UTC offset: Terraform formats and adds within the offset the
 * timestamp was written in, so `timeadd("2024-01-01T00:00:00+02:00", "1h")` stays at
 * +02:00. Instants are held as nanoseconds since the epoch in a bigint, because durations
 * may be given in nanoseconds and fractional seconds must still compare exactly.
 */

/** A point in time and the UTC offset (in minutes) it is shown in. */
export interface Timestamp {
  nanoseconds: bigint;
  offsetMinutes: number;
}

const RFC3339 = new RegExp(
  "^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?" +
    "(?:([Zz])|([+-])(\\d{2}):(\\d{2}))$",
);

const NANOS_PER_MILLI = 1_000_000n;

/** Parses an RFC 3339 timestamp; undefined when `text` is not one or names no real time. */
export function parseTimestamp(text: string): Timestamp | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map(Number);
  const [fraction = "", , sign, offsetHours = "0", offsetMinutes = "0"] = match.slice(7);
  const offset = (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));

  // Date.UTC rolls over out-of-range fields (February 30th becomes March 2nd); reading the
  // fields back shows whether the text named a real time.
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  const real =
    check.getUTCMonth() + 1 === month && check.getUTCDate() === day && check.getUTCHours() === hour;
  if (!real || minute > 59 || second > 59) return undefined;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;

  const milliseconds = BigInt(local - offset * 60_000);
  const nanoseconds = milliseconds * NANOS_PER_MILLI + BigInt(fraction.padEnd(9, "0") || "0");
  return { nanoseconds, offsetMinutes: offset };
}

/** The calendar fields of a timestamp as seen at its own offset. */
export function localFields(time: Timestamp): Date {
  const localNanos = time.nanoseconds + BigInt(time.offsetMinutes) * 60_000n * NANOS_PER_MILLI;
  const milliseconds = localNanos / NANOS_PER_MILLI - (localNanos % NANOS_PER_MILLI < 0n ? 1n : 0n);
  return new Date(Number(milliseconds));
}

function two(value: number): string {
  return String(value).padStart(2, "0");
}

/** The offset as "Z" for UTC or "+hh:mm", or with `colon` false as "+hhmm". */
export function offsetText(offsetMinutes: number, colon: boolean): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const magnitude = Math.abs(offsetMinutes);
  return `${sign}${two(Math.floor(magnitude / 60))}${colon ? ":" : ""}${two(magnitude % 60)}`;
}

/** RFC 3339 without fractional seconds, at the timestamp's own offset ("Z" for UTC). */
export function formatTimestamp(time: Timestamp): string {
  const fields = localFields(time);
  const year = String(fields.getUTCFullYear()).padStart(4, "0");
  const date = `${year}-${two(fields.getUTCMonth() + 1)}-${two(fields.getUTCDate())}`;
  const clock = [fields.getUTCHours(), fields.getUTCMinutes(), fields.getUTCSeconds()]
    .map(two)
    .join(":");
  const zone = time.offsetMinutes === 0 ? "Z" : offsetText(time.offsetMinutes, true);
  return `${date}T${clock}${zone}`;
}

const UNIT_NANOS: Record<string, number> = {
  ns: 1, us: 1e3, "µs": 1e3, "μs": 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9,
};

/** Parses a Go duration such as "1h30m", "-2.5s" or "300ms" into nanoseconds. */
export function parseDuration(text: string): bigint | undefined {
  const match = /^([-+]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+|0)$/u.exec(text);
  if (!match) return undefined;
  const [, sign, body = ""] = match;
  let total = 0n;
  for (const part of body.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gu)) {
    const [, amount = "0", unit = "s"] = part;
    const [whole = "0", fraction = ""] = amount.split(".");
    const perUnit = BigInt(UNIT_NANOS[unit] ?? 1);
    const fractionScale = 10n ** BigInt(fraction.length);
    total += BigInt(whole) * perUnit + (BigInt(fraction || "0") * perUnit) / fractionScale;
  }
  return sign === "-" ? -total : total;
}
