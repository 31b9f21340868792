import { Writable } from 'node:stream';
import type { LiveSnapshot } from '@aiperf/loadgen';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressBar, sparkline } from './sparkline.js';
import { createDashboard } from './start-dashboard.js';

/** A terminal stand-in: collects what ink writes, 80 columns wide. */
function fakeTerminal(rows = 24): NodeJS.WriteStream & { text: () => string } {
  let written = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += String(chunk);
      done();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(stream, { columns: 80, rows, isTTY: true, text: () => written });
  return stream;
}

const snapshot: LiveSnapshot = {
  phase: 'profiling', completed: 12, errors: 2, totalRequests: 40, durationSeconds: null, elapsedSeconds: 3.2, etaSeconds: 7.5,
  requestsPerSecond: 4, outputTokensPerSecond: 80, inFlight: 3,
  gpus: [0, 1].map((gpuIndex) => ({ url: 'http://h:9400/metrics', gpuIndex, modelName: 'NVIDIA H200', utilizationPercent: 50 + gpuIndex, memoryUsedGb: 70.2, powerW: 500, temperatureC: 55 })),
  servers: [{ url: 'http://127.0.0.1:8000/metrics', runningRequests: 2, waitingRequests: 1, kvCacheUsagePercent: 7.5 }],
  ttftMs: { p50: 21, p90: 30, p99: 42.5 }, itlMs: { p50: 5, p90: 6, p99: 7 }, latencyMs: null, tokensPerSecondHistory: [0, 40, 80],
};

describe('dashboard', () => {
  // The view's refresh interval and ink's render throttle run on vitest's fake clock; React's scheduler
  // (setImmediate) stays real, so advancing the clock renders as the real refresh would, without the wait.
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('draws the snapshot, shows stderr lines as warnings, and prints them after it closes', async () => {
    const stdout = fakeTerminal();
    const stderr = fakeTerminal();
    const dashboard = createDashboard({ stdout, stderr, title: 'aiperf profile · m' });
    const view = dashboard.liveView({ snapshot: () => snapshot });
    dashboard.stderr.write('warning: the tokenizer fell back to builtin\n');
    // One refresh (every 250 ms) re-renders with the warning; React commits it on the real setImmediate. The screen
    // is read after stop(): with CI set, ink writes only the final frame, at unmount, so no earlier frame can be awaited.
    await vi.advanceTimersByTimeAsync(400);
    await new Promise((resolve) => setImmediate(resolve));
    expect(stderr.text()).toBe(''); // held while the view is up
    view.stop();
    const screen = stdout.text().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(stdout.text().startsWith('\x1b[?1049h\x1b[?25l')).toBe(true);
    expect(stdout.text().endsWith('\x1b[?25h\x1b[?1049l')).toBe(true);
    expect(screen).toContain('aiperf profile · m');
    expect(screen).toContain('12/40 requests');
    expect(screen).toMatch(/Completed 12 {2}Errors 2 {2}In flight 3/);
    expect(screen).toContain('Server 127.0.0.1:8000  running 2  waiting 1  KV cache 7.5%');
    expect(screen).toContain('GPU 0 H200  util 50%  mem 70.2 GB  power 500 W  55°C');
    expect(screen).toContain('GPU 1 H200  util 51%');
    expect(screen).toMatch(/TTFT\s+21\.00\s+30\.00\s+42\.50/);
    expect(screen).toMatch(/Latency\s+--\s+--\s+--/);
    expect(screen).toContain('warning: the tokenizer fell back to builtin');
    expect(stderr.text()).toBe('warning: the tokenizer fell back to builtin\n');
    dashboard.stderr.write('after\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(stderr.text()).toContain('after\n');
  });

  it('a short terminal: the telemetry lines that do not fit are counted', async () => {
    const stdout = fakeTerminal(21);
    const dashboard = createDashboard({ stdout, stderr: fakeTerminal(), title: 't' });
    const view = dashboard.liveView({ snapshot: () => snapshot });
    await vi.advanceTimersByTimeAsync(50);
    view.stop();
    const screen = stdout.text().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(screen).toContain('Server 127.0.0.1:8000');
    expect(screen).not.toContain('GPU 0');
    expect(screen).toContain('+2 more (GPU/server lines do not fit this terminal)');
  });

  it('with --convergence-scope run: the margin, its target and the ETA extrapolated to convergence', async () => {
    const stdout = fakeTerminal();
    const dashboard = createDashboard({ stdout, stderr: fakeTerminal(), title: 't' });
    const convergence = {
      metric: 'time_to_first_token', stat: 'p50', threshold: 0.05, confidenceLevel: 0.95, n: 120, estimate: 21e6, low: 19e6, high: 23e6,
      margin: 0.0952, converged: false, eta: { seconds: 64, bound: 'convergence' as const },
    };
    const view = dashboard.liveView({ snapshot: () => ({ ...snapshot, convergence }) });
    await vi.advanceTimersByTimeAsync(50);
    view.stop();
    const screen = stdout.text().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(screen).toContain('ETA 1m4s');
    expect(screen).toContain('Convergence time_to_first_token p50 ±9.52% → 5.00%, ETA 1m04s');
  });

  it('sparkline and progress bar', () => {
    expect(sparkline([0, 1, 2, 4, 8], 4)).toBe('▁▂▄█');
    expect(sparkline([0, 0], 5)).toBe('▁▁');
    expect(progressBar(0.25, 8)).toBe('██░░░░░░');
  });
});
