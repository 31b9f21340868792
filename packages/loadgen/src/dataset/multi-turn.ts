import { ProfileConfigError } from '../errors.js';
import { type TurnEntry, parseTurn, readJsonLines } from './jsonl.js';

/** One conversation of a `multi_turn` file: its turns run in order, each resending the history. */
export interface SessionEntry {
  sessionId: string;
  turns: TurnEntry[];
}

/** `multi_turn` JSONL: `{"session_id": "...", "turns": [<single_turn objects>]}` per line. */
export function readMultiTurnFile(path: string): SessionEntry[] {
  return readJsonLines(path).map(({ value, where }) => {
    if (typeof value.session_id !== 'string' || value.session_id.length === 0) {
      throw new ProfileConfigError(`${where}: "session_id" is ${JSON.stringify(value.session_id)}; allowed: a non-empty string`);
    }
    if (!Array.isArray(value.turns) || value.turns.length === 0) {
      throw new ProfileConfigError(`${where}: "turns" must be a non-empty array of {"text", "output_length"?, "delay"?} objects`);
    }
    const turns = value.turns.map((turn: unknown, i) => {
      if (turn === null || typeof turn !== 'object' || Array.isArray(turn)) {
        throw new ProfileConfigError(`${where}: "turns[${i}]" must be an object like {"text": "..."}`);
      }
      return parseTurn(turn as Record<string, unknown>, `${where}: turns[${i}]`);
    });
    return { sessionId: value.session_id, turns };
  });
}
