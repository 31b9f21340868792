import { existsSync, readFileSync } from 'node:fs';
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type MockServerOptions, startMockServer } from '@aiperf/mock-server';
import { describe, expect, it } from 'vitest';
import { runProfile } from './run-profile.js';
import { testConfig } from './test-config.js';
import { makeTempDir } from '@aiperf/test-kit';

// Failure paths and what goes on the wire, through runProfile against real sockets.
type Overrides = Parameters<typeof testConfig>[0] & object;

async function profileAt(url: string, overrides: Overrides = {}) {
  const dir = await makeTempDir('aiperf-faults-');
  const config = testConfig({ ...overrides, endpoint: { url, ...overrides.endpoint }, output: { artifactDir: dir, artifactDirExplicit: true } });
  const result = await runProfile(config, { stdout: new PassThrough(), stderr: new PassThrough() });
  const records = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
  return { result, records, inputs };
}

async function withMock(options: MockServerOptions, overrides: Overrides) {
  const server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 5, ...options });
  try {
    return await profileAt(server.url, overrides);
  } finally {
    await server.close();
  }
}

describe('failed requests', () => {
  it('records a stream cut by the server as an error with the socket error class', async () => {
    const { records } = await withMock({ resetAfterTokens: 3, resetRate: 1 }, { load: { concurrency: 1, requestCount: 3 } });
    expect(records).toHaveLength(3);
    for (const r of records) {
      expect(r.error).toMatchObject({ code: null, type: expect.stringMatching(/Error$/) });
      expect(r.error.message.length).toBeGreaterThan(0);
    }
  });

  it('records malformed SSE data as InvalidResponseError instead of dropping it', async () => {
    const { records } = await withMock({ malformedSseAfterTokens: 2, malformedSseRate: 1 }, { load: { concurrency: 1, requestCount: 2 } });
    expect(records.map((r) => r.error?.type)).toEqual(['InvalidResponseError', 'InvalidResponseError']);
    expect(records[0].error.message).toMatch(/^response data is not JSON: /);
  });

  it('times requests out after --request-timeout-seconds', async () => {
    const { records } = await withMock(
      { stallMs: 3000, stallAfterTokens: 1, stallRate: 1 },
      { endpoint: { timeoutSeconds: 0.3 }, load: { concurrency: 1, requestCount: 1 } },
    );
    expect(records[0].error).toEqual({ code: null, type: 'RequestTimeoutError', message: 'Request timed out after 0.3 seconds' });
    const elapsedMs = Number(BigInt(records[0].metadata.request_end_ns) - BigInt(records[0].metadata.request_start_ns)) / 1e6;
    expect(elapsedMs).toBeGreaterThanOrEqual(299);
    expect(elapsedMs).toBeLessThan(2000);
  });

  it('records a refused connection and exits 1 when nothing succeeded', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const { records, result } = await profileAt(`127.0.0.1:${port}`, { load: { concurrency: 1, requestCount: 2 } });
    expect(records.map((r) => r.error?.type)).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    expect(result.exitCode).toBe(1);
  });
});

describe('export levels', () => {
  it('raw adds profile_export_raw.jsonl with the body sent and every SSE message; summary writes no jsonl', async () => {
    const server = await startMockServer({ port: 0, ttftMs: 2, itlMs: 1 });
    try {
      const dir = await makeTempDir('aiperf-raw-');
      const base = { endpoint: { url: server.url, extraInputs: { ignore_eos: true } }, load: { concurrency: 1, requestCount: 2 }, input: { outputTokens: { mean: 3, stddev: 0 } } };
      const stdio = { stdout: new PassThrough(), stderr: new PassThrough() };
      await runProfile(testConfig({ ...base, output: { artifactDir: dir, artifactDirExplicit: true, exportLevel: 'raw' } }), stdio);
      const raw = readFileSync(join(dir, 'profile_export_raw.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8'));
      expect(raw).toHaveLength(2);
      expect(raw[0].payload).toEqual(inputs.data[0].payloads[0]);
      expect(raw[0].responses.at(-1).data).toBe('[DONE]');
      expect(raw[0].responses.filter((r: { data: string }) => r.data.includes('"delta"')).length).toBeGreaterThanOrEqual(3);
      expect(raw[0].responses[0].timestamp_ns).toBeGreaterThan(raw[0].metadata.request_start_ns);
      const summaryDir = await makeTempDir('aiperf-summary-');
      await runProfile(testConfig({ ...base, output: { artifactDir: summaryDir, artifactDirExplicit: true, exportLevel: 'summary' } }), stdio);
      expect(existsSync(join(summaryDir, 'profile_export.jsonl'))).toBe(false);
      expect(JSON.parse(readFileSync(join(summaryDir, 'profile_export_aiperf.json'), 'utf8')).request_count.avg).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('requests on the wire', () => {
  it('sends the body as recorded in inputs.json with ids, api key, custom headers and extra inputs', async () => {
    const seen: Array<{ headers: IncomingHttpHeaders; url: string; body: string }> = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        seen.push({ headers: request.headers, url: request.url!, body });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ choices: [{ message: { content: 'hi there' } }], usage: { prompt_tokens: 3, completion_tokens: 2 } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { records, inputs } = await profileAt(`http://127.0.0.1:${port}/base`, {
        endpoint: { streaming: false, apiKey: 'sk-secret', headers: { 'x-team': 'perf' }, extraInputs: { temperature: 0.5 }, useLegacyMaxTokens: true },
        load: { concurrency: 1, requestCount: 3 },
        input: { numDatasetEntries: 2 },
      });
      expect(seen.map((s) => s.url)).toEqual(['/base/v1/chat/completions', '/base/v1/chat/completions', '/base/v1/chat/completions']);
      expect(seen[0]!.headers).toMatchObject({ authorization: 'Bearer sk-secret', 'x-team': 'perf', 'content-type': 'application/json' });
      expect(new Set(seen.map((s) => s.headers['x-request-id'])).size).toBe(3);
      expect(records.map((r) => r.metadata.x_request_id).sort()).toEqual(seen.map((s) => s.headers['x-request-id']).sort());
      // Request i uses dataset entry i mod 2; the body is byte-for-byte the payload in inputs.json.
      expect(JSON.parse(seen[2]!.body)).toEqual(inputs.data[0].payloads[0]);
      expect(inputs.data[0].payloads[0]).toMatchObject({ stream: false, max_tokens: 8, temperature: 0.5 });
      expect(records[0].metrics.output_sequence_length).toEqual({ value: 2, unit: 'tokens' });
      expect(records[0].metrics.time_to_first_token).toBeUndefined();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
