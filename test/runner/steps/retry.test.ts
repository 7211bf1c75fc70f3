import { describe, expect, it } from "vitest";

import { decide, retryPolicy, runWithRetries, type RetryPolicy } from "../../../src/runner/steps/retry.js";
import { failureOf, resolveUnit } from "./resolve-unit.js";

const ERRORS = `errors {
  ignore "known-drift" {
    ignorable_errors = [".*Error: drift detected.*", "!.*in module.prod.*"]
    message          = "drift outside prod is reviewed weekly"
    signals          = { drift = true }
  }
  retry "network" {
    retryable_errors   = ["(?s).*connection reset.*", "(?i)rate exceeded"]
    max_attempts       = 4
    sleep_interval_sec = 2
  }
  retry "locks" {
    retryable_errors = ["(?m)^Error acquiring the state lock$"]
  }
}
`;

async function policyOf(hcl: string): Promise<RetryPolicy> {
  const { unit } = await resolveUnit({ "terragrunt.hcl": hcl });
  return retryPolicy(unit.config, unit.origin);
}

describe("retry and ignore decisions", () => {
  it.each([
    ["defaults: a TLS timeout on the first attempt", "", "Error: net/http: TLS handshake timeout", 1,
      { action: "retry", sleepSeconds: 5, rule: "default" }],
    ["defaults: a TLS timeout on the third attempt", "", "x\nTLS handshake timeout\ny", 3, { action: "fail" }],
    ["defaults: an error that is not in the list", "", "Error: Invalid reference", 1, { action: "fail" }],
    ["legacy: its own list, attempts and interval", `retryable_errors = ["(?s).*quota.*"]\nretry_max_attempts = 2\nretry_sleep_interval_sec = 9\n`,
      "Error:\n quota hit", 1, { action: "retry", sleepSeconds: 9, rule: "default" }],
    ["legacy: the list replaces the defaults", `retryable_errors = ["quota"]\n`, "TLS handshake timeout", 1, { action: "fail" }],
    ["errors: (?s) lets . cross lines", ERRORS, "Error:\nconnection reset\nby peer", 3,
      { action: "retry", sleepSeconds: 2, rule: "network" }],
    ["errors: (?i) ignores case", ERRORS, "Rate Exceeded", 1, { action: "retry", sleepSeconds: 2, rule: "network" }],
    ["errors: the last of max_attempts fails", ERRORS, "rate exceeded", 4, { action: "fail" }],
    ["errors: (?m) anchors at lines, defaults fill the rest", ERRORS, "x\nError acquiring the state lock\ny", 2,
      { action: "retry", sleepSeconds: 5, rule: "locks" }],
    ["errors: retry blocks replace the default list", ERRORS, "TLS handshake timeout", 1, { action: "fail" }],
    ["errors: an ignore rule comes before the retry rules", ERRORS, "Error: drift detected\nconnection reset", 1,
      { action: "ignore", message: "drift outside prod is reviewed weekly", signals: { drift: true }, rule: "known-drift" }],
    ["errors: a ! pattern excludes an error from the ignore rule", ERRORS,
      "Error: drift detected in module.prod.db\nconnection reset", 1, { action: "retry", sleepSeconds: 2, rule: "network" }],
  ])("%s", async (_name, hcl, output, attempt, expected) => {
    expect(decide(await policyOf(hcl), output, attempt)).toEqual(expected);
  });

  it("reports an invalid pattern at its line with the pattern quoted", async () => {
    const hcl = `errors {\n  retry "bad" {\n    retryable_errors = ["(?s).*(unclosed"]\n  }\n}\n`;
    const { root, unit } = await resolveUnit({ "terragrunt.hcl": hcl });

    expect(failureOf(root, () => retryPolicy(unit.config, unit.origin))).toEqual({
      code: "SCHEMA",
      where: "unit/terragrunt.hcl:3",
      message: `"(?s).*(unclosed" is not a valid regular expression: /.*(unclosed/s: Unterminated group`,
      hint: "write a Go (RE2) regular expression; flags such as (?s), (?i) and (?m) may only open the pattern",
    });
  });

  it("reports a flag that JavaScript cannot follow", async () => {
    const { root, unit } = await resolveUnit({ "terragrunt.hcl": `retryable_errors = ["(?U)a+"]\n` });

    expect(failureOf(root, () => retryPolicy(unit.config, unit.origin))).toMatchObject({
      where: "unit/terragrunt.hcl:1",
      message: `"(?U)a+" is not a valid regular expression: the flag (?U) is not supported`,
    });
  });

  it("reports a max_attempts that is not a whole number, for configs that skipped the schema", () => {
    const config = { errors: { retry: { r: { retryable_errors: [".*"], max_attempts: 1.5 } } } };
    const origin = () => ({ file: "/repo/unit/terragrunt.hcl", line: 4 });

    expect(failureOf("/repo", () => retryPolicy(config, origin))).toEqual({
      code: "SCHEMA",
      where: "unit/terragrunt.hcl:4",
      message: `retry "r": max_attempts is 1.5`,
      hint: "give a whole number of at least 1; it counts every run, the first included",
    });
  });
});

describe("runWithRetries", () => {
  function scripted(outcomes: Array<[number, string]>) {
    let calls = 0;
    const run = async () => {
      const [exitCode, output] = outcomes[Math.min(calls, outcomes.length - 1)] ?? [0, ""];
      calls += 1;
      return { exitCode, output };
    };
    return { run, calls: () => calls };
  }

  it("reruns a retryable failure after the rule's interval until it succeeds", async () => {
    const policy = await policyOf(ERRORS);
    const { run, calls } = scripted([[1, "connection reset"], [1, "rate exceeded"], [0, "Apply complete!"]]);
    const slept: number[] = [];

    const retried = await runWithRetries(run, policy, { sleep: async (seconds) => void slept.push(seconds) });

    expect(retried).toEqual({ result: { exitCode: 0, output: "Apply complete!" }, attempts: 3, ignored: undefined });
    expect(calls()).toBe(3);
    expect(slept).toEqual([2, 2]);
  });

  it("stops after max_attempts runs and returns the last failure", async () => {
    const policy = await policyOf(ERRORS);
    const { run, calls } = scripted([[1, "connection reset"]]);
    const slept: number[] = [];

    const retried = await runWithRetries(run, policy, { sleep: async (seconds) => void slept.push(seconds) });

    expect(retried).toEqual({ result: { exitCode: 1, output: "connection reset" }, attempts: 4, ignored: undefined });
    expect(calls()).toBe(4);
    expect(slept).toEqual([2, 2, 2]);
  });

  it("returns an ignored failure at once with the rule's message", async () => {
    const policy = await policyOf(ERRORS);
    const { run } = scripted([[1, "Error: drift detected in module.dev"]]);

    const retried = await runWithRetries(run, policy, { sleep: async () => undefined });

    expect(retried.attempts).toBe(1);
    expect(retried.ignored).toEqual({
      action: "ignore", message: "drift outside prod is reviewed weekly", signals: { drift: true }, rule: "known-drift",
    });
  });

  it("counts exit code 2 as success when told to, and starts no attempt after an interrupt", async () => {
    const policy = await policyOf("");
    const detailed = scripted([[2, "changes"]]);
    const planned = await runWithRetries(detailed.run, policy, { sleep: async () => undefined, succeeded: (code) => code <= 2 });
    expect(planned.attempts).toBe(1);

    let interrupted = false;
    const flaky = scripted([[1, "i/o timeout"]]);
    const stopped = await runWithRetries(flaky.run, policy, {
      sleep: async () => void (interrupted = true),
      interrupted: () => interrupted,
    });
    expect(stopped.attempts).toBe(1);
    expect(flaky.calls()).toBe(1);
  });
});
