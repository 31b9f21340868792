export type { AutoPlotDefaultProvider, CompletedRun, PostRunHook, RunOutcome } from './types.js';
export type { HookRegistry } from './registry.js';
export { createHookRegistry, orderedHooks } from './registry.js';
export type { HookFailure, RunHooksOptions, RunHooksResult } from './run-hooks.js';
export { runPostRunHooks, shouldRunPostRunHooks } from './run-hooks.js';
