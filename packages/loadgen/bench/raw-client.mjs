// The baselines aiperf is compared with in baselines.bench.mjs: autocannon for the request rate, and the
// smallest reasonable undici streaming client (one Pool, `for await` over the body) for time to first token.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { Pool } from 'undici';

/** A chat request body like aiperf's: ~`promptWords` words of prompt, `maxTokens` output tokens. */
export function chatBody({ streaming, promptWords = 64, maxTokens = 4 }) {
  const prompt = Array.from({ length: promptWords }, (_, i) => `word${i % 50}`).join(' ');
  return JSON.stringify({
    model: 'mock-model',
    messages: [{ role: 'user', content: prompt }],
    ...(streaming ? { stream: true, stream_options: { include_usage: true } } : { stream: false }),
    max_completion_tokens: maxTokens,
    ignore_eos: true,
  });
}

/**
 * autocannon's request rate over `seconds` with `connections` keep-alive connections (non-streaming), sending
 * `body` with `headers` (pass aiperf's own, support.mjs aiperfHeaders, so the server parses the same request).
 */
export async function autocannonRate({ url, connections, seconds, body = chatBody({ streaming: false }), headers = { 'content-type': 'application/json' } }) {
  const result = await autocannon({
    url: `${url}/v1/chat/completions`,
    method: 'POST',
    headers,
    body,
    connections,
    duration: seconds,
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`autocannon saw ${result.non2xx} non-2xx and ${result.errors} errors`);
  return { requests: result.requests.total, ratePerSecond: result.requests.total / result.duration };
}

/**
 * The headers aiperf sends with a streaming request (its request and correlation ids are new per request), so the
 * server parses as much for the baseline as for aiperf.
 */
const streamingHeaders = () => ({
  'content-type': 'application/json',
  accept: 'text/event-stream',
  'x-request-id': randomUUID(),
  'x-correlation-id': randomUUID(),
});

/**
 * `concurrency` loops each sending streaming requests back to back until `requests` are done (after one warmup
 * wave); returns every request's time to the first body chunk, ms. With equal latencies the loops stay in step,
 * so requests leave in waves, exactly as aiperf's concurrency mode sends them. Request k sends `bodies[k mod n]`
 * (pass aiperf's own request bodies, so the server does the same work for both clients) with aiperf's headers.
 */
export async function rawStreamingTtfts(options) {
  return (await rawStreamingRequests(options)).map((request) => request.ttftMs);
}

/** As rawStreamingTtfts, with each request's send time too: `{ startWallMs, ttftMs }` (wall clock, sub-ms). */
export async function rawStreamingRequests({ url, concurrency, requests, bodies = [chatBody({ streaming: true })] }) {
  const pool = new Pool(url, { connections: concurrency, pipelining: 1, headersTimeout: 0, bodyTimeout: 0 });
  let sent = 0;
  const one = async () => {
    const body = bodies[sent++ % bodies.length];
    const startMs = performance.now();
    const response = await pool.request({ path: '/v1/chat/completions', method: 'POST', headers: streamingHeaders(), body });
    let ttftMs = null;
    for await (const _chunk of response.body) ttftMs ??= performance.now() - startMs;
    return { startWallMs: performance.timeOrigin + startMs, ttftMs };
  };
  const run = async (count) => {
    const measured = [];
    let issued = 0;
    const loop = async () => {
      while (issued < count) {
        issued += 1;
        measured.push(await one());
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
    return measured;
  };
  await run(concurrency);
  const measured = await run(requests);
  await pool.close();
  return measured;
}
