/**
 * The run summary printed at the end of a run: one line per unit, failures first with the
 * reason, then early exits, then the rest, each with its duration.
 */
import type { UnitResult } from "../runner/events.js";

const ORDER: Record<UnitResult["status"], number> = {
  "failed": 0,
  "early exit": 1,
  "not started": 2,
  "succeeded": 3,
  "excluded": 4,
};

/** The summary's lines, without colour. */
export function summaryLines(results: readonly UnitResult[], elapsedMs: number): string[] {
  const counts = new Map<UnitResult["status"], number>();
  for (const result of results) counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
  const tally = [...counts]
    .sort(([a], [b]) => ORDER[a] - ORDER[b])
    .map(([status, count]) => `${count} ${status}`)
    .join(", ");
  const units = results.length === 1 ? "1 unit" : `${results.length} units`;
  const lines = [`Run summary: ${units} in ${seconds(elapsedMs)} (${tally})`];

  const width = Math.max(0, ...results.map((result) => result.path.length));
  const sorted = [...results].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.path.localeCompare(b.path));
  for (const result of sorted) {
    const took = result.startedAt && result.endedAt
      ? seconds(result.endedAt.getTime() - result.startedAt.getTime())
      : "";
    const reason = result.reason === undefined ? "" : `  ${result.reason}`;
    lines.push(`  ${result.status.padEnd(11)} ${result.path.padEnd(width)} ${took.padStart(7)}${reason}`.trimEnd());
  }
  return lines;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
