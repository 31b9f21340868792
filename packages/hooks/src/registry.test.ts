import { describe, expect, it } from 'vitest';
import { createHookRegistry, registerPostRunHook } from './registry.js';
import type { PostRunHook } from './types.js';

const hook = (name: string, order?: number): PostRunHook => ({ name, order, run: async () => {} });

describe('hook registry', () => {
  it('lists hooks by order, ties in registration order', () => {
    const registry = createHookRegistry();
    registry.register(hook('b'));
    registry.register(hook('late', 10));
    registry.register(hook('early', -1));
    registry.register(hook('c'));
    expect(registry.list().map((h) => h.name)).toEqual(['early', 'b', 'c', 'late']);
  });

  it('accepts the same object twice and rejects a different object with the same name', () => {
    const registry = createHookRegistry();
    const plot = hook('auto-plot');
    registerPostRunHook(plot, registry);
    registerPostRunHook(plot, registry);
    expect(registry.list()).toHaveLength(1);
    expect(() => registerPostRunHook(hook('auto-plot'), registry)).toThrowErrorMatchingInlineSnapshot(
      `[Error: registerPostRunHook: a different post-run hook named 'auto-plot' is already registered]`,
    );
  });

  it('rejects malformed hooks with the reason', () => {
    const registry = createHookRegistry();
    expect(() => registry.register({ name: '', run: async () => {} })).toThrow(/non-empty string `name`/);
    expect(() => registry.register({ name: 'x' } as unknown as PostRunHook)).toThrow(/hook 'x' needs a run/);
  });

  it('unregisters by name', () => {
    const registry = createHookRegistry();
    registry.register(hook('a'));
    expect(registry.unregister('a')).toBe(true);
    expect(registry.has('a')).toBe(false);
  });
});
