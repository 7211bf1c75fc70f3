/**
 * `--report FILE`: the run as JSON, one entry per unit with its status, exit code, times and
 * the role it ran with. Written by the CLI; the shape is documented in the README.
 */
import { writeFile } from "node:fs/promises";

import type { UnitResult } from "../runner/events.js";

/** The report's JSON text. */
export function reportJson(results: readonly UnitResult[], command: string): string {
  const units = results.map((result) => ({
    path: result.path,
    status: result.status,
    reason: result.reason ?? null,
    exit_code: result.exitCode ?? null,
    started_at: result.startedAt?.toISOString() ?? null,
    ended_at: result.endedAt?.toISOString() ?? null,
    role: result.role ?? null,
    session_duration: result.duration ?? null,
    credential_expiry: result.credentialExpiry?.toISOString() ?? null,
  }));
  return `${JSON.stringify({ command, units }, null, 2)}\n`;
}

/** Writes the report. */
export async function writeReport(path: string, results: readonly UnitResult[], command: string): Promise<void> {
  await writeFile(path, reportJson(results, command));
}
