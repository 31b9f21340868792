import { describe, expect, test } from 'vitest';
import { configToYaml, isSensitiveHeader, redactConfig, redactUrl, redactedCommandLine, resolveConfig } from './index.js';

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

describe('redaction by rule', () => {
  test.each([
    ['http://user:pw@host:8000/v1', 'http://***@host:8000/v1'],
    ['user:pw@host:8000', '***@host:8000'],
    ['https://h/v1?api-version=2024&key=abc&sig=x%2By#frag', 'https://h/v1?api-version=2024&key=***&sig=***#frag'],
    ['https://h/?access_token=a&region=eu&X-Amz-Signature=s', 'https://h/?access_token=***&region=eu&X-Amz-Signature=***'],
    ['http://localhost:8000', 'http://localhost:8000'],
  ])('redactUrl(%s) = %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  test('credential-like header names, incl. Azure and AWS ones', () => {
    for (const name of ['Ocp-Apim-Subscription-Key', 'X-Api-Key', 'api_key', 'X-Amz-Security-Token', 'Cookie', 'X-Session-Token', 'Proxy-Authorization', 'X-Goog-Api-Key'])
      expect(isSensitiveHeader(name), name).toBe(true);
    for (const name of ['X-Team', 'Content-Type', 'Accept', 'User-Agent']) expect(isSensitiveHeader(name), name).toBe(false);
  });

  test('the recorded command line redacts URLs, attached -H values and Azure keys', () => {
    expect(redactedCommandLine(['-u', 'http://a:b@h/?key=k', '--url=https://c:d@h', '-HX-Api-Key: s', '-H', 'Ocp-Apim-Subscription-Key: z'])).toBe(
      "aiperf profile -u 'http://***@h/?key=***' '--url=https://***@h' '-HX-Api-Key:***' -H 'Ocp-Apim-Subscription-Key:***'",
    );
  });

  test('the config redacts the URL and telemetry URLs', () => {
    const { config } = resolveConfig({ flags: { model: ['m'], url: 'http://u:p@h:1/?token=t', gpuTelemetry: ['http://x:y@dcgm:9400/metrics'] } });
    const redacted = redactConfig(config!).benchmark;
    expect(redacted.endpoint.url).toBe('http://***@h:1/?token=***');
    expect(redacted.telemetry.gpuTelemetryUrls).toEqual(['http://***@dcgm:9400/metrics']);
    const several = redactConfig(resolveConfig({ flags: { model: ['m'], url: ['http://u:p@a:1', 'http://b:2/?key=k'] } }).config!).benchmark;
    expect(several.endpoint.urls).toEqual(['http://***@a:1', 'http://b:2/?key=***']);
  });
});
