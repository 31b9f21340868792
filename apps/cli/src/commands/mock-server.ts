import { MOCK_SERVER_FLAGS, mockServerFlagEnv, optionMessageToFlag, parseMockServerFlags, renderMockServerFlagHelp, startMockServer, validateOptions } from '@aiperf/mock-server';
import { Command, Option } from 'clipanion';
import { untilStopSignal } from '../interrupt.js';

const DESCRIPTION = 'Run a simulated OpenAI-compatible LLM server with vLLM-style metrics and DCGM-like GPU metrics.';
const DETAILS = `Serves /v1/chat/completions, /v1/completions, /v1/embeddings, /v1/models, /health, /mock/stats,
vLLM-style server metrics at /metrics (following the simulated load) and DCGM-exporter GPU metrics at
/dcgm1/metrics and /dcgm2/metrics (or at /metrics on --dcgm-port), with exact TTFT/ITL timing and optional fault
injection. Every flag can also be set as MOCK_SERVER_<FLAG> (e.g. MOCK_SERVER_TTFT_MS=50). Stops on SIGINT/SIGTERM.`;
const EXAMPLES: [string, string][] = [
  ['Serve on port 8000 with 20 ms TTFT and 5 ms ITL', 'aiperf mock-server'],
  ['A slower server that degrades with concurrency', 'aiperf mock-server --ttft-ms 200 --itl-ms 20 --itl-per-active-stream-ms 0.5'],
];

export class MockServerCommand extends Command {
  static override paths = [['mock-server']];
  static override usage = Command.Usage({ description: DESCRIPTION, details: DETAILS });

  /** Help with value names and defaults from the flag table (clipanion's listing shows `#0` for every value). */
  static renderHelp(): string {
    const examples = EXAMPLES.map(([label, line]) => `  ${label}:\n    $ ${line}`).join('\n');
    return `${DESCRIPTION}\n\n${DETAILS}\n\nUsage: aiperf mock-server [options]\n\nOptions:\n  -f, --fast\n      Zero all latencies (TTFT, ITL, embeddings)\n${renderMockServerFlagHelp()}\n\nExamples:\n${examples}\n`;
  }

  fast = Option.Boolean('-f,--fast', false, { description: 'Zero all latencies (TTFT, ITL, embeddings)', hidden: true });

  [key: string]: unknown;

  constructor() {
    super();
    for (const spec of MOCK_SERVER_FLAGS) {
      this[spec.option] = Option.String(spec.flag, { description: spec.description, env: mockServerFlagEnv(spec), hidden: true });
    }
  }

  async execute(): Promise<number> {
    const { stdout, stderr } = this.context;
    const { options, errors } = parseMockServerFlags(this as unknown as Record<string, string | undefined>);
    if (this.fast) Object.assign(options, { ttftMs: 0, itlMs: 0, embeddingBaseLatencyMs: 0, embeddingPerInputLatencyMs: 0 });
    errors.push(...validateOptions(options).map(optionMessageToFlag));
    if (errors.length > 0) {
      stderr.write(`aiperf mock-server: invalid options:\n  ${errors.join('\n  ')}\n`);
      return 2;
    }
    let server;
    try {
      server = await startMockServer(options);
    } catch (error) {
      stderr.write(`aiperf mock-server: cannot listen: ${(error as Error).message}\n`);
      return 1;
    }
    stdout.write(`Mock server listening on ${server.url}\n`);
    stdout.write(`  OpenAI API: ${server.url}/v1   server metrics: ${server.metricsUrl}   GPU metrics: ${server.dcgmUrl}   stats: ${server.url}/mock/stats\n`);
    const signal = await untilStopSignal();
    await server.close();
    stdout.write(`Mock server stopped (${signal})\n`);
    return 0;
  }
}
