// A mooncake trace replayed on its timestamps, measured on the wall clock: each request's start against its trace
// offset. A timing-group file (serial, last) because the bound is milliseconds; the built binary, so the run has its
// own process as a user's would. What the replay sends (bodies, windows, errors) is tested in dataset-custom.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { useMockServer } from './mock-fixture.js';
import { runAiperf } from './reliability/cli-process.js';

const mock = useMockServer({ ttftMs: 20, itlMs: 2 });

const readJsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
};

describe('--custom-dataset-type mooncake_trace: fixed schedule on the wall clock', () => {
  it('sends each trace line at its timestamp (auto offset), counts the lines as requests and reports lateness', async () => {
    const tmp = await makeTempDir('aiperf-trace-');
    const file = join(tmp, 'trace.jsonl');
    // Uneven gaps, starting at 5 s: the auto offset sends the first at once.
    const timestampsMs = [5000, 5080, 5100, 5260, 5400, 5410, 5600, 5750, 5900, 6000];
    writeFileSync(file, timestampsMs.map((timestamp, i) => JSON.stringify({ timestamp, input_length: 40 + i, output_length: 3 })).join('\n'));
    const dir = join(tmp, 'run');
    const run = await runAiperf([
      'profile', '--model', 'mock-model', '--url', mock.url, '--input-file', file, '--custom-dataset-type', 'mooncake_trace',
      '--fixed-schedule-auto-offset', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    expect(records).toHaveLength(timestampsMs.length);
    const startsNs = records.map((r) => BigInt(r.metadata.request_start_ns)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const offsetsMs = startsNs.map((ns) => Number(ns - startsNs[0]!) / 1e6);
    const errorsMs = offsetsMs.map((offset, i) => Math.abs(offset - (timestampsMs[i]! - timestampsMs[0]!)));
    expect(median(errorsMs)).toBeLessThan(15);
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    expect(summary.late_request_count).toMatchObject({ unit: 'requests' });
    expect(summary.late_request_count.avg).toBeLessThanOrEqual(timestampsMs.length);
    expect(summary.input_config.loadgen.timing_mode).toBe('fixed_schedule');
    expect(summary.input_config.loadgen.request_count).toBe(timestampsMs.length);
    // The auto offset: ~1 s of trace, not the 6 s its timestamps name.
    expect(summary.benchmark_duration.avg).toBeLessThan(3);
  });

});
