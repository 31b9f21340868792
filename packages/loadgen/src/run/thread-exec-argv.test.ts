import { describe, expect, it } from 'vitest';
import { threadExecArgv } from './thread-exec-argv.js';

describe('threadExecArgv', () => {
  it('inherits the parent flags when none must be dropped (V8 flags stay, as only inherited ones are allowed)', () => {
    expect(threadExecArgv([])).toEqual({ inherit: true });
    expect(threadExecArgv(['--expose-gc', '--max-semi-space-size=64', '--cpu-prof', '--conditions', 'custom'])).toEqual({ inherit: true });
  });

  it('drops the test-only source condition in both spellings, keeping other conditions and loaders', () => {
    expect(threadExecArgv(['--conditions', '@aiperf/source', '--import', 'tsx', '-C', 'node'])).toEqual({
      inherit: false,
      execArgv: ['--import', 'tsx', '-C', 'node'],
      fallback: ['--import', 'tsx', '-C', 'node'],
    });
    expect(threadExecArgv(['--conditions=@aiperf/source', '--enable-source-maps'])).toEqual({
      inherit: false,
      execArgv: ['--enable-source-maps'],
      fallback: ['--enable-source-maps'],
    });
  });

  it("drops how the parent's code was given (--input-type, -e/--eval, -p/--print and their values); the fallback keeps only loading flags", () => {
    expect(threadExecArgv(['--input-type=module', '--expose-gc', '-e', 'console.log(1)'])).toEqual({ inherit: false, execArgv: ['--expose-gc'], fallback: [] });
    expect(threadExecArgv(['--input-type', 'commonjs', '--require', './setup.cjs', '--eval', 'x', '--no-warnings'])).toEqual({
      inherit: false,
      execArgv: ['--require', './setup.cjs', '--no-warnings'],
      fallback: ['--require', './setup.cjs'],
    });
    expect(threadExecArgv(['-p', '1 + 1', '--import=./hooks.mjs'])).toEqual({
      inherit: false,
      execArgv: ['--import=./hooks.mjs'],
      fallback: ['--import=./hooks.mjs'],
    });
  });
});
