/**
 * JSON pointers (RFC 6901) name a place in a resolved configuration, e.g. `/inputs/name`.
 * Origins are recorded under them, and ajv reports schema errors with them.
 */

/** The pointer of `key` inside the value at `parent`. */
export function childPointer(parent: string, key: string): string {
  return `${parent}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/** The keys of a pointer, unescaped. */
export function pointerKeys(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((key) => key.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The pointer itself, then each shorter prefix of it, down to the root "". */
export function* pointerPrefixes(pointer: string): Generator<string> {
  let current = pointer;
  for (;;) {
    yield current;
    if (current === "") return;
    current = current.slice(0, current.lastIndexOf("/"));
  }
}
