import type { BenchmarkConfig } from '@aiperf/config';
import type { Rng } from '@aiperf/stats';
import type { TextTokenizer } from './tokenizer.js';

/** One later turn of a conversation as a loader gives it (its body is built at send time, with the history). */
export interface LoadedTurn {
  text: string;
  /** Requested output tokens; null = the run's --osl (or the server decides). */
  outputLength: number | null;
  /** Think time before this turn is sent, after the previous answer arrived. */
  delayMs: number;
  /** A body to send verbatim instead of one built from the text (payload replay). */
  payload?: Record<string, unknown>;
}

/** One dataset entry: a single request, or the first turn of a conversation with its later turns. */
export interface DatasetEntry {
  text: string;
  outputLength: number | null;
  /** A system message sent before the prompt (chat); part of every turn's history. */
  systemText?: string;
  sessionId?: string;
  followUps?: LoadedTurn[];
  /** Trace formats: when to send it, ms from the trace's start (null = at once). */
  timestampMs?: number | null;
  /** A body to send verbatim instead of one built from the text (payload replay). */
  payload?: Record<string, unknown>;
}

/** What a loader gets: the file, the run's settings, and the pieces synthetic text is made of. */
export interface DatasetLoadContext {
  /** `--input-file` (a file, or a directory for formats that read one). */
  path: string;
  config: BenchmarkConfig;
  tokenizer: TextTokenizer;
  /** Seeded from --random-seed: loaders draw from it only, so runs are reproducible. */
  rng: Rng;
  /** The prompt corpus (`--prompt-corpus`) as token ids, for formats that give lengths instead of text. */
  corpusTokens(): readonly number[];
  /** A warning for the run log (e.g. trace rows that were out of order). */
  warn(message: string): void;
}

/**
 * A dataset format (`--custom-dataset-type <name>`): reads `--input-file` into entries. Built-ins and plugins'
 * loaders live in one registry handed to the run. Errors about the file are `ProfileConfigError`s naming the
 * file, the line and the field.
 */
export interface DatasetLoader {
  readonly name: string;
  /** One line for listings. */
  readonly description: string;
  /** Entries carry timestamps: replayed on a fixed schedule unless --no-fixed-schedule. */
  readonly timestamped?: boolean;
  /** Reads a directory instead of a file. */
  readonly readsDirectory?: boolean;
  load(context: DatasetLoadContext): DatasetEntry[];
}
