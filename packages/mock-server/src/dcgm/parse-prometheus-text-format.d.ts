// Types for the untyped test dependency `parse-prometheus-text-format` (used only by tests).
declare module 'parse-prometheus-text-format' {
  interface ParsedMetricFamily {
    name: string;
    help: string;
    type: 'GAUGE' | 'COUNTER' | 'UNTYPED' | 'HISTOGRAM' | 'SUMMARY';
    metrics: Array<{ value: string; labels?: Record<string, string> }>;
  }
  export default function parsePrometheusTextFormat(text: string): ParsedMetricFamily[];
}
