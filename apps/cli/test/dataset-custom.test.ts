// `--custom-dataset-type multi_turn` and `mooncake_trace` end to end: the CLI against the mock server, through the recording
// proxy, so the test sees every request body and the answer it got. In-process; the schedule-accuracy test (a
// wall-clock bound) is in dataset-trace.timing.test.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatCompletionBody, type RecordedExchange, type RecordingProxy, makeTempDir, startRecordingProxy } from '@aiperf/test-kit';
import { MAIN_LOOP_LOAD } from './auto-plot-cli.js';
import { runInProcess } from './config-harness.js';

type Run = { code: number | null; stdout: string; stderr: string };

/**
 * In-process (runCli with PassThrough streams, the binary's environment): no node start-up per run, and the load on
 * the main event loop (MAIN_LOOP_LOAD: these tests are about what is sent and when, not about the load thread).
 */
const aiperf = (args: string[]): Promise<Run> =>
  runInProcess([...args, ...MAIN_LOOP_LOAD], { env: { ...(process.env as Record<string, string>), NO_COLOR: '1' } });

let mock: MockServer;
let proxy: RecordingProxy<ChatCompletionBody>;
let proxyUrl: string;
let exchanges: RecordedExchange<ChatCompletionBody>[];

beforeAll(async () => {
  mock = await startMockServer({ port: 0, ttftMs: 20, itlMs: 2 });
  proxy = await startRecordingProxy<ChatCompletionBody>(mock.url);
  proxyUrl = proxy.url;
  exchanges = proxy.exchanges;
});
afterAll(async () => {
  await proxy?.close();
  await mock?.close();
});

const readJsonl = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('--custom-dataset-type multi_turn', () => {
  it('runs each session turn by turn, resending the history, honouring delays, with ids and turn indexes', async () => {
    exchanges.length = 0; // what this run sent, whichever tests ran before
    const tmp = await makeTempDir('aiperf-multi-turn-');
    const file = join(tmp, 'sessions.jsonl');
    const sessions = [
      {
        session_id: 'alpha',
        turns: [
          { text: 'Hello alpha one', output_length: 8 },
          { text: 'alpha two', delay: 300, output_length: 6 },
          { text: 'alpha three', output_length: 4 },
        ],
      },
      {
        session_id: 'beta',
        turns: [
          { text: 'Hello beta one', output_length: 5 },
          { text: 'beta two', output_length: 7 },
        ],
      },
    ];
    writeFileSync(file, `${sessions.map((s) => JSON.stringify(s)).join('\n')}\n`);
    const dir = join(tmp, 'run');
    const run = await aiperf([
      'profile',
      '--model',
      'mock-model',
      '--url',
      proxyUrl,
      '--input-file',
      file,
      '--custom-dataset-type',
      'multi_turn',
      '--concurrency',
      '2',
      // Two sessions, each to its last turn (--request-count would count turns, as in AIPerf).
      '--conversation-num',
      '2',
      '--extra-inputs',
      'ignore_eos:true',
      '--artifact-dir',
      dir,
      '--ui',
      'none',
      '--no-gpu-telemetry',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(exchanges).toHaveLength(5);

    // Each session's bodies grow with the history: earlier user prompts and the answers exactly as received.
    for (const session of sessions) {
      const mine = exchanges.filter((e) => e.body.messages[0]!.content === session.turns[0]!.text);
      expect(mine).toHaveLength(session.turns.length);
      const expected: Array<{ role: string; content: string }> = [];
      mine.forEach((exchange, i) => {
        expected.push({ role: 'user', content: session.turns[i]!.text });
        expect(exchange.body.messages).toEqual(expected);
        expect(exchange.body.max_completion_tokens).toBe(session.turns[i]!.output_length);
        expect(exchange.answer.length).toBeGreaterThan(0);
        expected.push({ role: 'assistant', content: exchange.answer });
      });
    }
    // The 300 ms think time before alpha's second turn, measured from its first answer.
    const alpha = exchanges.filter((e) => e.body.messages[0]!.content === 'Hello alpha one');
    expect(alpha[1]!.receivedMs - alpha[0]!.answeredMs).toBeGreaterThanOrEqual(280);

    const records = readJsonl(join(dir, 'profile_export.jsonl')).map((r) => r.metadata);
    const turnsOf = (id: string) =>
      records
        .filter((m) => m.conversation_id === id)
        .map((m) => m.turn_index)
        .sort();
    expect(turnsOf('alpha')).toEqual([0, 1, 2]);
    expect(turnsOf('beta')).toEqual([0, 1]);
    expect(records).toHaveLength(5);
  });

  it('names the file, line and field of a bad line', async () => {
    const tmp = await makeTempDir('aiperf-multi-turn-');
    const file = join(tmp, 'bad.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ session_id: 's', turns: [{ text: 'ok' }] })}\n${JSON.stringify({ session_id: 's2', turns: [{ text: 'ok' }, { txt: 'no' }] })}\n`,
    );
    const run = await aiperf([
      'profile',
      '--model',
      'm',
      '--url',
      proxyUrl,
      '--input-file',
      file,
      '--custom-dataset-type',
      'multi_turn',
      '--request-count',
      '1',
      '--artifact-dir',
      join(tmp, 'run'),
      '--ui',
      'none',
      '--no-gpu-telemetry',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--input-file ${file}:2: turns[1]: expected a "text" string (or "texts": array of strings)`);
  });
});

describe('--custom-dataset-type mooncake_trace', () => {
  it('sends prompts of input_length tokens asking for output_length tokens, shared hash ids giving shared prefixes', async () => {
    exchanges.length = 0; // what this run sent, whichever tests ran before
    const tmp = await makeTempDir('aiperf-mooncake-');
    const file = join(tmp, 'trace.jsonl');
    const trace = [
      { timestamp: 0, input_length: 600, output_length: 9, hash_ids: [11, 12] },
      { timestamp: 50, input_length: 300, output_length: 4, hash_ids: [11] },
      { timestamp: 100, input_length: 128, output_length: 6, hash_ids: [99] },
    ];
    writeFileSync(file, trace.map((t) => JSON.stringify(t)).join('\n'));
    const dir = join(tmp, 'run');
    const run = await aiperf([
      'profile', '--model', 'mock-model', '--url', proxyUrl, '--input-file', file, '--custom-dataset-type', 'mooncake_trace',
      '--request-count', '3', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const byLimit = new Map(exchanges.map((e) => [e.body.max_completion_tokens, e.body.messages[0]!.content]));
    expect([...byLimit.keys()].sort((a, b) => a! - b!)).toEqual([4, 6, 9]);
    // Hash id 11 is the first 512-token block of both the 600- and the 300-token prompt.
    expect(byLimit.get(9)!.startsWith(byLimit.get(4)!.slice(0, 1000))).toBe(true);
    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    const isl = records.map((r) => r.metrics.input_sequence_length.value).sort((a: number, b: number) => a - b);
    [128, 300, 600].forEach((length, i) => expect(Math.abs(isl[i] - length)).toBeLessThanOrEqual(6));
  });
});

describe('--custom-dataset-type mooncake_trace: fixed schedule', () => {
  it('without the auto offset waits for the first timestamp; --no-fixed-schedule sends at once', async () => {
    const tmp = await makeTempDir('aiperf-trace-');
    const file = join(tmp, 'trace.jsonl');
    writeFileSync(file, [500, 600].map((timestamp) => JSON.stringify({ timestamp, input_length: 20, output_length: 2 })).join('\n'));
    const timed = async (extra: string[]) => {
      const dir = join(tmp, `run-${extra.length}`);
      const startedMs = performance.now();
      const run = await aiperf(['profile', '--model', 'm', '--url', proxyUrl, '--input-file', file, '--custom-dataset-type', 'mooncake_trace', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry', ...extra]);
      const wallMs = performance.now() - startedMs;
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
      return { requests: summary.request_count.avg as number, mode: summary.input_config.loadgen.timing_mode as string, wallMs };
    };
    const fixed = await timed([]);
    expect(fixed).toMatchObject({ requests: 2, mode: 'fixed_schedule' });
    // The second request is due 0.6 s after the phase start (with the auto offset it would be 0.1 s).
    expect(fixed.wallMs).toBeGreaterThanOrEqual(600);
    const burst = await timed(['--no-fixed-schedule', '--request-count', '2']);
    expect(burst).toMatchObject({ requests: 2, mode: 'concurrency' });
  });

  it('--fixed-schedule-start-offset/--fixed-schedule-end-offset replay only the trace entries inside the window', async () => {
    const tmp = await makeTempDir('aiperf-trace-');
    const file = join(tmp, 'trace.jsonl');
    writeFileSync(file, [0, 100, 200, 300, 400, 5000].map((timestamp) => JSON.stringify({ timestamp, input_length: 10, output_length: 2 })).join('\n'));
    const dir = join(tmp, 'run');
    const run = await aiperf([
      'profile', '--model', 'm', '--url', proxyUrl, '--input-file', file, '--custom-dataset-type', 'mooncake_trace',
      '--fixed-schedule-start-offset', '200', '--fixed-schedule-end-offset', '400', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    expect(summary.request_count.avg).toBe(3);
    // The 5 s entry outside the window is not waited for.
    expect(summary.benchmark_duration.avg).toBeLessThan(2);
  });

  it('names the line of a trace entry without a timestamp under a fixed schedule', async () => {
    const tmp = await makeTempDir('aiperf-trace-');
    const file = join(tmp, 'trace.jsonl');
    writeFileSync(file, [{ timestamp: 0, input_length: 5 }, { input_length: 5 }].map((l) => JSON.stringify(l)).join('\n'));
    const run = await aiperf(['profile', '--model', 'm', '--url', proxyUrl, '--input-file', file, '--custom-dataset-type', 'mooncake_trace', '--artifact-dir', join(tmp, 'run'), '--ui', 'none', '--no-gpu-telemetry']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fixed-schedule: dataset entry 2 has no "timestamp" (ms); give every line one, or pass --no-fixed-schedule');
  });
});
