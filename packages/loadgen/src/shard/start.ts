import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleepMs } from 'node:timers/promises';
import type { ShardSpec } from '@aiperf/config';
import { ProfileConfigError } from '../errors.js';

export interface ShardStartOptions {
  shard: ShardSpec;
  /** `--start-at`: epoch ms every shard starts at, or null. */
  startAtEpochMs: number | null;
  /** `--shard-barrier-dir`: where shards meet, or null. */
  barrierDir: string | null;
  barrierTimeoutSeconds: number;
  signal?: AbortSignal;
  /** Wall clock (tests pass their own); default Date.now. */
  nowMs?: () => number;
}

/** How the shard's start went; written to `shard.json`, where `aiperf merge` reads lateness and clock skew. */
export interface ShardStart {
  mode: 'start_at' | 'barrier' | 'immediate';
  /** The agreed start (epoch ms, this shard's clock), or null when there was none to wait for. */
  targetEpochMs: number | null;
  /** When this shard actually went (epoch ms, its clock). */
  actualEpochMs: number;
  /** actual − target (ms): how late this shard started; 0 without a target. */
  lateMs: number;
  /** Barrier only: this shard's clock minus the shared file system's clock (ms), from its ready file's mtime. */
  clockOffsetMs: number | null;
}

/** Shards that meet at a barrier start this long after the last one arrived, so all of them see the start coming. */
export const BARRIER_START_MARGIN_MS = 500;
const POLL_MS = 25;

/**
 * Waits until this shard may start: at the barrier until every shard has written its ready file (the start is then
 * the latest arrival + a margin, the same for all since all read the same files), and/or until `--start-at`.
 */
export async function awaitShardStart(options: ShardStartOptions): Promise<ShardStart> {
  const now = options.nowMs ?? Date.now;
  let target = options.startAtEpochMs;
  let clockOffsetMs: number | null = null;
  if (options.barrierDir !== null) {
    const met = await meetAtBarrier(options.barrierDir, options.shard, options.barrierTimeoutSeconds, now, options.signal);
    clockOffsetMs = met.clockOffsetMs;
    target = Math.max(target ?? 0, met.lastArrivalMs + BARRIER_START_MARGIN_MS);
  }
  if (target !== null) await sleepUntil(target, now, options.signal);
  const actualEpochMs = now();
  return {
    mode: options.barrierDir !== null ? 'barrier' : target !== null ? 'start_at' : 'immediate',
    targetEpochMs: target,
    actualEpochMs,
    lateMs: target === null ? 0 : Math.max(0, actualEpochMs - target),
    clockOffsetMs,
  };
}

async function sleepUntil(epochMs: number, now: () => number, signal?: AbortSignal): Promise<void> {
  // A timer runs on the event loop's own millisecond clock, not the wall clock, and can fire a millisecond before
  // the wall-clock time it was set for: sleep again for what is left, so no shard starts before the agreed time.
  for (let waitMs = epochMs - now(); waitMs > 0; waitMs = epochMs - now()) {
    try {
      await sleepMs(waitMs, undefined, signal ? { signal } : {});
    } catch {
      // Ctrl+C while waiting: the run starts and stops at once, writing what it has (nothing).
      return;
    }
  }
}

interface ReadyFile {
  index: number;
  count: number;
  arrivedEpochMs: number;
}

const readyName = (index: number) => `ready-${index}.json`;

/** Writes this shard's ready file, then polls until all `count` shards' files are there. */
async function meetAtBarrier(dir: string, shard: ShardSpec, timeoutSeconds: number, now: () => number, signal?: AbortSignal) {
  await mkdir(dir, { recursive: true });
  const arrivedEpochMs = now();
  const mine: ReadyFile & { host: string; pid: number } = { index: shard.index, count: shard.count, arrivedEpochMs, host: hostname(), pid: process.pid };
  const path = join(dir, readyName(shard.index));
  // Written whole (temp file + rename), so a shard polling meanwhile never reads half a file.
  await writeFile(`${path}.tmp`, JSON.stringify(mine));
  await rename(`${path}.tmp`, path);
  // The file system stamps the file with its own clock (the file server's, on a shared volume).
  const clockOffsetMs = arrivedEpochMs - (await stat(path)).mtimeMs;
  const deadline = now() + timeoutSeconds * 1000;
  for (;;) {
    const arrived = await readReadyFiles(dir, shard.count);
    if (arrived.length === shard.count) return { lastArrivalMs: Math.max(...arrived.map((r) => r.arrivedEpochMs)), clockOffsetMs };
    if (signal?.aborted) throw new ProfileConfigError('--shard-barrier-dir: interrupted while waiting for the other shards');
    if (now() > deadline) {
      const seen = new Set(arrived.map((r) => r.index));
      const missing = Array.from({ length: shard.count }, (_, i) => i).filter((i) => !seen.has(i));
      throw new ProfileConfigError(
        `--shard-barrier-dir: only ${arrived.length} of ${shard.count} shards arrived in ${dir} within ${timeoutSeconds} s (missing: ${missing.join(', ')}); raise --shard-barrier-timeout or check the other shards`,
      );
    }
    await sleepMs(POLL_MS);
  }
}

/** The ready files of shards of the same count (a file from a run with another count is not ours). */
async function readReadyFiles(dir: string, count: number): Promise<ReadyFile[]> {
  const names = (await readdir(dir)).filter((name) => /^ready-\d+\.json$/.test(name));
  const files = await Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as ReadyFile));
  return files.filter((f) => f.count === count && f.index < count);
}
