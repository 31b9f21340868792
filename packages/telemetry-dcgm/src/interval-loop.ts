// Scrape scheduling shared by GPU telemetry and server metrics: ticks on a start + k·interval grid, one
// request per endpoint at a time, everything aborted by stop().

export interface IntervalLoopOptions<E> {
  intervalMs: number;
  /** The endpoints to scrape on each tick (re-read every tick, so dropped ones can be left out). */
  endpoints(): readonly E[];
  /** A stable key per endpoint (its URL): a slow endpoint skips ticks instead of piling up requests. */
  keyOf(endpoint: E): string;
  scrape(endpoint: E, signal: AbortSignal): Promise<void>;
}

export interface IntervalLoop {
  /** Scrapes every endpoint once and waits for it (a baseline before the run), then keeps ticking. */
  start(): Promise<void>;
  /** Stops ticking, aborts scrapes in flight and waits for them to settle. */
  stop(): Promise<void>;
  /**
   * The final scrape after the run: stops the grid's ticks, then scrapes every endpoint once more, awaited (stop()
   * then aborts what is left). The grid stops first so that no regular tick lands while the final one waits for a
   * slow endpoint: the final scrape is the last one.
   */
  tickNow(): Promise<void>;
  readonly signal: AbortSignal;
}

export function createIntervalLoop<E>(options: IntervalLoopOptions<E>): IntervalLoop {
  const { intervalMs } = options;
  if (!(intervalMs > 0)) throw new Error(`createIntervalLoop: intervalMs must be > 0, got ${intervalMs}`);
  const inFlight = new Map<string, Promise<void>>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let startedAtMs = 0;
  let tickNumber = 0;

  const tick = (): Promise<void> => {
    const started: Promise<void>[] = [];
    for (const endpoint of options.endpoints()) {
      const key = options.keyOf(endpoint);
      const pending = inFlight.get(key);
      if (pending) {
        started.push(pending);
        continue;
      }
      const scrape = options.scrape(endpoint, abort.signal).finally(() => inFlight.delete(key));
      inFlight.set(key, scrape);
      started.push(scrape);
    }
    return Promise.all(started).then(() => undefined);
  };

  const scheduleNext = (): void => {
    if (!running) return;
    // Missed slots are skipped, not bunched up.
    const elapsedMs = performance.now() - startedAtMs;
    tickNumber = Math.max(tickNumber + 1, Math.ceil(elapsedMs / intervalMs));
    timer = setTimeout(() => {
      void tick();
      scheduleNext();
    }, tickNumber * intervalMs - elapsedMs);
  };

  return {
    async start() {
      running = true;
      startedAtMs = performance.now();
      await tick();
      scheduleNext();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      abort.abort();
      await Promise.allSettled([...inFlight.values()]);
    },
    tickNow() {
      running = false;
      clearTimeout(timer);
      return abort.signal.aborted ? Promise.resolve() : tick();
    },
    signal: abort.signal,
  };
}
