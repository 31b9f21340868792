import { dirname } from 'node:path';
import { createAutoPlotHook, resolveAutoPlot } from '@aiperf/auto-plot';
import type { AiperfConfig, BenchmarkConfig } from '@aiperf/config';
import { type CompletedRun, createHookRegistry, defaultHookRegistry, type HookRegistry, runPostRunHooks } from '@aiperf/hooks';
import { type ProfileIo, type ProfileRunResult, type RunProfileOptions, type RunSidecar, runProfile } from '@aiperf/loadgen';
import type { BenchmarkDeps } from './deps.js';
import { executeMultiRun } from './execute-multi.js';
import { planMultiRun } from './plan/plan.js';
import { resolveSweep } from './plan/sweep-spec.js';
import { defaultRecipeRegistry, type RecipeRegistry } from './recipes/registry.js';
import { type Recipe, RecipeUsageError } from './recipes/types.js';
import { gpuTelemetrySidecars } from './telemetry.js';

export interface BenchmarkIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal?: AbortSignal;
}

export interface RunBenchmarkOptions {
  /** Hooks run after the built-in auto-plot hook (default: the process-wide `defaultHookRegistry`). */
  hooks?: HookRegistry;
  recipes?: RecipeRegistry;
  /** Replaces `runProfile` from `@aiperf/loadgen` (tests). */
  runProfile?: (config: BenchmarkConfig, io: ProfileIo, options: RunProfileOptions) => Promise<ProfileRunResult>;
  /** Replaces the GPU telemetry sidecar factory (tests). */
  sidecars?: (benchmark: BenchmarkConfig) => RunSidecar[];
}

/** Auto-plot (when it resolves on) first, then the plugin hooks. */
function buildHooks(config: AiperfConfig, recipe: Recipe | null, extra: HookRegistry, log: (line: string) => void, io: BenchmarkIo): HookRegistry {
  const hooks = createHookRegistry();
  const autoPlot = resolveAutoPlot({
    explicit: config.benchmark.artifacts.autoPlot,
    recipeDefault: recipe?.autoPlotDefault,
    hasPlotEnvelope: config.plot !== null,
  });
  if (!autoPlot && config.plot !== null) {
    // The envelope would have turned auto-plot on; say why nothing is plotted.
    io.stdout.write('auto-plot is off (explicitly disabled): the plot: section is not used for this run\n');
  }
  if (autoPlot) {
    hooks.register(createAutoPlotHook({
      plotRequired: config.benchmark.artifacts.plotRequired,
      envelope: config.plot,
      yamlDir: config.source.yamlPath ? dirname(config.source.yamlPath) : null,
      warn: log,
      info: (line) => io.stdout.write(`${line}\n`),
    }));
  }
  for (const hook of extra.list()) hooks.register(hook);
  return hooks;
}

async function executeSingleRun(config: AiperfConfig, deps: BenchmarkDeps): Promise<CompletedRun> {
  const result = await deps.runProfile(config.benchmark, deps.io, { sidecars: deps.sidecars(config.benchmark), cliCommand: config.source.cliCommand });
  return {
    artifactDir: result.artifactDir,
    exitCode: result.exitCode,
    kind: 'single',
    runs: [{ artifactDir: result.artifactDir, exitCode: result.exitCode, successfulRequestCount: result.successfulRequestCount }],
    config,
  };
}

/** Runs what the config asks for (one profile, a multi-run or a sweep), then the post-run hooks. Returns the exit code. */
export async function runBenchmark(config: AiperfConfig, io: BenchmarkIo, options: RunBenchmarkOptions = {}): Promise<number> {
  const log = (line: string) => void io.stderr.write(`${line}\n`);
  let resolved: ReturnType<typeof resolveSweep>;
  try {
    resolved = resolveSweep(config, options.recipes ?? defaultRecipeRegistry);
  } catch (error) {
    if (!(error instanceof RecipeUsageError)) throw error;
    log(`Error: ${error.message}`);
    return error.exitCode;
  }
  const deps: BenchmarkDeps = {
    io,
    runProfile: options.runProfile ?? runProfile,
    sidecars: options.sidecars ?? ((benchmark) => gpuTelemetrySidecars(benchmark, log)),
    log,
  };
  const hooks = buildHooks(config, resolved.recipe, options.hooks ?? defaultHookRegistry, log, io);
  const plan = planMultiRun(config, resolved.sweep);
  const completed = plan ? await executeMultiRun(plan, config, deps) : await executeSingleRun(config, deps);
  // Interrupted (Ctrl+C): what completed is on disk, but nobody asked to plot a partial benchmark.
  if (io.signal?.aborted) return completed.exitCode === 0 ? 1 : completed.exitCode;
  const { exitCode } = await runPostRunHooks(hooks, completed, { log });
  return exitCode;
}
