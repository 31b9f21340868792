// `aiperf profile` against an https:// endpoint, through the built binary: hosted endpoints are TLS, and https is
// the one scheme that does not take aiperf's lean HTTP/1.1 pool but undici (its trimmed copy inside the issuing
// thread's build too). The server is the mock behind a TLS-terminating proxy with a self-signed certificate made by
// `openssl` for this run; the CLI trusts it the way a user would, through NODE_EXTRA_CA_CERTS.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { type Server, createServer } from 'node:tls';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMockServer } from './mock-fixture.js';
import { runAiperf } from './reliability/cli-process.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasOpenssl) console.warn('SKIPPED: https.e2e.test.ts needs the `openssl` command to make a test certificate (Debian: openssl)');

const mock = useMockServer({ ttftMs: 5, itlMs: 1 });
let tlsProxy: Server;
let httpsUrl = '';
let caFile = '';

beforeAll(async () => {
  if (!hasOpenssl) return;
  const dir = await makeTempDir('aiperf-tls-');
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  caFile = cert;
  const mockPort = Number(new URL(mock.url).port);
  tlsProxy = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (client) => {
    const upstream = connect(mockPort, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => tlsProxy.listen(0, '127.0.0.1', resolve));
  httpsUrl = `https://127.0.0.1:${(tlsProxy.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => (tlsProxy ? tlsProxy.close(() => resolve()) : resolve())));

describe.skipIf(!hasOpenssl)('aiperf profile over https', () => {
  // The main event loop (--workers 1) and two issuing threads (--workers 2): the thread loads its own build of undici.
  it.each([['1'], ['2']])('streams every request over TLS with --workers %s: no errors, tokens counted', async (workers) => {
    const dir = join(await makeTempDir('aiperf-https-'), 'run');
    const run = await runAiperf(
      [
        'profile', '-m', 'mock-model', '-u', httpsUrl, '--streaming', '--request-count', '8', '--concurrency', '4', '--warmup-request-count', '0',
        '--isl', '16', '--osl', '4', '--artifact-dir', dir, '--no-gpu-telemetry', '--ui', 'none', '--workers', workers,
      ],
      { NODE_EXTRA_CA_CERTS: caFile },
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    expect(summary.request_count.avg).toBe(8);
    expect(summary.error_request_count?.avg ?? 0).toBe(0);
    expect(summary.output_sequence_length.avg).toBeGreaterThan(0);
    expect(summary.time_to_first_token.avg).toBeGreaterThan(0);
  });
});
