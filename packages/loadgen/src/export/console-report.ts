import type { MetricResult } from '../metrics/compute.js';
import type { LabeledFile, SidecarResult } from '../types.js';
import { renderErrorTable, renderMetricsTable } from './console-table.js';
import type { ErrorSummaryEntry } from './summary-json.js';

export interface ConsoleReportInput {
  results: readonly MetricResult[];
  title: string;
  errors: readonly ErrorSummaryEntry[];
  sidecarTexts: readonly string[];
  cliCommand?: string;
  cancelled: boolean;
  lateSends: { late: number; total: number; maxLatenessMs: number } | null;
  notes: readonly string[];
  /** `extra`: timeslice and sidecar files, each printed as `<label>: <path>` after the JSON export. */
  paths: { csv: string; json: string; log: string; extra: readonly LabeledFile[] };
}

/** The console summary after a run: metrics table, error table, sidecar tables, footer lines. */
export function renderConsoleReport(input: ConsoleReportInput): string {
  const parts = [renderMetricsTable(input.results, input.title)];
  if (input.errors.length > 0) parts.push(renderErrorTable(input.errors));
  parts.push(...input.sidecarTexts.map((t) => t.trimEnd()));
  const footer: string[] = [];
  if (input.lateSends && input.lateSends.late > 0) {
    footer.push(
      `Warning: ${input.lateSends.late} of ${input.lateSends.total} requests were sent more than 1 ms after their scheduled ` +
        `time (max ${input.lateSends.maxLatenessMs.toFixed(2)} ms late): the client or the concurrency cap could not keep up`,
    );
  }
  footer.push(...input.notes);
  if (input.cliCommand) footer.push(`CLI Command: ${input.cliCommand}`);
  const duration = input.results.find((r) => r.tag === 'benchmark_duration');
  if (duration) footer.push(`Benchmark Duration: ${Number(duration.avg).toFixed(2)} sec${input.cancelled ? ' (cancelled early)' : ''}`);
  footer.push(`CSV Export: ${input.paths.csv}`, `JSON Export: ${input.paths.json}`);
  footer.push(...input.paths.extra.map((file) => `${file.label}: ${file.path}`));
  footer.push(`Log File: ${input.paths.log}`);
  parts.push(footer.join('\n'));
  return `${parts.join('\n')}\n`;
}

/** A sidecar's files with their footer labels; unlabelled ones (older sidecars) print as `Export: <path>`. */
export function sidecarFiles(result: SidecarResult): LabeledFile[] {
  const labeled = result.labeledFiles ?? [];
  const unlabeled = (result.files ?? []).filter((path) => !labeled.some((file) => file.path === path));
  return [...labeled, ...unlabeled.map((path) => ({ label: 'Export', path }))];
}
