import type { DatasetTurn } from '../dataset/dataset.js';

/** `inputs.json`: each conversation with its payloads exactly as sent, one per turn. */
export function buildInputsJson(dataset: readonly DatasetTurn[]): { data: Array<{ session_id: string; payloads: unknown[] }> } {
  const sessions = new Map<string, unknown[]>();
  for (const turn of dataset) {
    const payloads = sessions.get(turn.conversationId) ?? [];
    payloads[turn.turnIndex] = turn.payload;
    sessions.set(turn.conversationId, payloads);
  }
  return { data: [...sessions].map(([session_id, payloads]) => ({ session_id, payloads })) };
}
