// Test-only loopback HTTP servers: a DCGM-like exporter, a garbage endpoint and a closed port.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FIXTURE_TEXT = readFileSync(new URL('../../test-fixtures/dcgm-exporter-h100x2.prom', import.meta.url), 'utf8');

export interface TestServer {
  url: string;
  /** Requests served so far. */
  hits(): number;
  close(): Promise<void>;
}

export async function startTestServer(respond: (hit: number, request: IncomingMessage, response: ServerResponse) => void): Promise<TestServer> {
  let hits = 0;
  const server = createServer((request, response) => respond(++hits, request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/metrics`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Serves the recorded exposition; GPU 0's power is raised by 1 W per request so scrapes are distinguishable. */
export function startFixtureExporter(): Promise<TestServer> {
  return startTestServer((hit, _request, response) => {
    const body = FIXTURE_TEXT.replace(/(DCGM_FI_DEV_POWER_USAGE\{gpu="0"[^}]*\}) [\d.]+/, `$1 ${300 + hit}`);
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body);
  });
}

export function startGarbageEndpoint(): Promise<TestServer> {
  return startTestServer((_hit, _request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>\n');
  });
}

/** A URL on a port that was just bound and released, so connecting is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = await startTestServer((_hit, _request, response) => response.end());
  await server.close();
  return server.url;
}
