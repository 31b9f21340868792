// The SLA search recipes' usage errors: in-process, before any request (the searches themselves are
// `sla-search.timing.test.ts`).
import { describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';

describe('SLA search recipes', () => {
  it('bad input: a TTFT SLA without --streaming, a recipe without its SLA, an SLA without a recipe', async () => {
    const noStreaming = await runInProcess(['profile', '-m', 'm', '--recipe', 'max-throughput-under-ttft-sla', '--ttft-sla-ms', '100']);
    expect(noStreaming.code).toBe(2);
    expect(noStreaming.stderr).toContain('--ttft-sla-ms: needs --streaming: time to first token is only measured on streamed responses');
    const missing = await runInProcess(['profile', '-m', 'm', '--streaming', '--ui', 'none', '--recipe', 'max-goodput-under-slo', '--ttft-sla-ms', '100']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--itl-sla-ms: recipe 'max-goodput-under-slo' needs it (the inter-token latency SLO in ms)");
    expect(missing.stderr).toContain("--e2e-sla-ms: recipe 'max-goodput-under-slo' needs it (the request latency SLO in ms)");
    const orphan = await runInProcess(['profile', '-m', 'm', '--e2e-sla-ms', '100']);
    expect(orphan.code).toBe(2);
    expect(orphan.stderr).toContain('--e2e-sla-ms: only applies to an SLA search recipe');
  });
});
