// vitest globalSetup: the whole run gets one private temp root, and `os.tmpdir()` points there for the test
// workers and every process they spawn (TMPDIR is inherited). Teardown removes it, so a run leaves nothing in
// /tmp even when a test or a spawned CLI forgets a dir or is killed before its own cleanup.
// It also drops NODE_PATH for the workers: pnpm's `.bin/vitest` shim sets it to the store's hoisted
// `node_modules/.pnpm/node_modules` (~320 packages), which would let a test's code and the CLIs it spawns resolve
// packages their package.json does not declare. (Plugin discovery reads the project's `node_modules` in place of a
// store directory on NODE_PATH; `apps/cli/test/plugins-pnpm.test.ts` sets NODE_PATH itself to check that.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MARK = 'AIPERF_TEST_TMP_ROOT';

export default function setup(): () => void {
  // Every vitest project inherits this setup; the first one to run creates the root, the others reuse it.
  if (process.env[MARK] !== undefined) return () => {};
  const previous = process.env.TMPDIR;
  const previousNodePath = process.env.NODE_PATH;
  delete process.env.NODE_PATH;
  const root = mkdtempSync(join(tmpdir(), 'aiperf-vitest-'));
  process.env[MARK] = root;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (previousNodePath !== undefined) process.env.NODE_PATH = previousNodePath;
    delete process.env[MARK];
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
