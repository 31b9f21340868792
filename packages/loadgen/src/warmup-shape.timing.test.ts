import { PassThrough } from 'node:stream';
import { type FlagValues, resolveConfig } from '@aiperf/config';
import { type MockServer, type MockServerOptions, startMockServer } from '@aiperf/mock-server';
import { type RecordingProxy, makeTempDir, maxOverlap, startRecordingProxy } from '@aiperf/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { runProfile } from './run-profile.js';

// The warmup's own ramps and prefill cap through the real interface (flags → resolveConfig → runProfile), read
// where the server sees them: warmup requests leave no records, so a proxy in front of the mock notes each
// request's arrival, first response bytes and end.
const closers: Array<MockServer | RecordingProxy> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()));
});

interface Seen {
  /** Seconds after the phase's first arrival. */
  startS: number;
  firstByteS: number;
  endS: number;
}

/** Runs the flags with `profilingRequests` profiling requests; the arrivals split into warmup and profiling. */
async function run(flags: FlagValues, profilingRequests: number, mock: MockServerOptions): Promise<{ warmup: Seen[]; profiling: Seen[]; log: string }> {
  const server = await startMockServer({ port: 0, ...mock });
  const recorder = await startRecordingProxy(server.url);
  closers.push(recorder, server);
  const dir = await makeTempDir('aiperf-warmup-shape-');
  const { config, errors } = resolveConfig({
    flags: {
      model: ['mock-model'], url: [recorder.url], streaming: true, ui: 'none', noServerMetrics: true, artifactDir: dir, randomSeed: '42',
      isl: '16', osl: '4', extraInputs: ['ignore_eos:true'], workers: '1', tokenizer: 'builtin', requestCount: String(profilingRequests), ...flags,
    },
  });
  expect(errors).toEqual([]);
  let log = '';
  const out = new PassThrough().on('data', (chunk) => (log += chunk));
  const result = await runProfile(config!.benchmark, { stdout: out, stderr: out });
  expect(result.exitCode).toBe(0);
  // Profiling starts once every warmup answer is in, so the last `profilingRequests` arrivals are profiling's.
  const all = recorder.exchanges;
  const split = all.length - profilingRequests;
  const relative = (list: typeof all): Seen[] => {
    const t0 = list[0]!.receivedMs;
    return list.map((a) => ({ startS: (a.receivedMs - t0) / 1e3, firstByteS: (a.firstByteMs - t0) / 1e3, endS: (a.answeredMs - t0) / 1e3 }));
  };
  return { warmup: relative(all.slice(0, split)), profiling: relative(all.slice(split)), log };
}

const countIn = (seen: Seen[], fromS: number, toS: number) => seen.filter((s) => s.startS >= fromS && s.startS < toS).length;
/** Requests open at each arrival (itself included) never exceed the cap due a moment later. */
function expectCapFollows(intervals: Array<[number, number]>, capAt: (s: number) => number): void {
  for (const [startS] of intervals) {
    const open = intervals.filter(([a, b]) => a <= startS && b > startS).length;
    expect(open, `at ${startS.toFixed(3)} s`).toBeLessThanOrEqual(capAt(startS + 0.01));
  }
}

describe('warmup ramps', () => {
  it('--warmup-request-rate-ramp-duration: warmup sends follow 0→40 req/s over 1 s, then profiling runs at its own load', async () => {
    const { warmup, profiling } = await run(
      { concurrency: '2', warmupDuration: '1.5', warmupRequestRate: '40', warmupArrivalPattern: 'constant', warmupRequestRateRampDuration: '1' },
      4, { ttftMs: 5, itlMs: 1 },
    );
    // ∫ of 40 t req/s: 20 t² requests by t < 1 s, then 40 req/s. A send is never early, so the count by t never
    // passes the schedule's; a loaded machine makes sends late, so the lower bound allows 0.2 s of lateness.
    const dueBy = (t: number) => (t <= 0 ? 0 : t < 1 ? 20 * t * t : 20 + 40 * (t - 1));
    for (const t of [0.25, 0.5, 0.75, 1, 1.25]) {
      const sent = countIn(warmup, 0, t);
      expect(sent, `by ${t} s`).toBeLessThanOrEqual(Math.ceil(dueBy(t)) + 1);
      expect(sent, `by ${t} s`).toBeGreaterThanOrEqual(Math.floor(dueBy(t - 0.2)) - 1);
    }
    expect(Math.abs(warmup.length - 40)).toBeLessThanOrEqual(1);
    expect(profiling).toHaveLength(4);
  });

  // The ramp over 0.5 s (a step every 0.1 s), then 0.35 s at the full cap for all 6 slots to turn over (80 ms answers).
  it('--warmup-concurrency-ramp-duration: the warmup in-flight cap rises 1→6 over 0.5 s; profiling (no ramp) opens at 8', async () => {
    const { warmup, profiling } = await run(
      { concurrency: '8', warmupDuration: '0.9', warmupConcurrency: '6', warmupConcurrencyRampDuration: '0.5' },
      24, { ttftMs: 80, itlMs: 1 },
    );
    const inFlight = warmup.map((s) => [s.startS, s.endS] as [number, number]);
    expectCapFollows(inFlight, (t) => Math.min(6, 1 + Math.floor((5 * t) / 0.5)));
    expect(maxOverlap(inFlight.filter(([a]) => a < 0.075))).toBe(1);
    expect(maxOverlap(inFlight.filter(([a]) => a > 0.55))).toBe(6);
    expect(maxOverlap(profiling.map((s) => [s.startS, s.endS] as [number, number]))).toBe(8);
  });

  it('--warmup-prefill-concurrency with its ramp: warmup prefill capped 1→3 over 0.6 s, profiling\'s own cap of 6 after', async () => {
    const { warmup, profiling } = await run(
      { concurrency: '6', prefillConcurrency: '6', warmupRequestCount: '30', warmupPrefillConcurrency: '3', warmupPrefillConcurrencyRampDuration: '0.6' },
      24, { ttftMs: 80, itlMs: 1 },
    );
    expect(warmup).toHaveLength(30);
    const prefilling = warmup.map((s) => [s.startS, s.firstByteS] as [number, number]);
    expectCapFollows(prefilling, (t) => Math.min(3, 1 + Math.floor((2 * t) / 0.6)));
    expect(maxOverlap(prefilling.filter(([a]) => a > 0.65))).toBe(3);
    expect(maxOverlap(profiling.map((s) => [s.startS, s.firstByteS] as [number, number]))).toBe(6);
  });
});
