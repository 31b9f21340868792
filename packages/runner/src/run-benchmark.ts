import type { AiperfConfig, BenchmarkConfig } from '@aiperf/config';
import { writeHtmlReport } from '@aiperf/report';
import { type CompletedRun, createHookRegistry, type HookRegistry, runPostRunHooks } from '@aiperf/hooks';
import { type EngineRegistries, IssuerThreadPool, type ProfileIo, type ProfileRunResult, type RunProfileOptions, type RunSidecar, runProfile } from '@aiperf/loadgen';
import { builtinRecipes, createRecipeRegistry, normalizeRecipeParams, planMultiRun, type Recipe, type RecipeRegistry, RecipeUsageError, resolveSweep } from '@aiperf/recipes';
import type { BenchmarkDeps } from './deps.js';
import { executeMultiRun } from './execute-multi.js';
import { executeSearch } from './execute-search.js';
import { gpuTelemetrySidecars, serverMetricsSidecars } from './telemetry.js';

export interface BenchmarkIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal?: AbortSignal;
  /** Set by `withDashboard`; see `ProfileIo.liveView`. */
  liveView?: ProfileIo['liveView'];
}

/**
 * `--ui dashboard` on a terminal: the full-screen view (loaded only then; ink is large), with stderr lines shown as
 * its warnings and printed after it closes. Elsewhere the run falls back to the simple progress line.
 */
async function withDashboard(config: AiperfConfig, io: BenchmarkIo): Promise<BenchmarkIo> {
  const stdout = io.stdout as NodeJS.WriteStream;
  if (config.benchmark.ui !== 'dashboard' || !stdout.isTTY || io.liveView) return io;
  const { createDashboard } = await import('@aiperf/tui');
  const title = `aiperf profile · ${config.benchmark.endpoint.models.join(', ')} · ${config.benchmark.endpoint.url}`;
  const dashboard = createDashboard({ stdout, stderr: io.stderr, title });
  return { ...io, stderr: dashboard.stderr, liveView: (source) => dashboard.liveView(source) };
}

export interface RunBenchmarkOptions {
  /** The post-run hooks, in their order (the CLI registers auto-plot here); default: none. */
  hooks?: HookRegistry;
  /** Where `--recipe NAME` is looked up; default: the built-in recipes. */
  recipes?: RecipeRegistry;
  /** Endpoint types, timing strategies and metrics of every run; each defaults to the built-ins. */
  engine?: Partial<EngineRegistries>;
  /** URLs of the plugin modules the registries came from (worker threads import them). */
  pluginModules?: readonly string[];
  /** Replaces `runProfile` from `@aiperf/loadgen` (tests). */
  runProfile?: (config: BenchmarkConfig, io: ProfileIo, options: RunProfileOptions) => Promise<ProfileRunResult>;
  /** Replaces the GPU telemetry sidecar factory (tests). */
  sidecars?: (benchmark: BenchmarkConfig) => RunSidecar[];
}

async function executeSingleRun(config: AiperfConfig, deps: BenchmarkDeps): Promise<CompletedRun> {
  const result = await deps.runProfile(config.benchmark, deps.io, { ...deps.engine, sidecars: deps.sidecars(config.benchmark), cliCommand: config.source.cliCommand });
  return {
    artifactDir: result.artifactDir,
    exitCode: result.exitCode,
    kind: 'single',
    runs: [{ artifactDir: result.artifactDir, exitCode: result.exitCode, successfulRequestCount: result.successfulRequestCount }],
    config,
  };
}

/** `--report html`: the report of what was just written; a failure is a warning, the results are on disk. */
async function writeReport(dir: string, io: BenchmarkIo, log: (line: string) => void): Promise<void> {
  try {
    io.stdout.write(`HTML Report: ${await writeHtmlReport(dir)}\n`);
  } catch (error) {
    log(`WARNING the HTML report could not be written: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs what the config asks for (one profile, a multi-run or a sweep), then the post-run hooks. Returns the exit code. */
export async function runBenchmark(config: AiperfConfig, givenIo: BenchmarkIo, options: RunBenchmarkOptions = {}): Promise<number> {
  const io = await withDashboard(config, givenIo);
  const log = (line: string) => void io.stderr.write(`${line}\n`);
  let resolved: ReturnType<typeof resolveSweep>;
  try {
    resolved = resolveSweep(config, options.recipes ?? createRecipeRegistry(builtinRecipes));
  } catch (error) {
    if (!(error instanceof RecipeUsageError)) throw error;
    log(`Error: ${error.message}`);
    return error.exitCode;
  }
  // Every run of this benchmark (a multi-run, a sweep, a search's probes) issues from the same warm threads.
  const issuerThreads = new IssuerThreadPool();
  const deps: BenchmarkDeps = {
    io,
    runProfile: options.runProfile ?? runProfile,
    sidecars: options.sidecars ?? ((benchmark) => [...gpuTelemetrySidecars(benchmark, log), ...serverMetricsSidecars(benchmark, log)]),
    log,
    engine: {
      ...(options.engine ? { registries: options.engine } : {}),
      ...(options.pluginModules ? { pluginModules: options.pluginModules } : {}),
      issuerThreads,
    },
  };
  const plan = planMultiRun(config, resolved.sweep);
  let completed: CompletedRun;
  try {
    completed = resolved.search && resolved.recipe
      ? await executeSearch(resolved.recipe, resolved.search, config, deps, equivalentGridRuns(resolved.recipe, config))
      : plan ? await executeMultiRun(plan, config, deps) : await executeSingleRun(config, deps);
  } finally {
    await issuerThreads.close();
  }
  // Interrupted (Ctrl+C): what completed is on disk, but nobody asked to plot a partial benchmark.
  if (io.signal?.aborted) return completed.exitCode === 0 ? 1 : completed.exitCode;
  if (config.benchmark.reporting.formats.includes('html')) await writeReport(completed.artifactDir, io, log);
  const { exitCode } = await runPostRunHooks(options.hooks ?? createHookRegistry(), completed, { log });
  return exitCode;
}

/** How many runs the grid a search recipe replaces would take (its `expand`), for the report. */
function equivalentGridRuns(recipe: Recipe, config: AiperfConfig): number {
  const output = recipe.expand({ benchmark: config.benchmark, params: normalizeRecipeParams(config.recipe?.params ?? {}), sla: config.sla });
  return output.sweepParameters ? Object.values(output.sweepParameters).reduce((n, values) => n * values.length, 1) : (output.scenarios?.length ?? 0);
}
