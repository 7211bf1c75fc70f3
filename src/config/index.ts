/** The config layer: resolving units and rendering their configuration. */
export { ConfigResolver, type RoleSettings, type UnitConfig } from "./unit-config.js";
export { renderConfig, type RenderOverride } from "./render.js";
export type { ResolveOptions } from "./resolve/context.js";
export type { DependencyBlock } from "./resolve/dependency.js";
export { checkDuration, checkRoleArn, parseDuration, DEFAULT_DURATION, MIN_DURATION, MAX_DURATION } from "./validate/role.js";
export type { DeclaredDependency, UnitSummary } from "./summary.js";
export type { AwsIdentity } from "./resolve/context.js";
