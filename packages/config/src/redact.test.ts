import { describe, expect, test } from 'vitest';
import { configToYaml, redactConfig, redactedCommandLine, resolveConfig } from './index.js';

describe('secrets are redacted wherever the config is shown', () => {
  const { config } = resolveConfig({
    flags: { model: ['m'], apiKey: 'sk-secret-123', header: ['Authorization: Bearer tok-456', 'X-Api-Key: k-789', 'X-Team: infra'] },
    argv: ['-m', 'm', '--api-key', 'sk-secret-123', '-H', 'Authorization: Bearer tok-456', '--header=X-Team: infra'],
  });
  if (!config) throw new Error('config expected');

  test('redactConfig hides the API key and credential headers, keeps the rest, leaves the input untouched', () => {
    const redacted = redactConfig(config);
    expect(redacted.benchmark.endpoint.apiKey).toBe('***');
    expect(redacted.benchmark.endpoint.headers).toEqual({ Authorization: '***', 'X-Api-Key': '***', 'X-Team': 'infra' });
    expect(config.benchmark.endpoint.apiKey).toBe('sk-secret-123');
    const text = configToYaml(redacted);
    for (const secret of ['sk-secret-123', 'tok-456', 'k-789']) expect(text).not.toContain(secret);
    expect(text).toContain('X-Team: infra');
  });

  test('the recorded command line carries no secrets', () => {
    expect(config.source.cliCommand).toMatchInlineSnapshot(`"aiperf profile -m m --api-key '***' -H 'Authorization:***' '--header=X-Team: infra'"`);
    expect(redactedCommandLine(['--api-key=abc', '-m', 'x'])).toBe("aiperf profile '--api-key=***' -m x");
  });

  test('no API key stays null (nothing to redact)', () => {
    const plain = resolveConfig({ flags: { model: ['m'] } }).config;
    expect(plain && redactConfig(plain).benchmark.endpoint.apiKey).toBeNull();
  });
});
