/**
 * Members computed on first use, once, with cycle detection.
 *
 * Locals refer to each other in any order, an exposed include's inputs may refer to a
 * dependency declared by the unit, and so on; computing each member when first asked for
 * gives all of that its natural order. A member asked for while it is being computed closes
 * a cycle, which is reported with the chain that formed it: `local.a -> local.b -> local.a`.
 */
import { TerraceError } from "../../errors.js";
import { LazyObject, type Value } from "../value.js";

/** The chain of members being computed right now, shared by every `LazyMembers` of a run. */
export class EvaluationStack {
  private readonly entries: { id: object; key: string; label: string }[] = [];

  enter(id: object, key: string, label: string): void {
    const start = this.entries.findIndex((entry) => entry.id === id && entry.key === key);
    if (start >= 0) {
      const chain = [...this.entries.slice(start).map((entry) => entry.label), label];
      throw new TerraceError("LOCALS_CYCLE", `cycle: ${chain.join(" -> ")}`, {
        hint: "break the cycle: one of these values must not depend on the others",
      });
    }
    this.entries.push({ id, key, label });
  }

  leave(): void {
    this.entries.pop();
  }
}

export type Member = Value | LazyObject;

/** A memoised set of lazily computed members, exposed to HCL as a `LazyObject`. */
export class LazyMembers {
  private readonly done = new Map<string, Member>();
  readonly object: LazyObject;

  constructor(
    private readonly stack: EvaluationStack,
    private readonly names: () => readonly string[],
    private readonly compute: (key: string) => Member | undefined,
    private readonly label: (key: string) => string,
  ) {
    this.object = new LazyObject((key) => this.get(key), names);
  }

  /** The member, computed now if it was not yet; undefined when there is no such member. */
  get(key: string): Member | undefined {
    const known = this.done.get(key);
    if (known !== undefined) return known;
    if (!this.names().includes(key)) return undefined;

    this.stack.enter(this, key, this.label(key));
    try {
      const value = this.compute(key);
      if (value !== undefined) this.done.set(key, value);
      return value;
    } finally {
      this.stack.leave();
    }
  }
}
