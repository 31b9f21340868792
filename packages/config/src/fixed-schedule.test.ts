import { describe, expect, test } from 'vitest';
import { configToYaml, resolveConfig } from './index.js';

const load = (flags: Record<string, unknown>, argv: string[]) => {
  const result = resolveConfig({ flags: { model: ['m'], ...flags }, argv: ['-m', 'm', ...argv] });
  expect(result.errors).toEqual([]);
  return result.config!;
};

describe('fixed-schedule mode', () => {
  test('a mooncake_trace dataset replays its timestamps: no default count or concurrency (loadgen counts the lines)', () => {
    const config = load({ inputFile: 't.jsonl', customDatasetType: 'mooncake_trace' }, ['--input-file', 't.jsonl', '--custom-dataset-type', 'mooncake_trace']);
    expect(config.benchmark.load).toMatchObject({ mode: 'fixed_schedule', requestCount: null, concurrency: null });
    expect(config.benchmark.load.fixedScheduleAutoOffset).toBe(false);
  });

  test('--fixed-schedule-auto-offset, --fixed-schedule on another dataset, and --no-fixed-schedule', () => {
    const offset = load({ fixedSchedule: true, fixedScheduleAutoOffset: true, inputFile: 'f.jsonl' }, ['--fixed-schedule', '--fixed-schedule-auto-offset', '--input-file', 'f.jsonl']);
    expect(offset.benchmark.load).toMatchObject({ mode: 'fixed_schedule', fixedScheduleAutoOffset: true });
    const off = load({ fixedSchedule: false, inputFile: 't.jsonl', customDatasetType: 'mooncake_trace' }, ['--no-fixed-schedule', '--input-file', 't.jsonl', '--custom-dataset-type', 'mooncake_trace']);
    expect(off.benchmark.load).toMatchObject({ mode: 'concurrency', requestCount: 10 });
  });

  test('the printed YAML keeps the choice', () => {
    const offset = load({ fixedSchedule: true, fixedScheduleAutoOffset: true, inputFile: 'f.jsonl' }, ['--fixed-schedule', '--fixed-schedule-auto-offset', '--input-file', 'f.jsonl']);
    expect(configToYaml(offset)).toContain('fixed_schedule: true');
    expect(configToYaml(offset)).toContain('fixed_schedule_auto_offset: true');
  });

  test('--isl-block-size reaches benchmark.input and the printed YAML', () => {
    const config = load({ islBlockSize: 64, inputFile: 't.jsonl', customDatasetType: 'mooncake_trace' }, ['--isl-block-size', '64', '--input-file', 't.jsonl', '--custom-dataset-type', 'mooncake_trace']);
    expect(config.benchmark.input.islBlockSize).toBe(64);
    expect(configToYaml(config)).toContain('isl_block_size: 64');
  });

  test('--fixed-schedule-start-offset / --fixed-schedule-end-offset reach benchmark.load and the printed YAML', () => {
    const config = load(
      { fixedScheduleStartOffset: '100', fixedScheduleEndOffset: '2500', inputFile: 't.jsonl', customDatasetType: 'mooncake_trace' },
      ['--fixed-schedule-start-offset', '100', '--fixed-schedule-end-offset', '2500', '--input-file', 't.jsonl', '--custom-dataset-type', 'mooncake_trace'],
    );
    expect(config.benchmark.load).toMatchObject({ fixedScheduleStartOffsetMs: 100, fixedScheduleEndOffsetMs: 2500 });
    expect(configToYaml(config)).toContain('fixed_schedule_end_offset_ms: 2500');
  });
});
