// DNS rebinding and injection defences of the dashboard: requests must name the bound address in Host, every
// response carries a strict Content-Security-Policy, and binding beyond loopback is warned about.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSingleRun } from '../testing/fixtures.js';
import { type DashboardServer, startDashboard } from './server.js';
import { makeTempDir } from '@aiperf/test-kit';

const root = await makeTempDir('aiperf-dashboard-security-');
process.env.AIPERF_PLOT_CONFIG_HOME = join(root, 'home');
const run = writeSingleRun(join(root, 'one_run'), { requestCount: 20, concurrency: 1 });
const servers: DashboardServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  rmSync(root, { recursive: true, force: true });
});

async function start(host?: string) {
  const lines: string[] = [];
  const server = await startDashboard({ paths: [run], port: 0, ...(host ? { host } : {}), log: (l) => lines.push(l) });
  servers.push(server);
  return { server, lines };
}

/** A GET with a chosen Host header (fetch does not let a caller set it). */
function getWithHost(port: number, path: string, host: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dashboard Host check', () => {
  it('serves the bound address and loopback names, refuses any other Host (DNS rebinding)', async () => {
    const { server } = await start();
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`])
      expect((await getWithHost(server.port, '/api/dashboard.json', host)).status, host).toBe(200);
    for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      const res = await getWithHost(server.port, '/api/dashboard.json', host);
      expect(res.status, host).toBe(403);
      expect(res.body).toMatch(/Host header/);
      expect(res.body).not.toContain('{'); // no data
    }
  });
});

describe('dashboard Content-Security-Policy', () => {
  it('allows only its own scripts and the page inline style by hash', async () => {
    const { server } = await start();
    const page = await getWithHost(server.port, '/', `127.0.0.1:${server.port}`);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    for (const [, css] of page.body.matchAll(/<style>([\s\S]*?)<\/style>/g))
      expect(csp).toContain(`'sha256-${createHash('sha256').update(css as string).digest('base64')}'`);
    expect(page.body).not.toMatch(/<script>(?!<\/script>)/); // no inline script the policy would block
    const api = await getWithHost(server.port, '/api/dashboard.json', `127.0.0.1:${server.port}`);
    expect(api.headers['content-security-policy']).toContain("default-src 'none'");
  });
});

describe('binding beyond loopback', () => {
  it('warns that anyone on the network can read the results', async () => {
    const { server, lines } = await start('0.0.0.0');
    expect(lines.join('\n')).toMatch(/WARNING: .*0\.0\.0\.0.*not loopback.*network/i);
    expect((await getWithHost(server.port, '/api/dashboard.json', `127.0.0.1:${server.port}`)).status).toBe(200);
    expect((await getWithHost(server.port, '/api/dashboard.json', `evil.example:${server.port}`)).status).toBe(403);
  });

  it('stays quiet on loopback', async () => {
    const { lines } = await start('127.0.0.1');
    expect(lines.join('\n')).not.toMatch(/loopback/);
  });
});
