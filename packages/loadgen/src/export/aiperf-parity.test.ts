import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupTimedProfiles, profileTimed } from '../test-timed-profile.js';
import { parseJsonWithBigInt, stringifyJson } from './json-text.js';
import { isFloatStat } from './summary-json.js';

// An AIPerf-shaped profile_export_aiperf.json built from AIPerf's public JSON export schema (per-metric blocks,
// absent metrics as null, floats where Python writes floats, `input_config` with pairs and AIPerf's enums).
const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures/aiperf-profile-export.json'), 'utf8');
const fixture = parseJsonWithBigInt(FIXTURE) as Record<string, any>;
const isMetricKey = (key: string, value: unknown) => value === null || (typeof value === 'object' && value !== null && 'unit' in value);

afterEach(cleanupTimedProfiles);

describe('AIPerf artifact parity', () => {
  it('writes an AIPerf file back byte for byte (floats stay floats, epoch ns stay exact)', () => {
    expect(`${stringifyJson(fixture, 2, isFloatStat)}\n`).toBe(FIXTURE);
  });

  it('writes every metric AIPerf writes, absent ones as null, with the same units and stat keys', async () => {
    const { dir, records } = await profileTimed(
      { ttftMs: 20, itlMs: 2, contentChunks: 8 },
      { load: { concurrency: 1, requestCount: 4 }, input: { outputTokens: { mean: 8, stddev: 0 } }, endpoint: { extraInputs: { ignore_eos: true, temperature: 0.7 } } },
    );
    const text = readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8');
    const ours = parseJsonWithBigInt(text) as Record<string, any>;
    for (const [key, value] of Object.entries(fixture)) {
      expect(ours, key).toHaveProperty(key);
      if (!isMetricKey(key, value)) continue;
      if (value === null) {
        expect(ours[key], key).toBeNull();
        continue;
      }
      expect(ours[key].unit, key).toBe(value.unit);
      expect(Object.keys(ours[key]).sort(), key).toEqual(Object.keys(value).sort());
    }
    // Whole numbers that AIPerf writes as floats are written as floats; counted ones stay integers.
    expect(text).toMatch(/"request_count": \{\s+"unit": "requests",\s+"avg": 4\.0\s+\}/);
    expect(text).toMatch(/"output_sequence_length": \{[^}]*"min": 8,/);
    // Our file round-trips through the same writer unchanged.
    expect(`${stringifyJson(ours, 2, isFloatStat)}\n`).toBe(text.endsWith('\n') ? text : `${text}\n`);
    // input_config in AIPerf's shapes.
    expect(ours.input_config.input.extra).toEqual([['ignore_eos', true], ['temperature', 0.7]]);
    expect(ours.input_config.loadgen.request_rate_mode).toBe('concurrency_burst');
    expect(ours.input_config.endpoint.model_names).toEqual(['mock-model']);
    // time_to_first_output_token is written without reasoning too (equal to TTFT), per record as well.
    expect(ours.time_to_first_output_token.avg).toBe(ours.time_to_first_token.avg);
    for (const r of records) expect(r.metrics.time_to_first_output_token).toEqual(r.metrics.time_to_first_token);
  });
});
