/**
 * The files of a directory tree, as slash-separated paths relative to its root, in a stable
 * order. Symbolic links are followed (a working copy holds the files, not links that may
 * point outside it), but a link back into one of its own ancestors is not entered again, so a
 * link cycle cannot make the walk endless.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";

/** Every file under `root` in directories that `enter` accepts (given their relative path). */
export function treeFiles(root: string, enter: (path: string) => boolean): string[] {
  const files: string[] = [];
  const ancestors = new Set<string>();

  const walk = (dir: string, prefix: string): void => {
    const real = realpathSync(dir);
    if (ancestors.has(real)) return;
    ancestors.add(real);
    const entries = readdirSync(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = `${prefix}${entry.name}`;
      const kind = kindOf(join(dir, entry.name), entry);
      if (kind === "directory" && enter(path)) walk(join(dir, entry.name), `${path}/`);
      else if (kind === "file") files.push(path);
    }
    ancestors.delete(real);
  };

  walk(root, "");
  return files;
}

/** What an entry is, looking through symbolic links; undefined for broken links and the like. */
function kindOf(path: string, entry: Dirent): "file" | "directory" | undefined {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "directory";
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const stat = statSync(path);
    return stat.isFile() ? "file" : stat.isDirectory() ? "directory" : undefined;
  } catch {
    return undefined;
  }
}
