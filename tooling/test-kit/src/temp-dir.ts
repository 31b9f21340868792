// Temp dirs for tests that always go away. Inside a test the dir is removed when that test finishes; from
// `beforeAll` or module scope (no current test) it is removed when the test file finishes. The whole run's
// temp root (see `global-setup.ts`) is the safety net for what a spawned process leaves behind.
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, onTestFinished } from 'vitest';

const fileScoped = new Set<string>();

/**
 * Removes the dirs made outside a test since the last call. `setup-file.ts` calls it after every test file: a hook
 * registered here at module scope would run for the first file only when vitest reuses modules across files
 * (`isolate: false`).
 */
export async function removeFileScopedTempDirs(): Promise<void> {
  const dirs = [...fileScoped];
  fileScoped.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

function removeLater(dir: string): string {
  try {
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
  } catch {
    // No test is running (called from beforeAll, a describe body or module scope): clean up when the file ends.
    fileScoped.add(dir);
  }
  return dir;
}

/** A fresh, empty directory under the OS temp dir, removed after the current test (or file, outside a test). */
export async function makeTempDir(prefix = 'aiperf-test-'): Promise<string> {
  return removeLater(await mkdtemp(join(tmpdir(), prefix)));
}

/** `makeTempDir` for synchronous helpers. */
export function makeTempDirSync(prefix = 'aiperf-test-'): string {
  return removeLater(mkdtempSync(join(tmpdir(), prefix)));
}

/** vitest's `test` with a `tempDir` fixture: `test('writes', async ({ tempDir }) => …)`. */
export const test = base.extend<{ tempDir: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest fixtures must destructure their dependencies
  tempDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'aiperf-test-'));
    try {
      await use(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
});
