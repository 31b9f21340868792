import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type FlagValues, resolveConfig } from '@aiperf/config';
import { type MockServer, type MockServerOptions, startMockServer } from '@aiperf/mock-server';
import { test as it } from '@aiperf/test-kit';
import { describe, expect } from 'vitest';
import { parseJsonWithBigInt } from './export/json-text.js';
import { runProfile } from './run-profile.js';

// Arrival and ramp control through the real interface (flags → resolveConfig → runProfile) against the mock
// server: the realised send times (request_start_ns) are checked against the intended schedule.
//
// The open-loop and cap cases run at the same time (`describe.concurrent`, each run with its own mock server): what
// they check holds whatever the load: due times (credit_issued_ns, the schedule's own), caps that are never
// exceeded, sends never early, counts per window up to the sends that lateness moved across an edge. Sharing the
// process only makes sends later, which those checks allow for by construction.
// The user-centric cases assume each answer (~10 ms) comes within the user's 0.5 s gap: next to the open-loop runs'
// hundreds of requests a busy machine stalled an answer past it (a due time of 922 ms for 625), so they run after
// those, together (a few dozen light requests). The prefill ramp's "the cap is used within each 0.3 s step" is a
// lower bound on the wall clock, so that case runs alone, last.

interface Sent {
  /** Seconds after the phase start (the due time of request 0). */
  startS: number;
  endS: number;
  ttftS: number;
  /** When the schedule wanted it sent (credit_issued_ns), seconds after the phase start. */
  dueS: number;
  /** The session (x_correlation_id: one per conversation run) and the turn within it. */
  session: string;
  turn: number;
}

let runs = 0;
/** Runs the flags against a mock of its own, writing under `root` (the test's `tempDir`: per test, also when concurrent). */
async function run(root: string, flags: FlagValues, mock: MockServerOptions = { ttftMs: 5, itlMs: 1 }): Promise<{ sent: Sent[]; stdout: string }> {
  const server: MockServer = await startMockServer({ port: 0, ...mock });
  try {
    return await runAgainst(server, join(root, `run-${runs++}`), flags);
  } finally {
    await server.close();
  }
}

async function runAgainst(server: MockServer, dir: string, flags: FlagValues): Promise<{ sent: Sent[]; stdout: string }> {
  const { config, errors } = resolveConfig({
    flags: {
      model: ['mock-model'], url: [server.url], streaming: true, ui: 'none', noServerMetrics: true, artifactDir: dir,
      randomSeed: '42', isl: '16', osl: '4', extraInputs: ['ignore_eos:true'], workers: '1', tokenizer: 'builtin', ...flags,
    },
  });
  expect(errors).toEqual([]);
  let stdout = '';
  const out = new PassThrough().on('data', (chunk) => (stdout += chunk));
  await runProfile(config!.benchmark, { stdout: out, stderr: out });
  const records = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').trim().split('\n').map((l) => parseJsonWithBigInt(l) as Record<string, any>);
  const first = records.find((r) => r.metadata.session_num === 0)!;
  const t0 = (first.metadata.credit_issued_ns ?? first.metadata.request_start_ns) as bigint;
  const sent = records
    .map((r) => ({
      startS: Number((r.metadata.request_start_ns as bigint) - t0) / 1e9,
      endS: Number((r.metadata.request_end_ns as bigint) - t0) / 1e9,
      ttftS: (r.metrics.time_to_first_token?.value ?? 0) / 1e3,
      dueS: Number(((r.metadata.credit_issued_ns ?? r.metadata.request_start_ns) as bigint) - t0) / 1e9,
      session: r.metadata.x_correlation_id as string,
      turn: r.metadata.turn_index as number,
    }))
    .sort((a, b) => a.startS - b.startS);
  return { sent, stdout };
}

const countIn = (sent: Sent[], fromS: number, toS: number) => sent.filter((s) => s.startS >= fromS && s.startS < toS).length;
const dueIn = (sent: Sent[], fromS: number, toS: number) => sent.filter((s) => s.dueS >= fromS && s.dueS < toS).length;

/** Most intervals open at once (an end at the same instant as a start does not overlap it). */
function maxOverlap(intervals: Array<[number, number]>, untilS = Infinity): number {
  const events = intervals.filter(([a]) => a < untilS).flatMap(([a, b]) => [[a, 1], [b, -1]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let open = 0;
  let most = 0;
  for (const [, delta] of events) most = Math.max(most, (open += delta));
  return most;
}

/** Realised sends per 0.125 s window against the schedule's: equal up to the few a window edge shifts by lateness. */
function expectWindowsFollowSchedule(sent: Sent[], seconds: number, windowS = 0.125): void {
  for (let fromS = 0; fromS < seconds - 1e-9; fromS += windowS) {
    const realised = countIn(sent, fromS, fromS + windowS);
    const intended = sent.filter((s) => s.dueS >= fromS && s.dueS < fromS + windowS).length;
    const lateAcrossEdge = sent.filter((s) => (s.dueS < fromS + windowS && s.startS >= fromS + windowS) || (s.dueS < fromS && s.startS >= fromS)).length;
    expect(Math.abs(realised - intended)).toBeLessThanOrEqual(lateAcrossEdge);
  }
  expect(sent.every((s) => s.startS >= s.dueS - 1e-6)).toBe(true);
}

/** Coefficient of variation of the intended gaps (due times). */
function dueGapCv(sent: Sent[]): number {
  const due = sent.map((s) => s.dueS).sort((a, b) => a - b);
  const gaps = due.slice(1).map((d, i) => d - due[i]!);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / (gaps.length - 1));
  return sd / mean;
}

// The schedule cases below are time-compressed (twice the rate for half the time): the same request counts, so the
// same statistics, and the due times they check are exact whatever the machine's load.
describe.concurrent('arrival patterns', () => {
  it('gamma arrivals: --arrival-smoothness 0.25 is bursty (gap CV near 2), --vllm-burstiness 4 smooth (near 0.5); counts within tolerance', async ({ tempDir }) => {
    const [bursty, smooth] = await Promise.all([
      run(tempDir, { requestRate: '200', arrivalSmoothness: '0.25', benchmarkDuration: '1' }),
      run(tempDir, { requestRate: '200', vllmBurstiness: undefined, arrivalSmoothness: '4', benchmarkDuration: '1' }),
    ]);
    // A gamma renewal process with shape k has count variance ≈ λT/k: 200 ± 4 sd.
    expect(Math.abs(bursty.sent.length - 200)).toBeLessThan(4 * Math.sqrt(200 / 0.25));
    expect(Math.abs(smooth.sent.length - 200)).toBeLessThan(4 * Math.sqrt(200 / 4));
    // The intended gaps (each request's due time) have CV 1/√k; the realised sends hold the same counts per window,
    // shifted only by their lateness (a loaded machine bunches late sends, so their own gaps are not compared).
    expect(dueGapCv(bursty.sent)).toBeGreaterThan(1.5);
    expect(dueGapCv(smooth.sent)).toBeGreaterThan(0.35);
    expect(dueGapCv(smooth.sent)).toBeLessThan(0.65);
    for (const { sent } of [bursty, smooth]) expectWindowsFollowSchedule(sent, 1);
  });

  it('--request-rate-ramp-duration: counts per window follow the linear ramp (rate slope R/D), then the full rate', async ({ tempDir }) => {
    const { sent } = await run(tempDir, { requestRate: '120', arrivalPattern: 'constant', requestRateRampDuration: '1', benchmarkDuration: '1.5' });
    // ∫ of 120 t req/s: 3.75 in [0, 0.25), 11.25 in [0.25, 0.5), 18.75, 26.25; then 30 per quarter second.
    const expected = [3.75, 11.25, 18.75, 26.25, 30, 30];
    const windows = expected.map((_, i) => dueIn(sent, i * 0.25, (i + 1) * 0.25));
    windows.forEach((count, i) => expect(Math.abs(count - expected[i]!)).toBeLessThanOrEqual(1));
    expectWindowsFollowSchedule(sent, 1.5);
    // The ramp's slope from window to window: 7.5 more requests each quarter second (120 req/s² × 0.25 s × 0.25 s).
    const slopes = windows.slice(1, 4).map((c, i) => c - windows[i]!);
    for (const slope of slopes) expect(Math.abs(slope - 7.5)).toBeLessThanOrEqual(2);
  });

  it('--request-rate-series: each piece at its own rate, the last holding to the end', async ({ tempDir }) => {
    const { sent } = await run(tempDir, { requestRateSeries: '40:0.5,120:0.5s,20', arrivalPattern: 'constant', benchmarkDuration: '1.5' });
    expect(Math.abs(dueIn(sent, 0, 0.5) - 20)).toBeLessThanOrEqual(1);
    expect(Math.abs(dueIn(sent, 0.5, 1) - 60)).toBeLessThanOrEqual(1);
    expect(Math.abs(dueIn(sent, 1, 1.5) - 10)).toBeLessThanOrEqual(1);
    expectWindowsFollowSchedule(sent, 1.5);
  });

  it('Poisson arrivals on a series stay Poisson (gap CV near 1 within a piece)', async ({ tempDir }) => {
    const { sent } = await run(tempDir, { requestRateSeries: '300:1,10', benchmarkDuration: '1' });
    expect(Math.abs(sent.length - 300)).toBeLessThan(4 * Math.sqrt(300));
    const cv = dueGapCv(sent);
    expect(cv).toBeGreaterThan(0.85);
    expect(cv).toBeLessThan(1.15);
    expectWindowsFollowSchedule(sent, 1);
  });
});

describe.concurrent('concurrency caps and ramps', () => {
  it('--concurrency-ramp-duration: in flight never above 1 + ⌊7t/1.6⌋, and the full 8 after the ramp', async ({ tempDir }) => {
    const { sent } = await run(tempDir, { concurrency: '8', concurrencyRampDuration: '1.6', benchmarkDuration: '2.4' }, { ttftMs: 40, itlMs: 10 });
    const intervals = sent.map((s) => [s.startS, s.endS] as [number, number]);
    for (const [fromS, cap] of [[0, 1], [0.25, 2], [0.5, 3], [0.7, 4], [0.95, 5], [1.15, 6], [1.4, 7]] as const) {
      const within = intervals.filter(([a]) => a < fromS + 0.2);
      expect(maxOverlap(within)).toBeLessThanOrEqual(cap + 1);
    }
    expect(maxOverlap(intervals.filter(([a]) => a < 0.2))).toBe(1);
    expect(maxOverlap(intervals.filter(([a]) => a > 1.7))).toBe(8);
  });

  it('--prefill-concurrency: at most 2 requests wait for their first token at once, while 8 are in flight', async ({ tempDir }) => {
    const mock = { ttftMs: 60, itlMs: 20 };
    const [capped, open] = await Promise.all([
      run(tempDir, { concurrency: '8', prefillConcurrency: '2', requestCount: '40' }, mock),
      run(tempDir, { concurrency: '8', requestCount: '40' }, mock),
    ]);
    const prefilling = capped.sent.map((s) => [s.startS, s.startS + s.ttftS] as [number, number]);
    expect(maxOverlap(prefilling)).toBeLessThanOrEqual(2);
    expect(maxOverlap(capped.sent.map((s) => [s.startS, s.endS] as [number, number]))).toBeGreaterThan(2);
    expect(maxOverlap(open.sent.map((s) => [s.startS, s.startS + s.ttftS] as [number, number]))).toBe(8);
  });
});

describe('user-centric rate', () => {
  it.concurrent('--user-centric-rate 8 --num-users 4: users staggered by 1/8 s, each every 4/8 s (due times exact, sends never early)', async ({ tempDir }) => {
    const { sent } = await run(tempDir, { userCentricRate: '8', numUsers: '4', benchmarkDuration: '2' });
    expect(sent.map((s) => Math.round(s.dueS * 1000))).toEqual(Array.from({ length: 16 }, (_, k) => k * 125));
    expect(sent.every((s) => s.startS >= s.dueS - 1e-6)).toBe(true);
  });

  it.concurrent('multi-turn: every turn of a user is one gap after the last (dataset delays ignored), ended sessions are replaced, first sessions joined part-way', async ({ tempDir }) => {
    const inputFile = join(tempDir, 'sessions.jsonl');
    // Three turns each, with a 3 s delay the user-centric gap replaces.
    const turns = (s: number) => [0, 1, 2].map((t) => ({ text: `session ${s} turn ${t}`, ...(t > 0 ? { delay: 3000 } : {}) }));
    writeFileSync(inputFile, Array.from({ length: 6 }, (_, s) => JSON.stringify({ session_id: `s${s}`, turns: turns(s) })).join('\n'));
    // 2 users at 4 req/s: each user every 0.5 s, the second 0.25 s after the first.
    const { sent } = await run(tempDir, { userCentricRate: '4', numUsers: '2', benchmarkDuration: '2.6', inputFile, customDatasetType: 'multi_turn', requestCount: undefined });
    expect(sent.map((s) => Math.round(s.dueS * 1000))).toEqual(Array.from({ length: 11 }, (_, k) => k * 250));
    expect(sent.every((s) => s.startS >= s.dueS - 1e-6)).toBe(true);
    const bySession = new Map<string, Sent[]>();
    for (const s of sent) bySession.set(s.session, [...(bySession.get(s.session) ?? []), s]);
    const sessions = [...bySession.values()].sort((a, b) => a[0]!.dueS - b[0]!.dueS);
    // User 0: a whole session (0, 0.5, 1 s), then a new one (1.5, 2, 2.5 s). User 1 joined its first session
    // part-way (virtual history: 3 − ⌊1·3/2⌋ = 2 turns left, at 0.25, 0.75 s), then a whole one (1.25, 1.75, 2.25 s).
    expect(sessions.map((list) => list.map((s) => Math.round(s.dueS * 1000)))).toEqual([[0, 500, 1000], [250, 750], [1250, 1750, 2250], [1500, 2000, 2500]]);
    for (const list of sessions) expect(list.map((s) => s.turn)).toEqual(list.map((_, i) => i));
  });

  it.concurrent('a user whose answer takes longer than its gap sends on the answer and restarts its clock (no catch-up burst)', async ({ tempDir }) => {
    // Answers take ~0.7 s > the 0.5 s gap: each user sends at its start, then at each answer: 3 sends in 2 s, not 4.
    const { sent } = await run(tempDir, { userCentricRate: '8', numUsers: '4', benchmarkDuration: '2' }, { ttftMs: 700, itlMs: 1 });
    expect(sent).toHaveLength(12);
    const due = sent.map((s) => s.dueS).sort((a, b) => a - b);
    expect(due.slice(0, 4).map((d) => Math.round(d * 1000))).toEqual([0, 125, 250, 375]);
    // Every later send waited for its user's answer (≥ 0.7 s after the user's previous send), not the 0.5 s gap.
    for (const d of due.slice(4, 8)) expect(d).toBeGreaterThanOrEqual(0.7);
    for (const d of due.slice(8)) expect(d).toBeGreaterThanOrEqual(1.4);
  });
});

// Alone: its lower bound (each step's cap reached within the step) is on the wall clock.
describe('prefill-concurrency ramp', () => {
  it('--prefill-concurrency-ramp-duration: the cap on requests awaiting their first token rises 1→5 in steps every 0.3 s', async ({ tempDir }) => {
    // TTFT 100 ms and a short decode: the prefill cap, not the in-flight cap of 8, is what binds.
    const { sent } = await run(tempDir, { concurrency: '8', prefillConcurrency: '5', prefillConcurrencyRampDuration: '1.2', benchmarkDuration: '2' }, { ttftMs: 100, itlMs: 1 });
    const prefilling = sent.map((s) => [s.startS, s.startS + s.ttftS] as [number, number]);
    const capAt = (t: number) => Math.min(5, 1 + Math.floor(t / 0.3));
    // Never above the schedule: at each send, the requests then prefilling (itself included) fit the cap due then.
    for (const s of sent) {
      const open = prefilling.filter(([a, b]) => a <= s.startS && b > s.startS).length;
      expect(open).toBeLessThanOrEqual(capAt(s.startS + 0.01));
    }
    // And the cap is used: each step's window (after the first request of the step settled in) reaches it.
    for (let step = 0; step < 5; step++) {
      const fromS = step * 0.3 + 0.12;
      const toS = step === 4 ? 2 : (step + 1) * 0.3;
      const inWindow = prefilling.filter(([a, b]) => b > fromS && a < toS).map(([a, b]) => [Math.max(a, fromS), Math.min(b, toS)] as [number, number]);
      expect(maxOverlap(inWindow)).toBeGreaterThanOrEqual(step + 1 - (step >= 2 ? 1 : 0));
    }
    expect(maxOverlap(prefilling.filter(([a]) => a > 1.3))).toBe(5);
  });
});
