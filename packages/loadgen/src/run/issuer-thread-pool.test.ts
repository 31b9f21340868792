import { afterEach, describe, expect, it } from 'vitest';
import { closeMockProfileServer, profileAgainstMock } from '../test-mock-profile.js';
import { IssuerThreadPool, findWorkerScript } from './issuer-thread-pool.js';

afterEach(closeMockProfileServer);

const workerBuilt = findWorkerScript() !== null;
if (!workerBuilt) console.warn('SKIPPED: the issuer thread pool test needs the built worker (pnpm build; `pnpm test` builds first)');

describe.skipIf(!workerBuilt)('runs sharing an IssuerThreadPool', () => {
  it('issue from the same threads, each run complete, and start threads only for what the pool lacks', async () => {
    const issuerThreads = new IssuerThreadPool();
    const run = async (workers: number) => {
      const { result, records } = await profileAgainstMock(
        { ttftMs: 1, itlMs: 1 },
        { load: { concurrency: 6, requestCount: 12, workers }, endpoint: { streaming: true } },
        undefined,
        { issuerThreads },
      );
      expect(result.exitCode).toBe(0);
      expect(records).toHaveLength(12);
      expect(records.every((r) => !r.error && r.metrics.time_to_first_token !== undefined)).toBe(true);
      return new Set(records.map((r) => r.metadata.worker_id)).size;
    };
    try {
      expect(await run(2)).toBe(2);
      expect(await run(2)).toBe(2);
      expect(issuerThreads.started).toBe(2);
      expect(await run(3)).toBe(3);
      expect(issuerThreads.started).toBe(3);
    } finally {
      await issuerThreads.close();
    }
  });
});
