// vitest globalSetup: the whole run gets one private temp root, and `os.tmpdir()` points there for the test
// workers and every process they spawn (TMPDIR is inherited). Teardown removes it, so a run leaves nothing in
// /tmp even when a test or a spawned CLI forgets a dir or is killed before its own cleanup.
// It also drops NODE_PATH for the workers: pnpm's `.bin/vitest` shim sets it to the store's hoisted
// `node_modules/.pnpm/node_modules` (~320 packages), and every in-process `aiperf profile`/`plot` then read each of
// their package.json files looking for installed plugins (Node's lookup paths include NODE_PATH): ~55 ms of CPU
// per CLI run, and a plugin discovery that sees the store instead of what a user's project installs.
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
