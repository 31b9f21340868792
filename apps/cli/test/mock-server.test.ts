// `aiperf mock-server` end to end: the built CLI starts, serves, reports its URL, and stops cleanly on a signal.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '@aiperf/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => { stdout: string; stderr: string };
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function launch(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [BIN, 'mock-server', ...args], { env: { ...process.env, ...env } });
  children.push(child);
  return child;
}

/** Starts the CLI and waits for its `Mock server listening on <url>` line. */
async function start(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const child = launch(args, env);
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Mock server listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
  });
  return { child, url, output: () => ({ stdout, stderr }) };
}

async function stop(running: Running, signal: NodeJS.Signals): Promise<number | null> {
  const exited = once(running.child, 'exit');
  running.child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}

describe('aiperf mock-server', () => {
  it('serves a streamed chat completion with the flags applied, then exits 0 on SIGINT', async () => {
    const running = await start(['--port', '0', '--ttft-ms', '5', '--itl-ms', '1', '--models', 'alpha,beta', '--dcgm-num-gpus', '3']);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const models = (await (await fetch(`${running.url}/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((model) => model.id)).toEqual(['alpha', 'beta']);
    const response = await fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'alpha',
        messages: [{ role: 'user', content: 'Say something.' }],
        max_tokens: 9,
        stream: true,
        stream_options: { include_usage: true },
      }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)));
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    const completionTokens = chunks.at(-1).usage.completion_tokens;
    expect(text.split(' ')).toHaveLength(9);
    expect(completionTokens).toBe(9);
    const health = (await (await fetch(`${running.url}/health`)).json()) as { status: string; config: Record<string, unknown> };
    expect(health).toMatchObject({ status: 'ok', config: { ttftMs: 5, itlMs: 1, dcgmNumGpus: 3 } });
    const gpuMetrics = await (await fetch(`${running.url}/dcgm1/metrics`)).text();
    expect(gpuMetrics.match(/^DCGM_FI_DEV_GPU_UTIL\{/gm)).toHaveLength(3);
    // /metrics is the inference server's own (vLLM-style): it saw the one streamed request.
    const serverMetrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(serverMetrics).toMatch(/^vllm:request_success_total\{engine="0",model_name="[^"]+",finished_reason="(stop|length)"\} 1\.0$/m);
    expect(serverMetrics).not.toContain('DCGM_FI_');

    expect(await stop(running, 'SIGINT')).toBe(0);
    expect(running.output().stdout).toContain('Mock server stopped (SIGINT)');
    expect(running.output().stderr).toBe('');
  });

  it('takes settings from MOCK_SERVER_* variables and --fast, and stops on SIGTERM', async () => {
    const running = await start(['--port', '0', '--fast'], { MOCK_SERVER_ERROR_RATE: '1', MOCK_SERVER_ERROR_STATUS: '503' });
    const response = await fetch(`${running.url}/v1/completions`, { method: 'POST', body: '{"prompt":"x"}' });
    expect(response.status).toBe(503);
    const health = (await (await fetch(`${running.url}/health`)).json()) as { config: Record<string, unknown> };
    expect(health.config).toMatchObject({ ttftMs: 0, itlMs: 0, embeddingBaseLatencyMs: 0, errorRate: 1, errorStatus: 503 });
    expect(await stop(running, 'SIGTERM')).toBe(0);
  });

  // The two cases that never serve run in-process (runCli with PassThrough streams): no node start-up each.
  it('rejects bad flags with exit 2, naming every flag, its value and what is allowed', async () => {
    const run = await runInProcess(['mock-server', '--port', '0', '--ttft-ms', 'soon', '--error-rate', '3', '--dcgm-gpu', 'v100']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'aiperf mock-server: invalid options:\n' +
        '  --ttft-ms: got "soon", expected a number\n' +
        '  --error-rate: got 3, expected a fraction between 0 and 1\n' +
        '  --dcgm-gpu: got "v100", expected one of rtx6000, a100, h100, h100-sxm, h200, b200, gb200\n',
    );
  });

  it('exits 1 with a clear message when the port is taken', async () => {
    const holder = await startMockServer({ port: 0 });
    try {
      const run = await runInProcess(['mock-server', '--port', new URL(holder.url).port]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/cannot listen: .*EADDRINUSE/);
    } finally {
      await holder.close();
    }
  });
});
