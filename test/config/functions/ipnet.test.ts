import { describe, expect, it } from "vitest";

import { call, errorMessage } from "./call.js";

describe("cidrhost", () => {
  it("numbers hosts from the start, or from the end when negative", () => {
    expect(call("cidrhost", "10.12.112.0/20", 16)).toBe("10.12.112.16");
    expect(call("cidrhost", "10.12.112.0/20", 268)).toBe("10.12.113.12");
    expect(call("cidrhost", "10.0.0.0/30", -1)).toBe("10.0.0.3");
    expect(call("cidrhost", "10.12.112.5/20", 1)).toBe("10.12.112.1");
    expect(call("cidrhost", "fd00:fd12:3456:7890:00a2::/72", 34)).toBe("fd00:fd12:3456:7890::22");
  });

  it("refuses host numbers outside the prefix and malformed prefixes", () => {
    expect(errorMessage("cidrhost", "10.0.0.0/30", 4)).toBe(
      "cidrhost: 10.0.0.0/30 has 4 addresses, so it has no host number 4",
    );
    expect(errorMessage("cidrhost", "10.0.0.0", 1)).toBe(
      'cidrhost: expected a CIDR prefix like "10.0.0.0/16" as the first argument, got "10.0.0.0"',
    );
    expect(errorMessage("cidrhost", "010.0.0.0/8", 1)).toBe(
      'cidrhost: expected a CIDR prefix like "10.0.0.0/16" as the first argument, ' +
        'got "010.0.0.0/8"',
    );
  });
});

describe("cidrnetmask", () => {
  it("writes the IPv4 netmask and refuses IPv6", () => {
    expect(call("cidrnetmask", "172.16.0.0/12")).toBe("255.240.0.0");
    expect(call("cidrnetmask", "10.0.0.0/32")).toBe("255.255.255.255");
    expect(errorMessage("cidrnetmask", "fd00::/8")).toBe(
      'cidrnetmask: expected an IPv4 prefix (IPv6 has no netmask) as the first argument, ' +
        'got "fd00::/8"',
    );
  });
});

describe("cidrsubnet", () => {
  it("extends the prefix and numbers the subnet", () => {
    expect(call("cidrsubnet", "172.16.0.0/12", 4, 2)).toBe("172.18.0.0/16");
    expect(call("cidrsubnet", "10.1.2.0/24", 4, 15)).toBe("10.1.2.240/28");
    expect(call("cidrsubnet", "fd00:fd12:3456:7890::/56", 16, 162)).toBe(
      "fd00:fd12:3456:7800:a200::/72",
    );
  });

  it("refuses subnet numbers and prefixes that do not fit", () => {
    expect(errorMessage("cidrsubnet", "10.0.0.0/8", 4, 16)).toBe(
      "cidrsubnet: 4 new bits give subnets 0 to 15, not 16",
    );
    expect(errorMessage("cidrsubnet", "10.0.0.0/30", 3, 0)).toBe(
      "cidrsubnet: extending /30 by 3 bits gives /33, which is too long for an IPv4 address",
    );
  });
});

describe("cidrsubnets", () => {
  it("allocates consecutive aligned subnets as Terraform does", () => {
    expect(call("cidrsubnets", "10.1.0.0/16", 4, 4, 8, 4)).toEqual([
      "10.1.0.0/20",
      "10.1.16.0/20",
      "10.1.32.0/24",
      "10.1.48.0/20",
    ]);
    expect(call("cidrsubnets", "fd00:fd12:3456:7890::/56", 16, 16, 16, 32)).toEqual([
      "fd00:fd12:3456:7800::/72",
      "fd00:fd12:3456:7800:100::/72",
      "fd00:fd12:3456:7800:200::/72",
      "fd00:fd12:3456:7800:300::/88",
    ]);
    expect(call("cidrsubnets", "10.0.0.0/8")).toEqual([]);
  });

  it("fails when the network has no room left", () => {
    expect(errorMessage("cidrsubnets", "10.0.0.0/30", 1, 1, 1)).toBe(
      "cidrsubnets: not enough room left in 10.0.0.0/30 for a /31 subnet",
    );
    expect(errorMessage("cidrsubnets", "10.0.0.0/8", 0)).toBe(
      "cidrsubnets: expected a number of new bits of 1 or more as the second argument, got 0",
    );
  });
});
