import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseJsonWithBigInt } from '@aiperf/loadgen';
import type { ShardManifest } from './checks.js';
import { MergeUsageError } from './errors.js';

export const SHARD_FILE = 'shard.json';
export const SUMMARY_FILE = 'profile_export_aiperf.json';

export interface ShardDir {
  dir: string;
  manifest: ShardManifest;
  /** The shard's own summary, when it got as far as writing one. */
  summary: Record<string, unknown> | undefined;
}

/** Each input is a shard directory (it has `shard.json`) or a directory holding shard directories (`shard-0`, …). */
export async function findShardDirs(inputs: readonly string[]): Promise<string[]> {
  const dirs: string[] = [];
  for (const input of inputs) {
    const dir = resolve(input);
    if (!existsSync(dir)) throw new MergeUsageError(`${input}: no such directory`);
    if (existsSync(join(dir, SHARD_FILE))) {
      dirs.push(dir);
      continue;
    }
    const children = (await readdir(dir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, SHARD_FILE)))
      .map((entry) => join(dir, entry.name))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (children.length === 0) throw new MergeUsageError(`${input}: not a shard directory (no ${SHARD_FILE}) and holds none; give the shard-<i> directories of a run made with --shard`);
    dirs.push(...children);
  }
  return [...new Set(dirs)];
}

export async function readShardDir(dir: string): Promise<ShardDir> {
  let manifest: ShardManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, SHARD_FILE), 'utf8')) as ShardManifest;
  } catch (error) {
    throw new MergeUsageError(`${join(dir, SHARD_FILE)}: unreadable (${(error as Error).message})`);
  }
  if (!manifest?.shard || typeof manifest.shard.index !== 'number' || !manifest.settings) {
    throw new MergeUsageError(`${join(dir, SHARD_FILE)}: not an aiperf shard file (no shard index or settings)`);
  }
  const summaryPath = join(dir, SUMMARY_FILE);
  const summary = existsSync(summaryPath) ? (parseJsonWithBigInt(await readFile(summaryPath, 'utf8')) as Record<string, unknown>) : undefined;
  return { dir, manifest, summary };
}
