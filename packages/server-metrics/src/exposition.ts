// Prometheus exposition text → metric families (gauge, counter, histogram, unknown), each series kept exactly
// with its labels; histogram `_bucket`/`_sum`/`_count` lines joined into one point. Pure.
//
// Bad input is counted, never fatal: malformed lines, NaN/±Inf samples, duplicate series (the first wins),
// families of a type we cannot summarise (summary, info, stateset, or a type name nobody defined).
import { parsePrometheusText, type PromParseIssue, type PromSample } from '@aiperf/telemetry-dcgm';

export type FamilyType = 'gauge' | 'counter' | 'histogram' | 'unknown';

export interface ScalarPoint {
  labels: Record<string, string>;
  value: number;
  /** Identity of the series (its `name{labels}` text as served: servers write a series the same way every time). */
  key: string;
}

export interface HistogramPoint {
  labels: Record<string, string>;
  /** Identity of the series: family name and its labels other than `le`. */
  key: string;
  /** Cumulative counts by upper bound, ascending; the last bound is +Infinity. */
  bounds: number[];
  counts: number[];
  sum: number;
  count: number;
}

export interface MetricFamily {
  name: string;
  type: FamilyType;
  help: string;
  scalars: ScalarPoint[];
  histograms: HistogramPoint[];
}

export interface ExpositionIssues {
  malformedLines: number;
  nonFiniteSamples: number;
  duplicateSeries: number;
  /** Family names skipped because their type has no summary here (summary, info, stateset, …). */
  unsupportedFamilies: string[];
  /** Families whose `# TYPE` names a type the format does not define; summarised like gauges. */
  unknownTypeFamilies: string[];
  firstMalformed?: PromParseIssue;
}

export interface Exposition {
  families: Map<string, MetricFamily>;
  issues: ExpositionIssues;
}

const KNOWN_TYPES = new Set(['gauge', 'counter', 'histogram', 'untyped', 'summary', 'info', 'stateset', 'gaugehistogram']);
const SUMMARISED: Record<string, FamilyType> = { gauge: 'gauge', counter: 'counter', histogram: 'histogram', untyped: 'unknown' };

export function parseExposition(body: string): Exposition {
  const parsed = parsePrometheusText(body);
  const issues: ExpositionIssues = {
    malformedLines: parsed.issues.length,
    nonFiniteSamples: 0,
    duplicateSeries: 0,
    unsupportedFamilies: [],
    unknownTypeFamilies: [],
    ...(parsed.issues[0] ? { firstMalformed: parsed.issues[0] } : {}),
  };
  const families = new Map<string, MetricFamily>();
  const histograms = new Map<string, Map<string, HistogramBuilder>>();
  const seen = new Set<string>();
  const unsupported = new Set<string>();
  // Sample names repeat (every bucket line of a histogram, every label set): resolve each name once.
  const resolved = new Map<string, Resolved>();
  for (const sample of parsed.samples) {
    let found = resolved.get(sample.name);
    if (!found) {
      found = resolveName(sample.name, parsed.types, issues, unsupported);
      resolved.set(sample.name, found);
    }
    if (found.skip) continue;
    const { type, name, part, family } = found;
    let entry = families.get(name);
    if (!entry) {
      entry = { name, type, help: parsed.help.get(family) ?? '', scalars: [], histograms: [] };
      families.set(name, entry);
    }
    if (type === 'histogram') {
      if (!addHistogramSample(histograms, name, part, sample, issues)) noteMalformed(issues, body, sample.series, 'histogram bucket without a numeric le label');
      continue;
    }
    if (!Number.isFinite(sample.value)) {
      issues.nonFiniteSamples += 1;
      continue;
    }
    if (seen.has(sample.series)) {
      issues.duplicateSeries += 1;
      continue;
    }
    seen.add(sample.series);
    entry.scalars.push({ labels: sample.labels, value: sample.value, key: sample.series });
  }
  for (const [name, builders] of histograms) {
    const family = families.get(name) as MetricFamily;
    for (const builder of new Set(builders.values())) {
      const point = finishHistogram(builder, issues);
      if (point) family.histograms.push(point);
    }
  }
  for (const [name, family] of families) if (family.scalars.length === 0 && family.histograms.length === 0) families.delete(name);
  issues.unsupportedFamilies = [...unsupported];
  return { families, issues };
}

type HistogramPart = 'bucket' | 'sum' | 'count' | 'created' | 'value';

type Resolved = { skip: true } | { skip: false; family: string; name: string; type: FamilyType; part: HistogramPart };

/** What a sample name means: its family, exported name (counters without `_total`), type and part, or skip it. */
function resolveName(sampleName: string, types: ReadonlyMap<string, string>, issues: ExpositionIssues, unsupported: Set<string>): Resolved {
  const { family, part } = familyOf(sampleName, types);
  const declared = types.get(family);
  const type = declared === undefined ? 'unknown' : (SUMMARISED[declared] ?? (KNOWN_TYPES.has(declared) ? undefined : 'unknown'));
  if (declared !== undefined && !KNOWN_TYPES.has(declared) && !issues.unknownTypeFamilies.includes(family)) issues.unknownTypeFamilies.push(family);
  if (type === undefined) {
    unsupported.add(family);
    return { skip: true };
  }
  if (part === 'created' || isCreatedFamily(family, types)) return { skip: true }; // a series' creation time, not a value
  return { skip: false, family, type, part, name: type === 'counter' ? family.replace(/_total$/, '') : family };
}

/** The family a sample belongs to: a histogram's `_bucket/_sum/_count` and a counter's `_total/_created` suffixes are parts. */
function familyOf(sampleName: string, types: ReadonlyMap<string, string>): { family: string; part: HistogramPart } {
  if (types.has(sampleName)) return { family: sampleName, part: 'value' };
  const suffix = /_(bucket|sum|count|total|created)$/.exec(sampleName);
  if (suffix) {
    const base = sampleName.slice(0, -suffix[0].length);
    const type = types.get(base);
    if (type !== undefined) return { family: base, part: suffix[1] === 'total' ? 'value' : (suffix[1] as HistogramPart) };
  }
  return { family: sampleName, part: 'value' };
}

/** prometheus_client's 0.0.4 output writes `<name>_created` as its own gauge family next to counters and histograms. */
function isCreatedFamily(family: string, types: ReadonlyMap<string, string>): boolean {
  if (!family.endsWith('_created')) return false;
  const base = family.slice(0, -'_created'.length);
  const baseType = types.get(base) ?? types.get(`${base}_total`);
  return baseType === 'counter' || baseType === 'histogram' || baseType === 'summary';
}

/** Canonical text of a label set (sorted keys), the identity of a series within its family. */
export function labelKey(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.map((key) => `${key}=${JSON.stringify(labels[key])}`).join(',');
}

interface HistogramBuilder {
  labels: Record<string, string>;
  key: string;
  buckets: Map<number, number>;
  sum?: number;
  count?: number;
  duplicate: boolean;
}

/** Adds one bucket/sum/count sample; false when the line is malformed (a bucket whose `le` is not a number). */
function addHistogramSample(all: Map<string, Map<string, HistogramBuilder>>, family: string, part: HistogramPart, sample: PromSample, issues: ExpositionIssues): boolean {
  const le = sample.labels.le;
  let builders = all.get(family);
  if (!builders) {
    builders = new Map<string, HistogramBuilder>();
    all.set(family, builders);
  }
  // Bucket, sum and count lines of one series share their labels but `le`: the series text as served (minus
  // the name) finds the canonical key cheaply; the label object and key are built once per distinct text.
  const labelText = sample.series.slice(sample.name.length).replace(LE_LABEL, '');
  let builder = builders.get(labelText);
  if (!builder) {
    const { le: _le, ...labels } = sample.labels;
    const key = labelKey(labels);
    builder = builders.get(key);
    if (!builder) {
      builder = { labels, key: `${family}{${key}}`, buckets: new Map(), duplicate: false };
      builders.set(key, builder);
    }
    builders.set(labelText, builder);
  }
  if (!Number.isFinite(sample.value)) {
    issues.nonFiniteSamples += 1;
    return true;
  }
  if (part === 'bucket') {
    const bound = le === undefined ? Number.NaN : parseBound(le);
    if (Number.isNaN(bound)) return false;
    if (builder.buckets.has(bound)) builder.duplicate = true;
    else builder.buckets.set(bound, sample.value);
  } else if (part === 'sum' || part === 'count') {
    if (builder[part] !== undefined) builder.duplicate = true;
    else builder[part] = sample.value;
  }
  return true;
}

/**
 * Counts a line the text parser accepted but the histogram reader cannot use, and names it when it comes before the
 * first malformed line known so far. Samples carry no line number (the parser keeps none on the hot path), so the
 * line is found by its series text: this only runs for bad lines.
 */
function noteMalformed(issues: ExpositionIssues, body: string, series: string, reason: string): void {
  issues.malformedLines += 1;
  const lines = body.split('\n');
  const index = lines.findIndex((line) => line.trimStart().startsWith(series));
  const lineNumber = index + 1;
  if (lineNumber === 0 || (issues.firstMalformed && issues.firstMalformed.lineNumber <= lineNumber)) return;
  issues.firstMalformed = { lineNumber, line: lines[index] as string, reason };
}

const LE_LABEL = /le\s*=\s*"[^"]*"/;

function parseBound(text: string): number {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '+inf' || trimmed === 'inf') return Number.POSITIVE_INFINITY;
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function finishHistogram(builder: HistogramBuilder, issues: ExpositionIssues): HistogramPoint | undefined {
  if (builder.duplicate) issues.duplicateSeries += 1;
  const bounds = [...builder.buckets.keys()].sort((a, b) => a - b);
  if (bounds.length === 0 && builder.count === undefined) return undefined;
  const counts = bounds.map((bound) => builder.buckets.get(bound) as number);
  const infCount = bounds[bounds.length - 1] === Number.POSITIVE_INFINITY ? counts[counts.length - 1] : undefined;
  const count = builder.count ?? infCount ?? 0;
  if (infCount === undefined) {
    bounds.push(Number.POSITIVE_INFINITY);
    counts.push(count);
  }
  return { labels: builder.labels, key: builder.key, bounds, counts, sum: builder.sum ?? 0, count };
}
