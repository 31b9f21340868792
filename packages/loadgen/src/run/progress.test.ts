import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ProgressCounts, startProgress } from './progress.js';

function capture(tty: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY: tty });
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream, text: () => text };
}

describe('startProgress', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] }));
  afterEach(() => vi.useRealTimers());
  const counts: ProgressCounts = { phase: 'profiling', completed: 0, errors: 0 };

  it('rewrites one line on a TTY with done/total, elapsed, current rate and errors', async () => {
    const out = capture(true);
    const progress = startProgress(out.stream, 'dashboard', 200, null, () => counts);
    counts.completed = 0;
    vi.advanceTimersByTime(250);
    counts.completed = 50;
    counts.errors = 2;
    vi.advanceTimersByTime(250);
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    const frames = out.text().split('\r\x1b[2K').filter(Boolean);
    expect(frames[1]).toBe('[profiling] 50/200 requests | 0.5 s | 200.0 req/s | 2 errors');
    expect(frames.at(-1)!.endsWith('\n')).toBe(true);
  });

  it('logs a plain line every 5 s when not a TTY, and nothing with --ui none', async () => {
    const out = capture(false);
    const progress = startProgress(out.stream, 'simple', null, 60, () => ({ phase: 'warmup', completed: 30, errors: 0 }));
    vi.advanceTimersByTime(4_999);
    expect(out.text()).toBe('');
    vi.advanceTimersByTime(1);
    progress.stop();
    const silent = capture(true);
    startProgress(silent.stream, 'none', 10, null, () => counts).stop();
    vi.advanceTimersByTime(10_000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.text()).toBe('[warmup] 30 requests | 5.0/60 s | 0.0 req/s | 0 errors\n');
    expect(silent.text()).toBe('');
  });

  it('with --convergence-scope run: the margin, the target and the ETA end the line', async () => {
    const out = capture(false);
    const convergence = {
      metric: 'request_latency', stat: 'avg', threshold: 0.02, confidenceLevel: 0.95, n: 400, estimate: 5e6, low: 4.8e6, high: 5.2e6,
      margin: 0.04, converged: false, eta: { seconds: 12.2, bound: 'budget' as const },
    };
    const progress = startProgress(out.stream, 'simple', 1000, null, () => ({ phase: 'profiling', completed: 400, errors: 0, convergence }));
    vi.advanceTimersByTime(5_000);
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.text()).toBe('[profiling] 400/1000 requests | 5.0 s | 0.0 req/s | 0 errors | request_latency avg ±4.00% → 2.00%, ETA 13 s (budget)\n');
  });
});
