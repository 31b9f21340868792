// Property-based: an inference server's /metrics body, however broken, never makes the exposition reader throw;
// malformed lines are counted and the first one is named by line number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition.js';

const piece = fc.constantFrom('# TYPE vllm:x histogram\n', '# TYPE y summary\n', 'vllm:x_bucket{le="', '+Inf', '0.5', '"} ', '1e400', 'NaN', '\n', '{', '}', ',', '=', '"', 'vllm:x_sum ', 'vllm:x_count ', '-1', '\u0000');
const body = fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((p) => p.join(''));

describe('parseExposition under fuzzing', () => {
  it('never throws; a malformed line is named by its number', () => {
    fc.assert(
      fc.property(body, (text) => {
        const { issues } = parseExposition(text);
        if (issues.malformedLines > 0) expect(issues.firstMalformed?.lineNumber).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1500 },
    );
  });
});
