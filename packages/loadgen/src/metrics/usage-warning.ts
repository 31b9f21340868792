import { USAGE_DIFF_THRESHOLD_PCT } from './usage-metrics.js';

const avgOf = (block: unknown): number | undefined => {
  const avg = (block as { avg?: unknown } | null | undefined)?.avg;
  return typeof avg === 'number' ? avg : undefined;
};

/** One line when the server's usage and the client tokenizer disagree on some requests (from the summary), else null. */
export function usageDiscrepancyWarning(summary: Record<string, unknown>, useServerTokenCount: boolean): string | null {
  const off = avgOf(summary.usage_discrepancy_count) ?? 0;
  if (off === 0) return null;
  const total = avgOf(summary.request_count) ?? off;
  const source = useServerTokenCount
    ? "the metrics use the server's counts (--use-server-token-count)"
    : "the metrics use the client tokenizer (--use-server-token-count for the server's counts)";
  return (
    `server-reported usage differs from the client tokenizer by more than ${USAGE_DIFF_THRESHOLD_PCT}% in ${off} of ${total} requests ` +
    `(usage_discrepancy_count; per request: usage_*_diff_pct); ${source}`
  );
}
