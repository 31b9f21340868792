import { convergenceProgress, describeGpu, describeServer, type LivePercentiles, type LiveSnapshot } from '@aiperf/loadgen';
import { Box, Text } from 'ink';
import { createElement as h, type ReactElement } from 'react';
import { progressBar, sparkline } from './sparkline.js';

// The dashboard's layout (pure: props in, elements out). Built with createElement so the package needs no JSX step.

export interface DashboardProps {
  title: string;
  snapshot: LiveSnapshot;
  /** Newest last; the view shows the last few. */
  warnings: readonly string[];
  width: number;
  /** Terminal rows: GPU and server lines beyond what fits are summed up as "+N more". */
  rows: number;
}

/** Lines the rest of the view takes (border, progress, percentiles, warnings): telemetry gets what is left. */
const FIXED_ROWS = 19;

const seconds = (s: number | null) => (s === null ? '--' : s >= 60 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : `${s.toFixed(1)}s`);
const cell = (text: string, width = 10) => h(Text, null, text.padStart(width));
const num = (p: LivePercentiles | null, key: keyof LivePercentiles) => (p === null ? '--' : p[key].toFixed(2));

function percentileRow(label: string, p: LivePercentiles | null): ReactElement {
  return h(Box, { key: label }, h(Text, { bold: true }, label.padEnd(12)), cell(num(p, 'p50')), cell(num(p, 'p90')), cell(num(p, 'p99')));
}

/** Server lines first (they explain the queueing), then GPUs; what does not fit is counted, never cut mid-line. */
function telemetryLines(s: LiveSnapshot, room: number): string[] {
  const lines = [...s.servers.map((server) => `Server ${describeServer(server)}`), ...s.gpus.map(describeGpu)];
  if (lines.length <= room) return lines;
  const shown = Math.max(0, room - 1);
  return [...lines.slice(0, shown), `+${lines.length - shown} more (GPU/server lines do not fit this terminal)`];
}

export function DashboardView({ title, snapshot: s, warnings, width, rows }: DashboardProps): ReactElement {
  const convergence = s.convergence ? [h(Text, { key: 'convergence', color: s.convergence.converged ? 'green' : 'yellow' }, `Convergence ${convergenceProgress(s.convergence)}`)] : [];
  const telemetry = telemetryLines(s, Math.max(1, rows - FIXED_ROWS - convergence.length));
  const barWidth = Math.max(10, Math.min(40, width - 50));
  const fraction = s.durationSeconds !== null ? s.elapsedSeconds / s.durationSeconds : s.totalRequests ? s.completed / s.totalRequests : 0;
  const done = s.totalRequests !== null ? `${s.completed}/${s.totalRequests}` : String(s.completed);
  return h(
    Box,
    { flexDirection: 'column', borderStyle: 'round', borderColor: 'green', paddingX: 1, width },
    h(Text, { bold: true, color: 'green' }, title),
    h(Text, null, `Phase ${s.phase.padEnd(9)} ${progressBar(fraction, barWidth)} ${done} requests`),
    h(Text, null, `Elapsed ${seconds(s.elapsedSeconds)}  ETA ${seconds(s.convergence?.eta.seconds ?? s.etaSeconds)}`),
    ...convergence,
    h(Text, null, `Completed ${s.completed}  Errors `, h(Text, { color: s.errors > 0 ? 'red' : undefined }, String(s.errors)), `  In flight ${s.inFlight}`),
    h(Text, null, `Throughput ${s.requestsPerSecond.toFixed(2)} req/s  ${s.outputTokensPerSecond.toFixed(1)} tok/s  `, h(Text, { color: 'cyan' }, sparkline(s.tokensPerSecondHistory, Math.max(8, width - 60)))),
    h(Box, { marginTop: 1 }, h(Text, { bold: true }, 'Last 10 s (ms)'.padEnd(12)), cell('p50'), cell('p90'), cell('p99')),
    percentileRow('TTFT', s.ttftMs),
    percentileRow('ITL', s.itlMs),
    percentileRow('Latency', s.latencyMs),
    ...(telemetry.length === 0 ? [] : [h(Box, { key: 'telemetry', marginTop: 1, flexDirection: 'column' },
      ...telemetry.map((line, i) => h(Text, { key: i, color: 'magenta', wrap: 'truncate-end' }, line)))]),
    h(Box, { marginTop: 1, flexDirection: 'column' },
      h(Text, { bold: true }, warnings.length === 0 ? 'Warnings: none' : 'Warnings:'),
      ...warnings.slice(-3).map((w, i) => h(Text, { key: i, color: 'yellow', wrap: 'truncate-end' }, w))),
  );
}
