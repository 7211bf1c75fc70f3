/** Yes/no questions on the terminal, answered from stdin. */
import { createInterface } from "node:readline";

/** Asks `question`; resolves to true for "y" or "yes". End of input means no. */
export function confirm(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<boolean> {
  return new Promise((resolve) => {
    const reader = createInterface({ input, output, terminal: false });
    let answered = false;
    output.write(`${question} (y/n) `);
    reader.once("line", (line) => {
      answered = true;
      reader.close();
      resolve(/^\s*y(es)?\s*$/i.test(line));
    });
    reader.once("close", () => {
      if (!answered) resolve(false);
    });
  });
}
