import type { UiType } from '@aiperf/config';
import type { ConvergenceStatus } from './convergence-watch.js';
import { convergenceProgress } from './convergence-text.js';

export interface ProgressCounts {
  phase: string;
  completed: number;
  errors: number;
  /** `--convergence-scope run`: the margin so far and the ETA, shown at the end of the line. */
  convergence?: ConvergenceStatus | null;
}

export interface ProgressDisplay {
  stop(): void;
}

const TTY_INTERVAL_MS = 250;
const LOG_INTERVAL_MS = 5_000;
const RATE_WINDOW_MS = 2_000;

/**
 * Live progress on stderr (stdout stays for the results): a self-rewriting line on a TTY, a plain log line every
 * few seconds otherwise, nothing with `--ui none`. A single line needs no library. `--ui dashboard` shows the
 * caller's full-screen view instead (`ProfileIo.liveView`), and this line where stdout is not a terminal.
 */
export function startProgress(
  stream: NodeJS.WritableStream,
  ui: UiType,
  totalRequests: number | null,
  durationSeconds: number | null,
  read: () => ProgressCounts,
): ProgressDisplay {
  if (ui === 'none') return { stop() {} };
  const tty = Boolean((stream as { isTTY?: boolean }).isTTY);
  const startMs = performance.now();
  const samples: Array<[number, number]> = [];
  const render = () => {
    const now = performance.now();
    const counts = read();
    samples.push([now, counts.completed]);
    // Keep at least the previous sample, so the rate spans one interval even when intervals exceed the window.
    while (samples.length > 2 && now - samples[1]![0] >= RATE_WINDOW_MS) samples.shift();
    const [thenMs, thenCount] = samples[0]!;
    const rate = now > thenMs ? ((counts.completed - thenCount) * 1000) / (now - thenMs) : 0;
    const elapsed = (now - startMs) / 1000;
    const done = totalRequests !== null ? `${counts.completed}/${totalRequests}` : `${counts.completed}`;
    const time = durationSeconds !== null ? `${elapsed.toFixed(1)}/${durationSeconds} s` : `${elapsed.toFixed(1)} s`;
    const convergence = counts.convergence ? ` | ${convergenceProgress(counts.convergence)}` : '';
    return `[${counts.phase}] ${done} requests | ${time} | ${rate.toFixed(1)} req/s | ${counts.errors} errors${convergence}`;
  };
  const timer = setInterval(() => {
    const line = render();
    stream.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  }, tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (tty) stream.write(`\r\x1b[2K${render()}\n`);
    },
  };
}
