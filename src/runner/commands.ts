/**
 * What terrace knows of terraform commands: which direction a command walks the graph, which
 * make no sense across many units, and which flags a non-interactive run adds.
 */
import { TerraceError } from "../errors.js";

/** Commands refused by run-all: they act on one unit's state by name or need a human. */
const REFUSED = new Set(["import", "taint", "untaint", "console", "force-unlock", "login", "logout"]);

/** Commands that take `-input`. */
const TAKES_INPUT = new Set(["apply", "destroy", "import", "init", "plan", "refresh"]);

/** `down` walks dependents first: destroying, in any spelling. */
export function directionOf(command: string, args: readonly string[]): "up" | "down" {
  return command === "destroy" || args.includes("-destroy") ? "down" : "up";
}

/** Throws for commands that make no sense across many units. */
export function checkRunAllCommand(command: string): void {
  if (command === "") {
    throw new TerraceError("USAGE", "run-all needs a terraform command", {
      hint: "for example: terrace run-all plan",
    });
  }
  if (REFUSED.has(command)) {
    throw new TerraceError("USAGE", `run-all ${command} is not supported: it acts on one unit at a time`, {
      hint: `run terrace ${command} in the unit's directory instead`,
    });
  }
}

/** The arguments terraform gets in a run-all: the user's, plus `-auto-approve` and `-input=false`. */
export function runAllArguments(command: string, args: readonly string[]): string[] {
  const result = [command, ...args];
  if ((command === "apply" || command === "destroy") && !args.includes("-auto-approve")) {
    result.push("-auto-approve");
  }
  if (TAKES_INPUT.has(command) && !args.some((arg) => arg.startsWith("-input"))) result.push("-input=false");
  return result;
}

/** True for commands that change infrastructure and so ask before a run-all starts. */
export function needsConfirmation(command: string): boolean {
  return command === "apply" || command === "destroy";
}
