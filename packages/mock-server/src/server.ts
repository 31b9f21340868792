import { Admission } from './http/admission.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DcgmFaker } from './dcgm/faker.js';
import { GPU_PRESETS } from './dcgm/presets.js';
import { route, type RouteTable } from './http/router.js';
import { type ServerState, abortAllRequests } from './http/state.js';
import { WakeQueue } from './http/wake-queue.js';
import { withDefaults, type MockServerOptions } from './options.js';
import { copyStats, createStats, resetStats, TokenRateMeter, type MockServerStats } from './stats.js';
import { loadTokenCounter } from './tokenizer.js';
import { validateOptions } from './validate.js';
import { VllmMetrics } from './vllm/metrics.js';

export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:43123`; OpenAI clients use `${url}/v1`. */
  url: string;
  port: number;
  /** The DCGM-exporter-like GPU metrics: `${url}/dcgm1/metrics`, or `/metrics` on `dcgmPort` when set (a real exporter runs apart from the inference server). */
  dcgmUrl: string;
  /** The inference server's own vLLM-style metrics: `${url}/metrics`. */
  metricsUrl: string;
  /** A copy of the counters served at GET /mock/stats. */
  stats(): MockServerStats;
  /** Zeroes the counters (between test cases). */
  resetStats(): void;
  /** Stops accepting, cuts open connections and pending streams, resolves when the port is free. */
  close(): Promise<void>;
}

/** Thrown for bad options; `errors` lists every problem. */
export class MockServerOptionsError extends Error {
  constructor(readonly errors: string[]) {
    super(`invalid mock server options:\n  ${errors.join('\n  ')}`);
    this.name = 'MockServerOptionsError';
  }
}

async function createState(options: MockServerOptions): Promise<ServerState> {
  const resolved = withDefaults(options);
  const faker = (seed: number) =>
    new DcgmFaker({
      preset: GPU_PRESETS[resolved.dcgmGpu],
      gpuCount: resolved.dcgmNumGpus,
      seed,
      hostname: resolved.dcgmHostname,
      minThroughput: resolved.dcgmMinThroughput,
    });
  return {
    options: resolved,
    stats: createStats(),
    meter: new TokenRateMeter(resolved.dcgmWindowSec * 1000),
    serial: 0,
    closed: false,
    inFlight: new Set(),
    // Two independent exporters (seeds s and s+1), like two GPU nodes: /dcgm1/metrics and /dcgm2/metrics.
    dcgm: [faker(resolved.dcgmSeed), faker(resolved.dcgmSeed + 1)],
    countPromptTokens: await loadTokenCounter(resolved.promptTokenizer),
    vllm: new VllmMetrics({ modelName: resolved.models[0] ?? 'mock-model', kvCacheTokens: resolved.kvCacheTokens }),
    completedForMetrics: 0,
    admission: new Admission(resolved.maxNumSeqs),
    wakeups: new WakeQueue(),
  };
}

/** Listens on host:port and resolves with the server and its base URL. */
async function listen(state: ServerState, table: RouteTable, port: number): Promise<{ server: Server; url: string; port: number }> {
  const server = createServer({ keepAliveTimeout: 65_000, noDelay: true }, (request, response) =>
    route(state, table, request, response),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, state.options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  const host = state.options.host.includes(':') ? `[${state.options.host}]` : state.options.host;
  return { server, url: `http://${host}:${bound}`, port: bound };
}

function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const errors = validateOptions(options);
  if (errors.length > 0) throw new MockServerOptionsError(errors);
  const state = await createState(options);
  const main = await listen(state, 'all', state.options.port);
  const dcgmPort = state.options.dcgmPort;
  const dcgm = dcgmPort === undefined ? undefined : await listen(state, 'dcgm', dcgmPort).catch(async (error) => {
    await closeServer(main.server);
    throw error;
  });
  return {
    url: main.url,
    port: main.port,
    dcgmUrl: dcgm ? `${dcgm.url}/metrics` : `${main.url}/dcgm1/metrics`,
    metricsUrl: `${main.url}/metrics`,
    stats: () => copyStats(state.stats),
    resetStats: () => resetStats(state.stats),
    close: async () => {
      abortAllRequests(state);
      await Promise.all([main.server, dcgm?.server].filter((server) => server !== undefined).map(closeServer));
    },
  };
}
