// Secrets given on the command line never reach the console, the log or any artifact: the API key, credential
// headers (by name rule, incl. Azure's Ocp-Apim-Subscription-Key), URL userinfo and credential-like query
// parameters. Errors about a malformed secret-bearing argument never echo it.
// The full redaction run is the built binary (everything the process prints, the headers handed to its issuing worker
// thread); the other cases run in-process, their output captured from the CLI's streams and from process.stdout/stderr
// (runAiperfInProcess), the one load issuing from the main event loop (MAIN_LOOP_LOAD).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN_LOOP_LOAD } from '../auto-plot-cli.js';
import { runAiperfInProcess } from './cli-in-process.js';
import { runAiperf } from './cli-process.js';
import { useFaultServer } from './fault-server.js';
import { makeTempDir } from '@aiperf/test-kit';

const { server, dirs } = useFaultServer({ tokens: 3, itlMs: 1 });

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allFiles(path) : [path];
  });
}

describe('secrets in a profile run', () => {
  it('are redacted from the console, logs/aiperf.log and every artifact', async () => {
    const dir = await makeTempDir('aiperf-redact-');
    dirs.push(dir);
    const url = server().url.replace('http://', 'http://alice:PWSECRET1@') + '/?key=QSECRET2&region=eu&sig=QSECRET3';
    const run = await runAiperf([
      'profile', '-m', 'm', '-u', url, '--request-count', '2', '--concurrency', '1', '--isl', '8', '--osl', '3',
      '-H', 'Ocp-Apim-Subscription-Key: HSECRET4', "-H'X-Api-Key: HSECRET5'".replace(/'/g, ''), '--header=X-Session-Token: HSECRET6',
      '--api-key', 'KSECRET7', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry', '--export-level', 'raw',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const texts: Record<string, string> = { stdout: run.stdout, stderr: run.stderr, ...Object.fromEntries(allFiles(dir).map((f) => [f, readFileSync(f, 'utf8')])) };
    expect(Object.keys(texts)).toContain(join(dir, 'logs', 'aiperf.log'));
    for (const [where, text] of Object.entries(texts)) expect(text, where).not.toMatch(/[A-Z]SECRET\d/);
    // What is not a secret stays readable.
    expect(run.stdout).toMatch(/CLI Command: .*region=eu/);
    const summary = JSON.parse(texts[join(dir, 'profile_export_aiperf.json')] as string);
    expect(summary.input_config.endpoint.url).toMatch(/^http:\/\/\*\*\*@127\.0\.0\.1:\d+\/\?key=\*\*\*&region=eu&sig=\*\*\*$/);
    const headers = summary.input_config.input.headers;
    expect(Array.isArray(headers) ? Object.fromEntries(headers) : headers).toEqual({ 'Ocp-Apim-Subscription-Key': '***', 'X-Api-Key': '***', 'X-Session-Token': '***' });
  });

  it('-HName:Value (no space after -H) is accepted and sent', async () => {
    const dir = await makeTempDir('aiperf-redact-');
    dirs.push(dir);
    const run = await runAiperfInProcess(['profile', '-m', 'm', '-u', server().url, '--request-count', '1', '--isl', '8', '--osl', '2', '-HX-Api-Key: S1', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry', ...MAIN_LOOP_LOAD]);
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('errors about secret-bearing arguments', () => {
  it.each([
    [['-H', 'Authorization Bearer ESECRET1']],
    [['-HAuthorization Bearer ESECRET2']],
    [['--api-kee=ESECRET3']],
    [['-u', 'ftp://bob:ESECRET4@host/']],
    [['--concurrency', '-1', '--api-key']],
  ])('never echo the secret: %j', async (extra) => {
    const run = await runAiperfInProcess(['profile', '-m', 'm', ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(4);
    expect(run.stderr + run.stdout).not.toMatch(/ESECRET/);
  });
});
