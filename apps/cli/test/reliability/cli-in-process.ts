// The reliability suite's in-process runs: the CLI's output as a terminal would see it, without a node start-up.
// Apart from cli-process.ts so that the spawning tests do not load the CLI's sources.
import { runInProcess } from '../config-harness.js';
import type { Finished } from './cli-process.js';

/**
 * The same run in-process (runCli with PassThrough streams, the binary's environment), for the tests about what
 * the CLI writes rather than about its process: no node start-up. Whatever code writes straight to
 * process.stdout/stderr during the run (around the CLI's streams) is captured too, so the output checked is all a
 * terminal would show. One run at a time (the process streams are shared): not for concurrent tests.
 */
export async function runAiperfInProcess(args: readonly string[]): Promise<Finished> {
  const direct = { stdout: '', stderr: '' };
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      direct[name] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  }
  try {
    const run = await runInProcess(args, { env: { ...(process.env as Record<string, string>), NO_COLOR: '1' } });
    return { code: run.code, signal: null, stdout: run.stdout + direct.stdout, stderr: run.stderr + direct.stderr };
  } finally {
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
}
