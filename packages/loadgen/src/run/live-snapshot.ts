// A GPU's live reading is DCGM telemetry's own type (it makes them); the live views here only show them.
import type { LiveGpuReading } from '@aiperf/telemetry-dcgm';
import type { ConvergenceStatus } from './convergence-watch.js';
import type { LiveRequestStats } from './live-stats.js';

/** The newest scrape of one inference server's /metrics; a metric the server does not serve is null. */
export interface LiveServerReading {
  url: string;
  runningRequests: number | null;
  waitingRequests: number | null;
  kvCacheUsagePercent: number | null;
}

/** What the telemetry sidecars feed the live views (`RunSidecar.live`). */
export interface LiveTelemetry {
  gpus: LiveGpuReading[];
  servers: LiveServerReading[];
}

/** Everything the live views show at one moment: request statistics, the exact in-flight count and telemetry. */
export interface LiveSnapshot extends LiveRequestStats, LiveTelemetry {
  /** Requests sent and not yet answered, counted by the issuing threads (exact, not estimated). */
  inFlight: number;
  /** `--convergence-scope run` while profiling: the margin so far and the ETA; absent/null otherwise. */
  convergence?: ConvergenceStatus | null;
}

/** One shared cell every issuing thread adds to on send and subtracts from on answer. */
export function newInFlightCell(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** The telemetry of every sidecar that feeds the live views, merged (pure over what each returns). */
export function mergeLiveTelemetry(parts: ReadonlyArray<Partial<LiveTelemetry> | undefined>): LiveTelemetry {
  return { gpus: parts.flatMap((p) => p?.gpus ?? []), servers: parts.flatMap((p) => p?.servers ?? []) };
}

const fixed = (value: number | null, digits: number, unit: string) => (value === null ? '--' : `${value.toFixed(digits)}${unit}`);

/** `GPU 0 H100  util 87%  mem 61.2 GB  power 412 W  61°C`: one GPU on one line (pure; the dashboard and stats blocks). */
export function describeGpu(gpu: LiveGpuReading): string {
  const name = gpu.modelName ? ` ${gpu.modelName.replace(/^NVIDIA /, '')}` : '';
  return `GPU ${gpu.gpuIndex}${name}  util ${fixed(gpu.utilizationPercent, 0, '%')}  mem ${fixed(gpu.memoryUsedGb, 1, ' GB')}  power ${fixed(gpu.powerW, 0, ' W')}  ${fixed(gpu.temperatureC, 0, '°C')}`;
}

/** `localhost:8000  running 4  waiting 0  KV cache 12.5%`: one server on one line (pure). */
export function describeServer(server: LiveServerReading): string {
  let where = server.url;
  try {
    where = new URL(server.url).host;
  } catch {}
  return `${where}  running ${fixed(server.runningRequests, 0, '')}  waiting ${fixed(server.waitingRequests, 0, '')}  KV cache ${fixed(server.kvCacheUsagePercent, 1, '%')}`;
}
