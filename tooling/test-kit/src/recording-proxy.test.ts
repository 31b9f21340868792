import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RecordingProxy, maxOverlap, startRecordingProxy } from './index.js';

// The upstream: answers POST /chat with a chat completion in two writes, the second only once the test calls
// `releaseSecondWrite` (noting when it wrote it), anything else with `plain`. The test releases it after the client
// has read the first bytes: streaming through the proxy is checked by the order of events, not by a wall-clock gap.
// (After 10 s the upstream writes it anyway, so a proxy that holds the answer back fails the test instead of hanging it.)
let upstream: Server;
let proxy: RecordingProxy<{ prompt: string }>;
let releaseSecondWrite: () => void;
let secondWriteMs = Number.NaN;
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
    const fallback = setTimeout(() => releaseSecondWrite(), 10_000);
    releaseSecondWrite = () => {
      clearTimeout(fallback);
      secondWriteMs = performance.now();
      res.end('{"content":"hi there"}}]}');
    };
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  proxy = await startRecordingProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
}

describe('startRecordingProxy', () => {
  it('records POSTs as they went over the wire and passes the answer through untouched', async () => {
    await start();
    const answer = await fetch(`${proxy.url}/chat?x=1`, { method: 'POST', headers: { 'x-test': 'a' }, body: JSON.stringify({ prompt: 'p' }) });
    expect(answer.status).toBe(201);
    // The first bytes reach the client while the upstream still holds its second write (through a proxy that
    // buffered the answer, the first read would bring the whole of it, after the upstream's 10 s fallback).
    const reader = answer.body!.getReader();
    const decoder = new TextDecoder();
    const head = '{"choices":[{"message":';
    let text = '';
    while (text.length < head.length) text += decoder.decode((await reader.read()).value, { stream: true });
    expect(text).toBe(head);
    releaseSecondWrite();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    expect(text).toBe('{"choices":[{"message":{"content":"hi there"}}]}');
    const [exchange] = proxy.exchanges;
    expect(proxy.exchanges).toHaveLength(1);
    expect(exchange).toMatchObject({ method: 'POST', path: '/chat?x=1', body: { prompt: 'p' }, connection: 1, status: 201, answer: 'hi there' });
    expect(exchange!.headers['x-test']).toBe('a');
    expect(exchange!.responseText).toBe('{"choices":[{"message":{"content":"hi there"}}]}');
    // The first bytes were noted when they passed back, before the upstream's second write; the end after it.
    expect(exchange!.firstByteMs).toBeGreaterThanOrEqual(exchange!.receivedMs);
    expect(exchange!.firstByteMs).toBeLessThan(secondWriteMs);
    expect(exchange!.answeredMs).toBeGreaterThanOrEqual(secondWriteMs);
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
