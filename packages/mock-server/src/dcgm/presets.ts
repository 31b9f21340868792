/** The hardware a simulated GPU pretends to be. */
export interface GpuPreset {
  name: string;
  /** The `modelName` label, as nvidia-smi reports it. */
  modelName: string;
  memoryGb: number;
  maxPowerW: number;
  idlePowerW: number;
  smBaseMhz: number;
  smBoostMhz: number;
  memoryClockMhz: number;
  idleTempC: number;
  maxTempC: number;
}

const preset = (value: GpuPreset): GpuPreset => value;

export const GPU_PRESETS = {
  rtx6000: preset({ name: 'rtx6000', modelName: 'NVIDIA RTX 6000 Ada Generation', memoryGb: 48, maxPowerW: 300, idlePowerW: 25, smBaseMhz: 915, smBoostMhz: 2505, memoryClockMhz: 10001, idleTempC: 30, maxTempC: 85 }),
  a100: preset({ name: 'a100', modelName: 'NVIDIA A100-SXM4-80GB', memoryGb: 80, maxPowerW: 400, idlePowerW: 50, smBaseMhz: 1065, smBoostMhz: 1410, memoryClockMhz: 1593, idleTempC: 32, maxTempC: 85 }),
  h100: preset({ name: 'h100', modelName: 'NVIDIA H100 PCIe', memoryGb: 80, maxPowerW: 350, idlePowerW: 50, smBaseMhz: 1125, smBoostMhz: 1755, memoryClockMhz: 1593, idleTempC: 35, maxTempC: 85 }),
  'h100-sxm': preset({ name: 'h100-sxm', modelName: 'NVIDIA H100 80GB HBM3', memoryGb: 80, maxPowerW: 700, idlePowerW: 70, smBaseMhz: 1590, smBoostMhz: 1980, memoryClockMhz: 2619, idleTempC: 35, maxTempC: 87 }),
  h200: preset({ name: 'h200', modelName: 'NVIDIA H200', memoryGb: 141, maxPowerW: 700, idlePowerW: 70, smBaseMhz: 1350, smBoostMhz: 1980, memoryClockMhz: 1593, idleTempC: 40, maxTempC: 88 }),
  b200: preset({ name: 'b200', modelName: 'NVIDIA B200', memoryGb: 180, maxPowerW: 1000, idlePowerW: 120, smBaseMhz: 1665, smBoostMhz: 1965, memoryClockMhz: 3996, idleTempC: 35, maxTempC: 90 }),
  gb200: preset({ name: 'gb200', modelName: 'NVIDIA GB200', memoryGb: 186, maxPowerW: 1200, idlePowerW: 150, smBaseMhz: 1665, smBoostMhz: 2062, memoryClockMhz: 3996, idleTempC: 35, maxTempC: 90 }),
} as const satisfies Record<string, GpuPreset>;

export type GpuPresetName = keyof typeof GPU_PRESETS;

export const GPU_PRESET_NAMES = Object.keys(GPU_PRESETS) as GpuPresetName[];

export function isGpuPresetName(name: string): name is GpuPresetName {
  return Object.hasOwn(GPU_PRESETS, name);
}
