/** Directory trees for tests: written to a fresh temp dir, or copied there from fixtures. */
import { cpSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root directory. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A fresh empty directory under the system temp dir. */
export function tempDir(prefix = "terrace-test-"): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** Writes `files` (relative path → content) under a fresh temp dir and returns the dir. */
export function writeTree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

/** Copies a fixture tree (relative to the repository root) into a fresh temp dir. */
export function copyFixture(path: string): string {
  const root = tempDir();
  cpSync(join(repoRoot, path), root, { recursive: true });
  return root;
}
