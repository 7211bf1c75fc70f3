/**
 * IPv4 and IPv6 addresses as bigints, for the CIDR functions.
 *
 * Parsing is strict in the way Terraform's is: an IPv4 octet with a leading zero
 * ("010.0.0.1") is refused, since some tools read it as octal and others as decimal.
 * IPv6 text is written in the canonical RFC 5952 form: lower case, the longest run of two
 * or more zero groups shortened to "::".
 */

/** An address, or a network when `prefix` is set; `bits` is 32 for IPv4 and 128 for IPv6. */
export interface Address {
  value: bigint;
  bits: 32 | 128;
}

/** A network: its first address (host bits cleared) and its prefix length. */
export interface Network extends Address {
  prefix: number;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIPv6(text: string): bigint | undefined {
  let body = text;
  const dotted = /\d+\.\d+\.\d+\.\d+$/.exec(body);
  if (dotted) {
    // An IPv4 tail ("::ffff:10.0.0.1") stands for the last two 16-bit groups.
    const v4 = parseIPv4(dotted[0]);
    const head = body.slice(0, dotted.index);
    if (v4 === undefined || !head.endsWith(":")) return undefined;
    body = `${head}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }

  const halves = body.split("::");
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string) => (half === "" ? [] : half.split(":"));
  const head = groupsOf(halves[0] ?? "");
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? "") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;

  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(`0x${group}`);
  }
  return value;
}

/** Parses an IPv4 or IPv6 address. */
export function parseAddress(text: string): Address | undefined {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return { value: v4, bits: 32 };
  const v6 = text.includes(":") ? parseIPv6(text) : undefined;
  return v6 === undefined ? undefined : { value: v6, bits: 128 };
}

/** The mask of a prefix length as a bigint of `bits` bits. */
export function prefixMask(prefix: number, bits: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

/** Parses "address/prefix" and clears the host bits, as Go's ParseCIDR does. */
export function parseNetwork(text: string): Network | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text);
  const address = parseAddress(match?.[1] ?? "");
  const prefix = Number(match?.[2]);
  if (!address || !Number.isInteger(prefix) || prefix > address.bits) return undefined;
  return { ...address, value: address.value & prefixMask(prefix, address.bits), prefix };
}

function formatIPv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, index) =>
    Number((value >> BigInt((7 - index) * 16)) & 0xffffn),
  );
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length += 1;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  const before = hex.slice(0, bestStart).join(":");
  const after = hex.slice(bestStart + bestLength).join(":");
  return `${before}::${after}`;
}

/** An address as text: dotted decimal for IPv4, RFC 5952 form for IPv6. */
export function formatAddress(address: Address): string {
  if (address.bits === 128) return formatIPv6(address.value);
  return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join(".");
}
