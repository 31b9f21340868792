import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../test-config.js';
import { splitInFlight } from './load-runner.js';
import { createWorkerRunner } from './worker-runner.js';
import { getEndpointType } from '../endpoints/registry.js';
import { loadTokenizer } from '../dataset/tokenizer.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const template = { config: testConfig(), dataset: [], targets: [{ url: 'http://127.0.0.1:1', origin: 'http://127.0.0.1:1', path: '/v1/chat/completions' }], epochOffsetNs: 0n, pluginModules: [] };
const reader = { config: template.config, endpoint: getEndpointType('chat'), tokenizer: () => loadTokenizer('builtin') };

function script(source: string): URL {
  const path = join(makeTempDirSync('aiperf-worker-'), 'worker.mjs');
  writeFileSync(path, source);
  return pathToFileURL(path);
}

describe('createWorkerRunner', () => {
  it('rejects (and leaves no thread behind) when a thread dies while starting', async () => {
    const url = script("throw new Error('boom at startup');");
    await expect(createWorkerRunner(url, template, [1, 1], ['w0', 'w1'], reader)).rejects.toThrow('boom at startup');
  });

  it('fails the phase when a thread reports a failure mid-run', async () => {
    const url = script(`import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.type === 'phase') parentPort.postMessage({ type: 'failed', message: 'socket exploded' });
  if (m.type === 'close') process.exit(0);
});
parentPort.postMessage({ type: 'ready' });`);
    const runner = await createWorkerRunner(url, template, [1], ['w0'], reader);
    await expect(runner.runPhase({ phase: 'profiling', requestCount: 1, sessionCount: null, durationNs: null }, () => {}, () => {})).rejects.toThrow(
      'load worker 0 failed: socket exploded',
    );
    await runner.close();
  });
});

describe('splitInFlight', () => {
  it('spreads a cap over threads, never more threads than slots; null stays uncapped', () => {
    expect(splitInFlight(8, 3)).toEqual([3, 3, 2]);
    expect(splitInFlight(2, 4)).toEqual([1, 1]);
    expect(splitInFlight(null, 2)).toEqual([null, null]);
  });
});
