import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { PlotConfig } from '../config/types.js';
import type { PlotMode, PlotTheme } from '../index.js';
import type { RunData } from '../types.js';
import { readDashboardAsset } from './assets.js';
import { contentSecurityPolicy } from './guard.js';
import { dashboardHtml } from './page.js';
import { buildDashboardPayload, type DashboardPayload, DashboardViewError } from './payload.js';
import type { DashboardView } from './view.js';
import type { PlotTypeRegistry } from '../specs/registry.js';
import { runDetails } from './run-details.js';
import { DASHBOARD_STATS } from './stat.js';

// The dashboard's HTTP routes: `/` (page), `/assets/dashboard.js` and `/assets/dashboard.css` (the browser
// bundle built from `src/dashboard/browser/`, chart.js inside), `/api/dashboard.json?theme=&runs=&stat=&plots=`
// (payloads cached per query), `/api/run?id=` (one run's summary and config, for the Run Configuration view).

const THEME_NAMES: readonly PlotTheme[] = ['light', 'dark'];
const JS_TYPE = 'text/javascript; charset=utf-8';
const CSS_TYPE = 'text/css; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

// Payloads of large runs are megabytes of numbers (≈ 3.5 MB for 100k requests); gzip shrinks them several-fold.
const GZIP_MIN_BYTES = 16 * 1024;

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, acceptEncoding = ''): void {
  const csp = contentSecurityPolicy(type.startsWith('text/html') ? String(body) : '');
  const headers: Record<string, string> = {
    'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', vary: 'accept-encoding',
    'content-security-policy': csp, 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY',
  };
  if (Buffer.byteLength(body) >= GZIP_MIN_BYTES && /\bgzip\b/.test(acceptEncoding)) {
    res.writeHead(status, { ...headers, 'content-encoding': 'gzip' });
    res.end(gzipSync(body, { level: 6 }));
    return;
  }
  res.writeHead(status, headers);
  res.end(body);
}

export interface Routes {
  runs: readonly RunData[];
  mode: PlotMode;
  config: PlotConfig;
  theme: PlotTheme;
  version: string;
  /** Whether a request's Host header names this server (DNS-rebinding defence); all allowed when absent. */
  hostAllowed?: (hostHeader: string | undefined) => boolean;
  /** The plot types a preset may name; default: the built-ins. */
  plotTypes?: PlotTypeRegistry;
}

export function router({ runs, mode, config, theme, version, hostAllowed = () => true, plotTypes }: Routes) {
  const payloads = new Map<string, string>();
  const error = (message: string) => ({ status: 400, body: JSON.stringify({ error: message }) });
  const payloadJson = (params: URLSearchParams): { status: number; body: string } => {
    const requestedTheme = (params.get('theme') ?? theme).toLowerCase() as PlotTheme;
    if (!THEME_NAMES.includes(requestedTheme))
      return { status: 400, body: JSON.stringify({ error: `theme: '${params.get('theme')}' is not a valid theme; allowed: light, dark` }) };
    const runsParam = params.get('runs');
    const ids = runsParam === null ? undefined : runsParam.split(',').filter(Boolean);
    const unknown = ids?.filter((id) => !/^\d+$/.test(id) || Number(id) >= runs.length);
    if (unknown?.length)
      return { status: 400, body: JSON.stringify({ error: `runs: unknown run id(s) ${unknown.join(', ')}; allowed: 0..${runs.length - 1}` }) };
    const stat = params.get('stat') || undefined;
    if (stat !== undefined && !DASHBOARD_STATS.includes(stat))
      return { status: 400, body: JSON.stringify({ error: `stat: '${stat}' is not a statistic; allowed: ${DASHBOARD_STATS.join(', ')}` }) };
    const plotsParam = params.get('plots');
    let view: DashboardView | undefined;
    if (plotsParam) {
      try {
        const presets = JSON.parse(plotsParam) as unknown;
        if (!presets || typeof presets !== 'object' || Array.isArray(presets)) throw new Error('not an object');
        view = { presets: presets as Record<string, unknown> };
      } catch {
        return error(`plots: not a JSON object of plot name → preset (got ${JSON.stringify(plotsParam.slice(0, 60))})`);
      }
    }
    const key = `${requestedTheme}|${ids?.join(',') ?? '*'}|${stat ?? ''}|${plotsParam ?? ''}`;
    let body = payloads.get(key);
    if (!body) {
      let payload: DashboardPayload;
      try {
        payload = buildDashboardPayload(runs, {
          config,
          theme: requestedTheme,
          mode,
          ...(ids ? { selectedRunIds: ids } : {}),
          ...(stat ? { stat } : {}),
          ...(view ? { view } : {}),
          ...(plotTypes ? { plotTypes } : {}),
        });
      } catch (problem) {
        if (problem instanceof DashboardViewError) return error(problem.message);
        throw problem;
      }
      body = JSON.stringify(payload);
      if (payloads.size >= 32) payloads.delete(payloads.keys().next().value!);
      payloads.set(key, body);
    }
    return { status: 200, body };
  };
  /** status, content type and body for one GET. */
  const respond = (url: URL): [number, string, string | Buffer] => {
    switch (url.pathname) {
      case '/':
        return [200, 'text/html; charset=utf-8', dashboardHtml({ theme, version })];
      case '/assets/dashboard.js':
        return [200, JS_TYPE, readDashboardAsset('dashboard.js')];
      case '/assets/dashboard.css':
        return [200, CSS_TYPE, readDashboardAsset('dashboard.css')];
      case '/api/run': {
        const id = url.searchParams.get('id') ?? '';
        const run = /^\d+$/.test(id) ? runs[Number(id)] : undefined;
        if (!run) return [404, JSON_TYPE, JSON.stringify({ error: `id: unknown run '${id}'; allowed: 0..${runs.length - 1}` })];
        return [200, JSON_TYPE, JSON.stringify(runDetails(run, id))];
      }
      case '/api/dashboard.json': {
        const { status, body } = payloadJson(url.searchParams);
        return [status, JSON_TYPE, body];
      }
      default:
        return [404, TEXT_TYPE, `Not found: ${url.pathname}\n`];
    }
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!hostAllowed(req.headers.host)) {
      send(res, 403, TEXT_TYPE, 'Forbidden: the Host header does not name this dashboard (open it by the address it printed)\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, TEXT_TYPE, 'Method Not Allowed\n');
      return;
    }
    try {
      send(res, ...respond(new URL(req.url ?? '/', 'http://dashboard')), String(req.headers['accept-encoding'] ?? ''));
    } catch (error) {
      send(res, 500, TEXT_TYPE, `Internal error: ${(error as Error).message}\n`);
    }
  };
}
