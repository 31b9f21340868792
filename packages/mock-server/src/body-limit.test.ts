// Request bodies are bounded: one over the limit is answered 413 (without reading the rest), not buffered.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from './index.js';

let server: MockServer;
let small: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
  small = await startMockServer({ port: 0, maxBodyBytes: 1024 });
});
afterAll(async () => {
  await server.close();
  await small.close();
});

/** POSTs `bytes` of a JSON-ish body in 64 KB writes (or only a header claiming it, with `lie`). */
function post(url: string, path: string, bytes: number, lie = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes) } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error) => reject(error));
    if (lie) return void req.write('{"messages":');
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('request body limit', () => {
  it.each(['/v1/chat/completions', '/v1/completions', '/v1/embeddings'])('%s: a body over the limit gets 413 naming the limit', async (path) => {
    const res = await post(small.url, path, 4096);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toBe('the request body exceeds the limit of 1024 bytes');
  });

  it('a Content-Length over the limit is refused before the body arrives', async () => {
    const res = await post(small.url, '/v1/chat/completions', 10 * 1024 ** 3, true);
    expect(res.status).toBe(413);
  });

  it('the default limit (32 MiB) stops a 40 MB body; the server keeps serving', async () => {
    const before = process.memoryUsage().rss;
    const res = await post(server.url, '/v1/chat/completions', 40 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    const ok = await fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], max_tokens: 2 }) });
    expect(ok.status).toBe(200);
  });

  it('rejects a bad limit option', async () => {
    await expect(startMockServer({ port: 0, maxBodyBytes: -1 })).rejects.toThrow(/maxBodyBytes/);
  });
});
