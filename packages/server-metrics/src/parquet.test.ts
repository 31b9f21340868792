import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExposition } from './exposition.js';
import { writeServerMetricsParquet } from './parquet.js';
import { MetricsStore } from './store.js';
import { makeTempDir } from '@aiperf/test-kit';

const S = 1_000_000_000n;
const T0 = 1_765_000_000n * S;
const URL_A = 'http://127.0.0.1:8000/metrics';
let dir = '';
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeServerMetricsParquet', () => {
  it('writes rows a Parquet reader reads back: gauges raw, counters as cumulative increases across a reset, one row per bucket', async () => {
    const store = new MetricsStore();
    const body = (g: number, c: number, le1: number, inf: number, sum: number) =>
      `# TYPE g gauge\ng{model="m"} ${g}\n# TYPE c_total counter\nc_total ${c}\n# TYPE h histogram\nh_bucket{le="1"} ${le1}\nh_bucket{le="+Inf"} ${inf}\nh_sum ${sum}\nh_count ${inf}\n`;
    store.add(URL_A, T0, parseExposition(body(1, 100, 0, 0, 0)));
    store.add(URL_A, T0 + 2n * S, parseExposition(body(5, 130, 2, 3, 4)));
    store.add(URL_A, T0 + 3n * S, parseExposition(body(2, 10, 1, 1, 0.5))); // restarted
    dir = await makeTempDir('server-metrics-parquet-');
    const path = join(dir, 'server_metrics_export.parquet');
    await writeServerMetricsParquet(path, store, { startEpochNs: T0 + S, endEpochNs: T0 + 3n * S });
    const bytes = await readFile(path);
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    const of = (name: string) => rows.filter((row) => row.metric_name === name);
    expect(of('g').map((row) => [row.timestamp_ns, row.value, row.model])).toEqual([[T0, 1, 'm'], [T0 + 2n * S, 5, 'm'], [T0 + 3n * S, 2, 'm']]);
    expect(of('c').map((row) => row.value)).toEqual([30, 40]);
    expect(of('c')[0]).toMatchObject({ endpoint_url: URL_A, metric_type: 'counter', unit: null, model: null });
    expect(of('h').map((row) => [row.bucket_le, row.bucket_count, row.count, row.sum])).toEqual([
      ['1', 2, 3, 4], ['+Inf', 3, 3, 4], ['1', 3, 4, 4.5], ['+Inf', 4, 4, 4.5],
    ]);
  });
});
