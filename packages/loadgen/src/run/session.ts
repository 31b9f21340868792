import { setTimeout as sleepMs } from 'node:timers/promises';
import type { DatasetTurn, FollowUpTurn } from '../dataset/dataset.js';
import type { ChatMessage } from '../endpoints/types.js';
import { parseExchange } from '../client/parse-exchange.js';
import type { BenchmarkPhase } from '../records.js';
import type { RequestBudget } from './request-budget.js';
import { flatUuid } from '../flat-uuid.js';
import { createSessionConnection } from './warm-pool.js';
import { type ExecutorSetup, type PendingRecord, type SessionConnection, sendTurn } from './request-executor.js';
import { countInputTokens } from '../dataset/tokenizer.js';

/**
 * User-centric pacing of a session's turns: each later turn waits for its user's next due time instead of the
 * dataset's `delay`, and a user's first session may be cut short (virtual history: it joined part-way through).
 */
export interface TurnPacing {
  /** Waits for the next turn's due time (called once the previous answer is in); null when the run stopped. */
  nextTurn(): Promise<bigint | null>;
  /** Of a session of `turns` turns, how many to send (its last ones are cut; at least 1). */
  turnsToSend(turns: number): number;
}

/**
 * Runs dataset entry `index` to its end: one request, or every turn of a multi-turn session in order. Each later
 * turn waits for the previous answer and its `delay` (or, paced, its user's next due time), then resends the
 * conversation so far (user prompts and the assistant text as received). A failed turn ends the session: there
 * is no answer to continue from.
 */
export async function runSession(
  setup: ExecutorSetup,
  phase: BenchmarkPhase,
  index: number,
  duePerfNs: bigint | null,
  onRecord: (pending: PendingRecord) => void,
  stopSignal: AbortSignal,
  budget: RequestBudget,
  onFirstResponse?: () => void,
  pacing?: TurnPacing,
): Promise<void> {
  const first = setup.dataset[setup.pickEntry(index)]!;
  const session = openSession(setup, index);
  if (session.dispatcher === null && !first.followUps?.length) {
    // A single request on the shared pool (the common case): nothing to close, no history to keep.
    if (budget.take()) onRecord(await sendTurn(setup, phase, index, duePerfNs, first, session, onFirstResponse));
    return;
  }
  try {
    await runTurns(setup, phase, index, duePerfNs, onRecord, stopSignal, budget, first, session, onFirstResponse, pacing);
  } finally {
    await session.dispatcher?.close();
  }
}

/**
 * One id for every turn of the conversation (the session-affinity header), and with
 * `--connection-reuse-strategy sticky-user-sessions` one connection of its own, closed after its last turn.
 */
function openSession(setup: ExecutorSetup, index: number): SessionConnection {
  const sticky = setup.config.endpoint.connectionReuseStrategy === 'sticky-user-sessions';
  const target = setup.targets[index % setup.targets.length]!;
  return { correlationId: flatUuid(), dispatcher: sticky ? createSessionConnection(target.origin) : null };
}

async function runTurns(
  setup: ExecutorSetup,
  phase: BenchmarkPhase,
  index: number,
  duePerfNs: bigint | null,
  onRecord: (pending: PendingRecord) => void,
  stopSignal: AbortSignal,
  budget: RequestBudget,
  first: DatasetTurn,
  session: SessionConnection,
  onFirstResponse?: () => void,
  pacing?: TurnPacing,
): Promise<void> {
  const allFollowUps = first.followUps ?? [];
  const followUps = pacing ? allFollowUps.slice(0, pacing.turnsToSend(allFollowUps.length + 1) - 1) : allFollowUps;
  const history: ChatMessage[] = first.systemText === undefined ? [] : [{ role: 'system', content: first.systemText }];
  let turn = first;
  let prompt = first.promptText ?? '';
  if (!budget.take()) return;
  // Only the session's first turn passes the prefill gate; later turns follow their own answers.
  let pending = await sendTurn(setup, phase, index, duePerfNs, turn, session, onFirstResponse);
  for (const [i, next] of followUps.entries()) {
    // The answer is read here (the next turn resends it); the record itself is still completed off this loop.
    const answer = parseExchange(pending.exchange, setup.endpoint, false);
    onRecord(pending);
    if (answer.error !== null || pending.exchange.abandoned || stopSignal.aborted || setup.inFlight.aborted) return;
    history.push({ role: 'user', content: prompt }, { role: 'assistant', content: answer.outputText });
    let dueNs: bigint | null = null;
    if (pacing) {
      dueNs = await pacing.nextTurn();
      if (dueNs === null) return;
    } else if (next.delayMs > 0 && !(await pause(next.delayMs, stopSignal))) return;
    // --request-count counts every turn: a session stops where the phase's requests run out.
    if (!budget.take()) return;
    turn = await followUpTurn(setup, first, next, i + 1, history);
    prompt = next.text;
    pending = await sendTurn(setup, phase, index, dueNs, turn, session);
  }
  onRecord(pending);
}

/** Waits `ms`; false when the run stopped meanwhile. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleepMs(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

async function followUpTurn(
  setup: ExecutorSetup,
  first: DatasetTurn,
  next: FollowUpTurn,
  turnIndex: number,
  history: readonly ChatMessage[],
): Promise<DatasetTurn> {
  const { endpoint, config } = setup;
  const payload = next.payload ?? endpoint.buildBody({
    model: first.model,
    prompt: next.text,
    history: [...history],
    maxTokens: next.maxTokens,
    streaming: config.endpoint.streaming && endpoint.supportsStreaming,
    useLegacyMaxTokens: config.endpoint.useLegacyMaxTokens,
    extraInputs: config.endpoint.extraInputs,
  });
  const tokenizer = await setup.tokenizer();
  // A replayed body's text already holds its history.
  const messages: ChatMessage[] = next.payload ? [{ role: 'user', content: next.text }] : [...history, { role: 'user', content: next.text }];
  const inputTokenCount = countInputTokens(tokenizer, messages, config.input.applyChatTemplate === true && endpoint.name === 'chat');
  return { conversationId: first.conversationId, turnIndex, model: first.model, inputTokenCount, payload, bodyText: JSON.stringify(payload) };
}
