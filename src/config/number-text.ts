/**
 * Decimal text for numbers, written the way Terraform writes them.
 *
 * Terraform keeps numbers as arbitrary-precision decimals, so `tostring(1e21)` is
 * "1000000000000000000000", never JavaScript's "1e+21". Everything here starts from the
 * shortest digit string that reads back as the same double, then places the decimal point
 * itself; `%e` and `%g` follow Go's layout (an exponent of at least two digits).
 */

/** Significant digits and the position of the decimal point: value = 0.digits × 10^point. */
interface Decimal {
  negative: boolean;
  digits: string;
  point: number;
}

/** Splits a finite number into its digits, rounded to `precision` significant ones if given. */
function decompose(value: number, precision?: number): Decimal {
  const negative = value < 0 || Object.is(value, -0);
  if (value === 0) return { negative, digits: "", point: 0 };
  const text =
    precision === undefined
      ? Math.abs(value).toExponential()
      : Math.abs(value).toExponential(Math.max(precision - 1, 0));
  const [mantissa = "0", exponent = "0"] = text.split("e");
  const digits = mantissa.replace(".", "").replace(/0+$/, "");
  return { negative, digits, point: Number(exponent) + 1 };
}

/** The digits written out without an exponent, with `places` digits after the point. */
function fixedText(decimal: Decimal, places: number): string {
  const { digits, point } = decimal;
  const whole = point > 0 ? digits.slice(0, point).padEnd(point, "0") : "0";
  const fractionDigits =
    point >= 0 ? digits.slice(point) : "0".repeat(-point) + digits;
  const fraction = fractionDigits.padEnd(places, "0").slice(0, places);
  return places > 0 ? `${whole}.${fraction}` : whole;
}

function exponentText(decimal: Decimal, places: number, letter: "e" | "E"): string {
  const digits = decimal.digits === "" ? "0" : decimal.digits;
  const first = digits.slice(0, 1);
  const rest = digits.slice(1).padEnd(places, "0").slice(0, places);
  const exponent = decimal.digits === "" ? 0 : decimal.point - 1;
  const sign = exponent < 0 ? "-" : "+";
  const magnitude = String(Math.abs(exponent)).padStart(2, "0");
  return `${places > 0 ? `${first}.${rest}` : first}${letter}${sign}${magnitude}`;
}

function withSign(decimal: Decimal, text: string): string {
  return decimal.negative && decimal.digits !== "" ? `-${text}` : text;
}

/** A number as Terraform's string conversion writes it: plain decimal, no exponent. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  const plain = String(value);
  if (!plain.includes("e")) return plain;
  const decimal = decompose(value);
  const places = Math.max(decimal.digits.length - decimal.point, 0);
  return withSign(decimal, fixedText(decimal, places));
}

/** `%f`: fixed notation with `precision` decimal places (6 when not given). */
export function formatFixed(value: number, precision = 6): string {
  const decimal = decompose(value);
  if (Math.abs(value) >= 1e21 || precision > 100) {
    return withSign(decimal, fixedText(decimal, precision));
  }
  const text = Math.abs(value).toFixed(precision);
  return decimal.negative && /[1-9]/.test(text) ? `-${text}` : text;
}

/** `%e`: scientific notation with `precision` decimal places (6 when not given). */
export function formatExponent(value: number, precision = 6, letter: "e" | "E" = "e"): string {
  const decimal = decompose(value, precision + 1);
  return withSign(decimal, exponentText(decimal, precision, letter));
}

/**
 * `%g`: `%e` for large or small exponents and `%f` otherwise, with trailing zeros removed.
 * Without a precision the shortest exact digits are used and the switch to `%e` happens
 * from an exponent of 6 onwards, as in Go's formatting of Terraform's numbers: `%v` of
 * 12345678 is "1.2345678e+07".
 */
export function formatGeneral(value: number, precision?: number, letter: "e" | "E" = "e"): string {
  const decimal = decompose(value, precision === 0 ? 1 : precision);
  const digitCount = Math.max(decimal.digits.length, 1);
  const exponent = decimal.digits === "" ? 0 : decimal.point - 1;
  let limit = precision === undefined ? 6 : precision === 0 ? 1 : precision;
  if (precision !== undefined && limit > digitCount && digitCount >= decimal.point) {
    limit = digitCount;
  }
  if (exponent < -4 || exponent >= limit) {
    return withSign(decimal, exponentText(decimal, digitCount - 1, letter));
  }
  const places = Math.max(decimal.digits.length - decimal.point, 0);
  return withSign(decimal, fixedText(decimal, places));
}
