/**
 * Values of the HCL expression language as terrace holds them: plain JSON-like data.
 *
 * HCL's tuples and lists are arrays, its objects and maps are plain objects with a null
 * prototype or ordinary ones; numbers are JavaScript numbers. This keeps resolved
 * configuration directly printable by `render-json`.
 */
export type Value = null | boolean | number | string | Value[] | ValueObject;

/** An HCL object or map. */
export interface ValueObject {
  [key: string]: Value;
}

/** True for HCL objects and maps (not arrays, not null). */
export function isObject(value: unknown): value is ValueObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The HCL type name of a value, as used in error messages ("string", "object", ...). */
export function typeName(value: Value): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "tuple";
  if (typeof value === "object") return "object";
  return typeof value;
}

/**
 * An object whose members are computed on first use: `local`, `include` and `dependency`
 * in a file's scope. The evaluator calls `get` for `x.name` and `x["name"]`, and `force` when
 * the whole object is used as a value. Computing members lazily gives locals their
 * any-order semantics and lets a cycle be reported as the chain of names that formed it.
 */
export class LazyObject {
  constructor(
    private readonly member: (key: string) => Value | LazyObject | undefined,
    private readonly memberNames: () => readonly string[],
  ) {}

  /** The member's value, or undefined when there is no such member. */
  get(key: string): Value | LazyObject | undefined {
    return this.member(key);
  }

  keys(): readonly string[] {
    return this.memberNames();
  }

  /** Every member computed, as a plain object. */
  force(): ValueObject {
    const result: ValueObject = {};
    for (const key of this.memberNames()) {
      const value = this.member(key);
      if (value === undefined) continue;
      result[key] = value instanceof LazyObject ? value.force() : value;
    }
    return result;
  }
}
