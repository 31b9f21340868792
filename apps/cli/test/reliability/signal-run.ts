// Shared by the signal tests: one `aiperf profile` process against the fault server, signalled at a pseudo-random
// point of its run, with what the server answered before the signal and what the process wrote.
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { type Finished, readWholeJsonl, startAiperf, waitFor } from './cli-process.js';
import type { FaultServer } from './fault-server.js';

// SIGKILL gives no chance to flush: the record sink writes every 100 ms; allow scheduling slack on a loaded CI box.
export const SIGKILL_LOSS_MS = 250;

export function profileArgs(server: FaultServer, dir: string): string[] {
  return [
    'profile', '-m', 'm', '-u', server.url, '--streaming', '--concurrency', '6', '--benchmark-duration', '60', '--isl', '16',
    '--osl', '6', '--warmup-request-count', '0', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
  ];
}

export interface SignalledRun {
  dir: string;
  finished: Finished;
  /** [X-Request-ID, answered at] of the requests the server answered before the signal (SIGKILL: before the loss window). */
  answeredBefore: Array<[string, number]>;
  records: Record<string, any>[];
}

export async function signalRun(server: FaultServer, signal: NodeJS.Signals, seed: number): Promise<SignalledRun> {
  const dir = await makeTempDir(`aiperf-signal-${signal}-`);
  server.answered.clear();
  const run = startAiperf(profileArgs(server, dir));
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

/** The requests answered before the signal that are not in the JSONL (should be none). */
export function missingRecords({ answeredBefore, records }: SignalledRun): string[] {
  const ids = new Set(records.map((r) => r.metadata.x_request_id));
  return answeredBefore.filter(([id]) => !ids.has(id)).map(([id]) => id);
}
