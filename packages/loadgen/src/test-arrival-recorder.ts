// Test helper: a pass-through HTTP proxy that notes when each request reached it, when the upstream's first
// response bytes passed back and when the answer ended (all performance.now() ms). Warmup requests leave no
// records in the exports, so the realised warmup schedule is read here, where the server would see it.
import { type IncomingMessage, type Server, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Arrival {
  arrivedMs: number;
  /** The first response body bytes sent back (the end of prefill as the client sees it). */
  firstByteMs: number;
  endMs: number;
}

export interface ArrivalRecorder {
  url: string;
  /** Completion requests (POST), in arrival order; an entry is complete once its answer ended. */
  arrivals: Arrival[];
  close(): Promise<void>;
}

export async function startArrivalRecorder(upstreamUrl: string): Promise<ArrivalRecorder> {
  const upstream = new URL(upstreamUrl);
  const arrivals: Arrival[] = [];
  const server: Server = createServer((req, res) => {
    const arrival: Arrival = { arrivedMs: performance.now(), firstByteMs: Number.NaN, endMs: Number.NaN };
    if (req.method === 'POST') arrivals.push(arrival);
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => {
          if (Number.isNaN(arrival.firstByteMs)) arrival.firstByteMs = performance.now();
          res.write(chunk);
        });
        answer.on('end', () => {
          arrival.endMs = performance.now();
          res.end();
        });
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Most intervals open at once (an end at the same instant as a start does not overlap it). */
export function maxOverlap(intervals: ReadonlyArray<readonly [number, number]>): number {
  const events = intervals.flatMap(([a, b]) => [[a, 1], [b, -1]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let open = 0;
  let most = 0;
  for (const [, delta] of events) most = Math.max(most, (open += delta));
  return most;
}
