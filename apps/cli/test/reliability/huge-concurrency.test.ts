// A large concurrency (thousands of streams, within the machine's socket budget): sending starts soon, and
// SIGINT/SIGTERM still stop the run with every artifact written. The bounds are hang detectors (tens of seconds),
// not timings: the per-turn send cap itself is checked exactly in loadgen's issue-phase test. So it runs in the
// parallel e2e group: sharing the CPU with other files only slows it, far inside those bounds, and the streams'
// sockets count against this worker process's own open-file limit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWholeJsonl, startAiperf, waitFor } from './cli-process.js';
import { type FaultServer, startFaultServer } from './fault-server.js';

/** The soft open-file limit: the server (this process) and the client each hold one socket per stream. */
function openFileLimit(): number {
  const match = /^Max open files\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
  return match ? Number(match[1]) : 1024;
}
const STREAMS = Math.max(200, Math.min(2000, openFileLimit() - 500));
const HANG_MS = 60_000;

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer({ tokens: 4, itlMs: 20 });
});
afterAll(async () => {
  await server.close();
});

describe.each([['SIGINT', 130], ['SIGTERM', 143]] as const)(`--concurrency ${STREAMS}, then %s`, (signal, exitCode) => {
  it('sends at once and stops with the summary written', async () => {
    const dir = await makeTempDir('aiperf-huge-concurrency-');
    server.answered.clear();
    const run = startAiperf([
      'profile', '-m', 'm', '-u', server.url, '--streaming', '--concurrency', String(STREAMS), '--request-count', String(STREAMS * 20),
      '--isl', '8', '--osl', '4', '--warmup-request-count', '0', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
      '--no-server-metrics',
    ]);
    const hang = setTimeout(() => run.child.kill('SIGKILL'), HANG_MS);
    try {
      await waitFor(() => server.answered.size >= 1 || run.child.exitCode !== null, HANG_MS);
      expect(run.child.exitCode, run.stderr()).toBeNull();
      run.child.kill(signal);
      const finished = await run.done;
      expect(finished.signal, 'killed as hung').toBeNull();
      expect(finished.code, finished.stderr).toBe(exitCode);
      const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
      expect(summary.was_cancelled).toBe(true);
      const records = readWholeJsonl(join(dir, 'profile_export.jsonl'));
      expect(records.length).toBeGreaterThan(0);
      expect(summary.request_count.avg + (summary.error_request_count?.avg ?? 0)).toBe(records.length);
    } finally {
      clearTimeout(hang);
    }
  });
});
