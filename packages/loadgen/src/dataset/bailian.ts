import { ProfileConfigError } from '../errors.js';
import { readJsonLines } from './jsonl.js';
import type { DatasetEntry, DatasetLoader, LoadedTurn } from './loader.js';
import { traceTokenIds } from './mooncake.js';
import { corpusSlice } from './synthetic.js';
import { inTimestampOrder } from './trace-order.js';

/** Tokens per hash id in the Alibaba Bailian traces (AIPerf's default block size for them). */
const BAILIAN_BLOCK_TOKENS = 16;

interface BailianRow {
  chatId: string;
  parentChatId: string | null;
  timestampMs: number;
  inputLength: number;
  outputLength: number | null;
  hashIds: number[] | null;
  where: string;
}

function readRows(path: string): BailianRow[] {
  return readJsonLines(path).map(({ value, where }) => {
    const int = (field: string, min: number, required: boolean): number | null => {
      const v = value[field];
      if ((v === undefined || v === null) && !required) return null;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new ProfileConfigError(`${where}: "${field}" is ${JSON.stringify(v)}; allowed: an integer ≥ ${min}`);
      return v;
    };
    const id = (field: string) => {
      const v = value[field];
      if (typeof v !== 'number' && typeof v !== 'string') throw new ProfileConfigError(`${where}: "${field}" is ${JSON.stringify(v)}; allowed: a number or string id`);
      return String(v);
    };
    const timestamp = value.timestamp;
    if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0) {
      throw new ProfileConfigError(`${where}: "timestamp" is ${JSON.stringify(timestamp)}; allowed: seconds ≥ 0`);
    }
    const hashIds = value.hash_ids;
    if (hashIds !== undefined && hashIds !== null && !(Array.isArray(hashIds) && hashIds.every((h) => Number.isInteger(h)))) {
      throw new ProfileConfigError(`${where}: "hash_ids" is ${JSON.stringify(hashIds)}; allowed: an array of integers`);
    }
    const parent = value.parent_chat_id === undefined || value.parent_chat_id === null || value.parent_chat_id === -1 ? null : id('parent_chat_id');
    const output = int('output_length', 0, false);
    return {
      chatId: id('chat_id'),
      parentChatId: parent,
      timestampMs: timestamp * 1000,
      inputLength: int('input_length', 1, true)!,
      outputLength: output === null || output === 0 ? null : output,
      hashIds: Array.isArray(hashIds) ? (hashIds as number[]) : null,
      where,
    };
  });
}

/**
 * Alibaba Bailian traces (JSONL: `chat_id`, `parent_chat_id` (-1 for a first turn), `timestamp` in seconds,
 * `input_length`, `output_length`, `hash_ids` of 16-token blocks). A chat whose parent is another chat is that
 * conversation's next turn: sent after the previous answer, following the recorded gap, with a prompt of the
 * tokens its input adds to the conversation so far. A turn recorded before its parent is refused (time would go
 * backwards within a conversation); conversations out of order are sorted with a warning.
 */
export const bailianTraceLoader: DatasetLoader = {
  name: 'bailian_trace',
  description: 'Alibaba Bailian JSONL trace: chat_id, parent_chat_id, timestamp (s), input_length, output_length, hash_ids',
  timestamped: true,
  load({ path, config, tokenizer, rng, corpusTokens, warn }) {
    const corpus = corpusTokens();
    const blocks = new Map<number, number[]>();
    const blockTokens = config.input.islBlockSize ?? BAILIAN_BLOCK_TOKENS;
    const rows = readRows(path);
    const byId = new Map(rows.map((row) => [row.chatId, row]));
    const sessions = new Map<string, { root: BailianRow; turns: BailianRow[] }>();
    const rootOf = (row: BailianRow): BailianRow => (row.parentChatId === null ? row : rootOf(byId.get(row.parentChatId)!));
    for (const row of inTimestampOrder(rows, path, () => {})) {
      if (row.parentChatId === null) {
        sessions.set(row.chatId, { root: row, turns: [] });
        continue;
      }
      const parent = byId.get(row.parentChatId);
      if (!parent) throw new ProfileConfigError(`${row.where}: "parent_chat_id" ${row.parentChatId} is not a chat_id of this trace`);
      if (row.timestampMs < parent.timestampMs) {
        throw new ProfileConfigError(`${row.where}: "timestamp" ${row.timestampMs / 1000} s is before its parent chat ${parent.chatId} (${parent.timestampMs / 1000} s); a conversation's turns must go forward in time`);
      }
      sessions.get(rootOf(row).chatId)?.turns.push(row);
    }
    const roots = inTimestampOrder([...sessions.values()].map((s) => ({ ...s, timestampMs: s.root.timestampMs })), path, warn);
    return roots.map(({ root, turns }): DatasetEntry => {
      const text = tokenizer.decode(traceTokenIds({ ...root, timestampMs: root.timestampMs }, corpus, blockTokens, rng, blocks));
      let previous = root;
      const followUps = turns.map((turn): LoadedTurn => {
        // The turn's input holds the conversation so far; its new prompt is what it adds.
        const added = Math.max(1, turn.inputLength - previous.inputLength - (previous.outputLength ?? 0));
        const delayMs = turn.timestampMs - previous.timestampMs;
        previous = turn;
        return { text: tokenizer.decode(corpusSlice(corpus, rng, added)), outputLength: turn.outputLength, delayMs };
      });
      return { text, outputLength: root.outputLength, timestampMs: root.timestampMs, sessionId: `bailian-${root.chatId}`, ...(followUps.length > 0 ? { followUps } : {}) };
    });
  },
};
