/**
 * Terraform's CIDR functions, for IPv4 and IPv6.
 *
 * `cidrsubnets` allocates its subnets one after another from the start of the network,
 * each aligned to its own size, exactly as Terraform does: after a /26 a following /24
 * starts at the next /24 boundary, leaving a gap, so adding a subnet at the end of the
 * list never moves the ones before it.
 */
import { defineFunction, functionTable, type Args } from "./args.js";
import { formatAddress, parseNetwork, prefixMask, type Network } from "./ip-address.js";

function networkArgument(args: Args, index: number): Network {
  const network = parseNetwork(args.string(index));
  return network ?? args.expected(index, 'a CIDR prefix like "10.0.0.0/16"');
}

function family(network: Network): string {
  return network.bits === 32 ? "IPv4" : "IPv6";
}

/** The network `newBits` longer than `network`, numbered `netNumber` within it. */
function subnet(args: Args, network: Network, newBits: number, netNumber: bigint): Network {
  const prefix = network.prefix + newBits;
  if (prefix > network.bits) {
    args.fail(
      `extending /${network.prefix} by ${newBits} bits gives /${prefix}, ` +
        `which is too long for an ${family(network)} address`,
    );
  }
  if (netNumber < 0n || netNumber >= 1n << BigInt(newBits)) {
    const last = (1n << BigInt(newBits)) - 1n;
    args.fail(`${newBits} new bits give subnets 0 to ${last}, not ${netNumber}`);
  }
  const value = network.value | (netNumber << BigInt(network.bits - prefix));
  return { value, bits: network.bits, prefix };
}

function cidrHost(args: Args): string {
  const network = networkArgument(args, 0);
  const number = BigInt(args.integer(1));
  const size = 1n << BigInt(network.bits - network.prefix);
  const host = number < 0n ? size + number : number;
  if (host < 0n || host >= size) {
    args.fail(`${args.string(0)} has ${size} addresses, so it has no host number ${number}`);
  }
  return formatAddress({ value: network.value + host, bits: network.bits });
}

function cidrSubnets(args: Args): string[] {
  const network = networkArgument(args, 0);
  const end = network.value + (1n << BigInt(network.bits - network.prefix));
  let next = network.value;

  return args.rest(1).map((_, index) => {
    const newBits = args.integer(index + 1);
    if (newBits < 1) args.expected(index + 1, "a number of new bits of 1 or more");
    const prefix = network.prefix + newBits;
    if (prefix > network.bits) {
      args.fail(`/${prefix} is too long for an ${family(network)} address`);
    }
    const size = 1n << BigInt(network.bits - prefix);
    const start = ((next + size - 1n) / size) * size;
    if (start + size > end) {
      args.fail(`not enough room left in ${args.string(0)} for a /${prefix} subnet`);
    }
    next = start + size;
    return `${formatAddress({ value: start, bits: network.bits })}/${prefix}`;
  });
}

/** cidrhost, cidrnetmask, cidrsubnet, cidrsubnets. */
export const networkFunctions = functionTable([
  defineFunction("cidrhost", "prefix, hostnum", cidrHost),
  defineFunction("cidrnetmask", "prefix", (args) => {
    const network = networkArgument(args, 0);
    if (network.bits !== 32) args.expected(0, "an IPv4 prefix (IPv6 has no netmask)");
    return formatAddress({ value: prefixMask(network.prefix, 32), bits: 32 });
  }),
  defineFunction("cidrsubnet", "prefix, newbits, netnum", (args) => {
    const network = networkArgument(args, 0);
    const newBits = args.integer(1);
    if (newBits < 0) args.expected(1, "a number of new bits of 0 or more");
    const result = subnet(args, network, newBits, BigInt(args.integer(2)));
    return `${formatAddress(result)}/${result.prefix}`;
  }),
  defineFunction("cidrsubnets", "prefix, newbits...", cidrSubnets),
]);
