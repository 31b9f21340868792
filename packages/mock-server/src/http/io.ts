import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorBody } from '../openai-shapes.js';

/** Monotonic milliseconds (sub-ms precision); all schedules are absolute times on this clock. */
export const nowMs = (): number => performance.now();

/**
 * Resolves at `targetMs` on the monotonic clock. Absolute targets mean a late timer never delays
 * the tokens after it. Resolves false when the signal aborted (client gone, server closing).
 */
export async function sleepUntil(targetMs: number, signal: AbortSignal): Promise<boolean> {
  const delayMs = targetMs - nowMs();
  if (signal.aborted) return false;
  if (delayMs <= 0) return true;
  try {
    await sleep(delayMs, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendError(response: ServerResponse, status: number, message: string, type = 'invalid_request_error'): void {
  sendJson(response, status, errorBody(message, type));
}

/** Waits for 'drain' when a write hit the socket buffer's high-water mark. */
export function waitForDrain(response: ServerResponse, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    response.on('drain', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
