import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RecordingProxy, maxOverlap, startRecordingProxy } from './index.js';

// The upstream: answers POST /chat with a chat completion in two writes 20 ms apart, anything else with `plain`.
let upstream: Server;
let proxy: RecordingProxy<{ prompt: string }>;
afterEach(async () => {
  await proxy?.close();
  await new Promise((resolve) => upstream?.close(resolve));
});

async function start(): Promise<void> {
  upstream = createServer((req, res) => {
    req.resume();
    if (req.method !== 'POST') return void res.writeHead(200, { 'x-kind': 'plain' }).end('plain');
    res.writeHead(201, { 'content-type': 'application/json' });
    res.write('{"choices":[{"message":');
    setTimeout(() => res.end('{"content":"hi there"}}]}'), 20);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  proxy = await startRecordingProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
}

describe('startRecordingProxy', () => {
  it('records POSTs as they went over the wire and passes the answer through untouched', async () => {
    await start();
    const answer = await fetch(`${proxy.url}/chat?x=1`, { method: 'POST', headers: { 'x-test': 'a' }, body: JSON.stringify({ prompt: 'p' }) });
    expect(answer.status).toBe(201);
    expect(await answer.text()).toBe('{"choices":[{"message":{"content":"hi there"}}]}');
    const [exchange] = proxy.exchanges;
    expect(proxy.exchanges).toHaveLength(1);
    expect(exchange).toMatchObject({ method: 'POST', path: '/chat?x=1', body: { prompt: 'p' }, connection: 1, status: 201, answer: 'hi there' });
    expect(exchange!.headers['x-test']).toBe('a');
    expect(exchange!.responseText).toBe('{"choices":[{"message":{"content":"hi there"}}]}');
    // The first bytes passed back before the upstream's second write, 20 ms later.
    expect(exchange!.firstByteMs).toBeGreaterThanOrEqual(exchange!.receivedMs);
    expect(exchange!.answeredMs - exchange!.firstByteMs).toBeGreaterThanOrEqual(15);
  });

  it('passes other methods through unrecorded', async () => {
    await start();
    const answer = await fetch(`${proxy.url}/metrics`);
    expect(answer.headers.get('x-kind')).toBe('plain');
    expect(await answer.text()).toBe('plain');
    expect(proxy.exchanges).toEqual([]);
  });
});

describe('maxOverlap', () => {
  it('counts the most intervals open at once; an end at a start does not overlap it', () => {
    expect(maxOverlap([])).toBe(0);
    expect(maxOverlap([[0, 1], [1, 2], [2, 3]])).toBe(1);
    expect(maxOverlap([[0, 3], [1, 2], [1.5, 4], [3, 5]])).toBe(3);
  });
});
