// Signals at random points of a run: SIGINT and SIGTERM stop it cleanly (summary and CSV written, exit 130/143),
// SIGKILL loses at most the last ~100 ms. Invariants checked against what the server saw:
//   every JSONL line is whole; every request answered before the signal is in the JSONL (SIGKILL: except the
//   last ~100 ms); the summary's request counts equal the JSONL lines.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWholeJsonl, startAiperf, waitFor } from './cli-process.js';
import { type FaultServer, startFaultServer } from './fault-server.js';
import { makeTempDir } from '@aiperf/test-kit';

// SIGKILL gives no chance to flush: the record sink writes every 100 ms; allow scheduling slack on a loaded CI box.
const SIGKILL_LOSS_MS = 250;
const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

let server: FaultServer;
const dirs: string[] = [];
beforeAll(async () => {
  server = await startFaultServer({ tokens: 6, itlMs: 4 });
});
afterAll(async () => {
  await server.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function profileArgs(dir: string): string[] {
  return [
    'profile', '-m', 'm', '-u', server.url, '--streaming', '--concurrency', '6', '--benchmark-duration', '60', '--isl', '16',
    '--osl', '6', '--warmup-request-count', '0', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
  ];
}

async function signalRun(signal: NodeJS.Signals, seed: number) {
  const dir = await makeTempDir(`aiperf-signal-${signal}-`);
  dirs.push(dir);
  server.answered.clear();
  const run = startAiperf(profileArgs(dir));
  // A pseudo-random point: after 5–84 answered requests, then 0–150 ms more.
  const afterRequests = 5 + (seed % 80);
  await waitFor(() => server.answered.size >= afterRequests);
  // SIGKILL's check only covers requests answered SIGKILL_LOSS_MS before it: make sure there are some.
  await new Promise((r) => setTimeout(r, ((seed * 7) % 150) + (signal === 'SIGKILL' ? SIGKILL_LOSS_MS + 100 : 0)));
  const signalledAt = Date.now();
  run.child.kill(signal);
  const finished = await run.done;
  const answeredBefore = [...server.answered].filter(([, at]) => at < signalledAt - (signal === 'SIGKILL' ? SIGKILL_LOSS_MS : 0));
  return { dir, finished, answeredBefore, records: readWholeJsonl(join(dir, 'profile_export.jsonl')) };
}

describe.each(['SIGINT', 'SIGTERM', 'SIGKILL'] as const)('%s at a random point of a run', (signal) => {
  const seeds = [Math.floor(Math.random() * 1e6), Math.floor(Math.random() * 1e6)];
  it.each(seeds)(`keeps every answered request (seed %i)`, async (seed) => {
    const { dir, finished, answeredBefore, records } = await signalRun(signal, seed);
    const ids = new Set(records.map((r) => r.metadata.x_request_id));
    const missing = answeredBefore.filter(([id]) => !ids.has(id)).map(([id]) => id);
    expect(missing, `requests answered before ${signal} but not in the JSONL`).toEqual([]);
    expect(answeredBefore.length).toBeGreaterThan(0);
    if (signal === 'SIGKILL') {
      expect(finished.signal).toBe('SIGKILL');
      return;
    }
    expect(finished.code, finished.stderr).toBe(EXIT_CODES[signal]);
    expect(finished.stderr).toContain('Stopping');
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    expect(summary.was_cancelled).toBe(true);
    const errors = summary.error_request_count?.avg ?? 0;
    expect(summary.request_count.avg + errors).toBe(records.length);
    const csv = readFileSync(join(dir, 'profile_export_aiperf.csv'), 'utf8');
    expect(csv).toContain('Request Count');
    expect(existsSync(join(dir, 'logs', 'aiperf.log'))).toBe(true);
  });
});

describe('a second signal', () => {
  it('SIGTERM then SIGTERM exits at once with 143', async () => {
    const dir = await makeTempDir('aiperf-signal-twice-');
    dirs.push(dir);
    server.answered.clear();
    const run = startAiperf([...profileArgs(dir)]);
    await waitFor(() => server.answered.size >= 3);
    run.child.kill('SIGTERM');
    await waitFor(() => run.stderr().includes('Stopping'));
    run.child.kill('SIGTERM');
    const finished = await run.done;
    expect(finished.code).toBe(143);
  });
});
