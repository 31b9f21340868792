// Property-based: whatever bytes a server streams, in whatever chunking, the SSE path (eventsource-parser feeding
// the response collector and the endpoint's response parser) never throws; data that is not JSON is reported.
import { createParser } from 'eventsource-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinEndpointTypes, getEndpointType } from '../endpoints/registry.js';
import { ResponseCollector } from './response-collector.js';

const pieces = fc.constantFrom('data: ', 'data:', 'event: x\n', ': comment\n', '\n', '\r\n', '\n\n', '[DONE]', '{', '}', '"choices"', ':[', ']', '{"delta":{"content":"', '"}}', 'null', '\u001b[2J', '\u0000', 'é');
const stream = fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 80 }).map((p) => p.join(''));

function feed(text: string, cuts: number[], endpointName: 'chat' | 'completions') {
  const collector = new ResponseCollector(getEndpointType(endpointName), true);
  const parser = createParser({ onEvent: (event) => collector.add(event.data, 1) });
  let at = 0;
  for (const cut of [...cuts.map((c) => c % (text.length + 1)).sort((a, b) => a - b), text.length]) {
    parser.feed(text.slice(at, cut));
    at = cut;
  }
  return collector;
}

describe('SSE parsing under fuzzing', () => {
  it.each(['chat', 'completions'] as const)('%s: never throws; non-JSON data is reported, not dropped', (name) => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const collector = feed(text, cuts, name);
        for (const raw of collector.raw ?? []) {
          let json = true;
          try {
            JSON.parse(raw.data);
          } catch {
            json = false;
          }
          if (!json && raw.data !== '[DONE]') expect(collector.malformed).not.toBeNull();
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('any JSON value as an event never throws in the response parsers', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const endpoint of builtinEndpointTypes) endpoint.parseResponse(value);
      }),
      { numRuns: 1500 },
    );
  });
});
