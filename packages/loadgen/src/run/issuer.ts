import type { BenchmarkConfig, LoadConfig, ShardSpec } from '@aiperf/config';
import { InFlightRequests } from '../client/send-request.js';
import type { DatasetTurn } from '../dataset/dataset.js';
import { LAZY_BODY_CACHE_BYTES, LazyBodies, lazyPromptTexts } from '../dataset/lazy-prompts.js';
import { type TextTokenizer, loadTokenizer } from '../dataset/tokenizer.js';
import type { EndpointType } from '../endpoints/types.js';
import type { BenchmarkPhase } from '../records.js';
import { type ThreadLoad, startLoopMonitor } from '../monitor/loop-monitor.js';
import type { TimingStrategy } from '../timing/strategies.js';
import { resolveIssuerParts } from './issuer-parts.js';
import { getTimingStrategy } from '../timing/strategies.js';
import { splitInFlight } from './load-runner.js';
import { type PhasePlan, type SendFn, issuePhase, sharedClaim, stridedClaim } from './issue-phase.js';
import { issueUsers } from './issue-users.js';
import type { ExecutorSetup, PendingRecord } from './request-executor.js';
import { requestBudget } from './request-budget.js';
import { requestHeaderTemplate } from './request-headers.js';
import { runSession } from './session.js';
import { globalIndexOf } from '../shard/split.js';
import { createEntryPicker } from '../dataset/sampling.js';
import type { Target } from './target.js';
import { type WarmPool, createWarmPool } from './warm-pool.js';
import { warmSendPath } from './warm-send.js';

/** Everything an issuer needs; plain data, so it can be handed to a worker thread as is. */
export interface IssuerInit {
  config: BenchmarkConfig;
  dataset: DatasetTurn[];
  /** The servers, in `--url` order (requests are spread round robin by session). */
  targets: Target[];
  epochOffsetNs: bigint;
  issuerIndex: number;
  issuers: number;
  /** This issuer's share of the in-flight cap (null = uncapped). */
  maxInFlight: number | null;
  workerId: string;
  /** Plugin module URLs a worker thread imports to find a plugin's endpoint type or timing strategy. */
  pluginModules: readonly string[];
  /** This process's shard of a run split over several processes (`--shard i/N`), or absent/null for the whole run. */
  shard?: ShardSpec | null;
}

/** The functions an issuer calls: resolved on the main thread, or from `pluginModules` in a worker. */
export interface IssuerParts {
  endpoint: EndpointType;
  strategy: TimingStrategy;
  /** The run's tokenizer, already loaded on the main thread (a worker loads its own only if it needs one). */
  tokenizer?: TextTokenizer;
}

export interface PhaseStart {
  phase: BenchmarkPhase;
  startPerfNs: bigint;
  /** Requests (every turn of a multi-turn session counts) to send in the phase, or null when bounded otherwise. */
  requestCount: number | null;
  /** Sessions (conversations) to start, or null: as many as the request count allows. */
  sessionCount: number | null;
  durationNs: number | null;
  /** Shared session-index counter (concurrency mode across threads); null = strided indices. */
  counter: Int32Array | null;
  /** Requests sent so far in the phase, shared by every issuer (threads included). */
  sent: Int32Array;
  /** Requests sent and not yet answered, one cell shared by every issuer; the live views read it. */
  inFlightCell?: Int32Array;
  /** A load of its own for this phase (a warmup's concurrency or rate); default: the run's. */
  load?: LoadConfig;
}

/** One event loop's share of the load: it owns a connection pool and issues its part of each phase. */
export class Issuer {
  private stopController = new AbortController();
  private readonly multiTurn: boolean;

  private constructor(
    private readonly init: IssuerInit,
    private readonly strategy: TimingStrategy,
    private readonly setup: ExecutorSetup,
    private readonly pools: WarmPool[],
    private readonly inFlight: InFlightRequests,
  ) {
    this.multiTurn = init.dataset.some((turn) => (turn.followUps?.length ?? 0) > 0);
  }

  static async create(init: IssuerInit, given?: IssuerParts): Promise<Issuer> {
    const parts: IssuerParts = given ?? (await resolveIssuerParts(init.config, init.pluginModules));
    // Connections sized to the load: one per in-flight request (spread over the servers), kept alive across
    // requests, opened up front so the first wave does not pay for connecting (an uncapped load opens them as it goes).
    const requestCount = init.config.load.requestCount;
    const perServer = init.maxInFlight === null ? null : Math.ceil(init.maxInFlight / init.targets.length);
    const pools = init.targets.map((target) => createWarmPool(target.origin, perServer));
    // Connections opened up front are for the shared pool; the other strategies open their own.
    if (perServer !== null && init.config.endpoint.connectionReuseStrategy === 'pooled') {
      const wanted = requestCount === null ? perServer : Math.min(perServer, Math.ceil(requestCount / init.targets.length));
      await Promise.all(pools.map((p) => p.preconnect(wanted)));
    }
    const inFlight = new InFlightRequests();
    const tokenizer = parts.tokenizer ? () => Promise.resolve(parts.tokenizer!) : lazyTokenizer(init.config.input.tokenizer);
    const texts = init.dataset.some((turn) => turn.lazyPrompt) ? lazyPromptTexts(init.dataset, await tokenizer()) : null;
    const setup: ExecutorSetup = {
      config: init.config,
      endpoint: parts.endpoint,
      dataset: init.dataset,
      pickEntry: createEntryPicker(init.config.input.datasetSamplingStrategy, init.config.input.randomSeed, init.dataset.length),
      tokenizer,
      targets: pools.map((p, k) => ({ dispatcher: p.pool, path: init.targets[k]!.path, origin: init.targets[k]!.origin })),
      epochOffsetNs: init.epochOffsetNs,
      workerId: init.workerId,
      inFlight,
      lazyBodies: texts ? new LazyBodies(texts, LAZY_BODY_CACHE_BYTES) : null,
      shardIndex: init.shard?.index ?? null,
      headerTemplate: requestHeaderTemplate(init.config, parts.endpoint),
    };
    // Answers are read and tokenized by whoever takes the pending records (the main thread), not here. Later turns
    // of multi-turn sessions count their input tokens here: load the tokenizer now, not on the first follow-up,
    // where loading it would stall this event loop while other streams are being timed.
    if (init.dataset.some((turn) => (turn.followUps?.length ?? 0) > 0)) await setup.tokenizer();
    // The main thread (given its parts) also reads the answers, so its read path is warmed too.
    await warmSendPath(setup, given !== undefined);
    return new Issuer(init, parts.strategy, setup, pools, inFlight);
  }

  /** The tokenizer this issuer uses (loaded on first call): the local runner reads its records with it. */
  get tokenizer(): () => Promise<TextTokenizer> {
    return this.setup.tokenizer;
  }

  /**
   * Runs this issuer's share of a phase; resolves once every request has settled, with how its event loop fared
   * meanwhile. Each answered request goes to `onPending` as its wire exchange, unread: parsing the response and
   * counting its tokens is the caller's business (a ReadQueue, off the issuing loop when that is a worker thread).
   */
  async runPhase(start: PhaseStart, onPending: (pending: PendingRecord) => void, onIssuingStopped?: () => void): Promise<ThreadLoad> {
    this.stopController = new AbortController();
    this.setup.inFlightCell = start.inFlightCell ?? null;
    const monitor = startLoopMonitor(this.init.workerId);
    const { init } = this;
    const { strategy, maxInFlight, load } = this.phaseLoad(start);
    if (maxInFlight === 0) {
      // A phase capped below the number of issuers leaves this one without a share.
      onIssuingStopped?.();
      return monitor.stop();
    }
    const budget = requestBudget(start.sent, start.requestCount);
    const claim = start.counter ? sharedClaim(start.counter) : stridedClaim(init.issuerIndex, init.issuers);
    const plan: PhasePlan = {
      startPerfNs: start.startPerfNs,
      // Single-turn sessions are requests; multi-turn sessions are capped by --conversation-num, else by the budget.
      requestCount: start.sessionCount ?? (this.multiTurn ? null : start.requestCount),
      durationNs: start.durationNs,
      schedule: strategy.createSchedule(load, init.config.input.randomSeed, traceTimestampsMs(init.dataset)),
      maxInFlight,
      ...loadShapePlan(load, init.issuers),
      claimIndex: () => (budget.exhausted() ? null : claim()),
      ...(init.shard ? { globalIndex: (local: number) => globalIndexOf(local, init.shard!) } : {}),
      stopSignal: this.stopController.signal,
    };
    // runSession's own promise, not an async wrapper around it: one promise and one async frame less per request.
    const send: SendFn = (index, duePerfNs, onFirstResponse, pacing) =>
      runSession(this.setup, start.phase, index, duePerfNs, onPending, plan.stopSignal, budget, onFirstResponse, pacing);
    const users = strategy.users?.(load) ?? null;
    if (users) await issueUsers(plan, { ...users, issuer: init.issuerIndex, issuers: init.issuers }, send, onIssuingStopped);
    else await issuePhase(plan, send, onIssuingStopped);
    return monitor.stop();
  }

  /** The phase's own load (a warmup's), its built-in strategy and this issuer's share of its cap; else the run's. */
  private phaseLoad(start: PhaseStart): { strategy: TimingStrategy; maxInFlight: number | null; load: LoadConfig } {
    const { init } = this;
    if (!start.load) return { strategy: this.strategy, maxInFlight: init.maxInFlight, load: init.config.load };
    const strategy = start.load.mode === init.config.load.mode ? this.strategy : getTimingStrategy(start.load.mode);
    const maxInFlight = splitInFlight(strategy.maxInFlight(start.load), init.issuers)[init.issuerIndex] ?? 0;
    return { strategy, maxInFlight, load: start.load };
  }

  /** Stop issuing new requests (in-flight ones continue). */
  stop(): void {
    this.stopController.abort();
  }

  /** Abort in-flight requests; their results are dropped. */
  abandon(): void {
    this.stopController.abort();
    this.inFlight.abortAll();
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((p) => p.close()));
  }
}

/** Ramps and the prefill cap, this issuer's share (each thread caps its own requests). */
function loadShapePlan(load: LoadConfig, issuers: number): Pick<PhasePlan, 'maxInFlightRampNs' | 'prefillCap' | 'prefillRampNs'> {
  const seconds = (s: number | null) => (s === null ? null : s * 1e9);
  return {
    maxInFlightRampNs: seconds(load.concurrencyRampDurationSeconds),
    prefillCap: load.prefillConcurrency === null ? null : Math.max(1, Math.ceil(load.prefillConcurrency / issuers)),
    prefillRampNs: seconds(load.prefillConcurrencyRampDurationSeconds),
  };
}

function lazyTokenizer(spec: string): () => Promise<TextTokenizer> {
  let loading: Promise<TextTokenizer> | undefined;
  return () => (loading ??= loadTokenizer(spec));
}

/** The dataset's timestamps (fixed-schedule mode), ms; entries without one are due at once. */
function traceTimestampsMs(dataset: readonly DatasetTurn[]): number[] {
  return dataset.map((turn) => turn.timestampMs ?? 0);
}
