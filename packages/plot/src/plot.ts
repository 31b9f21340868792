import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { resolvePlotConfig } from './config/resolve.js';
import type { PlotOptions, PlotResult } from './index.js';
import { detectMode } from './load/discover.js';
import { loadRuns } from './load/load-runs.js';
import { type LogLevel, PlotLog } from './plot-log.js';
import { describeRun, describeSpec } from './plot-debug.js';
import { renderPng } from './render/png.js';
import { renderSvg } from './render/svg.js';
import { buildPlots } from './specs/build.js';

/** Output rule: `--output`, else `<first path>/plots`, else `./artifacts/plots`. */
export const resolveOutputDir = (paths: readonly string[], outputDir?: string): string => resolve(outputDir ?? join(paths[0] ?? './artifacts', 'plots'));

function summaryText(files: string[], outputDir: string): string {
  const names = files.map((file) => `  - ${basename(file)}`);
  return ['AIPerf Plot Export Summary', '='.repeat(50), '', `Generated ${files.length} plots:`, '', ...names, '', `Output directory: ${outputDir}`, ''].join(
    '\n',
  );
}

/** Loads runs, builds the enabled plot specs and writes one PNG each, plus `summary.txt` and `aiperf_plot.log`. */
export async function plot(options: PlotOptions): Promise<PlotResult> {
  const paths = options.paths.length > 0 ? options.paths : ['./artifacts'];
  const say = options.log ?? (() => {});
  const outputDir = resolveOutputDir(options.paths, options.outputDir);
  // Bad input paths fail before anything (the output directory included) is created.
  detectMode(paths);
  const log = new PlotLog(join(outputDir, 'aiperf_plot.log'), options.verbose);
  if (!log.available) say(`Warning: could not create ${outputDir}; logging to the console only`);
  const report = (level: LogLevel, message: string, toConsole = level === 'WARNING' || level === 'ERROR' || options.verbose === true) => {
    log.write(level, message);
    if (toConsole) say(level === 'INFO' ? message : `${level}: ${message}`);
  };
  /** A DEBUG line, built only when verbose (describing a plot walks its points). */
  const debug = (message: () => string) => {
    if (options.verbose) report('DEBUG', message());
  };

  const resolved = resolvePlotConfig(paths, options.configPath, undefined, options.createUserConfig);
  for (const warning of resolved.warnings) report('WARNING', warning);
  if (resolved.source === 'user-created') {
    say('');
    say(`Created plot configuration: ${resolved.path}`);
    say('  Edit this file to customize plots (changes take effect on next run)');
    say('');
  } else if (resolved.path) {
    say(`Using config: ${resolved.path}`);
  }
  log.write('INFO', `Plot config: ${resolved.path ?? 'shipped default'} (${resolved.source})`);
  debug(() => `Output directory: ${outputDir}; theme: ${options.theme ?? 'light'}; inputs: ${paths.join(', ')}`);

  const loadStartMs = performance.now();
  const { mode, runs, warnings } = await loadRuns(paths);
  for (const warning of warnings) report('WARNING', warning);
  debug(() => `Loaded ${runs.length} run(s) in ${(performance.now() - loadStartMs).toFixed(0)} ms`);
  for (const run of runs) debug(() => describeRun(run));
  const enabled = mode === 'single_run' ? resolved.config.visualization.single_run_defaults : resolved.config.visualization.multi_run_defaults;
  debug(() => `Enabled ${mode} plots: ${enabled.join(', ') || '(none)'}`);
  report('INFO', mode === 'single_run' ? 'Generating single-run plots (1 run)' : `Generating multi-run plots (${runs.length} runs)`);

  const built = buildPlots(runs, { config: resolved.config, theme: options.theme ?? 'light', mode, ...(options.plotTypes ? { plotTypes: options.plotTypes } : {}) });
  const skipped = built.skipped.map(({ name, reason }) => ({ name, reason }));
  // A run without timeslices or GPU telemetry is normal: those skips go to the log (and the console when verbose).
  for (const { name, reason, dataAbsent } of built.skipped) report('INFO', `Skipping ${name}: ${reason}`, !dataAbsent || options.verbose === true);
  for (const { name, error } of built.failed) {
    report('ERROR', `Failed to generate ${name}: ${error.message}`);
    skipped.push({ name, reason: error.message });
  }
  mkdirSync(outputDir, { recursive: true });
  const files: string[] = [];
  const svgFiles: string[] = [];
  const warnedTraceCounts = new Set<number>();
  for (const spec of built.specs) {
    const traces = spec.series.filter((series) => series.showInLegend).length;
    if (spec.mode === 'multi_run' && traces > 4 && !warnedTraceCounts.has(traces)) {
      warnedTraceCounts.add(traces);
      report('WARNING', `Plot contains ${traces} traces, which exceeds the recommended maximum of 4 for clarity.`);
    }
    try {
      const file = join(outputDir, `${spec.name}.png`);
      const renderStartMs = performance.now();
      writeFileSync(file, await renderPng(spec));
      debug(() => `${describeSpec(spec)}; rendered in ${(performance.now() - renderStartMs).toFixed(0)} ms`);
      if (options.svg) {
        const svgFile = join(outputDir, `${spec.name}.svg`);
        writeFileSync(svgFile, renderSvg(spec));
        svgFiles.push(svgFile);
      }
      for (const note of spec.notes) log.write('INFO', `${spec.name}: ${note}`);
      log.write('INFO', `Generated ${file}`);
      files.push(file);
    } catch (error) {
      report('ERROR', `Failed to generate ${spec.name}: ${(error as Error).message}`);
      skipped.push({ name: spec.name, reason: (error as Error).message });
    }
  }
  writeFileSync(join(outputDir, 'summary.txt'), summaryText(files, outputDir));
  say('');
  say(`Saved ${files.length} ${files.length === 1 ? 'plot' : 'plots'} to: ${outputDir}`);
  say(`Logs: ${log.path}`);
  return { mode, outputDir, logPath: log.path, files, ...(options.svg ? { svgFiles } : {}), skipped };
}
