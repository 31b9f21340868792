// One HTTP GET of a Prometheus endpoint: status, size cap and timeout. Shared by GPU telemetry and server metrics.
import { request } from 'undici';

export type FetchTextOutcome =
  | { kind: 'ok'; body: string }
  | { kind: 'unreachable'; message: string; timedOut?: true }
  /** The body passed `maxBodyBytes`; the rest was not read. */
  | { kind: 'too-large'; message: string };

/** Bodies above this are cut off: a real exposition of even 10,000 series is a few MB. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

export async function fetchText(
  url: string,
  timeoutMs: number,
  signal: AbortSignal,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
): Promise<FetchTextOutcome> {
  // A plain timer, not AbortSignal.timeout(): on Node 20 a timeout signal held only by AbortSignal.any() can be
  // garbage-collected before it fires, and then a hanging endpoint is never cut off.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await request(url, { method: 'GET', headers: { accept: 'text/plain' }, signal: controller.signal });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      return { kind: 'unreachable', message: `HTTP ${response.statusCode}` };
    }
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of response.body) {
      bytes += (chunk as Buffer).length;
      if (bytes > maxBodyBytes) {
        response.body.destroy();
        return { kind: 'too-large', message: `body larger than ${maxBodyBytes} bytes; skipped` };
      }
      chunks.push(chunk as Buffer);
    }
    return { kind: 'ok', body: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    const timedOut = (error instanceof Error && error.name === 'TimeoutError') || (controller.signal.aborted && !signal.aborted);
    return { kind: 'unreachable', message: timedOut ? `no answer within ${timeoutMs} ms` : describeFetchError(error, timeoutMs), ...(timedOut ? { timedOut: true as const } : {}) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = (error as { cause?: unknown }).cause;
    const code = (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
    // undici's messages usually name the code already ("connect ECONNREFUSED 127.0.0.1:9400").
    if (typeof code !== 'string' || error.message.includes(code)) return error.message || String(code);
    return `${code}: ${error.message}`;
  }
  return String(error);
}
