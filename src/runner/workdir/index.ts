/** A unit's working directory: where its terraform runs, made ready before each run. */
export {
  markInitialised, prepareWorkdir, type PreparedWorkdir, type WorkdirOptions,
} from "./prepare-workdir.js";
export { SourceCache, type SourceCacheOptions } from "./source-cache.js";
