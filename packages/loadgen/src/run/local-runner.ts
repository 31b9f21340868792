import { Issuer, type IssuerParts } from './issuer.js';
import { type IssuerTemplate, type LoadRunner, PHASE_LEAD_NS } from './load-runner.js';
import { ReadQueue } from './read-queue.js';

/** All requests from the main thread's event loop (one worker, or worker threads unavailable). */
export async function createLocalRunner(template: IssuerTemplate, parts: IssuerParts, maxInFlight: number | null, workerId: string): Promise<LoadRunner> {
  const issuer = await Issuer.create({ ...template, issuerIndex: 0, issuers: 1, maxInFlight, workerId }, parts);
  return {
    issuerCount: 1,
    usesWorkerThreads: false,
    async runPhase(start, onRecord, onIssuingStopped) {
      // Answers are read on this same loop, between its I/O (ReadQueue's slices), after the sends they finished.
      const reads = new ReadQueue({ config: template.config, endpoint: parts.endpoint }, issuer.tokenizer, onRecord);
      const phase = { ...start, startPerfNs: process.hrtime.bigint() + PHASE_LEAD_NS, counter: null, sent: new Int32Array(1) };
      const load = await issuer.runPhase(phase, (pending) => reads.add(pending), onIssuingStopped);
      await reads.drained();
      return [load];
    },
    stop: () => issuer.stop(),
    abandon: () => issuer.abandon(),
    close: () => issuer.close(),
  };
}
