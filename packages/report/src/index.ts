// @aiperf/report: reads aiperf artifacts into comparable metric tables; run comparison with regression rules.
export type { LoadedRun, MetricTable, MetricValue, RunCell, RunKind } from './artifacts/types.js';
export { findResultFile, loadRun } from './artifacts/load-run.js';
export { confidenceMetrics, RUN_STATS, summaryMetrics } from './artifacts/metrics.js';
export { ReportInputError } from './errors.js';
export type { FailRule } from './compare/rules.js';
export { normalizeMetricName, parseFailRules, ruleTrips } from './compare/rules.js';
export type { CompareOptions, ComparedCell, ComparedMetric, Comparison, Significance } from './compare/compare.js';
export { cellLabel, compareRuns } from './compare/compare.js';
export { renderComparison } from './compare/render.js';
export { HEADLINE_METRICS, renderAggregateTable } from './console/aggregate-table.js';
export type { SweepTableCell } from './console/sweep-table.js';
export { renderSweepTable } from './console/sweep-table.js';
export type { ChartSeries, ChartSpec, ReportData, ReportErrorRow, ReportTable } from './html/types.js';
export { buildReportData } from './html/report-data.js';
export { renderReportPage } from './html/page.js';
export { HTML_REPORT_NAME, readBrowserBundle, writeHtmlReport } from './html/write-report.js';
