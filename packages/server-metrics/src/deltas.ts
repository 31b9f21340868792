// Counter and histogram increases between consecutive scrapes, with resets (a restarted server) handled:
// a value below the previous one means the counter started again from zero, so the increase over that
// interval is the new value itself (Prometheus' `increase()` rule) — never a negative delta, never lost. Pure.
import type { MetricsStore, StoredSeries } from './store.js';
import type { EndpointWindow } from './window.js';

export interface Increase {
  /** Offsets (ns after the store base) of the interval's two scrapes. */
  fromOffsetNs: number;
  toOffsetNs: number;
  value: number;
  /** Histograms: increase of the sum and of each cumulative bucket. */
  sum: number;
  buckets: number[] | undefined;
  reset: boolean;
}

export function increasesOf(store: MetricsStore, series: StoredSeries, window: EndpointWindow): Increase[] {
  const endpoint = store.endpoints.get(series.endpointUrl);
  if (!endpoint) return [];
  const offsetOf = (scrape: number) => endpoint.offsetsNs.at(scrape);
  const from = window.reference >= 0 ? window.reference : window.first;
  const increases: Increase[] = [];
  let previous: { scrape: number; value: number; sum: number; buckets: readonly number[] | undefined } | undefined;
  store.forEachSample(series, from, window.last, (sample) => {
    if (!previous) {
      // A series first seen after the reference scrape was created during the window: it started at zero.
      const createdInWindow = window.reference >= 0 && sample.scrape > window.reference;
      if (!createdInWindow) {
        previous = sample;
        return;
      }
      previous = { scrape: window.reference, value: 0, sum: 0, buckets: sample.buckets?.map(() => 0) };
    }
    const reset = sample.value < previous.value || sample.sum < previous.sum - 1e-9 * Math.abs(previous.sum) ||
      (sample.buckets?.some((count, i) => count < (previous?.buckets?.[i] ?? 0)) ?? false);
    increases.push({
      fromOffsetNs: offsetOf(previous.scrape),
      toOffsetNs: offsetOf(sample.scrape),
      value: reset ? sample.value : sample.value - previous.value,
      sum: reset ? sample.sum : sample.sum - previous.sum,
      buckets: sample.buckets?.map((count, i) => (reset ? count : count - (previous?.buckets?.[i] ?? 0))),
      reset,
    });
    previous = sample;
  });
  return increases;
}
