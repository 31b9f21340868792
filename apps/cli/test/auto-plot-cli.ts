// Shared by the auto-plot, sweep, multi-run and other end-to-end tests: run the CLI in-process against a mock server.
// `BIN` is the built binary for the tests that need a real process (tmux, signals, the dashboard server).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInProcess } from './config-harness.js';
import { makeTempDir } from '@aiperf/test-kit';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function isolatedEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(process.env as Record<string, string>), HOME: home, AIPERF_PLOT_CONFIG_HOME: join(home, '.aiperf'), NO_COLOR: '1', ...extra };
}

/**
 * Runs `aiperf ...args` in-process (`runCli` with PassThrough streams, clipanion's own test pattern): no node
 * start-up per run. The user-level plot config lives in a fresh temp dir. The plot package reads
 * AIPERF_PLOT_CONFIG_HOME from `process.env`, not from the CLI's context, so it is set around the call: safe,
 * because the tests of one file run one at a time in their own worker process.
 */
export async function runAiperf(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const env = isolatedEnv(await makeTempDir('aiperf-home-'), options.env);
  const saved = process.env.AIPERF_PLOT_CONFIG_HOME;
  process.env.AIPERF_PLOT_CONFIG_HOME = env.AIPERF_PLOT_CONFIG_HOME;
  try {
    return await runInProcess(args, { env, cwd: options.cwd ?? process.cwd() });
  } finally {
    if (saved === undefined) delete process.env.AIPERF_PLOT_CONFIG_HOME;
    else process.env.AIPERF_PLOT_CONFIG_HOME = saved;
  }
}

/**
 * The load of the tests that are about what a run writes and prints, not about the load generator's threads: it
 * runs on the main event loop. A worker thread (the default for small loads) costs ~0.65 s of CPU to start per
 * run, more than the whole rest of a 6-request run; the thread path has its own tests (loadgen, reliability, timing).
 */
export const MAIN_LOOP_LOAD = ['--workers', '1'] as const;

/**
 * A small, fast streaming profile into exactly `dir`, its load on the main event loop unless `loadThread` (the
 * default worker thread: for tests that compare measured latencies, which the test process's own servers would
 * otherwise share an event loop with).
 */
export function quickProfileArgs(url: string, dir: string, extra: readonly string[] = [], options: { loadThread?: boolean } = {}): string[] {
  return [
    'profile', '-m', 'mock-model', '-u', url, '--streaming', '--request-count', '6', '--warmup-request-count', '0',
    '--isl', '16', '--osl', '4', '--artifact-dir', dir, '--no-gpu-telemetry', '--ui', 'none',
    ...(options.loadThread === true ? [] : MAIN_LOOP_LOAD), ...extra,
  ];
}

export const tempDir = (prefix: string) => makeTempDir(prefix);

/** Sorted `.png` names in `dir` (empty when the dir does not exist). */
export async function pngNames(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function isPng(path: string): Promise<boolean> {
  const bytes = await readFile(path);
  return bytes.length > 1000 && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
}

export const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

/** Lines of `text` that are auto-plot warnings. */
export const autoPlotWarnings = (text: string) => text.split('\n').filter((l) => l.includes('auto-plot failed'));
