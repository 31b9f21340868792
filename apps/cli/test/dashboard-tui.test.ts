// `--ui dashboard` through a real pseudo-terminal (tmux, 80×24): it draws, updates, and gives the terminal back.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from './auto-plot-cli.js';
import { hasTmux, TmuxTerminal } from './tmux.js';
import { makeTempDir } from '@aiperf/test-kit';

let server: MockServer;
let root: string;
let terminal: TmuxTerminal | null = null;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 30, itlMs: 8 });
  root = await makeTempDir('aiperf-dashboard-');
});
afterEach(() => terminal?.close());
afterAll(async () => {
  await server?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/**
 * The profile command line in the terminal, then its exit status on the screen; the shell then waits, since tmux
 * reports a dead pane's cursor as hidden. CI is unset: ink draws only a final frame there.
 */
function profileLine(dir: string, requests: number, telemetry: readonly string[] = ['--no-gpu-telemetry', '--no-server-metrics']): string {
  const args = ['profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--request-count', String(requests), '--concurrency', '2',
    '--osl', '16', '--warmup-request-count', '0', '--artifact-dir', dir, ...telemetry];
  return `env -u CI HOME=${root} ${process.execPath} ${BIN} ${args.join(' ')}; echo AIPERF_EXIT=$?; sleep 600`;
}

const completed = (screen: string) => Number(/Completed (\d+)/.exec(screen)?.[1] ?? -1);

describe.skipIf(!hasTmux)('aiperf profile --ui dashboard in a terminal', () => {
  it('is the default on a TTY: draws the live view, updates it, and restores the screen and cursor on exit', async () => {
    terminal = new TmuxTerminal(80, 24);
    terminal.start(profileLine(join(root, 'run'), 60));
    const first = await terminal.waitFor((s) => /Phase profiling/.test(s) && completed(s) > 0);
    expect(first).toContain('aiperf profile · mock-model');
    expect(first).toMatch(/TTFT\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\.\d\d/);
    expect(first).toMatch(/Throughput \d+\.\d\d req\/s/);
    expect(first).toContain('Warnings: none');
    expect(first.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(terminal.modes()).toEqual({ alternateScreen: true, cursorVisible: false });
    const later = await terminal.waitFor((s) => completed(s) > completed(first) + 5);
    expect(later).toMatch(/ETA \d/);

    const end = await terminal.waitFor((s) => s.includes('AIPERF_EXIT='));
    expect(end).toContain('AIPERF_EXIT=0');
    expect(terminal.modes()).toEqual({ alternateScreen: false, cursorVisible: true });
    // Back on the normal screen: the results, and no dashboard frame left behind.
    expect(end).toContain('Benchmark Duration:');
    expect(end).not.toContain('Phase profiling');
  });

  // The suite's Ctrl+C in a terminal: one run (a dashboard run costs ~2.5 s of CPU) that shows the telemetry, then
  // is stopped.
  it('shows the live GPU (DCGM) and server (/metrics) readings and the exact in-flight count; Ctrl+C stops the run, writes the results and restores the terminal', async () => {
    terminal = new TmuxTerminal(80, 24);
    // The mock server's DCGM exporter (two GPUs) and its vLLM-style /metrics (scraped from the endpoint URL by default).
    terminal.start(profileLine(join(root, 'telemetry'), 400, ['--gpu-telemetry', server.dcgmUrl, '--server-metrics-interval', '100']));
    const screen = await terminal.waitFor((s) => /GPU 1 /.test(s) && /running [1-9]/.test(s) && completed(s) > 0);
    expect(screen).toMatch(/Server 127\.0\.0\.1:\d+ {2}running [12] {2}waiting \d+ {2}KV cache \d+\.\d%/);
    expect(screen).toMatch(/GPU 0 \S.* {2}util \d+% {2}mem \d+\.\d GB {2}power \d+ W {2}\d+°C/);
    expect(screen).toMatch(/GPU 1 /);
    // --concurrency 2 and 400 requests: the count of requests on the wire is 1 or 2, never an estimate.
    expect(screen).toMatch(/In flight [12]\b/);
    expect(screen.split('\n').every((line) => line.length <= 80)).toBe(true);
    terminal.sendKeys('C-c');
    const end = await terminal.waitFor((s) => s.includes('AIPERF_EXIT='));
    expect(end).toMatch(/AIPERF_EXIT=130/);
    // The results were written and reported (with the telemetry's exports the report can outgrow the screen).
    expect(terminal.capture({ scrollback: true })).toMatch(/Benchmark Duration: \d+\.\d\d sec \(cancelled early\)/);
    expect(existsSync(join(root, 'telemetry', 'profile_export_aiperf.json'))).toBe(true);
    expect(terminal.modes()).toEqual({ alternateScreen: false, cursorVisible: true });
  });
});

describe('without a terminal', () => {
  it('--ui dashboard falls back to the simple progress; --stats-interval prints live metric blocks', async () => {
    const { quickProfileArgs, runAiperf } = await import('./auto-plot-cli.js');
    // The fallback is decided before the first request: four requests show it.
    const args = quickProfileArgs(server.url, join(root, 'piped'), ['--request-count', '4', '--concurrency', '2']);
    args[args.indexOf('--ui') + 1] = 'dashboard';
    const piped = await runAiperf(args);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).not.toContain('\x1b[?1049h');
    expect(piped.stdout).toContain('Benchmark Duration:');

    const stats = quickProfileArgs(server.url, join(root, 'stats'), ['--request-count', '30', '--concurrency', '2', '--stats-interval', '0.5']);
    stats[stats.indexOf('--ui') + 1] = 'simple';
    const run = await runAiperf(stats);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/--- live metrics \[profiling\] \d+\.\d s, \d+\/30 requests, 0 errors \(last 10 s\) ---\n {2}TTFT {5}p50 \d+\.\d\d {2}p90 \d+\.\d\d {2}p99 \d+\.\d\d ms\n/);
    expect(run.stderr).toMatch(/ {2}Throughput \d+\.\d\d req\/s, \d+\.\d output tokens\/s; [0-2] in flight\n/);
    // The endpoint's /metrics is scraped by default: its newest reading is in the block.
    expect(run.stderr).toMatch(/ {2}Server {3}127\.0\.0\.1:\d+ {2}running \d+ {2}waiting \d+ {2}KV cache \d+\.\d%\n/);
  });
});
