import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { makeTempDir } from '@aiperf/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { parseJsonWithBigInt } from '../export/json-text.js';
import { runProfile } from '../run-profile.js';
import { testConfig } from '../test-config.js';
import { readRecords, readSummary } from '../test-run-files.js';
import type { RunSidecar } from '../types.js';
import { findWorkerScript } from './issuer-thread-pool.js';

// Records issued from a worker thread cross to the main thread packed (pending-batch.ts). These runs go through a
// real thread against a server that tags every SSE message with its request's id and index and notes when it
// wrote it, so a record, a message or a chunk time that the hand-off dropped, reordered or gave to another request
// shows in the files on disk.
const CHUNKS = 5;

interface Seen {
  correlationId: string;
  /** Monotonic ns (this process's clock, which the worker thread shares): request in, each message written. */
  receivedNs: bigint;
  writtenNs: bigint[];
  finished: boolean;
}

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** `padBytes` of filler (a field the chat endpoint ignores) in each request's first message: big answers. */
async function taggingServer(padBytes = 0): Promise<{ url: string; seen: Map<string, Seen> }> {
  const seen = new Map<string, Seen>();
  server = createServer((req, res) => {
    const receivedNs = process.hrtime.bigint();
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['x-request-id']);
      const entry: Seen = { correlationId: String(req.headers['x-correlation-id']), receivedNs, writtenNs: [], finished: false };
      seen.set(id, entry);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const write = (k: number) => {
        if (k === CHUNKS) {
          res.end('data: [DONE]\n\n', () => (entry.finished = true));
          return;
        }
        entry.writtenNs.push(process.hrtime.bigint());
        const pad = k === 0 && padBytes > 0 ? { pad: '.'.repeat(padBytes) } : {};
        res.write(`data: ${JSON.stringify({ object: 'chat.completion.chunk', ...pad, choices: [{ index: 0, delta: { content: `${id}#${k} ` } }] })}\n\n`);
        setTimeout(write, 2, k + 1);
      };
      write(0);
    });
  });
  await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen };
}

/** A sidecar on the main loop: with it a run below 256 in flight issues from one worker thread (a default run's path). */
const busyMainLoop: RunSidecar = { name: 'scrape', start: async () => {}, stop: async () => ({}) };

async function profileThroughThread(url: string, requestCount: number, signal?: AbortSignal) {
  const dir = await makeTempDir('aiperf-handoff-');
  const config = testConfig({
    endpoint: { url },
    load: { concurrency: 4, requestCount, workers: null },
    output: { artifactDir: dir, artifactDirExplicit: true, exportLevel: 'raw' },
  });
  const result = await runProfile(config, { stdout: new PassThrough(), stderr: new PassThrough(), ...(signal ? { signal } : {}) }, { sidecars: [busyMainLoop] });
  const raw = readFileSync(join(dir, 'profile_export_raw.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => parseJsonWithBigInt(line) as Record<string, any>);
  return { result, records: readRecords(dir), raw, summary: readSummary(dir) };
}

describe.skipIf(!findWorkerScript())('the hand-off from an issuing thread to the main thread', () => {
  if (!findWorkerScript()) console.warn('SKIPPED: worker threads need the built dist/worker.js');

  it('brings every record, message and chunk time across, each to its own request', async () => {
    const { url, seen } = await taggingServer();
    const { records, raw, summary } = await profileThroughThread(url, 24);
    // It did go through a thread: the records carry the issuing thread's id, and the main thread only read.
    expect(summary.client_health.threads.map((t: { thread: string }) => t.thread).sort()).toEqual(['main', records[0]!.metadata.worker_id].sort());
    expect(records.map((r) => r.metadata.session_num).sort((a, b) => a - b)).toEqual([...Array(24).keys()]);
    expect(new Set(records.map((r) => r.metadata.x_request_id))).toEqual(new Set(seen.keys()));
    for (const record of records) {
      expect(record.error).toBeNull();
      expect(record.metadata.x_correlation_id).toBe(seen.get(record.metadata.x_request_id)!.correlationId);
      expect(record.metrics.inter_chunk_latency.value).toHaveLength(CHUNKS - 1);
    }
    expect(raw).toHaveLength(24);
    for (const line of raw) {
      const id = line.metadata.x_request_id as string;
      const server = seen.get(id)!;
      const responses = line.responses as Array<{ timestamp_ns: bigint; data: string }>;
      expect(responses.map((r) => (r.data === '[DONE]' ? r.data : JSON.parse(r.data).choices[0].delta.content))).toEqual([
        ...Array.from({ length: CHUNKS }, (_, k) => `${id}#${k} `),
        '[DONE]',
      ]);
      // A message arrives after the server wrote it: its time since the send is at least the server's time from
      // receiving the request to writing it (both on the one monotonic clock), and the times never go back.
      const start = line.metadata.request_start_ns as bigint;
      for (let k = 0; k < CHUNKS; k++) {
        expect(responses[k]!.timestamp_ns - start).toBeGreaterThanOrEqual(server.writtenNs[k]! - server.receivedNs);
        if (k > 0) expect(responses[k]!.timestamp_ns).toBeGreaterThanOrEqual(responses[k - 1]!.timestamp_ns);
      }
    }
  });

  it('brings big answers across whole (a batch ends early at 8 MiB of bodies)', async () => {
    const padBytes = 1.25 * 1024 * 1024; // 8 answers: 10 MiB, so at least one batch ends on its bytes
    const { url } = await taggingServer(padBytes);
    const { records, raw } = await profileThroughThread(url, 8);
    expect(records).toHaveLength(8);
    for (const line of raw) {
      const first = JSON.parse(line.responses[0].data);
      expect(first.choices[0].delta.content).toBe(`${line.metadata.x_request_id}#0 `);
      expect(first.pad).toBe('.'.repeat(padBytes));
    }
  });

  it('keeps every answered request when the run is stopped mid-way (Ctrl+C)', async () => {
    const { url, seen } = await taggingServer();
    const controller = new AbortController();
    const stopAfter = setInterval(() => {
      if ([...seen.values()].filter((s) => s.finished).length >= 30) controller.abort();
    }, 5);
    try {
      const { result, records } = await profileThroughThread(url, 100_000, controller.signal);
      expect(result.cancelled).toBe(true);
      // What was in flight at the stop finished within the grace period: every request the server answered, and
      // only those, is a record.
      const answered = [...seen].filter(([, s]) => s.finished).map(([id]) => id);
      expect(answered.length).toBeGreaterThanOrEqual(30);
      expect(records.map((r) => r.metadata.x_request_id).sort()).toEqual(answered.sort());
      for (const record of records) expect(record.error).toBeNull();
    } finally {
      clearInterval(stopAfter);
    }
  });
});
