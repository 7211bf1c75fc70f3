/**
 * What a run reports as it goes. The runner never prints; the CLI renders these events
 * (prefixed lines, the live status line, the summary) and the report module records them.
 */
import type { Stream } from "./process.js";
import type { Outcome } from "./scheduler.js";

/** The final record of one unit in a run. */
export interface UnitResult {
  /** Path relative to the working directory. */
  path: string;
  dir: string;
  status: Outcome["status"] | "excluded";
  /** Why the unit failed, exited early or was excluded: one line. */
  reason: string | undefined;
  exitCode: number | undefined;
  startedAt: Date | undefined;
  endedAt: Date | undefined;
  /** Role settings the unit ran with (issue: per-unit roles); undefined without a role. */
  role: string | undefined;
  duration: number | undefined;
  credentialExpiry: Date | undefined;
}

export type RunEvent =
  | { kind: "start"; unit: string }
  | { kind: "line"; unit: string; stream: Stream; line: string }
  | { kind: "finish"; unit: string; result: UnitResult }
  | { kind: "interrupt"; count: number };

export type EventSink = (event: RunEvent) => void;
