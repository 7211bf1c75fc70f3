/**
 * Tests that need a real tool on PATH (terraform, moto_server, aws). Where the tool is missing
 * the test is skipped with a note that says which tool and why it is needed; under
 * TERRACE_REQUIRE_INTEGRATION=1 (CI) a missing tool fails the test instead, so that a broken
 * machine cannot pass by skipping.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

import type { TestContext } from "vitest";

/** The absolute path of `name` on PATH, or undefined. */
export function onPath(name: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/**
 * The path of `tool`; skips the test when it is missing (`why` says what the test needs it
 * for), or fails it when TERRACE_REQUIRE_INTEGRATION=1.
 */
export function requireTool(context: TestContext, tool: string, why: string): string {
  const found = onPath(tool);
  if (found !== undefined) return found;
  const reason = `${tool} is not on PATH; ${why}`;
  if (process.env.TERRACE_REQUIRE_INTEGRATION === "1") {
    throw new Error(`${reason} (TERRACE_REQUIRE_INTEGRATION=1 requires it)`);
  }
  return context.skip(reason);
}

/**
 * Like `requireTool` for a Python module that a test's script imports: skips (or fails under
 * TERRACE_REQUIRE_INTEGRATION=1) when `python3` cannot import `module`.
 */
export function requirePythonModule(context: TestContext, module: string, why: string): void {
  requireTool(context, "python3", why);
  try {
    execFileSync("python3", ["-c", `import ${module}`], { stdio: "ignore", timeout: 20_000 });
  } catch {
    const reason = `python3 cannot import ${module}; ${why}`;
    if (process.env.TERRACE_REQUIRE_INTEGRATION === "1") {
      throw new Error(`${reason} (TERRACE_REQUIRE_INTEGRATION=1 requires it)`);
    }
    context.skip(reason);
  }
}
