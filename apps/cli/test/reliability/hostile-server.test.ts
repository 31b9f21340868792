// Fault-injecting servers: every fault ends as a recorded error (or a whole record), never a crash, a hang or
// terminal escape sequences in the console; the summary's counts equal the JSONL lines.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWholeJsonl, runAiperf } from './cli-process.js';
import { type Fault, startFaultServer } from './fault-server.js';
import { makeTempDir } from '@aiperf/test-kit';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function profileAgainst(fault: Fault | ((i: number) => Fault), extra: string[] = []) {
  const server = await startFaultServer({ fault, tokens: 4, itlMs: 2 });
  const dir = await makeTempDir('aiperf-hostile-');
  dirs.push(dir);
  try {
    const run = await runAiperf([
      'profile', '-m', 'm', '-u', server.url, '--streaming', '--concurrency', '2', '--request-count', '4', '--isl', '8', '--osl', '4',
      '--warmup-request-count', '0', '--request-timeout-seconds', '2', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry', ...extra,
    ]);
    const records = readWholeJsonl(join(dir, 'profile_export.jsonl'));
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    return { run, records, summary };
  } finally {
    await server.close();
  }
}

// ESC, BEL, C1 CSI, NUL, CR and DEL: what retitles a window, clears a screen or rewrites a line.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/;

describe('a hostile server', () => {
  it.each(['status-500', 'status-429', 'reset', 'truncated-sse', 'malformed-sse', 'stall', 'huge-body'] as const)(
    '%s: every request is a recorded error, counts agree',
    async (fault) => {
      const { run, records, summary } = await profileAgainst(fault);
      expect(run.signal).toBeNull();
      expect(run.stderr).not.toMatch(/internal error/);
      expect(run.code).toBe(1); // no request succeeded
      expect(records).toHaveLength(4);
      for (const r of records) expect(r.error, JSON.stringify(r).slice(0, 300)).not.toBeNull();
      expect(summary.error_request_count.avg).toBe(4);
      expect(run.stdout).toContain('Error Summary');
      expect(run.stdout).not.toMatch(CONTROL);
      for (const r of records) expect(r.error.message.length).toBeLessThanOrEqual(600);
    },
  );

  it('slow drips (one byte per write) still parse into whole responses', async () => {
    const { run, records } = await profileAgainst('slow-drip');
    expect(run.code, run.stderr).toBe(0);
    expect(records.map((r) => r.error)).toEqual([null, null, null, null]);
  });

  it('escape sequences in an error body never reach the terminal', async () => {
    const { run, records } = await profileAgainst('escape-body');
    expect(records[0]?.error.message).toContain('\x1b]0;pwned-title'); // the record keeps what the server sent
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).toContain('bad');
    expect(run.stdout).toContain('thing');
    expect(run.stdout).not.toContain('pwned-title\x07');
    const log = readFileSync(join(dirs.at(-1) as string, 'logs', 'aiperf.log'), 'utf8');
    expect(log).not.toMatch(CONTROL);
  });

  it('a mix of faults and good answers: the good ones are measured', async () => {
    const faults: Fault[] = ['none', 'status-500', 'none', 'reset'];
    const { run, records, summary } = await profileAgainst((i) => faults[i % 4] as Fault);
    expect(run.code, run.stderr).toBe(0);
    expect(records.filter((r) => r.error === null)).toHaveLength(2);
    expect(summary.request_count.avg).toBe(2);
    expect(summary.error_request_count.avg).toBe(2);
  });
});
