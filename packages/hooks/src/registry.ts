import type { PostRunHook } from './types.js';

export interface HookRegistry {
  /** Adds a hook; the same object twice is harmless, a different object under a taken name is an error. */
  register(hook: PostRunHook): void;
  /** Hooks sorted by `order` (default 0), ties in registration order. */
  list(): PostRunHook[];
  has(name: string): boolean;
  unregister(name: string): boolean;
}

export function createHookRegistry(): HookRegistry {
  const hooks = new Map<string, PostRunHook>();
  return {
    register(hook) {
      if (typeof hook?.name !== 'string' || hook.name.length === 0) {
        throw new TypeError('registerPostRunHook: a hook needs a non-empty string `name`');
      }
      if (typeof hook.run !== 'function') {
        throw new TypeError(`registerPostRunHook: hook '${hook.name}' needs a run(outcome) function`);
      }
      const existing = hooks.get(hook.name);
      if (existing === hook) return;
      if (existing) {
        throw new Error(`registerPostRunHook: a different post-run hook named '${hook.name}' is already registered`);
      }
      hooks.set(hook.name, hook);
    },
    list() {
      // Array.prototype.sort is stable, so equal orders keep the Map's insertion order.
      return [...hooks.values()].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    },
    has: (name) => hooks.has(name),
    unregister: (name) => hooks.delete(name),
  };
}

/** The process-wide registry plugins add to; `runBenchmark` runs it after its own per-run hooks. */
export const defaultHookRegistry: HookRegistry = createHookRegistry();

export function registerPostRunHook(hook: PostRunHook, registry: HookRegistry = defaultHookRegistry): void {
  registry.register(hook);
}
