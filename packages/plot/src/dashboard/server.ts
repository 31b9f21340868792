import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { resolvePlotConfig } from '../config/resolve.js';
import type { PlotMode, PlotTheme } from '../index.js';
import { detectMode } from '../load/discover.js';
import { loadRuns } from '../load/load-runs.js';
import type { RunData } from '../types.js';
import type { PlotConfig } from '../config/types.js';
import { DASHBOARD_CLIENT_JS } from './client.js';
import { dashboardHtml } from './page.js';
import { buildDashboardPayload, type DashboardPayload } from './payload.js';
import { DASHBOARD_STATS } from './stat.js';

// The I/O edge of the dashboard: loads the runs once, then serves the page, chart.js (from the installed
// package, no CDN) and the payload JSON over node:http. Everything it sends is built by pure functions.

export interface DashboardOptions {
  paths: string[];
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 8050; 0 picks a free port. */
  port?: number;
  /** The theme the page opens in (the page can switch live). */
  theme?: PlotTheme;
  configPath?: string;
  /** Console lines (`Using config: …`, warnings). */
  log?: (line: string) => void;
}

export interface DashboardServer {
  url: string;
  host: string;
  port: number;
  mode: PlotMode;
  runCount: number;
  close(): Promise<void>;
}

/** The port could not be bound (in use, not permitted): the user's to fix with `--port`/`--host`. */
export class DashboardPortError extends Error {
  override name = 'DashboardPortError';
}

const THEME_NAMES: readonly PlotTheme[] = ['light', 'dark'];
const JS_TYPE = 'text/javascript; charset=utf-8';

const chartJsUmdPath = (): string => join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

interface Routes {
  runs: readonly RunData[];
  mode: PlotMode;
  config: PlotConfig;
  theme: PlotTheme;
  version: string;
}

function router({ runs, mode, config, theme, version }: Routes) {
  const payloads = new Map<string, string>();
  let chartJs: Buffer | undefined;
  const payloadJson = (params: URLSearchParams): { status: number; body: string } => {
    const requestedTheme = (params.get('theme') ?? theme).toLowerCase() as PlotTheme;
    if (!THEME_NAMES.includes(requestedTheme)) return { status: 400, body: JSON.stringify({ error: `theme: '${params.get('theme')}' is not a valid theme; allowed: light, dark` }) };
    const runsParam = params.get('runs');
    const ids = runsParam === null ? undefined : runsParam.split(',').filter(Boolean);
    const unknown = ids?.filter((id) => !/^\d+$/.test(id) || Number(id) >= runs.length);
    if (unknown?.length) return { status: 400, body: JSON.stringify({ error: `runs: unknown run id(s) ${unknown.join(', ')}; allowed: 0..${runs.length - 1}` }) };
    const stat = params.get('stat') || undefined;
    if (stat !== undefined && !DASHBOARD_STATS.includes(stat)) return { status: 400, body: JSON.stringify({ error: `stat: '${stat}' is not a statistic; allowed: ${DASHBOARD_STATS.join(', ')}` }) };
    const key = `${requestedTheme}|${ids?.join(',') ?? '*'}|${stat ?? ''}`;
    let body = payloads.get(key);
    if (!body) {
      const payload: DashboardPayload = buildDashboardPayload(runs, {
        config,
        theme: requestedTheme,
        mode,
        ...(ids ? { selectedRunIds: ids } : {}),
        ...(stat ? { stat } : {}),
      });
      body = JSON.stringify(payload);
      if (payloads.size >= 32) payloads.delete(payloads.keys().next().value!);
      payloads.set(key, body);
    }
    return { status: 200, body };
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://dashboard');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n');
    try {
      switch (url.pathname) {
        case '/':
          return send(res, 200, 'text/html; charset=utf-8', dashboardHtml({ theme, version }));
        case '/assets/chart.umd.min.js':
          chartJs ??= readFileSync(chartJsUmdPath());
          return send(res, 200, JS_TYPE, chartJs);
        case '/assets/dashboard.js':
          return send(res, 200, JS_TYPE, DASHBOARD_CLIENT_JS);
        case '/api/dashboard.json': {
          const { status, body } = payloadJson(url.searchParams);
          return send(res, status, 'application/json; charset=utf-8', body);
        }
        default:
          return send(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}\n`);
      }
    } catch (error) {
      send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${(error as Error).message}\n`);
    }
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new DashboardPortError(`--port: port ${port} on ${host} is already in use; stop what is using it or pick another with --port <n>`, { cause: error }));
      else if (error.code === 'EACCES') reject(new DashboardPortError(`--port: not allowed to listen on port ${port} on ${host}; pick a port above 1023 with --port <n>`, { cause: error }));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new DashboardPortError(`--host: '${host}' is not an address of this machine`, { cause: error }));
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

/** Loads the runs once and serves the interactive dashboard until `close()`. */
export async function startDashboard(options: DashboardOptions): Promise<DashboardServer> {
  const paths = options.paths.length > 0 ? options.paths : ['./artifacts'];
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8050;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DashboardPortError(`--port: '${port}' is not a port; allowed: 0 (any free port) to 65535`);
  const say = options.log ?? (() => {});
  detectMode(paths);
  const resolved = resolvePlotConfig(paths, options.configPath);
  for (const warning of resolved.warnings) say(`WARNING: ${warning}`);
  if (resolved.source === 'user-created') {
    say('');
    say(`Created plot configuration: ${resolved.path}`);
    say('  Edit this file to customize plots (changes take effect on next run)');
    say('');
  } else if (resolved.path) say(`Using config: ${resolved.path}`);
  const { mode, runs, warnings } = await loadRuns(paths);
  for (const warning of warnings) say(`WARNING: ${warning}`);

  // A new version per start resets the page's session state (hidden plots, layout), as upstream does.
  const server = createServer(router({ runs, mode, config: resolved.config, theme: options.theme ?? 'light', version: String(Date.now()) }));
  await listen(server, host, port);
  const bound = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${bound}`,
    host,
    port: bound,
    mode,
    runCount: runs.length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
