// Property-based: whatever an exporter sends, the Prometheus text parser never throws; every malformed line is
// an issue naming its 1-based line number and text, and well-formed lines around it still parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from './prometheus-text.js';

const fragment = fc.constantFrom('# TYPE ', '# HELP ', 'DCGM_FI_DEV_GPU_UTIL', '{', '}', '="', '"', ',', ' ', '\n', '\r\n', '1.5', 'NaN', '+Inf', 'e9', '\\', '\\"', 'gpu', '\u0000', '\u00e9', '#');
const garbage = fc.array(fc.oneof(fragment, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join(''));
const sample = fc.record({ name: fc.stringMatching(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,12}$/), gpu: fc.nat(8), value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)) });

describe('parsePrometheusText under fuzzing', () => {
  it('never throws; issues name a real line', () => {
    fc.assert(
      fc.property(garbage, (body) => {
        const result = parsePrometheusText(body);
        const lines = body.split('\n');
        for (const issue of result.issues) {
          expect(issue.lineNumber).toBeGreaterThanOrEqual(1);
          expect(issue.lineNumber).toBeLessThanOrEqual(lines.length);
          expect(issue.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('well-formed samples parse whatever garbage lines surround them', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(sample, garbage.map((g) => g.replace(/\n/g, ' '))), { maxLength: 20 }), (items) => {
        const body = items.map((item) => (typeof item === 'string' ? `!${item}` : `${item.name}{gpu="${item.gpu}"} ${item.value}`)).join('\n');
        const result = parsePrometheusText(body);
        const expected = items.filter((i) => typeof i !== 'string');
        expect(result.samples.map((s) => s.value)).toEqual(expected.map((s) => s.value));
        expect(result.issues).toHaveLength(items.length - expected.length);
      }),
      { numRuns: 500 },
    );
  });
});
