/**
 * How a run looks on the terminal: each unit's lines prefixed with its path (coloured on a
 * terminal, plain when piped or with NO_COLOR, unprefixed at --parallelism 1), a live line of
 * counts on a terminal, and the summary at the end. Terraform's stdout stays on stdout;
 * everything terrace says goes to stderr.
 */
import type { EventSink, RunEvent, UnitResult } from "../runner/events.js";
import { summaryLines } from "../report/summary.js";
import type { Output } from "./output.js";

export interface ViewOptions {
  output: Output;
  /** stderr is a terminal: draw the live status line. */
  interactive: boolean;
  colour: boolean;
  /** Print lines without the unit prefix (one unit at a time). */
  plain: boolean;
  total: number;
}

const COLOURS = [36, 33, 35, 32, 34, 96, 93, 95, 92, 94];

/** Renders run events as they come. */
export class RunView {
  private readonly colourOf = new Map<string, number>();
  /** Units whose turn has started and not yet finished. */
  private readonly running = new Set<string>();
  private done = 0;
  private failed = 0;
  private statusShown = false;

  constructor(private readonly options: ViewOptions) {}

  readonly sink: EventSink = (event) => this.render(event);

  /** Prints the summary after the run. */
  summary(results: readonly UnitResult[], elapsedMs: number): void {
    this.clearStatus();
    const lines = summaryLines(results, elapsedMs);
    this.options.output.stderr(`\n${lines.join("\n")}\n`);
  }

  /** Prints a line of terrace's own on stderr. */
  say(line: string): void {
    this.clearStatus();
    this.options.output.stderr(`${line}\n`);
    this.drawStatus();
  }

  private render(event: RunEvent): void {
    switch (event.kind) {
      case "start":
        this.running.add(event.unit);
        break;
      case "line":
        this.clearStatus();
        this.write(event.stream, this.options.plain ? event.line : `${this.prefix(event.unit)} ${event.line}`);
        break;
      case "finish":
        this.running.delete(event.unit);
        this.done += 1;
        if (event.result.status === "failed" || event.result.status === "early exit") this.failed += 1;
        break;
      case "interrupt":
        this.clearStatus();
        this.options.output.stderr(event.count === 1
          ? "terrace: interrupted; waiting for running units to stop (press Ctrl-C again to stop them now)\n"
          : "terrace: interrupted again; stopping running units now\n");
        break;
    }
    this.drawStatus();
  }

  private write(stream: "stdout" | "stderr", text: string): void {
    if (stream === "stdout") this.options.output.stdout(`${text}\n`);
    else this.options.output.stderr(`${text}\n`);
  }

  private prefix(unit: string): string {
    const label = `[${unit}]`;
    if (!this.options.colour) return label;
    let colour = this.colourOf.get(unit);
    if (colour === undefined) {
      colour = COLOURS[this.colourOf.size % COLOURS.length] as number;
      this.colourOf.set(unit, colour);
    }
    return `\u001b[${colour}m${label}\u001b[0m`;
  }

  private drawStatus(): void {
    if (!this.options.interactive) return;
    const waiting = this.options.total - this.done - this.running.size;
    this.options.output.stderr(
      `\r\u001b[2K${this.done} done, ${this.running.size} running, ${waiting} waiting, ${this.failed} failed`,
    );
    this.statusShown = true;
  }

  private clearStatus(): void {
    if (!this.statusShown) return;
    this.options.output.stderr("\r\u001b[2K");
    this.statusShown = false;
  }
}
