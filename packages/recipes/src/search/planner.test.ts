import { describe, expect, it } from 'vitest';
import { BracketBisectPlanner } from './planner.js';

/** Drives a planner against a server whose SLA holds up to `boundary` (throughput saturating there). */
function search(boundary: number, min = 1, max = 64, saturation = true) {
  const planner = new BracketBisectPlanner(min, max, 1, saturation ? { gain: 0.25, latencyRise: 0.2 } : null);
  const probed: number[] = [];
  for (let value = planner.next(); value !== null; value = planner.next()) {
    probed.push(value);
    const served = Math.min(value, boundary);
    planner.tell({ value, passed: value <= boundary, objective: served * 10, latencyMs: 50 * Math.max(1, value / boundary) });
  }
  return { probed, planner };
}

describe('BracketBisectPlanner', () => {
  it('brackets by doubling then bisects to the boundary, in O(log range) probes', () => {
    const { probed, planner } = search(8);
    expect(probed).toEqual([1, 2, 4, 8, 16, 12, 10, 9]);
    expect(planner.reason).toBe('precision_reached');
    const best = Math.max(...planner.history.filter((v) => v.passed).map((v) => v.value));
    expect(best).toBe(8);
    for (const boundary of [1, 5, 13, 37, 63]) {
      const run = search(boundary);
      expect(Math.max(...run.planner.history.filter((v) => v.passed).map((v) => v.value))).toBe(boundary);
      expect(run.probed.length).toBeLessThan(14);
    }
  });
  it('stops at the top when nothing fails, and at the bottom when nothing passes', () => {
    expect(search(100).planner.reason).toBe('no_failure_in_range');
    expect(search(100).probed).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(search(0).probed).toEqual([1]);
    expect(search(0).planner.reason).toBe('no_pass_in_range');
  });
  it('a pass whose throughput no longer rises while latency climbs counts as saturation (a failure)', () => {
    const planner = new BracketBisectPlanner(1, 64, 1, { gain: 0.25, latencyRise: 0.2 });
    planner.tell({ value: 1, passed: true, objective: 10, latencyMs: 50 });
    expect(planner.tell({ value: 2, passed: true, objective: 10.2, latencyMs: 90 })).toEqual({ saturated: true });
    expect(planner.next()).toBeNull();
    expect(planner.reason).toBe('precision_reached');
  });
});
