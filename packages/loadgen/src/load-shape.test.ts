import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { resolveConfig } from '@aiperf/config';
import { type TimedSseServer, startTimedSseServer } from '@aiperf/sse-test-server';
import { afterEach, describe, expect, it } from 'vitest';
import { runProfile } from './run-profile.js';
import { findWorkerScript } from './run/issuer-thread-pool.js';
import { testConfig } from './test-config.js';
import { readRecords, readSummary } from './test-run-files.js';
import { makeTempDirSync } from '@aiperf/test-kit';

// Where requests go and how many: several --url, and multi-turn request/session caps, against real servers.
const servers: TimedSseServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = makeTempDirSync('aiperf-load-shape-');
  dirs.push(dir);
  return dir;
};

async function run(config: ReturnType<typeof testConfig>) {
  const dir = config.output.artifactDir;
  let out = '';
  const stdout = new PassThrough().on('data', (chunk) => (out += chunk));
  await runProfile(config, { stdout, stderr: new PassThrough() });
  const summary = readSummary(dir);
  const records = readRecords(dir);
  return { summary, records, stdout: out };
}

describe('several --url', () => {
  it('resolve from repeated -u into a list with the round_robin strategy', () => {
    const { config } = resolveConfig({ flags: { model: ['m'], url: ['a:1', 'http://b:2'] } });
    expect(config!.benchmark.endpoint).toMatchObject({ url: 'http://a:1', urls: ['http://a:1', 'http://b:2'], urlStrategy: 'round_robin' });
  });

  it('spread requests round robin over every server and count them per URL', async () => {
    const plan = { ttftMs: 5, itlMs: 1, contentChunks: 3 };
    const [a, b, c] = await Promise.all([startTimedSseServer({ plan }), startTimedSseServer({ plan }), startTimedSseServer({ plan })]);
    servers.push(a!, b!, c!);
    const dir = tempDir();
    const { summary, records, stdout } = await run(
      testConfig({
        endpoint: { url: a!.url, urls: [a!.url, b!.url, c!.url], urlStrategy: 'round_robin' },
        load: { concurrency: 3, requestCount: 30 },
        output: { artifactDir: dir, artifactDirExplicit: true },
      }),
    );
    expect(records).toHaveLength(30);
    expect([a!.truths.length, b!.truths.length, c!.truths.length]).toEqual([10, 10, 10]);
    expect(summary.url_request_counts).toEqual([a!, b!, c!].map((s) => ({ url: s.url, request_count: 10, error_request_count: 0 })));
    expect(stdout).toContain(`Requests per URL (round_robin): ${a!.url}: 10, ${b!.url}: 10, ${c!.url}: 10`);
  });
});

describe('multi-turn caps', () => {
  const sessions = (count: number, turns: number) =>
    Array.from({ length: count }, (_, s) => JSON.stringify({ session_id: `s${s}`, turns: Array.from({ length: turns }, (_, t) => ({ text: `session ${s} turn ${t}` })) })).join('\n');

  async function multiTurn(load: Record<string, unknown>) {
    const server = await startTimedSseServer({ plan: { ttftMs: 2, itlMs: 1, contentChunks: 2 } });
    servers.push(server);
    const dir = tempDir();
    const inputFile = join(dir, 'sessions.jsonl');
    writeFileSync(inputFile, sessions(4, 3));
    return run(
      testConfig({
        endpoint: { url: server.url },
        load: { concurrency: 1, requestCount: null, ...load },
        input: { inputFile, customDatasetType: 'multi_turn' },
        output: { artifactDir: join(dir, 'out'), artifactDirExplicit: true },
      }),
    );
  }

  it('--request-count caps requests, every turn counted', async () => {
    const { records } = await multiTurn({ requestCount: 5 });
    expect(records).toHaveLength(5);
    // Session 0's three turns, then session 1's first two.
    expect(records.map((r) => `${r.metadata.conversation_id}/${r.metadata.turn_index}`)).toEqual(['s0/0', 's0/1', 's0/2', 's1/0', 's1/1']);
  });

  it('--request-count is one budget across worker threads', async () => {
    const { records } = await multiTurn({ requestCount: 7, concurrency: 2, workers: 2 });
    expect(records).toHaveLength(7);
    // From sources (no dist/worker.js) this runs on one event loop; the budget is the same shared counter.
    expect(new Set(records.map((r) => r.metadata.worker_id)).size).toBe(findWorkerScript() ? 2 : 1);
  });

  it('--conversation-num caps sessions, each run to its last turn', async () => {
    const { records, summary } = await multiTurn({ conversationNum: 2 });
    expect(records).toHaveLength(6);
    expect(new Set(records.map((r) => r.metadata.conversation_id))).toEqual(new Set(['s0', 's1']));
    expect(summary.request_count.avg).toBe(6);
  });

  it('--conversation-num bounds the run by itself (no default request count is added)', () => {
    const { config } = resolveConfig({ flags: { model: ['m'], conversationNum: '3', concurrency: '1' } });
    expect(config!.benchmark.load).toMatchObject({ conversationNum: 3, requestCount: null });
  });
});

describe('tokenizer by model name', () => {
  async function withTokenizer(tokenizer: string, env: Record<string, string>) {
    const server = await startTimedSseServer({ plan: { ttftMs: 2, itlMs: 1, contentChunks: 2 } });
    servers.push(server);
    const dir = tempDir();
    const saved = { ...process.env };
    Object.assign(process.env, env);
    let err = '';
    try {
      await runProfile(
        testConfig({
          endpoint: { url: server.url, models: [tokenizer] },
          load: { concurrency: 2, requestCount: 4, workers: 2 },
          input: { tokenizer },
          output: { artifactDir: dir, artifactDirExplicit: true },
        }),
        { stdout: new PassThrough(), stderr: new PassThrough().on('data', (chunk) => (err += chunk)) },
      );
    } finally {
      process.env = saved;
    }
    const records = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    return { err, records };
  }

  it('uses the model\'s tokenizer from the local Hugging Face cache', async () => {
    const hub = tempDir();
    const snapshot = join(hub, 'models--org--tiny-model/snapshots/c0ffee');
    cpSync(new URL('../test/fixtures/tiny-tokenizer', import.meta.url), snapshot, { recursive: true });
    mkdirSync(join(hub, 'models--org--tiny-model/refs'));
    writeFileSync(join(hub, 'models--org--tiny-model/refs/main'), 'c0ffee');
    const { err, records } = await withTokenizer('org/tiny-model', { HF_HUB_CACHE: hub });
    expect(err).not.toContain('warning: --tokenizer');
    // The tiny vocabulary counts words, where o200k_base would count far more tokens for the same 32-token prompt.
    expect(records[0].metrics.input_sequence_length.value).not.toBe(32);
  });

  it('falls back to builtin with exactly one warning naming what was tried (worker threads stay quiet)', async () => {
    const { err, records } = await withTokenizer('acme/no-such-model', { HF_HUB_CACHE: tempDir() });
    expect(err.match(/warning: --tokenizer "acme\/no-such-model": no tokenizer found \(tried .*models--acme--no-such-model/g)).toHaveLength(1);
    expect(records[0].metrics.input_sequence_length.value).toBe(32);
  });
});
