import type { SlaConfig } from '@aiperf/config';

/** One service level a probe must meet: `<metric_tag>.<stat> op threshold` on the run's summary. */
export interface SlaFilter {
  metricTag: string;
  stat: string;
  op: 'lt' | 'ge';
  threshold: number;
  /** The flag that set it, for messages. */
  flag: string;
}

export interface SlaBreach {
  metric_tag: string;
  stat: string;
  op: string;
  threshold: number;
  observed: number | null;
}

type Summary = Record<string, unknown>;

/** The SLA flags as filters (AIPerf's stats: TTFT/ITL p95, request latency p99, error rate as a fraction). */
export function slaFilters(sla: SlaConfig): SlaFilter[] {
  const filters: SlaFilter[] = [];
  if (sla.ttftMs !== null) filters.push({ metricTag: 'time_to_first_token', stat: 'p95', op: 'lt', threshold: sla.ttftMs, flag: '--ttft-sla-ms' });
  if (sla.itlMs !== null) filters.push({ metricTag: 'inter_token_latency', stat: 'p95', op: 'lt', threshold: sla.itlMs, flag: '--itl-sla-ms' });
  if (sla.e2eMs !== null) filters.push({ metricTag: 'request_latency', stat: 'p99', op: 'lt', threshold: sla.e2eMs, flag: '--e2e-sla-ms' });
  if (sla.errorRate !== null) filters.push({ metricTag: 'error_rate', stat: 'avg', op: 'lt', threshold: sla.errorRate, flag: '--error-rate-sla' });
  return filters;
}

/** A stat of a summary metric block, or the derived error rate / good-request fraction; null when absent. */
export function summaryValue(summary: Summary, tag: string, stat: string): number | null {
  const avg = (key: string) => {
    const block = summary[key] as Record<string, unknown> | undefined;
    return typeof block?.avg === 'number' ? block.avg : null;
  };
  if (tag === 'error_rate') {
    const ok = avg('request_count') ?? 0;
    const failed = avg('error_request_count') ?? 0;
    return ok + failed > 0 ? failed / (ok + failed) : null;
  }
  if (tag === 'good_request_fraction') {
    const goodput = avg('goodput');
    const throughput = avg('request_throughput');
    return goodput !== null && throughput ? goodput / throughput : null;
  }
  const block = summary[tag] as Record<string, unknown> | undefined;
  const value = block?.[stat];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The filters a summary breaks (a missing metric breaks its filter: nothing shows the level was met). */
export function slaBreaches(summary: Summary, filters: readonly SlaFilter[]): SlaBreach[] {
  const breaches: SlaBreach[] = [];
  for (const f of filters) {
    const observed = summaryValue(summary, f.metricTag, f.stat);
    const ok = observed !== null && (f.op === 'lt' ? observed < f.threshold : observed >= f.threshold);
    if (!ok) breaches.push({ metric_tag: f.metricTag, stat: f.stat, op: f.op, threshold: f.threshold, observed });
  }
  return breaches;
}

export const describeBreach = (b: SlaBreach) =>
  `${b.metric_tag} ${b.stat} ${b.observed === null ? 'missing' : +b.observed.toFixed(3)} ${b.op === 'lt' ? '≥' : '<'} ${b.threshold}`;
