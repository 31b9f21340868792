import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../test-config.js';
import { IssuerThreadPool, findWorkerScript } from './issuer-thread-pool.js';
import { createWorkerRunner } from './worker-runner.js';
import { getEndpointType } from '../endpoints/registry.js';
import { loadTokenizer } from '../dataset/tokenizer.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const template = { config: testConfig(), dataset: [], targets: [{ url: 'http://127.0.0.1:1', origin: 'http://127.0.0.1:1', path: '/v1/chat/completions' }], epochOffsetNs: 0n, pluginModules: [] };
const reader = { config: template.config, endpoint: getEndpointType('chat'), tokenizer: () => loadTokenizer('builtin') };
const PHASE = { phase: 'profiling', requestCount: 1, sessionCount: null, durationNs: null } as const;

function script(source: string): URL {
  const path = join(makeTempDirSync('aiperf-worker-'), 'worker.mjs');
  writeFileSync(path, source);
  return pathToFileURL(path);
}

/**
 * A stand-in thread that speaks the worker protocol: `ready` on open; a phase done at once, its "load" saying
 * which thread ran it and how many runs that thread has opened; `closed` on close (unless told otherwise).
 */
const protocolScript = (onClose = "parentPort.postMessage({ type: 'closed', ok: true })") =>
  script(`import { parentPort, threadId } from 'node:worker_threads';
let opens = 0;
parentPort.on('message', (m) => {
  if (m.type === 'open') { opens += 1; parentPort.postMessage({ type: 'ready' }); }
  if (m.type === 'phase') parentPort.postMessage({ type: 'phaseDone', load: { threadId, opens } });
  if (m.type === 'close') { ${onClose}; }
  if (m.type === 'exit') parentPort.close();
});`);

/** Which threads ran a phase of `runner`, as `threadId:opens`. */
const phaseThreads = async (runner: Awaited<ReturnType<typeof createWorkerRunner>>) =>
  ((await runner.runPhase(PHASE, () => {}, () => {})) as unknown as Array<{ threadId: number; opens: number }>).map((t) => `${t.threadId}:${t.opens}`).sort();

if (!findWorkerScript()) console.warn('SKIPPED: the idle-thread exit check and the `node --input-type=module -e` parent check need the built dist/ (pnpm build; `pnpm test` builds first)');

describe('createWorkerRunner', () => {
  it('rejects (and leaves no thread behind) when a thread dies while starting', async () => {
    const pool = new IssuerThreadPool(script("throw new Error('boom at startup');"));
    await expect(createWorkerRunner(pool, template, [1, 1], ['w0', 'w1'], reader)).rejects.toThrow('boom at startup');
    // The dead threads were not kept: the next run starts new ones.
    await expect(createWorkerRunner(pool, template, [1], ['w0'], reader)).rejects.toThrow('boom at startup');
    expect(pool.started).toBe(3);
    await pool.close();
  });

  it('fails the phase when a thread reports a failure mid-run', async () => {
    const pool = new IssuerThreadPool(script(`import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.type === 'open') parentPort.postMessage({ type: 'ready' });
  if (m.type === 'phase') parentPort.postMessage({ type: 'failed', message: 'socket exploded' });
  if (m.type === 'close') process.exit(0);
});`));
    const runner = await createWorkerRunner(pool, template, [1], ['w0'], reader);
    await expect(runner.runPhase(PHASE, () => {}, () => {})).rejects.toThrow('load worker 0 failed: socket exploded');
    await runner.close();
    await pool.close();
  });

  it('lends the same threads to the next run, each opened again, and ends them when the pool closes', async () => {
    const pool = new IssuerThreadPool(protocolScript());
    const first = await createWorkerRunner(pool, template, [1, 1], ['w0', 'w1'], reader);
    const firstThreads = await phaseThreads(first);
    await first.close();
    const second = await createWorkerRunner(pool, template, [1, 1], ['w0', 'w1'], reader);
    const secondThreads = await phaseThreads(second);
    await first.close(); // again: the threads now belong to `second`, whose run must not be closed by it
    expect(await phaseThreads(second)).toEqual(secondThreads);
    await second.close();
    expect(firstThreads.map((t) => t.replace(/:1$/, ':2'))).toEqual(secondThreads);
    expect(pool.started).toBe(2);
    await pool.close();
    expect(() => pool.take(1)).toThrow('closed');
  });

  it('ends a thread that does not close its run cleanly (or in time) instead of lending it again', async () => {
    for (const onClose of ["parentPort.postMessage({ type: 'closed', ok: false })", '/* never answers */']) {
      const pool = new IssuerThreadPool(protocolScript(onClose));
      const runner = await createWorkerRunner(pool, template, [1], ['w0'], reader);
      const [before] = await phaseThreads(runner);
      await runner.close();
      const next = await createWorkerRunner(pool, template, [1], ['w0'], reader);
      const [after] = await phaseThreads(next);
      expect(after).toMatch(/:1$/);
      expect(after).not.toBe(before);
      expect(pool.started).toBe(2);
      await next.close();
      await pool.close();
    }
  }, 15_000);

  // The child is plain Node, so it imports the built package (as a thread does); `pnpm test` builds first.
  it.skipIf(!findWorkerScript())('idle threads do not keep the process alive', () => {
    const child = script(`import { IssuerThreadPool } from ${JSON.stringify(new URL('index.js', findWorkerScript()!).href)};
const pool = new IssuerThreadPool(new URL(${JSON.stringify(protocolScript().href)}));
const [thread] = pool.take(1);
thread.send({ type: 'open', init: {} });
const answer = await new Promise((resolve) => thread.listen({ message: (m) => resolve(m.type), failure: (reason) => resolve(reason) }));
pool.give([thread]);
console.log('answer: ' + answer + '; given back, pool not closed');`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [fileURLToPath(child)], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout).toContain('answer: ready; given back');
    expect(run.status).toBe(0);
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 25_000);

  // A parent given its code with --input-type and -e (and a V8 flag, refused when handed to a thread explicitly).
  it.skipIf(!findWorkerScript())('starts threads from a process run as `node --input-type=module --expose-gc -e`', () => {
    const code = `import { IssuerThreadPool } from ${JSON.stringify(new URL('index.js', findWorkerScript()!).href)};
const pool = new IssuerThreadPool(new URL(${JSON.stringify(protocolScript().href)}));
const [thread] = pool.take(1);
thread.send({ type: 'open', init: {} });
const answer = await new Promise((resolve) => thread.listen({ message: (m) => resolve(m.type), failure: (reason) => resolve(reason) }));
pool.give([thread]);
await pool.close();
console.log('answer: ' + answer);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '--expose-gc', '-e', code], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout, run.stderr).toContain('answer: ready');
    expect(run.status).toBe(0);
  }, 25_000);
});
