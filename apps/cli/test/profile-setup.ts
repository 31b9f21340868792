// Shared by `profile.test.ts` and `profile.timing.test.ts` (one suite, split by test group): the mock server both run
// against, and the export readers.
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll } from 'vitest';

export { readJson, readJsonl } from './read-exports.js';

/** The mock server (fixed TTFT 50 ms, ITL 10 ms), started before the file's tests and closed after them. */
export function useProfileMock(): { readonly url: string } {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer({ port: 0, ttftMs: 50, itlMs: 10 });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url(): string {
      if (server === undefined) throw new Error('the mock server starts in beforeAll');
      return server.url;
    },
  };
}
