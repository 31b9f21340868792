import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchmarkConfig } from '@aiperf/config';
import type { ExportFileNames } from '../artifacts.js';
import { isoLocalMicros } from '../clock.js';
import { computeMetrics } from '../metrics/compute.js';
import { LATE_SEND_THRESHOLD_NS } from '../metrics/run-metrics.js';
import type { MetricContext } from '../metrics/types.js';
import type { RequestRecord } from '../records.js';
import type { RunProfileOptions, SidecarResult } from '../types.js';
import { renderConsoleReport, sidecarFiles } from './console-report.js';
import { stringifyJson } from './json-text.js';
import { toAiperfInputConfig } from './input-config.js';
import { buildSummaryCsv } from './summary-csv.js';
import { buildSummaryJson, summarizeErrors } from './summary-json.js';
import { writeTimeslices } from './timeslices.js';

export interface RunExportInput {
  config: BenchmarkConfig;
  records: readonly RequestRecord[];
  context: MetricContext;
  goodput: Record<string, number>;
  sidecarResults: readonly SidecarResult[];
  options: RunProfileOptions;
  notes: readonly string[];
  artifactDir: string;
  files: ExportFileNames;
  cancelled: boolean;
  endpointTitle: string;
  benchmarkId: string;
  startTimeNs: bigint;
  endTimeNs: bigint;
  stdout: NodeJS.WritableStream;
}

/** Computes the metrics and writes the summary JSON/CSV, timeslices, the log and the console report. */
export async function writeRunExports(input: RunExportInput): Promise<{ summary: Record<string, unknown> }> {
  const gpuCount = input.sidecarResults.find((r) => r.gpuCount)?.gpuCount;
  const context: MetricContext = { ...input.context, ...(gpuCount ? { gpuCount } : {}) };
  const results = computeMetrics(input.records, { context, goodput: input.goodput });
  const errorSummary = summarizeErrors(input.records.flatMap((r) => (r.error ? [r.error] : [])));
  const summary: Record<string, unknown> = buildSummaryJson(results, {
    benchmarkId: input.benchmarkId,
    startTime: isoLocalMicros(input.startTimeNs),
    endTime: isoLocalMicros(input.endTimeNs),
    wasCancelled: input.cancelled,
    errorSummary,
    inputConfig: toAiperfInputConfig(input.config, input.options.cliCommand),
  });
  for (const result of input.sidecarResults) Object.assign(summary, result.summaryJson);
  Object.assign(summary, input.options.extraSummary);

  const path = (name: string) => join(input.artifactDir, name);
  await writeFile(path(input.files.summaryJson), stringifyJson(summary, 2));
  const csvSections = input.sidecarResults.flatMap((r) => (r.summaryCsv ? [r.summaryCsv] : []));
  await writeFile(path(input.files.summaryCsv), buildSummaryCsv(results, csvSections));
  const extraFiles = input.sidecarResults.flatMap(sidecarFiles);
  if (input.config.output.sliceDurationSeconds !== null) {
    extraFiles.push(...(await writeTimeslices(input, context, input.config.output.sliceDurationSeconds)));
  }

  const report = renderConsoleReport({
    results,
    title: input.endpointTitle,
    errors: errorSummary,
    sidecarTexts: input.sidecarResults.flatMap((r) => (r.consoleText ? [r.consoleText] : [])),
    ...(input.options.cliCommand ? { cliCommand: input.options.cliCommand } : {}),
    cancelled: input.cancelled,
    lateSends: input.context.scheduled ? lateSends(input.records) : null,
    notes: input.notes,
    paths: { csv: path(input.files.summaryCsv), json: path(input.files.summaryJson), log: path(input.files.logFile), extra: extraFiles },
  });
  input.stdout.write(report);
  await writeFile(path(input.files.logFile), report);
  return { summary };
}

function lateSends(records: readonly RequestRecord[]) {
  let late = 0;
  let maxNs = 0;
  for (const r of records) {
    if (r.sendLatenessNs > LATE_SEND_THRESHOLD_NS) late += 1;
    maxNs = Math.max(maxNs, r.sendLatenessNs);
  }
  return { late, total: records.length, maxLatenessMs: maxNs / 1e6 };
}
