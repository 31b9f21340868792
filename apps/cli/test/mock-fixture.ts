// One mock server for a CLI test file: started before the file's tests, closed after them.
import { type MockServer, type MockServerOptions, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll } from 'vitest';

/** The running server, as tests read it (the fixture closes it). */
export type FileMockServer = Omit<MockServer, 'close'>;

/** The file's mock server, started with `options` (on a free port) before its tests and closed after them. */
export function useMockServer(options: Omit<MockServerOptions, 'port'> = {}): FileMockServer {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, ...options });
  });
  afterAll(async () => {
    await server?.close();
  });
  const started = (): MockServer => {
    if (server === undefined) throw new Error('the mock server starts in beforeAll: read it inside a test or a later hook');
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    get port() {
      return started().port;
    },
    get dcgmUrl() {
      return started().dcgmUrl;
    },
    get metricsUrl() {
      return started().metricsUrl;
    },
    stats: () => started().stats(),
    resetStats: () => started().resetStats(),
  };
}
