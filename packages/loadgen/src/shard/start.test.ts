import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { BARRIER_START_MARGIN_MS, awaitShardStart } from './start.js';

const tempDir = () => makeTempDir('aiperf-barrier-');

describe('shard start', () => {
  it('shards meeting at a barrier agree on one start: the last arrival + the margin', async () => {
    const dir = await tempDir();
    const starts = await Promise.all([0, 1, 2].map((index) => awaitShardStart({ shard: { index, count: 3 }, startAtEpochMs: null, barrierDir: dir, barrierTimeoutSeconds: 10 })));
    const targets = new Set(starts.map((s) => s.targetEpochMs));
    expect(targets.size).toBe(1);
    for (const s of starts) {
      expect(s.mode).toBe('barrier');
      expect(s.actualEpochMs).toBeGreaterThanOrEqual(s.targetEpochMs!);
      expect(typeof s.clockOffsetMs).toBe('number');
    }
    expect(existsSync(join(dir, 'ready-2.json'))).toBe(true);
    expect(starts[0]!.targetEpochMs! - Math.max(...starts.map((s) => s.actualEpochMs))).toBeLessThanOrEqual(BARRIER_START_MARGIN_MS);
  });

  it('a barrier the others never reach times out naming the missing shards', async () => {
    await expect(awaitShardStart({ shard: { index: 1, count: 3 }, startAtEpochMs: null, barrierDir: await tempDir(), barrierTimeoutSeconds: 0.05 })).rejects.toThrow(
      /--shard-barrier-dir: only 1 of 3 shards arrived in .* within 0.05 s \(missing: 0, 2\)/,
    );
  });

  it('--start-at waits for the given time; a start in the past goes at once and counts as late', async () => {
    const clock = () => 10_000;
    const past = await awaitShardStart({ shard: { index: 0, count: 2 }, startAtEpochMs: 9_000, barrierDir: null, barrierTimeoutSeconds: 1, nowMs: clock });
    expect(past).toMatchObject({ mode: 'start_at', targetEpochMs: 9_000, actualEpochMs: 10_000, lateMs: 1_000, clockOffsetMs: null });
    const soon = Date.now() + 30;
    const waited = await awaitShardStart({ shard: { index: 0, count: 2 }, startAtEpochMs: soon, barrierDir: null, barrierTimeoutSeconds: 1 });
    expect(waited.actualEpochMs).toBeGreaterThanOrEqual(soon);
  });

  it('never starts before the agreed time when the timer fires before the wall clock gets there', async () => {
    // The first reading after the sleep lags 50 ms behind the real clock, as a timer that fired early looks.
    let readings = 0;
    const clock = () => Date.now() - (++readings === 2 ? 50 : 0);
    const target = Date.now() + 20;
    const start = await awaitShardStart({ shard: { index: 0, count: 2 }, startAtEpochMs: target, barrierDir: null, barrierTimeoutSeconds: 1, nowMs: clock });
    expect(start.actualEpochMs).toBeGreaterThanOrEqual(target);
    expect(readings).toBeGreaterThanOrEqual(3);
  });
});
