import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** How one event loop fared during a phase: its scheduling delay and how busy it was. */
export interface ThreadLoad {
  /** `main` for the thread that collects records, else the issuing worker's id. */
  thread: string;
  /** Delay of a timer beyond its due time, p99 and max (ms): how late a chunk's timestamp could be taken. */
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
  /** Share of the time the loop was running code rather than waiting for I/O (0–1). */
  busyFraction: number;
}

/** Timer period of the delay probe: a 2 ms timer costs nothing measurable and resolves delays that matter. */
const RESOLUTION_MS = 2;

/**
 * Watches the calling thread's event loop until `stop()`: delay from perf_hooks' histogram (each sample is the
 * probe's whole period, so the period is subtracted), busy share from the loop's utilization.
 */
export function startLoopMonitor(thread: string): { stop(): ThreadLoad } {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  delay.enable();
  const utilizationAtStart = performance.eventLoopUtilization();
  return {
    stop() {
      delay.disable();
      const { utilization } = performance.eventLoopUtilization(utilizationAtStart);
      const beyondProbeMs = (ns: number) => (delay.count === 0 ? 0 : Math.max(0, ns / 1e6 - RESOLUTION_MS));
      return {
        thread,
        eventLoopDelayP99Ms: beyondProbeMs(delay.percentile(99)),
        eventLoopDelayMaxMs: beyondProbeMs(delay.max),
        busyFraction: utilization,
      };
    },
  };
}
