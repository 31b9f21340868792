import type { LivePercentiles, LiveSnapshot } from '@aiperf/loadgen';
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
}

const seconds = (s: number | null) => (s === null ? '--' : s >= 60 ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s` : `${s.toFixed(1)}s`);
const cell = (text: string, width = 10) => h(Text, null, text.padStart(width));
const num = (p: LivePercentiles | null, key: keyof LivePercentiles) => (p === null ? '--' : p[key].toFixed(2));

function percentileRow(label: string, p: LivePercentiles | null): ReactElement {
  return h(Box, { key: label }, h(Text, { bold: true }, label.padEnd(12)), cell(num(p, 'p50')), cell(num(p, 'p90')), cell(num(p, 'p99')));
}

export function DashboardView({ title, snapshot: s, warnings, width }: DashboardProps): ReactElement {
  const barWidth = Math.max(10, Math.min(40, width - 50));
  const fraction = s.durationSeconds !== null ? s.elapsedSeconds / s.durationSeconds : s.totalRequests ? s.completed / s.totalRequests : 0;
  const done = s.totalRequests !== null ? `${s.completed}/${s.totalRequests}` : String(s.completed);
  return h(
    Box,
    { flexDirection: 'column', borderStyle: 'round', borderColor: 'green', paddingX: 1, width },
    h(Text, { bold: true, color: 'green' }, title),
    h(Text, null, `Phase ${s.phase.padEnd(9)} ${progressBar(fraction, barWidth)} ${done} requests`),
    h(Text, null, `Elapsed ${seconds(s.elapsedSeconds)}  ETA ${seconds(s.etaSeconds)}`),
    h(Text, null, `Completed ${s.completed}  Errors `, h(Text, { color: s.errors > 0 ? 'red' : undefined }, String(s.errors)), `  In flight ~${s.inFlightEstimate.toFixed(1)}`),
    h(Text, null, `Throughput ${s.requestsPerSecond.toFixed(2)} req/s  ${s.outputTokensPerSecond.toFixed(1)} tok/s  `, h(Text, { color: 'cyan' }, sparkline(s.tokensPerSecondHistory, Math.max(8, width - 60)))),
    h(Box, { marginTop: 1 }, h(Text, { bold: true }, 'Last 10 s (ms)'.padEnd(12)), cell('p50'), cell('p90'), cell('p99')),
    percentileRow('TTFT', s.ttftMs),
    percentileRow('ITL', s.itlMs),
    percentileRow('Latency', s.latencyMs),
    h(Box, { marginTop: 1, flexDirection: 'column' },
      h(Text, { bold: true }, warnings.length === 0 ? 'Warnings: none' : 'Warnings:'),
      ...warnings.slice(-3).map((w, i) => h(Text, { key: i, color: 'yellow', wrap: 'truncate-end' }, w))),
  );
}
