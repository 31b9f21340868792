// `--worker-mode process`: `--workers N` as N child processes of this CLI, each a shard of the run (the same path
// as shards on N machines), then `aiperf merge` of their directories into the run's artifact directory.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { AiperfConfig } from '@aiperf/config';

export interface WorkerProcessesIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal?: AbortSignal;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
}

/** Runs shard i of N in a child: the same arguments, then the ones that make it one shard (later flags win). */
function runShard(index: number, count: number, shardsDir: string, io: WorkerProcessesIo): Promise<number> {
  const overrides = ['--worker-mode', 'thread', '--workers', '1', '--ui', 'none', '--artifact-dir', shardsDir, '--shard-barrier-dir', join(shardsDir, 'barrier'), '--shard', `${index}/${count}`];
  const child = spawn(process.execPath, [process.argv[1]!, 'profile', ...io.argv, ...overrides], {
    env: io.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // --shard given explicitly wins over $JOB_COMPLETION_INDEX in the environment.
  // Each child's warnings, prefixed with its shard; its console report is replaced by the merged run's.
  child.stderr.on('data', (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) if (line.trim()) io.stderr.write(`[shard ${index}] ${line}\n`);
  });
  const onAbort = () => child.kill('SIGINT');
  io.signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise((done) => {
    child.on('close', (code) => {
      io.signal?.removeEventListener('abort', onAbort);
      done(code ?? 1);
    });
  });
}

export async function runWorkerProcesses(config: AiperfConfig, io: WorkerProcessesIo): Promise<number> {
  const count = Math.max(1, config.benchmark.load.workers ?? availableParallelism());
  const { resolveArtifactDir } = await import('@aiperf/loadgen');
  const dir = resolve(resolveArtifactDir(config.benchmark));
  const shardsDir = join(dir, 'shards');
  // A barrier left by an earlier run in the same directory would let a shard start alone.
  await rm(join(shardsDir, 'barrier'), { recursive: true, force: true });
  io.stderr.write(`aiperf profile: ${count} worker processes, each a shard of the run, into ${shardsDir}\n`);
  const codes = await Promise.all(Array.from({ length: count }, (_, index) => runShard(index, count, shardsDir, io)));
  const failed = codes.flatMap((code, index) => (code === 0 ? [] : [`shard ${index} exited with ${code}`]));
  if (failed.length === count) {
    io.stderr.write(`aiperf profile: every worker process failed (${failed.join(', ')})\n`);
    return codes.includes(2) ? 2 : (codes[0] ?? 1);
  }
  const { MergeUsageError, mergeShards } = await import('@aiperf/merge');
  try {
    const result = await mergeShards({ inputs: [shardsDir], outDir: dir, allowPartial: true, warn: (line) => io.stderr.write(`warning: ${line}\n`) });
    io.stdout.write(`Merged ${result.mergedShards.length} worker processes: ${result.requestCount} requests\nJSON Export: ${join(dir, 'profile_export_aiperf.json')}\n`);
  } catch (error) {
    if (!(error instanceof MergeUsageError)) throw error;
    io.stderr.write(`aiperf profile: merging the worker processes failed: ${error.message}\n`);
    return 1;
  }
  if (io.signal?.aborted) return 130;
  return failed.length > 0 ? 1 : 0;
}
