import { describe, expect, it } from 'vitest';
import { DcgmFaker } from './faker.js';
import { GPU_PRESETS } from './presets.js';

const faker = (seed = 1) =>
  new DcgmFaker({ preset: GPU_PRESETS.h200, gpuCount: 2, seed, hostname: 'node1', minThroughput: 100 });

describe('DcgmFaker', () => {
  it('reads idle without load and near the limits at peak load', () => {
    const gpus = faker();
    const idle = gpus.scrape(0, 0);
    for (const { values } of idle) {
      expect(values.DCGM_FI_DEV_GPU_UTIL).toBeGreaterThanOrEqual(4);
      expect(values.DCGM_FI_DEV_GPU_UTIL).toBeLessThanOrEqual(6);
      expect(values.DCGM_FI_DEV_POWER_USAGE).toBeCloseTo(70, -1);
      expect(values.DCGM_FI_DEV_FB_USED / values.DCGM_FI_DEV_FB_TOTAL).toBeCloseTo(0.1, 1);
      expect(values.DCGM_FI_DEV_FB_TOTAL).toBe(141 * 1024);
      expect(values.DCGM_FI_DEV_FB_USED + values.DCGM_FI_DEV_FB_FREE).toBe(values.DCGM_FI_DEV_FB_TOTAL);
    }
    const busy = gpus.scrape(5000, 1000);
    for (const { values } of busy) {
      expect(values.DCGM_FI_DEV_GPU_UTIL).toBeGreaterThanOrEqual(85);
      expect(values.DCGM_FI_DEV_POWER_USAGE).toBeGreaterThan(600);
      expect(values.DCGM_FI_DEV_POWER_USAGE).toBeLessThanOrEqual(700);
      expect(values.DCGM_FI_DEV_SM_CLOCK).toBeGreaterThan(1800);
      expect(values.DCGM_FI_PROF_SM_ACTIVE).toBeGreaterThan(0.7);
    }
    // Half the peak rate reads as roughly half load.
    const half = gpus.scrape(2500, 2000);
    expect(half[0]!.values.DCGM_FI_DEV_GPU_UTIL).toBeGreaterThan(40);
    expect(half[0]!.values.DCGM_FI_DEV_GPU_UTIL).toBeLessThan(65);
  });

  it('counts energy as power × time between scrapes (mJ)', () => {
    const gpus = faker();
    const first = gpus.scrape(0, 0)[0]!.values;
    const second = gpus.scrape(0, 2000)[0]!.values;
    const energyMj = second.DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION - first.DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION;
    expect(energyMj).toBeCloseTo(second.DCGM_FI_DEV_POWER_USAGE * 2000, -1);
  });

  it('is deterministic in its seed', () => {
    const run = (seed: number) => {
      const gpus = faker(seed);
      return [gpus.scrape(0, 0), gpus.scrape(300, 500), gpus.scrape(50, 900)];
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)[0]![0]!.gpu.uuid).not.toBe(run(4)[0]![0]!.gpu.uuid);
    expect(new Set(run(3)[0]!.map((sample) => sample.gpu.uuid)).size).toBe(2);
  });
});
