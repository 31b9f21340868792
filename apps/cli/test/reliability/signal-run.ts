// One `aiperf profile` process signalled at a pseudo-random point of its run, for the signal tests: SIGINT/SIGTERM
// (`signals.test.ts`, no wall-clock bound) and SIGKILL (`signals.timing.test.ts`, a bound on what is lost).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { readWholeJsonl, startAiperf, waitFor } from './cli-process.js';
import { type FaultServer, useFaultServer } from './fault-server.js';

// SIGKILL gives no chance to flush: the record sink writes every 100 ms; allow scheduling slack on a loaded CI box.
export const SIGKILL_LOSS_MS = 250;

/** A fault-free streaming server for the file (started before its tests, closed after), and the runs' dirs. */
export const useSignalServer = (): { server: () => FaultServer; dirs: string[] } => useFaultServer({ tokens: 6, itlMs: 4 });

/** A 60 s streaming run at concurrency 6 (the signal ends it long before), `osl` tokens per answer. */
export function profileArgs(url: string, dir: string, osl = 6): string[] {
  return [
    'profile', '-m', 'm', '-u', url, '--streaming', '--concurrency', '6', '--benchmark-duration', '60', '--isl', '16',
    '--osl', String(osl), '--warmup-request-count', '0', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
  ];
}

export async function signalRun(server: FaultServer, dirs: string[], signal: NodeJS.Signals, seed: number) {
  const dir = await makeTempDir(`aiperf-signal-${signal}-`);
  dirs.push(dir);
  server.answered.clear();
  const run = startAiperf(profileArgs(server.url, dir));
  // A pseudo-random point: after 5–84 answered requests, then 0–150 ms more.
  const afterRequests = 5 + (seed % 80);
  await waitFor(() => server.answered.size >= afterRequests);
  // SIGKILL's check only covers requests answered SIGKILL_LOSS_MS before it: make sure there are some.
  await new Promise((r) => setTimeout(r, ((seed * 7) % 150) + (signal === 'SIGKILL' ? SIGKILL_LOSS_MS + 100 : 0)));
  const signalledAt = Date.now();
  run.child.kill(signal);
  const finished = await run.done;
  const answeredBefore = [...server.answered].filter(([, at]) => at < signalledAt - (signal === 'SIGKILL' ? SIGKILL_LOSS_MS : 0));
  const records = readWholeJsonl(join(dir, 'profile_export.jsonl'));
  const ids = new Set(records.map((r) => r.metadata.x_request_id));
  const missing = answeredBefore.filter(([id]) => !ids.has(id)).map(([id]) => id);
  return { dir, finished, answeredBefore, records, missing };
}

export const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
