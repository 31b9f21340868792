import { createRng } from '@aiperf/stats';
import { describe, expect, it } from 'vitest';
import { judgeMargin } from './convergence.js';
import { RunningMargin } from './running-margin.js';

describe('RunningMargin', () => {
  // 30,000 rows of a skewed latency-like column with missing values, read in uneven chunks as a run's checks
  // would: after every chunk the judgement equals the one-shot judgeMargin over every value so far, exactly.
  const rng = createRng(11);
  const rows = Float64Array.from({ length: 30_000 }, (_, row) => (row % 97 === 13 ? Number.NaN : 20 + 400 * rng.next() ** 3 + (row % 5)));
  const chunkEnds = [0, 1, 2, 19, 20, 21, 500, 501, 4_000, 4_001, 12_345, 29_999, 30_000, 30_000];

  for (const stat of ['avg', 'p50', 'p90', 'p99']) {
    it(`${stat}: the same judgement as sorting/summing all values on every check`, () => {
      const running = new RunningMargin(stat, 0.95);
      for (const end of chunkEnds) {
        running.read(end, (row) => rows[row]!);
        const sofar = rows.subarray(0, end).filter((v) => !Number.isNaN(v));
        expect(running.n).toBe(sofar.length);
        if (sofar.length > 0) expect(running.judge()).toEqual(judgeMargin(sofar, stat, 0.95));
      }
    });
  }

  it('reads each row once: rows already read are not asked for again', () => {
    const asked: number[] = [];
    const running = new RunningMargin('p50', 0.95);
    running.read(3, (row) => (asked.push(row), row));
    running.read(3, (row) => (asked.push(row), row));
    running.read(5, (row) => (asked.push(row), row));
    expect(asked).toEqual([0, 1, 2, 3, 4]);
    expect(running.judge()).toMatchObject({ n: 5, estimate: 2 });
  });
});
