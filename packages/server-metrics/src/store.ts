// Every scrape of every endpoint, kept exactly but compactly: a series stores a point only when its value
// changes (or it reappears after a gap), so the constant series that make up most of a real exposition cost
// almost nothing. Reading back expands the runs, so statistics see every scrape.
import { Float64Column, Uint32Column } from './columns.js';
import type { Exposition, FamilyType } from './exposition.js';

export interface EndpointScrapes {
  url: string;
  /** Scrape times as ns after the store's base time (exact below 2^53 ns, i.e. 104 days). */
  offsetsNs: Float64Column;
}

export interface StoredSeries {
  endpointUrl: string;
  family: string;
  type: FamilyType;
  labels: Record<string, string>;
  /** Scrape index (into the endpoint's scrapes) where each stored point starts. */
  starts: Uint32Column;
  /** Scalars: the value from that scrape on; NaN marks "absent from here". */
  values: Float64Column;
  /** Histograms: upper bounds (last +Inf); per point `sum`, `count` and one cumulative count per bound. */
  bounds?: number[];
  sums?: Float64Column;
  bucketCounts?: Float64Column;
  /** Last scrape index that had this series. */
  lastSeen: number;
}

export interface FamilyInfo {
  type: FamilyType;
  help: string;
}

/** One sample of a series at one scrape (histogram fields only for histograms). */
export interface SeriesSample {
  scrape: number;
  value: number;
  sum: number;
  buckets: readonly number[] | undefined;
}

export class MetricsStore {
  baseNs: bigint | undefined;
  readonly endpoints = new Map<string, EndpointScrapes>();
  readonly families = new Map<string, FamilyInfo>();
  readonly series = new Map<string, StoredSeries>();
  /** endpoint → series key → series: looked up once per sample without building a combined key string. */
  private readonly lookup = new Map<string, Map<string, StoredSeries>>();

  /** Adds one scrape of one endpoint. */
  add(endpointUrl: string, timestampNs: bigint, exposition: Exposition): void {
    this.baseNs ??= timestampNs;
    let endpoint = this.endpoints.get(endpointUrl);
    if (!endpoint) {
      endpoint = { url: endpointUrl, offsetsNs: new Float64Column() };
      this.endpoints.set(endpointUrl, endpoint);
    }
    const scrape = endpoint.offsetsNs.length;
    endpoint.offsetsNs.push(Number(timestampNs - this.baseNs));
    for (const family of exposition.families.values()) {
      if (!this.families.has(family.name)) this.families.set(family.name, { type: family.type, help: family.help });
      for (const point of family.scalars) {
        this.record(this.seriesFor(endpointUrl, family.name, family.type, point, undefined), scrape, point.value);
      }
      for (const point of family.histograms) {
        const series = this.seriesFor(endpointUrl, family.name, family.type, point, point.bounds);
        this.record(series, scrape, point.count, point.sum, point.counts);
      }
    }
  }

  private seriesFor(endpointUrl: string, family: string, type: FamilyType, point: { labels: Record<string, string>; key: string }, bounds: number[] | undefined): StoredSeries {
    let byKey = this.lookup.get(endpointUrl);
    if (!byKey) {
      byKey = new Map();
      this.lookup.set(endpointUrl, byKey);
    }
    let series = byKey.get(point.key);
    // Bucket layouts rarely change; when they do, the new layout is a new series.
    if (series?.bounds && bounds && series.bounds.join(',') !== bounds.join(',')) series = undefined;
    if (!series) {
      const key = `${endpointUrl} ${point.key}${bounds ? ` ${bounds.join(',')}` : ''}`;
      series = { endpointUrl, family, type, labels: point.labels, starts: new Uint32Column(), values: new Float64Column(), lastSeen: -1 };
      if (bounds) Object.assign(series, { bounds, sums: new Float64Column(), bucketCounts: new Float64Column() });
      this.series.set(key, series);
      byKey.set(point.key, series);
    }
    return series;
  }

  /** Stores a point when the value (histograms: count or sum) changed or the series was missing from the previous scrape. */
  private record(series: StoredSeries, scrape: number, value: number, sum = 0, counts: readonly number[] = []): void {
    const gap = series.lastSeen >= 0 && series.lastSeen !== scrape - 1;
    if (gap) this.push(series, series.lastSeen + 1, Number.NaN, Number.NaN, series.bounds?.map(() => Number.NaN) ?? []);
    const n = series.values.length;
    const same = !gap && n > 0 && series.values.at(n - 1) === value && (!series.sums || series.sums.at(n - 1) === sum);
    if (!same) this.push(series, scrape, value, sum, counts);
    series.lastSeen = scrape;
  }

  private push(series: StoredSeries, scrape: number, value: number, sum: number, counts: readonly number[]): void {
    series.starts.push(scrape);
    series.values.push(value);
    if (!series.sums || !series.bucketCounts) return;
    series.sums.push(sum);
    for (const count of counts) series.bucketCounts.push(count);
  }

  /** Calls `visit` for every scrape in [from, to] that had the series, in order. */
  forEachSample(series: StoredSeries, from: number, to: number, visit: (sample: SeriesSample) => void): void {
    const width = series.bounds?.length ?? 0;
    const points = series.starts.length;
    for (let point = 0; point < points; point++) {
      const value = series.values.at(point);
      if (Number.isNaN(value)) continue;
      const start = series.starts.at(point);
      const end = point + 1 < points ? series.starts.at(point + 1) - 1 : series.lastSeen;
      if (end < from || start > to) continue;
      const sum = series.sums ? series.sums.at(point) : 0;
      const buckets = width > 0 ? bucketsAt(series, point, width) : undefined;
      for (let scrape = Math.max(start, from); scrape <= Math.min(end, to); scrape++) visit({ scrape, value, sum, buckets });
    }
  }

  /** Epoch ns of an endpoint's scrape. */
  timeOf(endpointUrl: string, scrape: number): bigint {
    const endpoint = this.endpoints.get(endpointUrl);
    if (!endpoint || this.baseNs === undefined) throw new Error(`no scrape ${scrape} of ${endpointUrl}`);
    return this.baseNs + BigInt(endpoint.offsetsNs.at(scrape));
  }

  /** Bytes held by the columns (capacity), for the memory benchmark. */
  byteLength(): number {
    let bytes = 0;
    for (const endpoint of this.endpoints.values()) bytes += endpoint.offsetsNs.byteLength;
    for (const series of this.series.values()) {
      bytes += series.starts.byteLength + series.values.byteLength + (series.sums?.byteLength ?? 0) + (series.bucketCounts?.byteLength ?? 0);
    }
    return bytes;
  }
}

function bucketsAt(series: StoredSeries, point: number, width: number): number[] {
  const buckets = new Array<number>(width);
  for (let i = 0; i < width; i++) buckets[i] = series.bucketCounts?.at(point * width + i) as number;
  return buckets;
}
