/**
 * Provider plugin caches and concurrent inits.
 *
 * terraform's shared plugin cache (`TF_PLUGIN_CACHE_DIR`) is not safe for concurrent writers:
 * two inits that install the same provider at once can leave a half-written binary behind
 * ("text file busy"). terrace's scheme: when a plugin cache is configured, `terraform init`
 * runs one unit at a time, while every other command keeps its parallelism. Inits are short
 * next to applies, and once the cache holds a provider an init only links it, so this costs
 * little; without a shared cache each unit installs into its own `.terraform` and inits run
 * in parallel.
 */

/** Runs inits one at a time when `shared` is true, else at once. */
export class InitLock {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly shared: boolean) {}

  /** True when the environment points terraform at a shared plugin cache. */
  static sharedCache(env: Readonly<Record<string, string | undefined>>): boolean {
    return (env.TF_PLUGIN_CACHE_DIR ?? "") !== "";
  }

  /** Runs `init` after the inits queued before it, when the cache is shared. */
  run<T>(init: () => Promise<T>): Promise<T> {
    if (!this.shared) return init();
    const result = this.tail.then(init, init);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
