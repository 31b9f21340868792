import { setTimeout as sleepMs } from 'node:timers/promises';
import type { BenchmarkConfig } from '@aiperf/config';
import type { EndpointType } from '../endpoints/types.js';
import type { RunLog } from '../log/run-log.js';
import type { Target } from './target.js';

/** The model did not become ready within `--wait-for-model-timeout`: the server's state, not a bug or bad input. */
export class ModelNotReadyError extends Error {
  override readonly name = 'ModelNotReadyError';
  readonly exitCode = 1;
}

type Probe = (target: Target, model: string, signal: AbortSignal) => Promise<string | null>;

/** Bodies are only read to look for the model name or to drain the socket; anything longer is not an answer we need. */
const PROBE_TIMEOUT_CAP_MS = 10_000;

function headersOf(config: BenchmarkConfig): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...config.endpoint.headers };
  if (config.endpoint.apiKey) headers.authorization = `Bearer ${config.endpoint.apiKey}`;
  return headers;
}

const failure = (error: unknown) => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
};

/** GET /v1/models lists the model: null when ready, else why not. */
const modelsProbe = (config: BenchmarkConfig): Probe => async (target, model, signal) => {
  try {
    const response = await fetch(`${target.origin}/v1/models`, { headers: headersOf(config), signal });
    const text = await response.text();
    if (!response.ok) return `GET /v1/models answered ${response.status}`;
    const ids = ((JSON.parse(text) as { data?: Array<{ id?: unknown }> }).data ?? []).map((entry) => entry.id);
    return ids.includes(model) ? null : `GET /v1/models does not list "${model}" (it lists ${ids.length === 0 ? 'nothing' : ids.map((id) => JSON.stringify(id)).join(', ')})`;
  } catch (error) {
    return `GET /v1/models failed: ${failure(error)}`;
  }
};

/** A one-token, non-streaming request of the run's endpoint type succeeds: null when ready, else why not. */
const inferenceProbe = (config: BenchmarkConfig, endpoint: EndpointType): Probe => async (target, model, signal) => {
  const body = endpoint.buildBody({ model, prompt: 'Hi', maxTokens: 1, streaming: false, useLegacyMaxTokens: config.endpoint.useLegacyMaxTokens, extraInputs: {} });
  try {
    const response = await fetch(`${target.origin}${target.path}`, { method: 'POST', headers: headersOf(config), body: JSON.stringify(body), signal });
    await response.arrayBuffer();
    return response.ok ? null : `a one-token request to ${target.path} answered ${response.status}`;
  } catch (error) {
    return `a one-token request to ${target.path} failed: ${failure(error)}`;
  }
};

/**
 * `--wait-for-model-timeout`: probes every server (by `--wait-for-model-mode`) every `--wait-for-model-interval`
 * seconds until all answer, or throws `ModelNotReadyError` with the last reason once the time is up. Ctrl+C ends
 * the wait (the run then stops as interrupted).
 */
export async function waitForModel(
  config: BenchmarkConfig,
  endpoint: EndpointType,
  targets: readonly Target[],
  io: { stderr: NodeJS.WritableStream; log: RunLog; signal?: AbortSignal | undefined },
): Promise<void> {
  const { log, signal } = io;
  // The wait can take minutes (a model loading): the console says what is happening, not only the log file.
  const say = (line: string) => {
    log.info(line);
    io.stderr.write(`${line}\n`);
  };
  const { timeoutSeconds, intervalSeconds, mode } = config.waitForModel;
  if (timeoutSeconds <= 0) return;
  const model = config.endpoint.models[0] as string;
  const probes = [...(mode === 'inference' ? [] : [modelsProbe(config)]), ...(mode === 'models' ? [] : [inferenceProbe(config, endpoint)])];
  const startMs = performance.now();
  const deadlineMs = startMs + timeoutSeconds * 1000;
  say(`waiting up to ${timeoutSeconds} s for ${model} to be ready (${mode}) at ${targets.map((t) => t.origin).join(', ')}`);
  let attempts = 0;
  // The reason the server itself gave; a probe cut short by the deadline tells less than the one before it.
  let lastAnswer: string | null = null;
  for (;;) {
    attempts += 1;
    let why: string | null = null;
    for (const target of targets) {
      for (const probe of probes) {
        const left = Math.max(1, Math.ceil(Math.min(PROBE_TIMEOUT_CAP_MS, deadlineMs - performance.now())));
        why = await probe(target, model, signal ? AbortSignal.any([signal, AbortSignal.timeout(left)]) : AbortSignal.timeout(left));
        if (why !== null) break;
      }
      if (why !== null) break;
    }
    if (signal?.aborted) return;
    if (why === null) {
      say(`${model} ready after ${((performance.now() - startMs) / 1000).toFixed(1)} s (${attempts} probe${attempts === 1 ? '' : 's'})`);
      return;
    }
    const cutByDeadline = performance.now() >= deadlineMs - 1;
    if (!cutByDeadline || lastAnswer === null) lastAnswer = why;
    log.debug(`not ready yet: ${why}`);
    const waitMs = Math.min(intervalSeconds * 1000, deadlineMs - performance.now());
    if (waitMs <= 0) {
      throw new ModelNotReadyError(`--wait-for-model-timeout: ${model} was not ready after ${timeoutSeconds} s (${attempts} probes, ${mode} mode); last probe: ${lastAnswer}`);
    }
    try {
      await sleepMs(waitMs, undefined, signal ? { signal } : {});
    } catch {
      return; // interrupted
    }
  }
}
