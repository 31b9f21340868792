import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDirSync } from '@aiperf/test-kit';
import { describe, expect, it } from 'vitest';
import { SafeAppender } from './safe-appender.js';

describe('SafeAppender', () => {
  it('writes every line byte for byte, UTF-8 and lines bigger than a batch included, and counts what was written', async () => {
    const path = join(makeTempDirSync('safe-appender-'), 'lines.jsonl');
    const out = new SafeAppender(path, () => {});
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) lines.push(`{"n":${i},"text":${JSON.stringify(`é€😀 ${'x'.repeat(i % 97)}`)}}\n`);
    lines.splice(1500, 0, `{"huge":"${'ü'.repeat(300_000)}"}\n`);
    for (const [i, line] of lines.entries()) {
      out.append(line);
      if (i === 10) out.flush();
    }
    await out.close();
    const expected = lines.join('');
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(out.committedLines).toBe(lines.length);
    expect(out.committedBytes).toBe(Buffer.byteLength(expected));
  });

  it('reuses a batch buffer only after its write completed: many batches in flight, then one at a time', async () => {
    const path = join(makeTempDirSync('safe-appender-'), 'lines.jsonl');
    const out = new SafeAppender(path, () => {});
    const lines: string[] = [];
    const line = (i: number) => `{"n":${i},"pad":"${String.fromCharCode(97 + (i % 26)).repeat(200 + (i % 300))}"}\n`;
    // ~3 MB appended in one go: dozens of 64 KiB batches queued on the stream at once, none written yet.
    for (let i = 0; i < 9000; i++) out.append(lines[lines.push(line(i)) - 1]!);
    // Then batches with the stream drained in between, so freed buffers are taken again (and again).
    for (let i = 9000; i < 12_000; i++) {
      out.append(lines[lines.push(line(i)) - 1]!);
      if (i % 200 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await out.close();
    expect(readFileSync(path, 'utf8')).toBe(lines.join(''));
    expect(out.committedLines).toBe(lines.length);
  });
});
