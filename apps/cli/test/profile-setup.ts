// Shared by `profile.test.ts` and `profile.timing.test.ts` (one suite, split by test group): the mock server both run
// against, and the export readers.
import { type FileMockServer, useMockServer } from './mock-fixture.js';

export { readJson, readJsonl } from './read-exports.js';

/** The mock server (fixed TTFT 50 ms, ITL 10 ms), started before the file's tests and closed after them. */
export const useProfileMock = (): FileMockServer => useMockServer({ ttftMs: 50, itlMs: 10 });
