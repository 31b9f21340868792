import { describe, expect, it } from 'vitest';
import { createHookRegistry } from './registry.js';
import { runPostRunHooks, shouldRunPostRunHooks } from './run-hooks.js';
import type { CompletedRun } from './types.js';

const single = (exitCode: number): CompletedRun => ({
  artifactDir: '/a',
  exitCode,
  kind: 'single',
  runs: [{ artifactDir: '/a', exitCode, successfulRequestCount: exitCode === 0 ? 5 : 0 }],
});
const multi = (codes: number[]): CompletedRun => ({
  artifactDir: '/base',
  exitCode: codes.filter((c) => c === 0).length >= 2 ? 0 : 1,
  kind: 'multi',
  runs: codes.map((exitCode, i) => ({ artifactDir: `/base/${i}`, exitCode, successfulRequestCount: 1 })),
});

describe('shouldRunPostRunHooks', () => {
  it('fires a single run only on exit 0', () => {
    expect(shouldRunPostRunHooks(single(0))).toBe(true);
    expect(shouldRunPostRunHooks(single(1))).toBe(false);
  });
  it('fires a multi-run when at least one trial succeeded, even with exit 1', () => {
    expect(shouldRunPostRunHooks(multi([1, 0]))).toBe(true);
    expect(multi([1, 0]).exitCode).toBe(1);
    expect(shouldRunPostRunHooks(multi([1, 1]))).toBe(false);
  });
});

describe('runPostRunHooks', () => {
  it('runs hooks in order, isolates a failure, reports it and forces a non-zero exit', async () => {
    const calls: string[] = [];
    const lines: string[] = [];
    const registry = createHookRegistry();
    registry.register({ name: 'second', order: 2, run: async () => void calls.push('second') });
    registry.register({ name: 'boom', order: 1, run: async () => { calls.push('boom'); throw new Error('disk full'); } });
    registry.register({ name: 'first', order: 0, run: async (o) => void calls.push(`first:${o.artifactDir}`) });
    const result = await runPostRunHooks(registry, single(0), { log: (l) => lines.push(l), raiseOnError: false });
    expect(calls).toEqual(['first:/a', 'boom', 'second']);
    expect(result.exitCode).toBe(1);
    expect(result.fired).toBe(true);
    expect(result.failures.map((f) => f.name)).toEqual(['boom']);
    expect(lines).toEqual(["ERROR post-run hook 'boom' failed: disk full"]);
  });

  it('keeps a non-zero exit code as it is and skips hooks when nothing qualified', async () => {
    let ran = false;
    const result = await runPostRunHooks([{ name: 'x', run: async () => void (ran = true) }], multi([1, 1]));
    expect(ran).toBe(false);
    expect(result).toEqual({ exitCode: 1, failures: [], fired: false });
  });

  it('rethrows the first failure after all hooks ran when asked to', async () => {
    const calls: string[] = [];
    const hooks = [
      { name: 'a', run: async () => { calls.push('a'); throw new Error('first'); } },
      { name: 'b', run: async () => { calls.push('b'); throw new Error('second'); } },
    ];
    await expect(runPostRunHooks(hooks, single(0), { raiseOnError: true })).rejects.toThrow('first');
    expect(calls).toEqual(['a', 'b']);
  });

  it('reads AIPERF_RAISE_ON_CALLBACK_ERROR when no option is given', async () => {
    process.env.AIPERF_RAISE_ON_CALLBACK_ERROR = 'true';
    try {
      const hooks = [{ name: 'a', run: async () => { throw new Error('env-raised'); } }];
      await expect(runPostRunHooks(hooks, single(0))).rejects.toThrow('env-raised');
    } finally {
      delete process.env.AIPERF_RAISE_ON_CALLBACK_ERROR;
    }
  });
});
