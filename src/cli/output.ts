/**
 * The one place that writes to the terminal. Library code returns data or emits events; the
 * CLI renders them here, logs on stderr so that stdout stays parseable.
 */

/** Where the CLI writes. Tests pass their own to capture output. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The process's own streams. */
export const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
