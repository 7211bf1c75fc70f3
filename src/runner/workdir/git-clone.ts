/**
 * One repository cloned with the git command: a shallow clone of the ref as a branch or tag
 * (`git clone --depth 1 --branch REF`), and when that fails for a ref that looks like a
 * commit id, a full clone and a checkout of that commit, since a server need not serve a
 * single commit by id. Git runs without a terminal and with prompts off, so that a repository
 * that wants a password fails at once instead of waiting for input.
 */
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";

import { startProcess, type RunningProcess } from "../process.js";
import { maskCredentials } from "./source-address.js";

/** Why a repository could not be fetched: git's first error line, credentials masked. */
export class GitFetchFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "GitFetchFailure";
  }
}

/** How to run git: the command and its whole environment. */
export interface GitCommand {
  git: string;
  env: Readonly<Record<string, string>>;
  /** Told of each git process as it starts (`running` true) and as it ends. */
  track(process: RunningProcess, running: boolean): void;
}

/** What to clone: a URL git accepts, a ref (or the default branch), a depth (default 1). */
export interface CloneRequest {
  url: string;
  ref: string | undefined;
  depth?: number | undefined;
}

const COMMIT_LIKE = /^[0-9a-f]{4,40}$/i;

/** Clones `request` into `dir` (replaced if present); throws GitFetchFailure. */
export async function cloneRepository(
  request: CloneRequest,
  dir: string,
  command: GitCommand,
): Promise<void> {
  const { url, ref } = request;
  const branch = ref === undefined ? [] : ["--branch", ref];
  const depth = ["--depth", String(request.depth ?? 1)];

  emptyTarget(dir);
  const shallow = await git(command, dirname(dir), ["clone", "--quiet", ...depth, ...branch, "--", url, dir]);
  if (shallow === undefined) return;
  if (ref === undefined || !COMMIT_LIKE.test(ref)) throw new GitFetchFailure(shallow);

  emptyTarget(dir);
  const full = await git(command, dirname(dir), ["clone", "--quiet", "--no-checkout", "--", url, dir]);
  if (full !== undefined) throw new GitFetchFailure(full);
  const checkout = await git(command, dir, ["checkout", "--quiet", "--detach", ref]);
  if (checkout !== undefined) throw new GitFetchFailure(checkout);
}

/** Runs git; undefined on success, else the line that says why it failed. */
async function git(command: GitCommand, cwd: string, args: string[]): Promise<string | undefined> {
  const lines: string[] = [];
  const process = startProcess({
    command: command.git,
    args: ["-c", "advice.detachedHead=false", ...args],
    cwd,
    env: { ...command.env, GIT_TERMINAL_PROMPT: "0" },
    onLine: (_stream, line) => lines.push(line),
  });
  command.track(process, true);
  const result = await process.result;
  command.track(process, false);

  if (result.exitCode === 0) return undefined;
  return maskCredentials(firstError(lines) ?? result.failure ?? `git exited with code ${result.exitCode}`);
}

/** Makes sure `dir` does not exist (a failed clone may leave part of one) but its parent does. */
function emptyTarget(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dirname(dir), { recursive: true });
}

/** Git's first `fatal:` or `error:` line without its prefix, else its first line of any kind. */
function firstError(lines: string[]): string | undefined {
  const error = lines.find((line) => /^(fatal|error): /.test(line));
  if (error !== undefined) return error.replace(/^(fatal|error): /, "");
  return lines.find((line) => line.trim() !== "");
}
