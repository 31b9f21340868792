import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolvePlotConfig } from '../config/resolve.js';
import type { PlotMode, PlotTheme } from '../index.js';
import { detectMode } from '../load/discover.js';
import { loadRuns } from '../load/load-runs.js';
import type { PlotTypeRegistry } from '../specs/registry.js';
import { exposureWarning, hostChecker } from './guard.js';
import { router } from './routes.js';

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
  /** Write `~/.aiperf/plot_config.yaml` when it does not exist yet (the CLI opts in); default false. */
  createUserConfig?: boolean;
  /** Console lines (`Using config: …`, warnings). */
  log?: (line: string) => void;
  /** The plot types a preset may name (the built-ins plus plugins'); default: the built-ins. */
  plotTypes?: PlotTypeRegistry;
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

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(
          new DashboardPortError(`--port: port ${port} on ${host} is already in use; stop what is using it or pick another with --port <n>`, { cause: error }),
        );
      else if (error.code === 'EACCES')
        reject(new DashboardPortError(`--port: not allowed to listen on port ${port} on ${host}; pick a port above 1023 with --port <n>`, { cause: error }));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new DashboardPortError(`--host: '${host}' is not an address of this machine`, { cause: error }));
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
  const resolved = resolvePlotConfig(paths, options.configPath, undefined, options.createUserConfig);
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
  let bound = port;
  const hostAllowed = hostChecker(host, () => bound);
  const server = createServer(router({
    runs, mode, config: resolved.config, theme: options.theme ?? 'light', version: String(Date.now()), hostAllowed,
    ...(options.plotTypes ? { plotTypes: options.plotTypes } : {}),
  }));
  await listen(server, host, port);
  bound = (server.address() as AddressInfo).port;
  const warning = exposureWarning(host);
  if (warning) say(warning);
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
