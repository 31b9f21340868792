import { describe, expect, it } from 'vitest';
import { createHookRegistry, orderedHooks } from './registry.js';
import type { PostRunHook } from './types.js';

const hook = (name: string, order?: number): PostRunHook => ({ name, order, run: async () => {} });

describe('hook registry', () => {
  it('orders hooks by order, ties in registration order', () => {
    const registry = createHookRegistry([hook('b'), hook('late', 10), hook('early', -1), hook('c')]);
    expect(orderedHooks(registry).map((h) => h.name)).toEqual(['early', 'b', 'c', 'late']);
  });

  it('accepts the same object twice and rejects a different object with the same name', () => {
    const registry = createHookRegistry();
    const plot = hook('auto-plot');
    registry.register(plot);
    registry.register(plot);
    expect(registry.list()).toHaveLength(1);
    expect(() => registry.register(hook('auto-plot'), 'my-plugin')).toThrowErrorMatchingInlineSnapshot(
      `[RegistryError: a different post-run hook named 'auto-plot' is already registered]`,
    );
  });

  it('rejects malformed hooks with the reason', () => {
    const registry = createHookRegistry();
    expect(() => registry.register({ name: '', run: async () => {} })).toThrow(/needs a non-empty string name/);
    expect(() => registry.register({ name: 'x' } as unknown as PostRunHook)).toThrow("post-run hook 'x': needs a run(outcome) function");
  });
});
