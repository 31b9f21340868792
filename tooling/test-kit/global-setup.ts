// vitest globalSetup: the whole run gets one private temp root, and `os.tmpdir()` points there for the test
// workers and every process they spawn (TMPDIR is inherited). Teardown removes it, so a run leaves nothing in
// /tmp even when a test or a spawned CLI forgets a dir or is killed before its own cleanup.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'AIPERF_TEST_TMP_ROOT';

export default function setup(): () => void {
  // Every vitest project inherits this setup; the first one to run creates the root, the others reuse it.
  if (process.env[MARK] !== undefined) return () => {};
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(join(tmpdir(), 'aiperf-vitest-'));
  process.env[MARK] = root;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    delete process.env[MARK];
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
