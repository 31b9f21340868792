import { describe, expect, it } from 'vitest';
import { DEFAULT_DCGM_URLS, endpointKey, normalizeDcgmUrl } from './urls.js';

describe('normalizeDcgmUrl', () => {
  it.each([
    ['node1:9401', 'http://node1:9401/metrics'],
    ['http://node1:9401', 'http://node1:9401/metrics'],
    ['http://node1:9401/', 'http://node1:9401/metrics'],
    ['https://gpu.example.com/dcgm', 'https://gpu.example.com/dcgm/metrics'],
    ['http://127.0.0.1:8000/dcgm1/metrics', 'http://127.0.0.1:8000/dcgm1/metrics'],
    ['  localhost:9400  ', 'http://localhost:9400/metrics'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDcgmUrl(input)).toBe(expected);
  });

  it('names the flag and the bad value for text that is not a URL', () => {
    expect(() => normalizeDcgmUrl('not a url')).toThrowErrorMatchingInlineSnapshot(
      `[Error: --gpu-telemetry: "not a url" is not a DCGM exporter URL; expected host:port or http(s)://host:port[/path]]`,
    );
    expect(() => normalizeDcgmUrl('ftp://host/metrics')).toThrow(/--gpu-telemetry: "ftp:\/\/host\/metrics"/);
    expect(() => normalizeDcgmUrl('')).toThrow(/--gpu-telemetry: ""/);
  });

  it('keeps the spec defaults', () => {
    expect(DEFAULT_DCGM_URLS).toEqual(['http://localhost:9400/metrics', 'http://localhost:9401/metrics']);
  });
});

describe('endpointKey', () => {
  it('is host:port with scheme and path dropped, filling in default ports', () => {
    expect(endpointKey('http://localhost:9401/metrics')).toBe('localhost:9401');
    expect(endpointKey('http://gpu-node/metrics')).toBe('gpu-node:80');
    expect(endpointKey('https://gpu-node/x/metrics')).toBe('gpu-node:443');
  });
});
