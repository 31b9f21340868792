import type { BenchmarkConfig } from '@aiperf/config';
import type { ExportFileNames } from '../artifacts.js';
import type { ArtifactWriter } from './artifact-writer.js';
import { isoLocalMicros } from '../time.js';
import { computeStoreMetrics } from '../metrics/compute.js';
import type { MetricStore } from '../metrics/metric-store.js';
import { runFacts } from '../metrics/run-facts.js';
import { type ClientHealth, clientHealthJson, clientHealthLines } from '../monitor/client-health.js';
import type { MetricContext } from '../metrics/types.js';
import type { RunProfileOptions, SidecarResult } from '../types.js';
import { renderConsoleReport, sidecarFiles } from './console-report.js';
import { stringifyJson } from './json-text.js';
import { toAiperfInputConfig } from './input-config.js';
import { resultNotes } from './result-notes.js';
import { type UrlRequestCount, urlCountsNote } from './url-counts.js';
import { buildSummaryCsv } from './summary-csv.js';
import { buildSummaryJson, isFloatStat, summarizeErrors } from './summary-json.js';
import { metricsOf } from '../metrics/registry.js';
import { hasFlag } from '../metrics/types.js';
import { writeTimeslices } from './timeslices.js';

export interface RunExportInput {
  config: BenchmarkConfig;
  /** Requests per server when several `--url` were given, else null. */
  urlCounts?: UrlRequestCount[] | null;
  /** The profiling records' metric columns. */
  store: MetricStore;
  context: MetricContext;
  goodput: Record<string, number>;
  sidecarResults: readonly SidecarResult[];
  options: RunProfileOptions;
  notes: readonly string[];
  artifactDir: string;
  files: ExportFileNames;
  cancelled: boolean;
  /** The client's own load during profiling (summary `client_health`, console line and warning). */
  clientHealth: ClientHealth | null;
  endpointTitle: string;
  benchmarkId: string;
  startTimeNs: bigint;
  endTimeNs: bigint;
  stdout: NodeJS.WritableStream;
  /** The run's log lines (`--log-level`), written to logs/aiperf.log before the console report. */
  logLines?: readonly string[];
}

/**
 * Computes the metrics and writes the summary JSON/CSV, timeslices, the log and the console report. Each file is
 * written atomically through `writer`; a failed one (full disk) is left out and the rest still written.
 */
export async function writeRunExports(input: RunExportInput & { writer: ArtifactWriter }): Promise<{ summary: Record<string, unknown> }> {
  const gpuCount = input.sidecarResults.find((r) => r.gpuCount)?.gpuCount;
  const context: MetricContext = { ...input.context, ...(gpuCount ? { gpuCount } : {}) };
  const results = computeStoreMetrics(input.store, { context, goodput: input.goodput });
  const errorSummary = summarizeErrors(input.store.errorGroups());
  const summary: Record<string, unknown> = buildSummaryJson(results, {
    benchmarkId: input.benchmarkId,
    startTime: isoLocalMicros(input.startTimeNs),
    endTime: isoLocalMicros(input.endTimeNs),
    wasCancelled: input.cancelled,
    errorSummary,
    inputConfig: toAiperfInputConfig(input.config, input.options.cliCommand),
    knownTags: metricsOf(context).list().filter((m) => !hasFlag(m, 'experimental')).map((m) => m.tag),
  });
  if (input.clientHealth) summary.client_health = clientHealthJson(input.clientHealth);
  if (input.urlCounts) summary.url_request_counts = input.urlCounts;
  for (const result of input.sidecarResults) Object.assign(summary, result.summaryJson);
  Object.assign(summary, input.options.extraSummary);

  const { writer } = input;
  const path = (name: string) => writer.path(name);
  await writer.write(input.files.summaryJson, stringifyJson(summary, 2, isFloatStat));
  const csvSections = input.sidecarResults.flatMap((r) => (r.summaryCsv ? [r.summaryCsv] : []));
  await writer.write(input.files.summaryCsv, buildSummaryCsv(results, csvSections));
  const extraFiles = input.sidecarResults.flatMap(sidecarFiles);
  if (input.store.sliceNs !== null) extraFiles.push(...(await writeTimeslices(input, context)));

  const report = renderConsoleReport({
    results,
    title: input.endpointTitle,
    errors: errorSummary,
    sidecarTexts: input.sidecarResults.flatMap((r) => (r.consoleText ? [r.consoleText] : [])),
    ...(input.options.cliCommand ? { cliCommand: input.options.cliCommand } : {}),
    cancelled: input.cancelled,
    lateSends: input.context.scheduled ? lateSends(input.store) : null,
    notes: [...(input.clientHealth ? clientHealthLines(input.clientHealth) : []), ...input.notes, ...resultNotes(results), ...(input.urlCounts ? [urlCountsNote(input.urlCounts)] : [])],
    paths: { csv: path(input.files.summaryCsv), json: path(input.files.summaryJson), log: path(input.files.logFile), extra: extraFiles },
  });
  input.stdout.write(report);
  await writer.write(input.files.logFile, `${(input.logLines ?? []).map((line) => `${line}\n`).join('')}${report}`);
  return { summary };
}

function lateSends(store: MetricStore) {
  const facts = runFacts(store, {});
  return { late: facts.lateCount, total: store.length, maxLatenessMs: facts.maxLatenessNs / 1e6 };
}
