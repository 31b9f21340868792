import { PassThrough } from 'node:stream';
import { UsageError } from '@aiperf/config';
import { describe, expect, test } from 'vitest';
import { ExitError, reportError } from './errors.js';

function report(error: unknown): { code: number; text: string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (c: Buffer) => (text += c.toString()));
  const code = reportError(error, stream);
  return { code, text };
}

describe('reportError sorts errors into the three kinds', () => {
  test('a usage error: message only, exit 2', () => {
    const { code, text } = report(new UsageError('--port: got "x", expected an integer'));
    expect(code).toBe(2);
    expect(text).toBe('aiperf: --port: got "x", expected an integer\n');
  });

  test('an exit with a code says nothing', () => {
    expect(report(new ExitError(3))).toEqual({ code: 3, text: '' });
  });

  test('anything else is a bug: message, stack, cause and how to report it, exit 1', () => {
    const error = new Error('boom', { cause: new Error('root cause') });
    const { code, text } = report(error);
    expect(code).toBe(1);
    expect(text).toMatch(/^aiperf: internal error: boom\nError: boom\n\s+at /);
    expect(text).toContain('caused by: Error: root cause');
    expect(text).toContain('This is a bug in aiperf; please report it');
  });
});
