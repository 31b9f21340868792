// The DCGM fields the faker exports, with the HELP text and TYPE dcgm-exporter uses
// (default-counters.csv): energy and violation times are counters, the rest gauges.
// This is the exporter's side of the wire and stays apart from @aiperf/telemetry-dcgm's DCGM_FIELDS (the
// reader's side: display names, units, AIPerf keys) on purpose: the mock is the independent oracle the
// telemetry client is tested against, so it must not share the client's table or a bug would hide in both.

export interface DcgmField<Name extends string = string> {
  name: Name;
  type: 'gauge' | 'counter';
  help: string;
  /** Integer fields print without decimals, like dcgm-exporter. */
  integer: boolean;
}

const field = <Name extends string>(
  name: Name,
  type: DcgmField['type'],
  integer: boolean,
  help: string,
): DcgmField<Name> => ({
  name,
  type,
  integer,
  help,
});

export const MOCK_DCGM_FIELDS = [
  field('DCGM_FI_DEV_SM_CLOCK', 'gauge', true, 'SM clock frequency (in MHz).'),
  field('DCGM_FI_DEV_MEM_CLOCK', 'gauge', true, 'Memory clock frequency (in MHz).'),
  field('DCGM_FI_DEV_MEMORY_TEMP', 'gauge', true, 'Memory temperature (in C).'),
  field('DCGM_FI_DEV_GPU_TEMP', 'gauge', true, 'GPU temperature (in C).'),
  field('DCGM_FI_DEV_POWER_USAGE', 'gauge', false, 'Power draw (in W).'),
  field('DCGM_FI_DEV_POWER_MGMT_LIMIT', 'gauge', false, 'Power management limit (in W).'),
  field('DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION', 'counter', true, 'Total energy consumption since boot (in mJ).'),
  field('DCGM_FI_DEV_PCIE_REPLAY_COUNTER', 'counter', true, 'Total number of PCIe retries.'),
  field('DCGM_FI_DEV_GPU_UTIL', 'gauge', true, 'GPU utilization (in %).'),
  field('DCGM_FI_DEV_MEM_COPY_UTIL', 'gauge', true, 'Memory utilization (in %).'),
  field('DCGM_FI_DEV_ENC_UTIL', 'gauge', true, 'Encoder utilization (in %).'),
  field('DCGM_FI_DEV_DEC_UTIL', 'gauge', true, 'Decoder utilization (in %).'),
  field('DCGM_FI_DEV_XID_ERRORS', 'gauge', true, 'Value of the last XID error encountered.'),
  field('DCGM_FI_DEV_FB_FREE', 'gauge', true, 'Framebuffer memory free (in MiB).'),
  field('DCGM_FI_DEV_FB_USED', 'gauge', true, 'Framebuffer memory used (in MiB).'),
  field('DCGM_FI_DEV_FB_TOTAL', 'gauge', true, 'Framebuffer memory total (in MiB).'),
  field('DCGM_FI_DEV_POWER_VIOLATION', 'counter', true, 'Throttling duration due to power constraints (in us).'),
  field('DCGM_FI_DEV_THERMAL_VIOLATION', 'counter', true, 'Throttling duration due to thermal constraints (in us).'),
  field('DCGM_FI_PROF_SM_ACTIVE', 'gauge', false, 'The ratio of cycles an SM has at least 1 warp assigned.'),
] as const;

export type DcgmFieldName = (typeof MOCK_DCGM_FIELDS)[number]['name'];
