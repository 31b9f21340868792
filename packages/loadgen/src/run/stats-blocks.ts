import type { LivePercentiles } from './live-stats.js';
import { describeGpu, describeServer, type LiveSnapshot } from './live-snapshot.js';
import type { ProgressDisplay } from './progress.js';

const ms = (p: LivePercentiles | null) => (p === null ? 'n/a' : `p50 ${p.p50.toFixed(2)}  p90 ${p.p90.toFixed(2)}  p99 ${p.p99.toFixed(2)} ms`);

/** One realtime metrics block (pure): the last 10 s of finished requests. */
export function renderStatsBlock(s: LiveSnapshot): string {
  const done = s.totalRequests !== null ? `${s.completed}/${s.totalRequests}` : String(s.completed);
  return [
    `--- live metrics [${s.phase}] ${s.elapsedSeconds.toFixed(1)} s, ${done} requests, ${s.errors} errors (last 10 s) ---`,
    `  TTFT     ${ms(s.ttftMs)}`,
    `  ITL      ${ms(s.itlMs)}`,
    `  Latency  ${ms(s.latencyMs)}`,
    `  Throughput ${s.requestsPerSecond.toFixed(2)} req/s, ${s.outputTokensPerSecond.toFixed(1)} output tokens/s; ${s.inFlight} in flight`,
    ...s.servers.map((server) => `  Server   ${describeServer(server)}`),
    ...s.gpus.map((gpu) => `  ${describeGpu(gpu)}`),
  ].join('\n');
}

/** `--stats-interval N` (simple UI): a block every N seconds on `stream`, on its own lines after the progress line. */
export function startStatsBlocks(stream: NodeJS.WritableStream, intervalSeconds: number, read: () => LiveSnapshot): ProgressDisplay {
  const timer = setInterval(() => stream.write(`\r\x1b[2K${renderStatsBlock(read())}\n`), intervalSeconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
