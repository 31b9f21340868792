import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';

// Bad load-shape and sweep input through the CLI: one line naming the flag, the value and what is allowed; exit 2.
const profile = (...args: string[]) => runInProcess(['profile', '-m', 'm', '--ui', 'none', ...args]);

describe('aiperf profile: load shape and sweep mistakes exit 2 with one line naming the flag', () => {
  test('a ramp longer than the run', async () => {
    const result = await profile('--request-rate', '10', '--request-rate-ramp-duration', '30', '--benchmark-duration', '20');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--request-rate-ramp-duration: got 30 s, which is not shorter than --benchmark-duration 20 s; the ramp must end inside the run');
    const concurrency = await profile('--concurrency', '8', '--concurrency-ramp-duration', '1m', '--benchmark-duration', '30s');
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toContain('--concurrency-ramp-duration: got 60 s, which is not shorter than --benchmark-duration 30 s');
  });

  test('a ramp without the value it ramps to', async () => {
    const result = await profile('--prefill-concurrency-ramp-duration', '5', '--benchmark-duration', '20');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--prefill-concurrency-ramp-duration: needs --prefill-concurrency (the value it ramps to)');
  });

  test('a rate series that does not parse', async () => {
    const result = await profile('--request-rate-series', '10:5,fast:5', '--benchmark-duration', '20');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--request-rate-series: got "10:5,fast:5": piece 2 "fast:5" is not rate[:seconds]; expected "rate:seconds,…,rate" e.g. "5:10,20:10,10"');
    const missing = await profile('--request-rate-series', '10,20', '--benchmark-duration', '20');
    expect(missing.stderr).toContain('piece 1 "10" needs a duration (only the last may leave it out)');
  });

  test('--arrival-smoothness with a pattern other than gamma', async () => {
    const result = await profile('--request-rate', '10', '--arrival-pattern', 'constant', '--vllm-burstiness', '0.5');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--arrival-smoothness: only applies to gamma arrivals; got --arrival-pattern constant');
  });

  test('an arrival pattern or a rate ramp with --user-centric-rate (users send on a fixed gap)', async () => {
    const result = await profile('--user-centric-rate', '2', '--num-users', '4', '--arrival-pattern', 'constant', '--benchmark-duration', '20');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--arrival-pattern: does not apply to --user-centric-rate: each user sends on a fixed gap of num-users / rate seconds');
    const ramp = await profile('--user-centric-rate', '2', '--num-users', '4', '--request-rate-ramp-duration', '5', '--benchmark-duration', '20');
    expect(ramp.code).toBe(2);
    expect(ramp.stderr).toContain('--request-rate-ramp-duration: does not apply to --user-centric-rate');
  });

  test('zip lists of different lengths', async () => {
    const result = await profile('--request-rate', '5,10,20', '--isl', '128,512', '--sweep-type', 'zip');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--sweep-type: zip pairs the i-th values of every list, so the lists need one length; got --request-rate has 3, --isl has 2');
  });

  test('a sweep list with a bad value names the value and the list', async () => {
    const result = await profile('--request-rate', '5,x,20');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--request-rate: got "x", expected a number > 0 (in the list "5,x,20")');
  });

  test('user-centric rate without users, and with --request-rate', async () => {
    const result = await profile('--user-centric-rate', '2', '--request-rate', '3');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--user-centric-rate: cannot be combined with --request-rate; choose one rate');
    expect(result.stderr).toContain('--user-centric-rate: needs --num-users (the users the rate is spread over)');
  });
});
