import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBinary, runInProcess } from './config-harness.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const tempDir = () => makeTempDirSync('aiperf-config-');

describe('aiperf profile --print-config', () => {
  test('YAML file + flags + env resolve to one redacted YAML, and printing it again gives the same text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plot.yaml'), 'visualization: {}\n');
    writeFileSync(
      join(dir, 'bench.yaml'),
      [
        'schema_version: "2.0"',
        'benchmark:',
        '  model: Qwen/Qwen3-0.6B',
        '  endpoint: {url: "gpu-box:8000", streaming: true, headers: {Authorization: "Bearer tok-1", X-Team: infra}}',
        '  load: {concurrency: 4, request_count: 64}',
        '  artifacts: {dir: ./out, slice_duration: 10s}',
        'plot: plot.yaml',
        '',
      ].join('\n'),
    );
    const first = await runInProcess(['profile', '-f', 'bench.yaml', '--concurrency', '8', '--print-config'], { cwd: dir, env: { AIPERF_API_KEY: 'sk-env-2' } });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const text = first.stdout;
    expect(text).toContain('    url: http://gpu-box:8000\n');
    expect(text).toContain('    concurrency: 8\n    arrival_pattern: poisson\n    request_count: 64\n');
    expect(text).toContain("    api_key: '***'\n");
    expect(text).toContain("      Authorization: '***'\n      X-Team: infra\n");
    expect(text).toContain('    slice_duration: 10\n    auto_plot: true\n');
    expect(text).toContain(`plot: ${join(dir, 'plot.yaml')}\n`);
    expect(text).not.toContain('tok-1');
    expect(text).not.toContain('sk-env-2');

    writeFileSync(join(dir, 'printed.yaml'), text);
    const second = await runInProcess(['profile', '-f', 'printed.yaml', '--print-config'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(text);
  });

  test('the built binary prints the same resolution (sweep from a comma list)', () => {
    const result = runBinary(['profile', '-m', 'm', '--concurrency', '2,4,8', '--print-config']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sweep:\n  concurrency:\n    - 2\n    - 4\n    - 8\n  mode: repeated\n');
    expect(result.stdout).toContain('  ui: simple\n');
  });
});
