import { createRng, type Rng } from '@aiperf/stats';
import { mixSeeds } from '../rng.js';
import type { DcgmFieldName } from './fields.js';
import type { GpuPreset } from './presets.js';

export interface GpuIdentity {
  index: number;
  uuid: string;
  pciBusId: string;
  device: string;
  modelName: string;
  hostname: string;
}

export interface GpuSample {
  gpu: GpuIdentity;
  values: Record<DcgmFieldName, number>;
}

interface GpuCounters {
  energyMj: number;
  xidErrors: number;
  powerViolationUs: number;
  thermalViolationUs: number;
  /** A fixed per-GPU load offset, so GPUs under the same load do not read identically. */
  loadOffset: number;
}

export interface DcgmFakerOptions {
  preset: GpuPreset;
  gpuCount: number;
  seed: number;
  hostname: string;
  /** Floor of the peak token rate, so light load does not read as 100 %. */
  minThroughput: number;
}

function uuidFrom(rng: Rng): string {
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  return `GPU-${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Simulated GPUs whose readings follow the server's token rate. Pure apart from the numbers it is
 * given: the same seed, rates and times give the same samples.
 */
export class DcgmFaker {
  readonly gpus: GpuIdentity[];
  private readonly counters: GpuCounters[];
  private readonly noise: Rng;
  private peakTokensPerSecond = 0;
  private lastScrapeMs: number | undefined;

  constructor(private readonly options: DcgmFakerOptions) {
    const rng = createRng(mixSeeds(options.seed, 0xdc6));
    this.gpus = Array.from({ length: options.gpuCount }, (_, index) => ({
      index,
      uuid: uuidFrom(rng),
      pciBusId: `00000000:${(0x18 + index * 0x11).toString(16).toUpperCase().padStart(2, '0')}:00.0`,
      device: `nvidia${index}`,
      modelName: options.preset.modelName,
      hostname: options.hostname,
    }));
    this.counters = this.gpus.map(() => ({
      energyMj: Math.round(1e9 + rng.next() * 1e9),
      xidErrors: 0,
      powerViolationUs: 0,
      thermalViolationUs: 0,
      loadOffset: (rng.next() - 0.5) * 0.1,
    }));
    this.noise = createRng(mixSeeds(options.seed, 0x5ca1e));
  }

  /** Load in [0, 1]: the token rate relative to the highest rate seen (at least minThroughput). */
  load(tokensPerSecond: number): number {
    this.peakTokensPerSecond = Math.max(this.peakTokensPerSecond, tokensPerSecond, this.options.minThroughput);
    return clamp(tokensPerSecond / this.peakTokensPerSecond, 0, 1);
  }

  /** One scrape: advances counters by the time since the last scrape and returns every GPU's readings. */
  scrape(tokensPerSecond: number, atMs: number): GpuSample[] {
    const baseLoad = this.load(tokensPerSecond);
    const elapsedMs = this.lastScrapeMs === undefined ? 0 : Math.max(0, atMs - this.lastScrapeMs);
    this.lastScrapeMs = atMs;
    return this.gpus.map((gpu, index) => this.sample(gpu, this.counters[index]!, baseLoad, elapsedMs));
  }

  private sample(gpu: GpuIdentity, counters: GpuCounters, baseLoad: number, elapsedMs: number): GpuSample {
    const p = this.options.preset;
    const load = baseLoad > 0 ? clamp(baseLoad + counters.loadOffset, 0, 1) : 0;
    const jitter = () => 1 + (this.noise.next() - 0.5) * 0.04;
    const totalMib = p.memoryGb * 1024;
    const usedMib = Math.round(clamp((0.1 + 0.75 * load) * jitter(), 0, 1) * totalMib);
    const powerW = clamp((p.idlePowerW + (p.maxPowerW - p.idlePowerW) * load) * jitter(), 0, p.maxPowerW);
    const tempC = Math.round((p.idleTempC + (p.maxTempC - p.idleTempC) * load * 0.9) * jitter());
    counters.energyMj += Math.round(powerW * elapsedMs);
    if (this.noise.next() < 0.0005) counters.xidErrors += 1;
    if (powerW > 0.97 * p.maxPowerW) counters.powerViolationUs += Math.round(elapsedMs * 1000);
    if (tempC >= p.maxTempC - 2) counters.thermalViolationUs += Math.round(elapsedMs * 1000);
    const values: Record<DcgmFieldName, number> = {
      DCGM_FI_DEV_SM_CLOCK: Math.round(p.smBaseMhz + (p.smBoostMhz - p.smBaseMhz) * load),
      DCGM_FI_DEV_MEM_CLOCK: p.memoryClockMhz,
      DCGM_FI_DEV_MEMORY_TEMP: tempC + 5,
      DCGM_FI_DEV_GPU_TEMP: tempC,
      DCGM_FI_DEV_POWER_USAGE: Math.round(powerW * 1000) / 1000,
      DCGM_FI_DEV_POWER_MGMT_LIMIT: p.maxPowerW,
      DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION: counters.energyMj,
      DCGM_FI_DEV_PCIE_REPLAY_COUNTER: 0,
      DCGM_FI_DEV_GPU_UTIL: Math.round(clamp((5 + 95 * load) * jitter(), 0, 100)),
      DCGM_FI_DEV_MEM_COPY_UTIL: Math.round(clamp(50 * load * jitter(), 0, 100)),
      DCGM_FI_DEV_ENC_UTIL: 0,
      DCGM_FI_DEV_DEC_UTIL: 0,
      DCGM_FI_DEV_XID_ERRORS: counters.xidErrors,
      DCGM_FI_DEV_FB_FREE: totalMib - usedMib,
      DCGM_FI_DEV_FB_USED: usedMib,
      DCGM_FI_DEV_FB_TOTAL: totalMib,
      DCGM_FI_DEV_POWER_VIOLATION: counters.powerViolationUs,
      DCGM_FI_DEV_THERMAL_VIOLATION: counters.thermalViolationUs,
      DCGM_FI_PROF_SM_ACTIVE: Math.round(clamp(0.9 * load * jitter(), 0, 1) * 1e4) / 1e4,
    };
    return { gpu, values };
  }
}
