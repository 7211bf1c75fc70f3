/**
 * Real git repositories for the working-directory tests: a module tree committed in a work
 * tree, tagged, and pushed to a bare repository that units reach by a `git::file://` URL, the
 * way they would reach a remote one. Also a stand-in `git` that logs every call before running
 * the real one, so that tests can count clones.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { listFiles } from "../../../src/config/functions/builtins/glob.js";
import { onPath } from "../../helpers/integration.js";
import { repoRoot, tempDir } from "../../helpers/tree.js";

const IDENTITY = [
  "-c", "user.name=terrace tests", "-c", "user.email=tests@terrace.invalid", "-c", "commit.gpgsign=false",
];

/** A bare repository and the work tree that pushes to it. */
export interface BareRepository {
  /** The `file://` URL of the bare repository. */
  url: string;
  /** Commits `files` (path → content) on main, tags the commit if asked, pushes; returns the commit id. */
  commit(files: Record<string, string>, tag?: string): string;
  /** Creates `branch` at the current commit and pushes it. */
  branch(name: string): void;
}

/** A new bare repository with `files` committed on main and tagged `tag`. */
export function bareRepository(files: Record<string, string>, tag?: string): BareRepository {
  const root = tempDir("terrace-git-");
  const work = join(root, "work");
  const bare = join(root, "modules.git");
  mkdirSync(work);
  git(work, "init", "--quiet", "--initial-branch=main");
  git(root, "init", "--quiet", "--bare", "--initial-branch=main", bare);
  git(work, "remote", "add", "origin", bare);

  const repository: BareRepository = {
    url: `file://${bare}`,
    commit(more, moreTag) {
      for (const [path, content] of Object.entries(more)) {
        mkdirSync(dirname(join(work, path)), { recursive: true });
        writeFileSync(join(work, path), content);
      }
      git(work, "add", "--all");
      git(work, "commit", "--quiet", "-m", "modules");
      if (moreTag !== undefined) git(work, "tag", moreTag);
      git(work, "push", "--quiet", "--tags", "origin", "main");
      return git(work, "rev-parse", "HEAD").trim();
    },
    branch(name) {
      git(work, "branch", name);
      git(work, "push", "--quiet", "origin", name);
    },
  };
  repository.commit(files, tag);
  return repository;
}

/** The files of a fixture directory (path → content), placed under `prefix` in the result. */
export function fixtureFiles(path: string, prefix: string): Record<string, string> {
  const dir = join(repoRoot, path);
  return Object.fromEntries(listFiles(dir).map((file) => [`${prefix}/${file}`, readFileSync(join(dir, file), "utf8")]));
}

/** A `git` that appends each call's arguments to a log, then runs the real git. */
export function loggingGit(): { git: string; env: Record<string, string>; clones(): string[] } {
  const dir = tempDir("terrace-git-log-");
  const log = join(dir, "calls.log");
  const git = join(dir, "git");
  writeFileSync(log, "");
  writeFileSync(git, '#!/bin/sh\nprintf \'%s\\n\' "$*" >> "$TERRACE_GIT_LOG"\nexec "$TERRACE_REAL_GIT" "$@"\n');
  chmodSync(git, 0o755);
  const env = { ...definedEnv(), TERRACE_GIT_LOG: log, TERRACE_REAL_GIT: onPath("git") ?? "git" };
  return {
    git,
    env,
    clones: () => readFileSync(log, "utf8").split("\n").filter((line) => / clone /.test(` ${line} `)),
  };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", [...IDENTITY, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function definedEnv(): Record<string, string> {
  const defined = Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return Object.fromEntries(defined);
}
