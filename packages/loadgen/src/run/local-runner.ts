import { Issuer, type IssuerParts } from './issuer.js';
import type { IssuerTemplate, LoadRunner } from './load-runner.js';

/** All requests from the main thread's event loop (one worker, or worker threads unavailable). */
export async function createLocalRunner(template: IssuerTemplate, parts: IssuerParts, maxInFlight: number | null, workerId: string): Promise<LoadRunner> {
  const issuer = await Issuer.create({ ...template, issuerIndex: 0, issuers: 1, maxInFlight, workerId }, parts);
  return {
    issuerCount: 1,
    usesWorkerThreads: false,
    runPhase: async (start, onRecord, onIssuingStopped) => [
      await issuer.runPhase({ ...start, startPerfNs: process.hrtime.bigint(), counter: null, sent: new Int32Array(1) }, onRecord, onIssuingStopped),
    ],
    stop: () => issuer.stop(),
    abandon: () => issuer.abandon(),
    close: () => issuer.close(),
  };
}
