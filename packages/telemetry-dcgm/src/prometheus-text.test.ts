import { describe, expect, it } from 'vitest';
import { parsePrometheusText, parseSampleLine, type PromSample } from './prometheus-text.js';

describe('parsePrometheusText', () => {
  it('reads samples, labels and TYPE lines, ignoring HELP and plain comments', () => {
    const body = [
      '# HELP DCGM_FI_DEV_GPU_TEMP GPU temperature (in C).',
      '# TYPE DCGM_FI_DEV_GPU_TEMP gauge',
      '# just a comment',
      'DCGM_FI_DEV_GPU_TEMP{gpu="0",UUID="GPU-a"} 39',
      'DCGM_FI_DEV_GPU_TEMP{gpu="1",UUID="GPU-b"} 41.5',
      '# TYPE up counter',
      'up 1',
    ].join('\n');
    const result = parsePrometheusText(body);
    expect(result.issues).toEqual([]);
    expect(withoutSeries(result.samples)).toEqual([
      { name: 'DCGM_FI_DEV_GPU_TEMP', labels: { gpu: '0', UUID: 'GPU-a' }, value: 39 },
      { name: 'DCGM_FI_DEV_GPU_TEMP', labels: { gpu: '1', UUID: 'GPU-b' }, value: 41.5 },
      { name: 'up', labels: {}, value: 1 },
    ]);
    expect(result.types.get('DCGM_FI_DEV_GPU_TEMP')).toBe('gauge');
    expect(result.types.get('up')).toBe('counter');
  });

  it('keeps the last sample when the body has no trailing newline (the npm parser drops it)', () => {
    const result = parsePrometheusText('a{gpu="0"} 1\na{gpu="1"} 2');
    expect(result.samples.map((sample) => sample.value)).toEqual([1, 2]);
  });

  it('unescapes \\\\, \\" and \\n in label values and allows , } = inside quotes', () => {
    const sample = parseSampleLine(String.raw`m{msg="say \"hi\", ok}",path="C:\\dir",multi="a\nb",eq="x=y"} 3`);
    expect(withoutSeries([sample as PromSample])[0]).toEqual({ name: 'm', labels: { msg: 'say "hi", ok}', path: 'C:\\dir', multi: 'a\nb', eq: 'x=y' }, value: 3 });
  });

  it('accepts CRLF endings, tabs, spaces around labels, a trailing comma, empty braces and timestamps', () => {
    const result = parsePrometheusText('a { gpu = "0" , } \t 7 1700000000000\r\nb{} -2.5e3\r\nc 4\r\n');
    expect(result.issues).toEqual([]);
    expect(withoutSeries(result.samples)).toEqual([
      { name: 'a', labels: { gpu: '0' }, value: 7 },
      { name: 'b', labels: {}, value: -2500 },
      { name: 'c', labels: {}, value: 4 },
    ]);
  });

  it('parses NaN and ±Inf so the caller can skip them', () => {
    const values = parsePrometheusText('a NaN\nb +Inf\nc -Inf\nd .5\n').samples.map((sample) => sample.value);
    expect(values[0]).toBeNaN();
    expect(values.slice(1)).toEqual([Infinity, -Infinity, 0.5]);
  });

  it('reports garbage lines with their line numbers and keeps the good ones', () => {
    const result = parsePrometheusText('<html><body>oops</body></html>\nhello world\ngood{gpu="0"} 1\nbad{gpu="0" 2\nx 1 2 3\n');
    expect(withoutSeries(result.samples)).toEqual([{ name: 'good', labels: { gpu: '0' }, value: 1 }]);
    expect(result.issues.map((issue) => [issue.lineNumber, issue.reason])).toEqual([
      [1, 'expected a metric name'],
      [2, 'value "world" is not a number'],
      [4, "expected ',' or '}' after label gpu"],
      [5, 'unexpected text after the timestamp'],
    ]);
  });

  it('rejects unterminated label values and missing values', () => {
    expect(parseSampleLine('a{gpu="0} 1')).toBe('unterminated value for label gpu');
    expect(parseSampleLine('a{gpu=0} 1')).toBe(`expected '"' to open the value of label gpu`);
    expect(parseSampleLine('a{gpu="0"}')).toBe('expected whitespace before the value');
    expect(parseSampleLine('a 1 notatime')).toBe('timestamp is not an integer');
  });

  it('returns nothing for an empty body', () => {
    expect(parsePrometheusText('')).toEqual({ samples: [], types: new Map(), help: new Map(), issues: [] });
  });
});

/** The raw `series` text is checked once (below); the other tests compare the parsed fields. */
function withoutSeries(samples: readonly PromSample[]): Omit<PromSample, 'series'>[] {
  return samples.map(({ series: _series, ...rest }) => rest);
}

describe('PromSample.series', () => {
  it('is the line before the value, the identity of the series as served', () => {
    expect(parsePrometheusText('a{x="1", y="2"} 3 1700000000\nb 4\n').samples.map((sample) => sample.series)).toEqual(['a{x="1", y="2"}', 'b']);
  });
});
