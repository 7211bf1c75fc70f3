/**
 * The AWS SDK warns on every run under Node 20 that its releases after January 2027 need
 * Node 22. terrace supports Node 20 and 22 and says so in its README, so the warning is noise
 * to a user; it is filtered out of this process's warnings by name. The SDK's own switch
 * (an environment variable) is left alone: terrace's environment is what each terraform
 * inherits, and the user's own tools run from terraform must still warn as they would.
 * Every other warning, terrace's own included, still shows.
 */

const NAME = "NodeVersionSupportWarning";
let quieted = false;

/** Keeps the SDK's Node version warning out of terrace's output. */
export function quietSdkWarning(): void {
  if (quieted) return;
  quieted = true;

  const emit = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message;
    const name = typeof warning === "string" ? rest[0] : warning.name;
    if (text.startsWith(NAME) || name === NAME) return;
    (emit as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}
