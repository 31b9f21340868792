import { defaultConfig } from '@aiperf/config';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTokenizer, type TextTokenizer } from '../dataset/tokenizer.js';
import { chatEndpoint } from '../endpoints/openai.js';
import type { RequestRecord } from '../records.js';
import { H1Connection } from '../client/h1-connection.js';
import { H1Pool } from '../client/h1-pool.js';
import { sendRequest } from '../client/send-request.js';
import { okResponse, startRawServer } from '../client/test-raw-server.js';
import { ReadQueue } from './read-queue.js';
import { completeRecord, type PendingRecord } from './request-executor.js';

const config = defaultConfig(['mock-model']).benchmark;
let tokenizer: TextTokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer('builtin');
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs the immediates due now, then those they scheduled (fake timers run those only once the clock moves on). */
const afterTwoImmediates = async () => {
  await vi.advanceTimersByTimeAsync(0);
  await vi.advanceTimersByTimeAsync(1);
};

const WORDS = ['find', 'business', 'you', 'she', 'naïve', '東京', 'of', 'the'];

/** Answer `i` of a non-streaming chat run: a different text (and token count) per index, some of them failures. */
function pending(i: number): PendingRecord {
  const content = Array.from({ length: 1 + (i % 7) }, (_, k) => WORDS[(i + k) % WORDS.length]).join(' ');
  const json = JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }], usage: { prompt_tokens: 10, completion_tokens: 3 } });
  const body = new Uint8Array(Buffer.from(i % 11 === 5 ? 'upstream broke' : json));
  return {
    exchange: {
      startPerfNs: 1_000_000n + BigInt(i) * 1000n,
      ackOffsetNs: 50_000,
      status: i % 11 === 5 ? 502 : 200,
      sse: false,
      body,
      chunkEnds: [body.length],
      chunkOffsetsNs: [90_000 + i],
      endOffsetNs: 91_000 + i,
      error: null,
      wasCancelled: false,
      cancellationOffsetNs: null,
      abandoned: i % 13 === 12,
    },
    sessionNum: i,
    urlIndex: 0,
    xRequestId: `req-${i}`,
    xCorrelationId: `corr-${i}`,
    conversationId: `conv-${i}`,
    turnIndex: 0,
    phase: 'profiling',
    workerId: 'worker_0',
    startEpochNs: 1_760_000_000_000_000_000n + BigInt(i),
    promptTokenCount: 10,
    sendLatenessNs: 0,
    shardIndex: undefined,
    datasetIndex: undefined,
  };
}

function queue(): { reads: ReadQueue; out: RequestRecord[] } {
  const out: RequestRecord[] = [];
  const reads = new ReadQueue(
    { config, endpoint: chatEndpoint },
    async () => tokenizer,
    (record) => out.push(record),
  );
  return { reads, out };
}

describe('ReadQueue', () => {
  it('reads every answer exactly as completeRecord does, in arrival order, whatever the batching', async () => {
    const { reads, out } = queue();
    const all = Array.from({ length: 500 }, (_, i) => pending(i));
    // Bursts above and below the batch size, with pauses in between (a trickle waits for the batch timer).
    let next = 0;
    for (const burst of [1, 3, 31, 32, 33, 100, 2, 64, 7, 227]) {
      for (let k = 0; k < burst; k++) reads.add(all[next++]!);
      await new Promise((resolve) => setTimeout(resolve, burst % 2 === 0 ? 0 : 12));
    }
    expect(next).toBe(all.length);
    await reads.drained();
    const reader = { config, endpoint: chatEndpoint, tokenizer };
    expect(out).toEqual(all.map((p) => completeRecord(reader, p)));
    expect(out.filter((r) => r.error !== null).length).toBeGreaterThan(0);
    expect(out.filter((r) => r.abandoned).length).toBeGreaterThan(0);
  });

  it('holds a few answers for a batch, but drained() reads them at once (the end of a phase, Ctrl+C)', async () => {
    const { reads, out } = queue();
    await reads.drained(); // the tokenizer is loaded and nothing waits
    vi.useFakeTimers();
    for (let i = 0; i < 5; i++) reads.add(pending(i));
    await vi.advanceTimersByTimeAsync(2);
    expect(out).toHaveLength(0); // fewer than a batch, and the batch timer has not fired
    const drained = reads.drained();
    // 1 ms on, the batch timer (10 ms) has not fired: drained() read them without waiting for it.
    await vi.advanceTimersByTimeAsync(1);
    expect(out.map((r) => r.sessionNum)).toEqual([0, 1, 2, 3, 4]);
    await drained;
  });

  it('reads a trickle once the first answer has waited 10 ms, and a full batch at once', async () => {
    const { reads, out } = queue();
    await reads.drained();
    vi.useFakeTimers();
    reads.add(pending(0));
    await vi.advanceTimersByTimeAsync(9);
    reads.add(pending(1));
    expect(out).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2);
    await afterTwoImmediates();
    expect(out.map((r) => r.sessionNum)).toEqual([0, 1]);
    for (let i = 2; i < 34; i++) reads.add(pending(i));
    await afterTwoImmediates(); // no timer: only the two immediates of afterReleasedConnectionsSend
    expect(out).toHaveLength(34);
  });

  it('rejects drained() when reading fails, and reads nothing more', async () => {
    const out: RequestRecord[] = [];
    const reads = new ReadQueue(
      { config, endpoint: chatEndpoint },
      () => Promise.reject(new Error('no tokenizer')),
      (r) => out.push(r),
    );
    reads.add(pending(0));
    await expect(reads.drained()).rejects.toThrow('no tokenizer');
    expect(out).toHaveLength(0);
  });

  it('reads a finished request only after the request that took over its connection is written', async () => {
    // The order a wave in step runs in: a request ends, the next one is sent at once (H1Pool holds it until the
    // connection has been polled again), and the finished one is queued for reading. Reading in between would make
    // the next request wait, and its time to first token counts from before that wait.
    const server = await startRawServer((socket) => socket.write(okResponse('{"choices":[]}')));
    const pool = new H1Pool(server.url, { connections: 1, keepAliveTimeoutMs: 60_000 });
    const events: string[] = [];
    const reads = new ReadQueue({ config, endpoint: chatEndpoint }, async () => tokenizer, () => events.push('read'));
    await reads.drained(); // the tokenizer is loaded
    const write = H1Connection.prototype.send;
    const writes = vi.spyOn(H1Connection.prototype, 'send').mockImplementation(function (this: H1Connection, request) {
      events.push('write');
      write.call(this, request);
    });
    const send = () =>
      sendRequest({ dispatcher: pool, path: '/v1/chat/completions', headers: { 'content-type': 'application/json' }, body: '{}', streaming: false, timeoutMs: 10_000, cancelAfterMs: null, reset: false });
    try {
      await send().then(() => {
        const next = send();
        reads.add(pending(0));
        void reads.drained(); // read as soon as it may (as a full batch is)
        return next;
      });
      await reads.drained();
      expect(events).toEqual(['write', 'write', 'read']);
    } finally {
      writes.mockRestore();
      await pool.destroy();
      await server.close();
    }
  });
});
