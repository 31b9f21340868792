import { defaultConfig } from '@aiperf/config';
import { describe, expect, it } from 'vitest';
import { ANTHROPIC_VERSION, messagesEndpoint } from '../endpoints/anthropic.js';
import { chatEndpoint } from '../endpoints/openai.js';
import { requestHeaderTemplate, requestHeaders } from './request-headers.js';

type Endpoint = ReturnType<typeof defaultConfig>['benchmark']['endpoint'];
const configWith = (endpoint: Partial<Endpoint>) => {
  const config = defaultConfig(['m']).benchmark;
  return { ...config, endpoint: { ...config.endpoint, ...endpoint } };
};
const pairsOf = (headers: string[]) => Array.from({ length: headers.length / 2 }, (_, i) => [headers[2 * i], headers[2 * i + 1]]);

describe('request headers', () => {
  it('sends content type, accept, the request id and the correlation id, in that order', () => {
    const template = requestHeaderTemplate(configWith({ streaming: false }), chatEndpoint);
    expect(pairsOf(requestHeaders(template, 'req-1', 'conv-1'))).toEqual([
      ['content-type', 'application/json'], ['accept', 'application/json'], ['x-request-id', 'req-1'], ['x-correlation-id', 'conv-1'],
    ]);
  });

  it('gives each request its own ids without changing the template', () => {
    const template = requestHeaderTemplate(configWith({}), chatEndpoint);
    const first = requestHeaders(template, 'a', 'c1');
    const second = requestHeaders(template, 'b', 'c1');
    expect(first).toContain('a');
    expect(second).toContain('b');
    expect(second).not.toContain('a');
    expect(template.pairs).not.toContain('a');
  });

  it('puts the bearer key after the session header (renamed, lower-cased) and lets --header replace a header in place', () => {
    const config = configWith({ streaming: true, apiKey: 'k', sessionHeader: 'X-Session-Id', headers: { accept: 'custom/type', 'x-extra': '1' } });
    expect(pairsOf(requestHeaders(requestHeaderTemplate(config, chatEndpoint), 'r', 'c'))).toEqual([
      ['content-type', 'application/json'], ['accept', 'custom/type'], ['x-request-id', 'r'], ['x-session-id', 'c'],
      ['authorization', 'Bearer k'], ['x-extra', '1'],
    ]);
  });

  it("uses the API's own auth headers (Anthropic's x-api-key and version)", () => {
    const pairs = pairsOf(requestHeaders(requestHeaderTemplate(configWith({ apiKey: 'k' }), messagesEndpoint), 'r', 'c'));
    expect(pairs.slice(4)).toEqual([['anthropic-version', ANTHROPIC_VERSION], ['x-api-key', 'k']]);
  });

  it('keeps a user-given x-request-id, and a session header named x-request-id carries the correlation id', () => {
    const fixed = requestHeaderTemplate(configWith({ headers: { 'x-request-id': 'mine' } }), chatEndpoint);
    expect(pairsOf(requestHeaders(fixed, 'r', 'c'))).toContainEqual(['x-request-id', 'mine']);
    const same = requestHeaderTemplate(configWith({ sessionHeader: 'X-Request-ID' }), chatEndpoint);
    expect(pairsOf(requestHeaders(same, 'r', 'c')).filter(([name]) => name === 'x-request-id')).toEqual([['x-request-id', 'c']]);
  });
});
