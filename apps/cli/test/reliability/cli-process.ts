// Spawns the built `aiperf` binary for the reliability suite and lets a test signal it at a chosen moment.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  done: Promise<Finished>;
}

export function startAiperf(args: readonly string[], env: Record<string, string> = {}, cwd?: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, ...(cwd ? { cwd } : {}) });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += c));
  child.stderr?.on('data', (c) => (stderr += c));
  const done = new Promise<Finished>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/** Runs to the end; a run still going after `killAfterMs` is killed (a hang must fail the test, not stall it). */
export async function runAiperf(args: readonly string[], env: Record<string, string> = {}, killAfterMs = 60_000, cwd?: string): Promise<Finished> {
  const run = startAiperf(args, env, cwd);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), killAfterMs);
  try {
    return await run.done;
  } finally {
    clearTimeout(timer);
  }
}

/** Every line of a JSONL file, each parsed; a line that does not parse fails the test with its number. */
export function readWholeJsonl(path: string): Record<string, any>[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  if (text.length > 0 && !text.endsWith('\n')) throw new Error(`${path}: the last line is not terminated (a torn write)`);
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line, i) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new Error(`${path}: line ${i + 1} is not whole JSON: ${line.slice(0, 80)}`);
      }
    });
}

export async function waitFor(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}
