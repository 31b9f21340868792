/**
 * Runs `work` with an AbortSignal tied to Ctrl+C: the first SIGINT aborts the signal (the run stops and
 * writes what completed); a second one exits at once with status 130.
 */
export async function withInterrupt<T>(stderr: NodeJS.WritableStream, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    interrupts += 1;
    if (interrupts === 1) {
      stderr.write('\nStopping: waiting for in-flight requests and writing the results completed so far (Ctrl+C again to quit at once)\n');
      controller.abort(new Error('interrupted by Ctrl+C'));
    } else {
      stderr.write('Interrupted again; exiting without writing results.\n');
      process.exit(130);
    }
  };
  process.on('SIGINT', onSigint);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
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
