// Every option the mock server resolves (as its /health reports them) has a `aiperf mock-server` flag.
import { MOCK_SERVER_FLAGS, mockServerFlagDefault, startMockServer } from '@aiperf/mock-server';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';

describe('aiperf mock-server flag table', () => {
  it('covers every server option, each flag once, with its default taken from the library (not repeated in the text)', async () => {
    const server = await startMockServer({ port: 0 });
    const { config } = (await (await fetch(`${server.url}/health`)).json()) as { config: Record<string, unknown> };
    await server.close();
    const withFlag = MOCK_SERVER_FLAGS.map((spec) => spec.option);
    const optionNames = [...Object.keys(config), 'defaultOutputTokens', 'dcgmPort'];
    expect(new Set(withFlag)).toEqual(new Set(optionNames));
    expect(new Set(withFlag).size).toBe(withFlag.length);
    for (const spec of MOCK_SERVER_FLAGS) {
      expect(spec.description).not.toMatch(/default/i);
      expect(mockServerFlagDefault(spec)).not.toBe('undefined');
      // Where the server resolves a plain value, help shows exactly that value (the port is the one given here).
      if (spec.defaultText === undefined && spec.option !== 'port') expect(mockServerFlagDefault(spec)).toBe(String(config[spec.option]));
    }
  });

  it('--help shows value names and defaults, never clipanion\'s #0 placeholder', async () => {
    const { code, stdout } = await runInProcess(['mock-server', '--help']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('#0');
    expect(stdout).toContain('  -p, --port <port>\n      Port to listen on; 0 picks a free one (default: 8000) [env: MOCK_SERVER_PORT]\n');
    expect(stdout).toContain('  -t, --ttft-ms <ms>\n      Time to first token in ms (default: 20) [env: MOCK_SERVER_TTFT_MS]\n');
    expect(stdout).toContain('  --models <id,…>\n      Comma-separated model ids listed by /v1/models (default: mock-model)');
    expect(stdout).toContain('Usage: aiperf mock-server [options]');
  });
});
