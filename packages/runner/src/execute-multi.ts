import { setTimeout as sleep } from 'node:timers/promises';
import type { AiperfConfig } from '@aiperf/config';
import type { CompletedRun, RunOutcome } from '@aiperf/hooks';
import type { ProfileRunResult } from '@aiperf/loadgen';
import { buildSweepAggregate, checkConvergence, cooldownBefore, type MultiPlan, type PlannedRun, type SummaryMetrics, type SweepVariation } from '@aiperf/recipes';
import { renderAggregateTable, renderSweepTable, type SweepTableCell } from '@aiperf/report';
import type { BenchmarkDeps } from './deps.js';
import { writeConfidenceAggregate, writePostProcess, writeSweepAggregate, writeSweepCell } from './write-files.js';

interface CellResult {
  planned: PlannedRun;
  result: ProfileRunResult | null;
  error: string | null;
}

const succeeded = (cell: CellResult) => cell.result !== null && cell.result.exitCode === 0;

async function runCell(planned: PlannedRun, config: AiperfConfig, deps: BenchmarkDeps): Promise<CellResult> {
  try {
    const result = await deps.runProfile(planned.benchmark, deps.io, {
      ...deps.engine,
      artifactDir: planned.artifactDir,
      sidecars: deps.sidecars(planned.benchmark),
      cliCommand: config.source.cliCommand,
      skipWarmup: planned.skipWarmup,
    });
    if (planned.variation) {
      // Plots label the cell by what it varied; losing this file only costs the label, never the run.
      await writeSweepCell(planned.artifactDir, planned.variation).catch((error: Error) => deps.log(`WARNING could not record the sweep cell in ${planned.artifactDir}: ${error.message}`));
    }
    const error = result.exitCode === 0 ? null
      : (result.stopReason ?? (result.cancelled ? 'cancelled' : `exit code ${result.exitCode} (${result.successfulRequestCount} successful requests)`));
    return { planned, result, error };
  } catch (error) {
    return { planned, result: null, error: error instanceof Error ? error.message : String(error) };
  }
}

async function writeAggregates(plan: MultiPlan, config: AiperfConfig, cells: CellResult[], deps: BenchmarkDeps): Promise<void> {
  const summaries = (list: CellResult[]) => list.filter(succeeded).map((c) => c.result!.summary as SummaryMetrics);
  const failed = (list: CellResult[]) => list.filter((c) => !succeeded(c)).map((c) => ({ label: c.planned.label, error: c.error ?? 'failed' }));
  const version = String(summaries(cells)[0]?.aiperf_version ?? 'unknown');
  const variations: (SweepVariation | null)[] = plan.sweep ? plan.sweep.variations : [null];
  if (plan.trials > 1) {
    for (const variation of variations) {
      const own = cells.filter((c) => c.planned.variation === variation);
      if (summaries(own).length === 0) {
        deps.log(`WARNING no successful trial for ${variation?.label ?? 'the run'}; its aggregate is skipped`);
        continue;
      }
      const { jsonPath, aggregate } = await writeConfidenceAggregate(plan.aggregateDir(variation), {
        summaries: summaries(own),
        confidenceLevel: config.multiRun.confidenceLevel,
        numProfileRuns: own.length,
        runLabels: own.filter(succeeded).map((c) => c.planned.trialLabel ?? c.planned.label),
        failedRuns: failed(own),
        cooldownSeconds: config.multiRun.cooldownSeconds,
        ...(variation && plan.sweep ? { variation: { ...variation, sweepMode: plan.sweep.mode } } : {}),
        aiperfVersion: version,
      });
      const title = variation ? `Multi-Run Aggregate | ${variation.label}` : 'Multi-Run Aggregate';
      deps.io.stdout.write(`\n${renderAggregateTable(aggregate, title)}\nAggregate: ${jsonPath}\n`);
    }
  }
  if (plan.sweep && plan.sweepAggregateDir) {
    const aggregate = buildSweepAggregate({
      sweep: plan.sweep,
      trials: plan.trials,
      confidenceLevel: config.multiRun.confidenceLevel,
      cells: plan.sweep.variations.map((v) => ({ variation: v, summaries: summaries(cells.filter((c) => c.planned.variation === v)) })),
      numProfileRuns: cells.length,
      failedRuns: failed(cells),
    });
    deps.io.stdout.write(`Sweep aggregate: ${await writeSweepAggregate(plan.sweepAggregateDir, aggregate)}\n`);
    if (plan.sweep.postProcess) {
      const path = await writePostProcess(plan.sweep.postProcess, aggregate, plan.sweepAggregateDir, deps.log);
      if (path) deps.io.stdout.write(`Recipe result: ${path}\n`);
    }
  }
}

/** Logs the convergence state of the cell's variation after a run; true once it has converged. */
function checkCellConvergence(planned: PlannedRun, cells: CellResult[], plan: MultiPlan, config: AiperfConfig, deps: BenchmarkDeps): boolean {
  const own = cells.filter((c) => c.planned.variation === planned.variation && succeeded(c)).map((c) => c.result!.summary as SummaryMetrics);
  const check = checkConvergence(own, config.multiRun.convergence!, config.multiRun.confidenceLevel);
  const scope = planned.variation ? `${planned.variation.label}: ` : '';
  const left = plan.runs.filter((r) => r.variation === planned.variation).length - cells.filter((c) => c.planned.variation === planned.variation).length;
  if (check.converged && left > 0) deps.io.stdout.write(`[aiperf] converged: ${scope}${check.text}; skipping the remaining ${left} run(s)\n`);
  else deps.io.stdout.write(`[aiperf] convergence: ${scope}${check.text}\n`);
  return check.converged;
}

/** Every (variation, trial) cell in plan order, a failed cell never stopping the rest; exit codes . */
export async function executeMultiRun(plan: MultiPlan, config: AiperfConfig, deps: BenchmarkDeps): Promise<CompletedRun> {
  const cells: CellResult[] = [];
  const converged = new Set<SweepVariation | null>();
  for (const [index, planned] of plan.runs.entries()) {
    if (deps.io.signal?.aborted) break;
    // --convergence-metric: a variation (or the plain multi-run) that converged runs no more trials.
    if (converged.has(planned.variation)) continue;
    const cooldownSeconds = cooldownBefore(plan, config, index);
    if (cooldownSeconds > 0) await sleep(cooldownSeconds * 1000, undefined, { signal: deps.io.signal }).catch(() => {});
    if (deps.io.signal?.aborted) break;
    deps.io.stdout.write(`\n[aiperf] run ${index + 1}/${plan.runs.length}: ${planned.label} → ${planned.artifactDir}\n`);
    const cell = await runCell(planned, config, deps);
    if (cell.error) deps.log(`WARNING run ${planned.label} failed: ${cell.error}`);
    cells.push(cell);
    if (config.multiRun.convergence && plan.trials > 1 && checkCellConvergence(planned, cells, plan, config, deps)) converged.add(planned.variation);
    if (plan.sweep && config.benchmark.reporting.sweepTable) {
      // Streamed: the table so far after every cell, so a long sweep shows its shape while it runs.
      const rows: SweepTableCell[] = cells.map((c) => ({ label: c.planned.label, summary: succeeded(c) ? c.result!.summary : null, error: c.error }));
      deps.io.stdout.write(`\n${renderSweepTable(rows, plan.runs.length)}\n`);
    }
  }
  const successes = cells.filter(succeeded).length;
  let exitCode = 0;
  if (successes >= 2) {
    await writeAggregates(plan, config, cells, deps);
  } else if (successes === 1) {
    deps.log(`WARNING only 1 of ${plan.runs.length} runs succeeded; no aggregates written`);
    exitCode = 1;
  } else {
    deps.log(`ERROR all ${cells.length} of ${plan.runs.length} runs failed; no aggregates written`);
    exitCode = 1;
  }
  if (deps.io.signal?.aborted && exitCode === 0) exitCode = 1;
  const runs: RunOutcome[] = cells.map((c) => ({
    artifactDir: c.planned.artifactDir,
    exitCode: c.result?.exitCode ?? 1,
    successfulRequestCount: c.result?.successfulRequestCount ?? 0,
    label: c.planned.label,
  }));
  return { artifactDir: plan.baseDir, exitCode, kind: 'multi', runs, config };
}
