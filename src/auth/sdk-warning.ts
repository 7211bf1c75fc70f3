/**
 * The AWS SDK warns on every run under Node 20 that its releases after January 2027 need
 * Node 22. terrace supports Node 20 and 22 and says so in its README, so the warning is noise
 * to a user; it is switched off through the SDK's own setting, and filtered by name should a
 * later SDK emit it another way. Every other warning, terrace's own included, still shows.
 */

const NAME = "NodeVersionSupportWarning";
let quieted = false;

/** Keeps the SDK's Node version warning out of terrace's output. */
export function quietSdkWarning(): void {
  if (quieted) return;
  quieted = true;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

  const emit = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === "string" ? warning : warning.message;
    const name = typeof warning === "string" ? rest[0] : warning.name;
    if (text.startsWith(NAME) || name === NAME) return;
    (emit as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}
