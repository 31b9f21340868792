import { redactUrl } from './redact.js';
import { DEFAULTS as D } from './defaults.js';
import { getAt } from './doc-path.js';
import type { ConfigIssue } from './issues.js';
import type { AiperfConfig } from './schema.js';
import { type YamlDocument, YamlSweep } from './yaml-schema.js';
import { resolveMapping } from './resolved.js';

export interface RuleContext {
  /** The merged, checked YAML-shaped document (what the user said, before defaults). */
  doc: YamlDocument;
  /** Names what the user typed for a YAML path: the flag that set it, else the path itself. */
  where(path: string): string;
  given(path: string): boolean;
  yamlDir: string | null;
  fileExists(path: string): boolean;
  errors: ConfigIssue[];
  warnings: string[];
}

/** A named cross-field rule: derives values the schema cannot, or reports a conflict. Rules run in order. */
export interface ConfigRule {
  name: string;
  apply(config: AiperfConfig, ctx: RuleContext): void;
}

const CONCURRENCY = 'benchmark.load.concurrency';
const REQUEST_COUNT = 'benchmark.load.request_count';
const DURATION = 'benchmark.load.benchmark_duration_seconds';

export const requireModel: ConfigRule = {
  name: 'require-model',
  apply(config, ctx) {
    if (config.benchmark.endpoint.models.length === 0) ctx.errors.push({ where: '--model', message: 'is required: name the model(s) to benchmark (or set benchmark.models in the YAML)' });
  },
};

/** Request-rate mode when a rate is given, else concurrency (burst) mode. */
export const timingMode: ConfigRule = {
  name: 'timing-mode',
  apply(config, ctx) {
    const load = config.benchmark.load;
    // --conversation-num bounds a run too (every session to its last turn).
    const bounded = load.requestCount !== null || load.benchmarkDurationSeconds !== null || load.conversationNum !== null;
    // A fixed schedule sends the whole trace (loadgen counts its lines) at its own pace: no cap unless one is given.
    if (load.mode === 'fixed_schedule') return;
    if (load.mode === 'request_rate' || load.mode === 'user_centric') {
      if (!bounded) load.requestCount = D.requestRateRequestCount;
      return;
    }
    if (load.concurrency === null) {
      load.concurrency = D.concurrency;
      if (config.recipe === null) ctx.warnings.push(`--concurrency not given; using ${D.concurrency}`);
    }
    const highest = Math.max(load.concurrency, ...((config.sweep?.parameters.concurrency ?? []) as number[]));
    if (!bounded) load.requestCount = Math.max(D.minimumRequestCount, 2 * highest);
  },
};

export const loadConsistency: ConfigRule = {
  name: 'load-consistency',
  apply(config, ctx) {
    const load = config.benchmark.load;
    if (ctx.given('benchmark.load.grace_period_seconds') && load.benchmarkDurationSeconds === null)
      ctx.errors.push({ where: ctx.where('benchmark.load.grace_period_seconds'), message: `only applies with a benchmark duration; add ${ctx.where(DURATION)} or remove it` });
    if (ctx.given(REQUEST_COUNT) && ctx.given(DURATION))
      ctx.errors.push({ where: ctx.where(REQUEST_COUNT), message: `cannot be combined with ${ctx.where(DURATION)}; choose one stop condition` });
    const highest = Math.max(load.concurrency ?? 0, ...((config.sweep?.parameters.concurrency ?? []) as number[]));
    if (load.requestCount !== null && highest > load.requestCount)
      ctx.errors.push({ where: ctx.where(CONCURRENCY), message: `got ${highest}, which exceeds the request count ${load.requestCount}; lower it or raise ${ctx.where(REQUEST_COUNT)}` });
    if (ctx.given('benchmark.load.request_cancellation_delay_seconds') && load.requestCancellationRate === null)
      ctx.errors.push({ where: ctx.where('benchmark.load.request_cancellation_delay_seconds'), message: `needs ${ctx.where('benchmark.load.request_cancellation_rate')}` });
  },
};

export const inputConsistency: ConfigRule = {
  name: 'input-consistency',
  apply(config, ctx) {
    const tokens = ctx.doc.benchmark?.input?.output_tokens;
    if (tokens && tokens.mean === undefined) ctx.errors.push({ where: ctx.where('benchmark.input.output_tokens.stddev'), message: `needs an output length mean (${ctx.where('benchmark.input.output_tokens.mean')})` });
    if (ctx.given('benchmark.input.custom_dataset_type') && config.benchmark.input.inputFile === null)
      ctx.errors.push({ where: ctx.where('benchmark.input.custom_dataset_type'), message: `needs ${ctx.where('benchmark.input.input_file')}` });
    const inputSeed = ctx.doc.benchmark?.input?.random_seed;
    if (ctx.doc.random_seed !== undefined && inputSeed !== undefined && inputSeed !== ctx.doc.random_seed)
      ctx.errors.push({ where: ctx.where('random_seed'), message: `got ${ctx.doc.random_seed}, which conflicts with benchmark.input.random_seed ${inputSeed}; keep one` });
  },
};

export const endpointCapabilities: ConfigRule = {
  name: 'endpoint-capabilities',
  apply(config, ctx) {
    const endpoint = config.benchmark.endpoint;
    if (endpoint.type === 'embeddings' && endpoint.streaming) {
      endpoint.streaming = false;
      ctx.warnings.push(`${ctx.where('benchmark.endpoint.streaming')}: the embeddings endpoint cannot stream; streaming turned off`);
    }
  },
};

/** Only http(s) servers can be benchmarked; anything else is named (credentials redacted) instead of failing later. */
export const endpointUrl: ConfigRule = {
  name: 'endpoint-url',
  apply(config, ctx) {
    const where = ctx.where('benchmark.endpoint.url');
    const given = getAt(ctx.doc, 'benchmark.endpoint.url');
    // What the user typed (a string or, for a repeated --url, a list), before normalization added a scheme.
    const typed = (Array.isArray(given) ? given : [given]).filter((u): u is string => typeof u === 'string');
    const raws = typed.length > 0 ? typed : (config.benchmark.endpoint.urls ?? [config.benchmark.endpoint.url]);
    for (const raw of raws) {
      let url: URL | null = null;
      try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
      } catch {
        // reported below
      }
      const shown = JSON.stringify(redactUrl(raw));
      if (url !== null && url.protocol !== 'http:' && url.protocol !== 'https:')
        ctx.errors.push({ where, message: `got ${shown}: the ${url.protocol.slice(0, -1)}:// scheme is not supported; allowed: http://, https://` });
      else if (url === null || url.hostname === '') ctx.errors.push({ where, message: `got ${shown}, which is not a valid URL (expected e.g. http://localhost:8000)` });
    }
  },
};
