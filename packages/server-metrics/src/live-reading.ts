// The newest scrape of one server reduced to what the live dashboard shows: queue depth and KV-cache use. Pure.
import type { LiveServerReading } from '@aiperf/loadgen';
import type { Exposition } from './exposition.js';
import { KEY_METRICS, type KeyMetric } from './key-metrics.js';

function byLabel(label: string): KeyMetric {
  const metric = KEY_METRICS.find((candidate) => candidate.label === label);
  if (!metric) throw new Error(`KEY_METRICS has no "${label}"`);
  return metric;
}
const RUNNING = byLabel('Running requests');
const WAITING = byLabel('Waiting requests');
const KV_CACHE = byLabel('KV-cache usage');

/** The first of the metric's names the server serves, as the values of its series (one per engine/model label set). */
function seriesValues(exposition: Exposition, metric: KeyMetric): number[] | null {
  for (const name of metric.names) {
    const family = exposition.families.get(name);
    if (family && family.scalars.length > 0) return family.scalars.map((point) => point.value * metric.scale);
  }
  return null;
}

/** Requests add up over a server's engines; KV-cache use is their mean (each engine has its own cache). */
export function liveServerReading(url: string, exposition: Exposition): LiveServerReading {
  const sum = (values: number[] | null) => (values === null ? null : values.reduce((a, b) => a + b, 0));
  const kv = seriesValues(exposition, KV_CACHE);
  return {
    url,
    runningRequests: sum(seriesValues(exposition, RUNNING)),
    waitingRequests: sum(seriesValues(exposition, WAITING)),
    kvCacheUsagePercent: kv === null ? null : kv.reduce((a, b) => a + b, 0) / kv.length,
  };
}
