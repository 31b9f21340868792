// Property-based: the config loader and the artifact readers never crash on hostile input; they return issues
// naming where the problem is (flag, YAML path or file:line), or throw an Error naming the file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '@aiperf/config';
import { loadRun } from '@aiperf/plot';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-fuzz-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const yamlPiece = fc.constantFrom('benchmark:', '\n', '  ', 'model: m', 'load:', 'concurrency: ', '-1', '1e309', '&a ', '*a', '[', ']', '{', '}', ': ', '- ', '"', "'", '!!binary ', '!!js/function ', '${X}', '${X:1}', '#', 'endpoint:', 'url: ', 'ftp://u:p@h', '~', 'null', 'true', '<<: *a');
const yamlText = fc.array(fc.oneof(yamlPiece, fc.string({ maxLength: 10 })), { maxLength: 50 }).map((p) => p.join(''));
const flagValue = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('-1', '0', '1e9', 'NaN', '', 'http://', 'a:b'));

describe('config loader under fuzzing', () => {
  it('never throws; every error names where it is', () => {
    fc.assert(
      fc.property(yamlText, flagValue, flagValue, (text, concurrency, url) => {
        const result = resolveConfig({ yamlText: text, yamlPath: 'fuzz.yaml', flags: { model: ['m'], concurrency, url }, env: {} });
        expect(result.config === null).toBe(result.errors.length > 0);
        for (const issue of result.errors) {
          expect(issue.where.length).toBeGreaterThan(0);
          expect(issue.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 800 },
    );
  });
});

describe('artifact readers under fuzzing', () => {
  const jsonish = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }).map((rows) => rows.map((r) => JSON.stringify(r)).join('\n')),
  );
  it('loadRun returns a run or throws an Error naming the file, never anything else', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(jsonish, jsonish, async (summary, records) => {
        const dir = join(root, `run${n++}`);
        mkdirSync(dir);
        writeFileSync(join(dir, 'profile_export_aiperf.json'), summary);
        writeFileSync(join(dir, 'profile_export.jsonl'), records);
        try {
          await loadRun(dir, { withRequests: true });
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toContain(dir);
        }
      }),
      { numRuns: 300 },
    );
  });
});
