import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AiperfConfig, BenchmarkConfig } from '@aiperf/config';
import type { CompletedRun, RunOutcome } from '@aiperf/hooks';
import {
  BracketBisectPlanner, buildSweepAggregate, describeBreach, gridVariations, multiRunBaseDir, type Recipe, type SearchSpec, type SlaBreach,
  type SummaryMetrics, slaBreaches, summaryValue,
} from '@aiperf/recipes';
import type { BenchmarkDeps } from './deps.js';
import { writeSweepAggregate } from './write-files.js';

/** One probe of a search, as `search_history.json` records it. */
interface Probe {
  iteration_idx: number;
  variation_values: Record<string, number>;
  artifact_dir: string;
  feasible: boolean;
  /** The probe met every SLA but throughput had stopped rising while latency climbed. */
  saturated: boolean;
  breaches: SlaBreach[];
  objective_value: number | null;
  latency_ms: number | null;
  /** Why it passed or failed, in words. */
  verdict: string;
  summary: SummaryMetrics | null;
}

function probeBenchmark(config: AiperfConfig, spec: SearchSpec, value: number, dir: string): BenchmarkConfig {
  const b = config.benchmark;
  const load = { ...b.load, concurrency: value, ...(b.load.requestCount !== null ? { requestCount: Math.max(b.load.requestCount, Math.ceil(spec.requestsPerConcurrency * value)) } : {}) };
  return {
    ...b,
    load,
    goodput: spec.goodput ?? b.goodput,
    input: { ...b.input, randomSeed: b.input.randomSeed ?? (config.multiRun.setConsistentSeed ? 42 : null) },
    output: { ...b.output, artifactDir: dir, artifactDirExplicit: true },
  };
}

function verdictText(p: Omit<Probe, 'verdict'>, spec: SearchSpec): string {
  const objective = p.objective_value === null ? 'n/a' : `${+p.objective_value.toFixed(3)} ${spec.objective.unit}`;
  if (p.summary === null) return 'FAIL (the run failed)';
  if (p.breaches.length > 0) return `FAIL (${p.breaches.map(describeBreach).join('; ')})`;
  if (p.saturated) return `FAIL (saturated: ${spec.objective.metricTag} ${objective} no longer rising while ${spec.latency.metricTag} ${spec.latency.stat} climbed to ${p.latency_ms?.toFixed(1)} ms)`;
  return `PASS (${spec.objective.metricTag} ${objective}; ${spec.latency.metricTag} ${spec.latency.stat} ${p.latency_ms?.toFixed(1)} ms)`;
}

/**
 * Runs a search recipe probe by probe: the planner picks each concurrency from the verdicts so far (bracket, then
 * bisect), every probe is a full run in `<base>/concurrency_<n>`, and `search_history.json` is rewritten after each
 * one (nothing lost on Ctrl+C). The probes also get the usual sweep aggregate, so the multi-run plots cover them.
 */
export async function executeSearch(recipe: Recipe, spec: SearchSpec, config: AiperfConfig, deps: BenchmarkDeps, equivalentGridRuns: number): Promise<CompletedRun> {
  const baseDir = multiRunBaseDir(config.benchmark, recipe.name);
  const planner = new BracketBisectPlanner(spec.min, spec.max, spec.step, spec.saturation);
  const probes: Probe[] = [];
  const historyPath = join(baseDir, 'search_history.json');
  await mkdir(baseDir, { recursive: true });
  const writeHistory = async () => {
    const feasible = probes.filter((p) => p.feasible);
    const pick = spec.answer === 'max_value'
      ? feasible.sort((a, b) => b.variation_values.concurrency! - a.variation_values.concurrency!)[0]
      : feasible.sort((a, b) => (b.objective_value ?? -Infinity) - (a.objective_value ?? -Infinity))[0];
    const failures = probes.filter((p) => !p.feasible).sort((a, b) => a.variation_values.concurrency! - b.variation_values.concurrency!);
    const feasibleMax = feasible.sort((a, b) => b.variation_values.concurrency! - a.variation_values.concurrency!)[0];
    const history = {
      recipe: recipe.name,
      config: {
        planner: 'bracket_bisect', search_space: [{ path: 'phases.profiling.concurrency', lo: spec.min, hi: spec.max, kind: 'int', step: spec.step }],
        objective: { metric: spec.objective.metricTag, stat: spec.objective.stat, direction: 'MAXIMIZE' },
        sla_filters: spec.filters.map((f) => ({ metric_tag: f.metricTag, stat: f.stat, op: f.op, threshold: f.threshold, flag: f.flag })),
        saturation: spec.saturation,
      },
      iterations: probes.map(({ summary: _summary, ...p }) => p),
      best_trials: pick ? [{ iteration_idx: pick.iteration_idx, variation_values: pick.variation_values, objective_values: [pick.objective_value], feasible: true }] : null,
      boundary_summary: {
        swept_dim_path: 'phases.profiling.concurrency',
        feasible_max: feasibleMax ? { value: feasibleMax.variation_values.concurrency, iteration_idx: feasibleMax.iteration_idx, objective_value: feasibleMax.objective_value } : null,
        infeasible_min: failures[0]
          ? { value: failures[0].variation_values.concurrency, iteration_idx: failures[0].iteration_idx, first_breach: failures[0].breaches[0] ?? null, saturated: failures[0].saturated }
          : null,
      },
      num_probes: probes.length,
      equivalent_grid_runs: equivalentGridRuns,
      convergence_reason: planner.reason,
    };
    await writeFile(historyPath, `${JSON.stringify(history, null, 2)}\n`);
    return pick;
  };
  for (let value = planner.next(); value !== null && !deps.io.signal?.aborted; value = planner.next()) {
    const [variation] = gridVariations({ concurrency: [value] });
    const dir = join(baseDir, variation!.dirName);
    deps.io.stdout.write(`\n[aiperf] probe ${probes.length + 1}: concurrency ${value} → ${dir}\n`);
    let summary: SummaryMetrics | null = null;
    try {
      const result = await deps.runProfile(probeBenchmark(config, spec, value, dir), deps.io, {
        ...deps.engine, artifactDir: dir, sidecars: deps.sidecars(config.benchmark), cliCommand: config.source.cliCommand,
      });
      if (result.exitCode === 0) summary = result.summary as SummaryMetrics;
    } catch (error) {
      deps.log(`WARNING probe at concurrency ${value} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (deps.io.signal?.aborted) break;
    const breaches = summary ? slaBreaches(summary, spec.filters) : [];
    const objective = summary ? summaryValue(summary, spec.objective.metricTag, spec.objective.stat) : null;
    const latencyMs = summary ? summaryValue(summary, spec.latency.metricTag, spec.latency.stat) : null;
    const { saturated } = planner.tell({ value, passed: summary !== null && breaches.length === 0, objective, latencyMs });
    const probe = { iteration_idx: probes.length, variation_values: { concurrency: value }, artifact_dir: dir, feasible: summary !== null && breaches.length === 0 && !saturated, saturated, breaches, objective_value: objective, latency_ms: latencyMs, summary };
    probes.push({ ...probe, verdict: verdictText(probe, spec) });
    deps.io.stdout.write(`[aiperf] probe ${probes.length}: concurrency ${value} ${probes.at(-1)!.verdict}\n`);
    await writeHistory();
  }
  const best = await writeHistory();
  deps.io.stdout.write(
    `\nSearch (${recipe.name}): ${best ? `best concurrency ${best.variation_values.concurrency} (${spec.objective.metricTag} ${best.objective_value?.toFixed(3)} ${spec.objective.unit})` : 'no probe met the SLAs'}` +
      ` after ${probes.length} probes (${planner.reason ?? 'interrupted'}; a grid at this precision: ${equivalentGridRuns} runs)\nSearch history: ${historyPath}\n`,
  );
  await writeProbeAggregate(probes, recipe, config, baseDir, deps);
  const runs: RunOutcome[] = probes.map((p) => ({ artifactDir: p.artifact_dir, exitCode: p.summary ? 0 : 1, successfulRequestCount: 0, label: `concurrency_${p.variation_values.concurrency}` }));
  const exitCode = deps.io.signal?.aborted || probes.every((p) => p.summary === null) ? 1 : 0;
  return { artifactDir: baseDir, exitCode, kind: 'multi', runs, config };
}

/** The sweep aggregate over the probes that ran (ascending concurrency), like a sweep's. */
async function writeProbeAggregate(probes: Probe[], recipe: Recipe, config: AiperfConfig, baseDir: string, deps: BenchmarkDeps): Promise<void> {
  const ran = probes.filter((p) => p.summary !== null).sort((a, b) => a.variation_values.concurrency! - b.variation_values.concurrency!);
  if (ran.length < 2) return;
  const variations = gridVariations({ concurrency: ran.map((p) => p.variation_values.concurrency!) });
  const sweep = { variations, mode: 'repeated' as const, cooldownSeconds: 0, sameSeed: false, recipeName: recipe.name, stimulus: recipe.name, postProcess: null };
  const aggregate = buildSweepAggregate({
    sweep, trials: 1, confidenceLevel: config.multiRun.confidenceLevel,
    cells: variations.map((v, i) => ({ variation: v, summaries: [ran[i]!.summary!] })),
    numProfileRuns: probes.length, failedRuns: probes.filter((p) => p.summary === null).map((p) => ({ label: `concurrency_${p.variation_values.concurrency}`, error: 'failed' })),
  });
  deps.io.stdout.write(`Sweep aggregate: ${await writeSweepAggregate(join(baseDir, 'sweep_aggregate'), aggregate)}\n`);
}
