/** Exit statuses by the shell's rule, 128 + the signal number: what `timeout`, CI runners and Kubernetes expect. */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof SIGNAL_EXIT_CODES;

/**
 * Runs `work` with an AbortSignal tied to Ctrl+C and SIGTERM (what `timeout`, `docker stop`, Kubernetes and CI
 * cancellation send): the first one aborts the signal, so the run stops and writes what completed (summary, CSV,
 * log); a second one exits at once without writing. A run stopped by a signal ends with 128 + its number
 * (130 for SIGINT, 143 for SIGTERM) instead of the work's own interrupted status (130).
 */
export async function withInterrupt(stderr: NodeJS.WritableStream, work: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  let stoppedBy: StopSignal | null = null;
  const onSignal = (signal: StopSignal) => {
    if (stoppedBy === null) {
      stoppedBy = signal;
      const how = signal === 'SIGINT' ? 'Ctrl+C' : signal;
      stderr.write(`\nStopping: waiting for in-flight requests and writing the results completed so far (${how} again to quit at once)\n`);
      controller.abort(new Error(`interrupted by ${how}`));
    } else {
      stderr.write('Interrupted again; exiting without writing results.\n');
      process.exit(SIGNAL_EXIT_CODES[signal]);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const code = await work(controller.signal);
    return stoppedBy !== null && code !== 0 ? SIGNAL_EXIT_CODES[stoppedBy] : code;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Resolves with the first SIGINT or SIGTERM (for commands that serve until stopped), removing both listeners. */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
