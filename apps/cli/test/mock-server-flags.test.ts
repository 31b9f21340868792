// Every option the mock server resolves (as its /health reports them) has a `aiperf mock-server` flag.
import { startMockServer } from '@aiperf/mock-server';
import { describe, expect, it } from 'vitest';
import { MOCK_SERVER_FLAGS } from '../src/commands/mock-server.js';

describe('aiperf mock-server flag table', () => {
  it('covers every server option, each flag once, with a description that states the default', async () => {
    const server = await startMockServer({ port: 0 });
    const { config } = (await (await fetch(`${server.url}/health`)).json()) as { config: Record<string, unknown> };
    await server.close();
    const withFlag = MOCK_SERVER_FLAGS.map((spec) => spec.option);
    const optionNames = [...Object.keys(config), 'defaultOutputTokens', 'dcgmPort'];
    expect(new Set(withFlag)).toEqual(new Set(optionNames));
    expect(new Set(withFlag).size).toBe(withFlag.length);
    for (const spec of MOCK_SERVER_FLAGS) expect(spec.description).toMatch(/\(default/);
  });
});
