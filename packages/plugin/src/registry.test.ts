import { describe, expect, it } from 'vitest';
import { createRegistry, RegistryError } from './registry.js';

const item = (name: string) => ({ name, value: Math.random() });

describe('createRegistry', () => {
  it('keeps registration order and finds entries by name', () => {
    const registry = createRegistry('widget', [item('b'), item('a')]);
    registry.register(item('c'), 'my-plugin');
    expect(registry.names()).toEqual(['b', 'a', 'c']);
    expect(registry.list().map((i) => i.name)).toEqual(['b', 'a', 'c']);
    expect(registry.get('a')?.name).toBe('a');
    expect(registry.has('z')).toBe(false);
    expect([registry.originOf('a'), registry.originOf('c'), registry.originOf('z')]).toEqual(['built-in', 'my-plugin', undefined]);
  });

  it('accepts the same object twice and rejects a different object under a taken name, naming who has it', () => {
    const first = item('x');
    const registry = createRegistry<{ name: string; value: number }>('widget');
    registry.register(first, 'plugin-a');
    expect(registry.register(first, 'plugin-a')).toBe(first);
    expect(registry.list()).toHaveLength(1);
    const error = (() => { try { registry.register(item('x'), 'plugin-b'); } catch (e) { return e; } })() as RegistryError;
    expect(error).toBeInstanceOf(RegistryError);
    expect([error.message, error.reason, error.kind, error.entryName]).toEqual([
      "a different widget named 'x' is already registered (by plugin-a)", 'taken', 'widget', 'x',
    ]);
  });

  it('require() names the place, the bad name and the known names', () => {
    const registry = createRegistry('timing strategy', [item('concurrency'), item('request_rate')]);
    expect(() => registry.require('poisson', '--timing-mode')).toThrow(
      "--timing-mode: unknown timing strategy 'poisson'; known: concurrency, request_rate",
    );
    expect(registry.require('concurrency').name).toBe('concurrency');
  });

  it('rejects malformed entries with every reason from validate()', () => {
    const registry = createRegistry<{ name: string; run?: unknown }>('post-run hook', [], {
      validate: (h) => (typeof h.run === 'function' ? [] : ['needs a run(outcome) function']),
    });
    expect(() => registry.register({ name: '' })).toThrow('a post-run hook needs a non-empty string name');
    expect(() => registry.register(null as never)).toThrow('a post-run hook needs a non-empty string name');
    expect(() => registry.register({ name: 'h' })).toThrow("post-run hook 'h': needs a run(outcome) function");
  });

  it('keys by another field when told (metrics use their tag)', () => {
    const registry = createRegistry('metric', [{ tag: 'ttft' }], { key: (m) => m.tag });
    expect(registry.names()).toEqual(['ttft']);
    expect(() => registry.register({ tag: 'ttft' })).toThrow("a different metric named 'ttft' is already registered (by built-in)");
  });

  it('hands out one list until an entry is added', () => {
    const registry = createRegistry('widget', [item('a')]);
    const first = registry.list();
    expect(registry.list()).toBe(first);
    registry.register(item('b'));
    expect(registry.list()).not.toBe(first);
    expect(registry.list().map((i) => i.name)).toEqual(['a', 'b']);
  });

  it('two registries never share entries', () => {
    const a = createRegistry('widget');
    const b = createRegistry('widget');
    a.register(item('only-a'));
    expect(b.has('only-a')).toBe(false);
  });
});
