import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, test } from './index.js';

describe('makeTempDir', () => {
  let fromBeforeAll = '';
  beforeAll(async () => {
    fromBeforeAll = await makeTempDir('kit-file-');
  });

  let fromTest = '';
  it('creates an empty dir under the OS temp dir', async () => {
    fromTest = await makeTempDir('kit-test-');
    expect(fromTest.startsWith(tmpdir())).toBe(true);
    await writeFile(join(fromTest, 'a.txt'), 'x');
    expect(existsSync(fromBeforeAll)).toBe(true);
  });

  it('removed the previous test dir when that test finished, and keeps the file-scoped one', () => {
    expect(fromTest).not.toBe('');
    expect(existsSync(fromTest)).toBe(false);
    expect(existsSync(fromBeforeAll)).toBe(true);
  });

  afterAll(() => {
    // The file-level cleanup runs after this describe's afterAll.
    expect(existsSync(fromBeforeAll)).toBe(true);
  });
});

describe('the tempDir fixture', () => {
  let seen = '';
  test('hands each test its own dir', async ({ tempDir }) => {
    seen = tempDir;
    await writeFile(join(tempDir, 'b.txt'), 'y');
    expect(existsSync(join(tempDir, 'b.txt'))).toBe(true);
  });

  test('removes it after the test', () => {
    expect(existsSync(seen)).toBe(false);
  });
});

describe('the run-wide temp root', () => {
  it('points TMPDIR at a private dir that global setup removes at the end', () => {
    expect(process.env.AIPERF_TEST_TMP_ROOT).toBeDefined();
    expect(tmpdir()).toBe(process.env.AIPERF_TEST_TMP_ROOT);
  });
});
