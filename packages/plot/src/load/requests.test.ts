import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRequests } from './requests.js';
import { makeTempDir } from '@aiperf/test-kit';

const dir = await makeTempDir('aiperf-requests-');
const write = (name: string, lines: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

describe('readRequests', () => {
  it('keeps epoch-nanosecond precision above 2^53 as offsets from a bigint base', async () => {
    const path = write('precise.jsonl', [
      '{"metadata":{"request_start_ns":1760000000123456789,"request_end_ns":1760000000391000001},"metrics":{"time_to_first_token":{"value":21.4,"unit":"ms"}},"error":null}',
      '{"metadata":{"request_start_ns":1760000000123456790,"request_end_ns":1760000000391000003},"metrics":{},"error":null}',
    ]);
    const requests = (await readRequests(path))!;
    expect(requests.baseNs).toBe(1760000000123456789n);
    // A double cannot tell these apart (ulp at 1.76e18 is 256 ns); the offsets can.
    expect(Array.from(requests.requestStartOffsetNs)).toEqual([0, 1]);
    expect(Array.from(requests.requestEndOffsetNs)).toEqual([267543212, 267543214]);
    expect(requests.timeToFirstTokenMs[0]).toBe(21.4);
    expect(requests.timeToFirstTokenMs[1]).toBeNaN();
    expect(requests.units.time_to_first_token).toBe('ms');
  });

  it('skips blank and broken lines, counts errors, accepts bare numbers and legacy timestamp_ns', async () => {
    const path = write('variants.jsonl', [
      '{"metadata":{"timestamp_ns":1000000000000000000},"metrics":{"request_latency":{"value":250,"unit":"ms"},"output_sequence_length":50},"error":null}',
      '',
      'not json',
      '{"metadata":{"request_start_ns":1000000000500000000,"request_end_ns":1000000000600000000},"metrics":{"error_isl":{"value":10,"unit":"tokens"}},"error":{"code":499,"type":"RequestCancellationError","message":"x"}}',
    ]);
    const requests = (await readRequests(path))!;
    expect(requests.count).toBe(2);
    expect(requests.invalidLineCount).toBe(1);
    expect(requests.errorCount).toBe(1);
    expect(requests.requestEndOffsetNs[0]).toBe(250e6); // start + request latency when request_end_ns is absent
    expect(requests.outputSequenceLength[0]).toBe(50);
  });

  it('returns null for a file without records', async () => {
    expect(await readRequests(write('empty.jsonl', ['']))).toBeNull();
  });
});

describe('readLines via readRequests', () => {
  it('reads CRLF files and a last line without a newline', async () => {
    const path = join(dir, 'crlf.jsonl');
    writeFileSync(
      path,
      '{"metadata":{"request_start_ns":5,"request_end_ns":7},"metrics":{}}\r\n{"metadata":{"request_start_ns":6,"request_end_ns":9},"metrics":{}}',
    );
    const requests = (await readRequests(path))!;
    expect(Array.from(requests.requestEndOffsetNs)).toEqual([2, 4]);
    expect(requests.invalidLineCount).toBe(0);
  });
});
