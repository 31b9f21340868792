import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSingleRun } from '../testing/fixtures.js';
import { loadRuns } from './load-runs.js';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-load-runs-');

describe('loadRuns', () => {
  it('single run: per-request rows, timeslices and schema-1.5 GPU names, GPU time relative to the first request', async () => {
    const run = writeSingleRun(join(root, 'single'), { requestCount: 50, sliceDurationS: 1, gpuCount: 2, nvidiaGpuNames: true });
    const { mode, runs } = await loadRuns([run]);
    expect(mode).toBe('single_run');
    const [data] = runs;
    expect(data!.requests!.count).toBe(50);
    expect(data!.metadata).toMatchObject({ model: 'Qwen/Qwen3-0.6B', concurrency: 4, sliceDurationS: 1, gpuCount: 2 });
    expect(data!.metrics.output_token_throughput_per_gpu!.avg).toBeCloseTo((data!.metrics.output_token_throughput!.avg as number) / 2);
    expect(data!.timeslices!.some((row) => row.metric === 'Time to First Token' && row.stat === 'avg')).toBe(true);
    // `nvidia_` names read as the older ones, so presets name either generation.
    expect(data!.gpu!.every((sample) => ['gpu_utilization', 'gpu_memory_used', 'gpu_power_usage'].every((name) => name in sample.values))).toBe(true);
    // The fixture's first scrape is 333 ms before the first request.
    expect(data!.gpu![0]!.timestampS).toBeCloseTo(-0.333, 3);
  });

  it('multi-run reads summaries only; a broken run is skipped with a warning', async () => {
    const parent = join(root, 'sweep');
    writeSingleRun(join(parent, 'concurrency_1'), { concurrency: 1, requestCount: 8 });
    mkdirSync(join(parent, 'concurrency_2'), { recursive: true });
    writeFileSync(join(parent, 'concurrency_2', 'profile_export_aiperf.json'), '{ not json');
    writeSingleRun(join(parent, 'concurrency_4'), { concurrency: 4, requestCount: 8 });
    const { mode, runs, warnings } = await loadRuns([parent]);
    expect(mode).toBe('multi_run');
    expect(runs.map((run) => [run.runName, run.metadata.concurrency, run.requests])).toEqual([
      ['concurrency_1', 1, null],
      ['concurrency_4', 4, null],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^Failed to load run from .*concurrency_2: Failed to parse JSON file/)]);
  });

  it('fails when no run loads', async () => {
    const broken = join(root, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'profile_export.jsonl'), '\n\n');
    writeFileSync(join(broken, 'profile_export_aiperf.json'), '{}');
    await expect(loadRuns([broken])).rejects.toThrow(
      /Failed to load any valid profiling runs:\n {2}Failed to load run from .*broken: No valid records found in JSONL file/,
    );
  });

  it('single-run mode needs per-request records: an aggregate-only cell is a load error ("no data")', async () => {
    const cell = join(root, 'trials');
    mkdirSync(join(cell, 'aggregate'), { recursive: true });
    writeFileSync(
      join(cell, 'aggregate', 'profile_export_aiperf_aggregate.json'),
      JSON.stringify({ metadata: { aggregation_type: 'confidence' }, metrics: { time_to_first_token_p50: { mean: 21, unit: 'ms' } } }),
    );
    await expect(loadRuns([cell])).rejects.toThrow(/Required JSONL file not found: .*aggregate\/profile_export\.jsonl/);
    const { runs } = await loadRuns([cell], { withRequests: false });
    expect(runs[0]).toMatchObject({ runName: 'aggregate', requests: null, metrics: { time_to_first_token: { unit: 'ms', p50: 21 } } });
  });
});
