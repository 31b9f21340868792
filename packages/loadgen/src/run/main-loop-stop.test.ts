import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { makeTempDir } from '@aiperf/test-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { runProfile } from '../run-profile.js';
import { testConfig } from '../test-config.js';
import { readRecords } from '../test-run-files.js';

// Issuing from the main loop, answers wait in the ReadQueue for a batch (up to 32, or 10 ms) before they become
// records. Stopping the run (Ctrl+C) must still turn every answered request into a record, with its own answer.
let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A non-streaming chat server that answers each request with its own id and notes when the answer was sent. */
async function echoServer(): Promise<{ url: string; answered: Set<string> }> {
  const answered = new Set<string>();
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['x-request-id']);
      const body = JSON.stringify({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: `answer ${id}` } }] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body, () => answered.add(id));
    });
  });
  await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, answered };
}

describe('stopping a run issued from the main loop', () => {
  it('keeps every answered request as a record, each with its own answer (Ctrl+C)', async () => {
    const { url, answered } = await echoServer();
    const controller = new AbortController();
    // Stopped at an odd count, so a batch is part-filled when the stop comes.
    const stopAfter = setInterval(() => answered.size >= 77 && controller.abort(), 1);
    const dir = await makeTempDir('aiperf-main-stop-');
    try {
      const config = testConfig({
        endpoint: { url, streaming: false },
        load: { concurrency: 8, requestCount: 1_000_000, workers: null },
        output: { artifactDir: dir, artifactDirExplicit: true, exportLevel: 'raw' },
      });
      const result = await runProfile(config, { stdout: new PassThrough(), stderr: new PassThrough(), signal: controller.signal });
      expect(result.cancelled).toBe(true);
      const records = readRecords(dir);
      expect(records.length).toBeGreaterThanOrEqual(77);
      expect(records.map((r) => r.metadata.x_request_id).sort()).toEqual([...answered].sort());
      for (const record of records) expect(record.error).toBeNull();
      // Each record was read from its own answer (the raw export keeps the body as received).
      const raw = readFileSync(join(dir, 'profile_export_raw.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      expect(raw).toHaveLength(records.length);
      for (const line of raw) expect(JSON.parse(line.responses[0].data).choices[0].message.content).toBe(`answer ${line.metadata.x_request_id}`);
      expect(result.successfulRequestCount).toBe(answered.size);
    } finally {
      clearInterval(stopAfter);
    }
  });
});
