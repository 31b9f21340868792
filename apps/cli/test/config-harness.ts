// Shared by the CLI tests of the config/help work: run `aiperf` in-process (fast, streams captured) or as the
// built binary (real exit status and process output).
import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function runInProcess(argv: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const out = capture();
  const err = capture();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, env: options.env ?? {}, cwd: options.cwd ?? process.cwd() });
  return { code, stdout: out.text(), stderr: err.text() };
}

export const BIN_PATH = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export function runBinary(argv: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN_PATH, ...argv], { encoding: 'utf8', cwd: options.cwd, env: { PATH: process.env.PATH ?? '', ...options.env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
