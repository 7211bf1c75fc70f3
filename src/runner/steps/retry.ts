/**
 * What to do after a failed terraform command, and the loop that acts on it. Ignore rules are
 * asked first, in declaration order, and the first that matches turns the failure into
 * success; then the first retry rule that matches decides whether another attempt is left.
 * Patterns match anywhere in the command's whole output (stdout and stderr).
 */
import type { ValueObject } from "../../config/value.js";
import type { RetryPolicy } from "./retry-policy.js";

export { retryPolicy, type IgnoreRule, type RetryPolicy, type RetryRule } from "./retry-policy.js";

/** The verdict on one failed attempt. */
export type RetryDecision =
  | { action: "retry"; sleepSeconds: number; rule: string }
  | { action: "ignore"; message: string | undefined; signals: ValueObject; rule: string }
  | { action: "fail" };

/** The verdict on attempt number `attempt` (counting from 1) that failed with `output`. */
export function decide(policy: RetryPolicy, output: string, attempt: number): RetryDecision {
  for (const rule of policy.ignore) {
    if (!rule.patterns.some((pattern) => pattern.test(output))) continue;
    if (rule.excluding.some((pattern) => pattern.test(output))) continue;
    return { action: "ignore", message: rule.message, signals: rule.signals, rule: rule.name };
  }
  const rule = policy.retry.find((candidate) => candidate.patterns.some((pattern) => pattern.test(output)));
  if (rule === undefined || attempt >= rule.maxAttempts) return { action: "fail" };
  return { action: "retry", sleepSeconds: rule.sleepSeconds, rule: rule.name };
}

/** One run of the command: its exit code and everything it printed. */
export interface AttemptResult {
  exitCode: number;
  output: string;
}

/** How `runWithRetries` waits and when it stops. */
export interface RetryLoopOptions {
  sleep(seconds: number): Promise<void>;
  /** True once the run is interrupted: no further attempt starts. */
  interrupted?(): boolean;
  /** Whether an exit code is success; 0 only unless told (plan -detailed-exitcode adds 2). */
  succeeded?(exitCode: number): boolean;
}

/** The last attempt, how many were made, and the ignore rule that forgave its failure. */
export interface RetriedResult<R extends AttemptResult> {
  result: R;
  attempts: number;
  ignored: Extract<RetryDecision, { action: "ignore" }> | undefined;
}

/** Runs `run` until it succeeds, a failure is ignored, or the policy says to stop. */
export async function runWithRetries<R extends AttemptResult>(
  run: () => Promise<R>,
  policy: RetryPolicy,
  options: RetryLoopOptions,
): Promise<RetriedResult<R>> {
  const succeeded = options.succeeded ?? ((exitCode: number) => exitCode === 0);
  for (let attempt = 1; ; attempt += 1) {
    const result = await run();
    if (succeeded(result.exitCode)) return { result, attempts: attempt, ignored: undefined };

    const decision = decide(policy, result.output, attempt);
    if (decision.action === "ignore") return { result, attempts: attempt, ignored: decision };
    if (decision.action === "fail" || options.interrupted?.() === true) {
      return { result, attempts: attempt, ignored: undefined };
    }
    await options.sleep(decision.sleepSeconds);
    if (options.interrupted?.() === true) return { result, attempts: attempt, ignored: undefined };
  }
}
