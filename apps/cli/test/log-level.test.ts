// `--log-level` / `-v` / `-vv`: which lines reach stderr and logs/aiperf.log.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDirSync } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { quickProfileArgs, runAiperf } from './auto-plot-cli.js';
import { useMockServer } from './mock-fixture.js';

const server = useMockServer({ ttftMs: 2, itlMs: 1 });
const root = makeTempDirSync('aiperf-log-level-');

const logFile = (dir: string) => readFileSync(join(dir, 'logs', 'aiperf.log'), 'utf8');

describe('log levels', () => {
  it('default (info): no debug lines on stderr; the log file has the info line and the report', async () => {
    const dir = join(root, 'info');
    const run = await runAiperf(quickProfileArgs(server.url, dir));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/^(debug|trace):/m);
    const log = logFile(dir);
    expect(log).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {4}profiling mock-model into /m);
    expect(log).not.toContain(' DEBUG ');
    expect(log).toContain('NVIDIA AIPerf | LLM Metrics');
  });

  it('-v: debug lines on stderr and in the file; -vv adds one trace line per request', async () => {
    const verbose = await runAiperf(quickProfileArgs(server.url, join(root, 'v'), ['-v']));
    expect(verbose.code, verbose.stderr).toBe(0);
    expect(verbose.stderr).toMatch(/^debug: profiling: 6 request limit, no s duration limit, concurrency mode$/m);
    expect(verbose.stderr).toMatch(/^debug: profiling ended: 6 requests finished, 0 errors$/m);
    expect(verbose.stderr).not.toMatch(/^trace:/m);
    expect(logFile(join(root, 'v'))).toMatch(/ DEBUG {3}endpoint chat at http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions, streaming true/);

    const trace = await runAiperf(quickProfileArgs(server.url, join(root, 'vv'), ['-vv']));
    expect(trace.code, trace.stderr).toBe(0);
    expect(trace.stderr.match(/^trace: request \S+ profiling: ok, \d+\.\d\d ms, \d+ output tokens$/gm)).toHaveLength(6);
  });

  it('--log-level warning keeps info out of the file; a bad level is one line and exit 2', async () => {
    const dir = join(root, 'warning');
    expect((await runAiperf(quickProfileArgs(server.url, dir, ['--log-level', 'warning']))).code).toBe(0);
    expect(logFile(dir)).not.toContain(' INFO ');
    const bad = await runAiperf(quickProfileArgs(server.url, join(root, 'bad'), ['--log-level', 'loud']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--log-level: got "loud"');
  });
});
