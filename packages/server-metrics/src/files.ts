// Export file names: AIPerf's `server_metrics_export.<ext>`, or `<prefix>_server_metrics.<ext>` with a prefix.

export const SERVER_METRICS_FORMATS = ['json', 'csv', 'jsonl', 'parquet'] as const;
export type ServerMetricsFormat = (typeof SERVER_METRICS_FORMATS)[number];
/** JSON and CSV by default, as AIPerf; JSONL (every raw scrape) and Parquet are opt-in because they grow with the run. */
export const DEFAULT_SERVER_METRICS_FORMATS: readonly ServerMetricsFormat[] = ['json', 'csv'];

export const SERVER_METRICS_EXPORT_JSON = 'server_metrics_export.json';

export function serverMetricsFileName(format: ServerMetricsFormat, prefix?: string | null): string {
  return prefix ? `${prefix}_server_metrics.${format}` : `server_metrics_export.${format}`;
}

export const FORMAT_LABELS: Record<ServerMetricsFormat, string> = {
  json: 'Server Metrics JSON Export',
  csv: 'Server Metrics CSV Export',
  jsonl: 'Server Metrics JSONL Export',
  parquet: 'Server Metrics Parquet Export',
};
