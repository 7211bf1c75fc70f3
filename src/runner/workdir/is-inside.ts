/** Path containment, shared by the copy rules and the source cache. */
import { isAbsolute, relative, sep } from "node:path";

/** True when `path` lies strictly inside the directory `root` (both absolute). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
