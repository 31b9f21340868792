import { createRegistry, type Registry } from '@aiperf/plugin';
import type { PostRunHook } from './types.js';

/** The hooks of one run; `runPostRunHooks` runs them by `order` (default 0), ties in registration order. */
export type HookRegistry = Registry<PostRunHook>;

export function createHookRegistry(hooks: readonly PostRunHook[] = []): HookRegistry {
  const registry = createRegistry<PostRunHook>('post-run hook', [], {
    validate: (hook) => (typeof hook.run === 'function' ? [] : ['needs a run(outcome) function']),
  });
  for (const hook of hooks) registry.register(hook);
  return registry;
}

/** Hooks sorted by `order` (default 0); Array.prototype.sort is stable, so ties keep registration order. */
export function orderedHooks(hooks: HookRegistry | readonly PostRunHook[]): PostRunHook[] {
  const list: PostRunHook[] = Array.isArray(hooks) ? [...hooks] : [...(hooks as HookRegistry).list()];
  return list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}
