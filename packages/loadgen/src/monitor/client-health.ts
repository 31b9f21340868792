import type { ThreadLoad } from './loop-monitor.js';

/** The client's own load during the profiling phase, as recorded in the summary (`client_health`). */
export interface ClientHealth {
  /** Worst p99 event-loop delay over the client's threads, ms. */
  eventLoopDelayP99Ms: number;
  /** Busiest thread's busy share (0–1). */
  busiestThreadFraction: number;
  /** CPU time of the client process over the phase's wall time, % (100 = one core fully used). */
  cpuPercent: number;
  cores: number;
  threads: ThreadLoad[];
  /** Why the client, not the server, limited the run; empty when it kept up. */
  bottlenecks: string[];
}

/** A loop busier than this had no idle moment to take timestamps on time. */
export const BUSY_LIMIT = 0.9;
/** A p99 loop delay above this shows in every latency the client measures (TTFT p99 targets are often ~10 ms). */
export const DELAY_LIMIT_MS = 10;

export function assessClientHealth(threads: ThreadLoad[], cpuMicros: number, wallMs: number, cores: number): ClientHealth {
  const cpuPercent = wallMs > 0 ? cpuMicros / 10 / wallMs : 0;
  const bottlenecks: string[] = [];
  for (const t of threads) {
    if (t.busyFraction >= BUSY_LIMIT) bottlenecks.push(`thread ${t.thread} was busy ${pct(t.busyFraction * 100)} of the time`);
    else if (t.eventLoopDelayP99Ms > DELAY_LIMIT_MS) bottlenecks.push(`thread ${t.thread} had a p99 event-loop delay of ${t.eventLoopDelayP99Ms.toFixed(1)} ms`);
  }
  if (cpuPercent >= BUSY_LIMIT * 100 * cores) bottlenecks.push(`the client used ${pct(cpuPercent)} CPU of ${cores} cores`);
  return {
    eventLoopDelayP99Ms: Math.max(0, ...threads.map((t) => t.eventLoopDelayP99Ms)),
    busiestThreadFraction: Math.max(0, ...threads.map((t) => t.busyFraction)),
    cpuPercent,
    cores,
    threads,
    bottlenecks,
  };
}

const pct = (percent: number) => `${Math.round(percent)}%`;

/** The `client_health` block of profile_export_aiperf.json (snake_case, ms and percent as in the console). */
export function clientHealthJson(health: ClientHealth): Record<string, unknown> {
  return {
    event_loop_delay_p99_ms: health.eventLoopDelayP99Ms,
    busiest_thread_percent: health.busiestThreadFraction * 100,
    cpu_percent: health.cpuPercent,
    cores: health.cores,
    client_bound: health.bottlenecks.length > 0,
    threads: health.threads.map((t) => ({
      thread: t.thread,
      event_loop_delay_p99_ms: t.eventLoopDelayP99Ms,
      event_loop_delay_max_ms: t.eventLoopDelayMaxMs,
      busy_percent: t.busyFraction * 100,
    })),
  };
}

/** Console lines: the client's load, and a warning when the client was the bottleneck. */
export function clientHealthLines(health: ClientHealth): string[] {
  const lines = [
    `Client: event-loop delay p99 ${health.eventLoopDelayP99Ms.toFixed(2)} ms, busiest thread ${pct(health.busiestThreadFraction * 100)}, ` +
      `CPU ${pct(health.cpuPercent)} (${health.cores} cores, ${health.threads.length} threads)`,
  ];
  if (health.bottlenecks.length > 0) {
    lines.push(
      `Warning: the client, not the server, was the bottleneck (${health.bottlenecks.join('; ')}): latencies include ` +
        'client delay and the load may be below what was asked; use more --workers, fewer streams, or a bigger client machine',
    );
  }
  return lines;
}
