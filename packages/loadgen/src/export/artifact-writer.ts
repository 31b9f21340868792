import { join } from 'node:path';
import { ArtifactWriteError, writeFailureReason } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';

/** A file the run kept by other means (the streamed JSONL), for the account of what was saved. */
export interface KeptFile {
  name: string;
  /** e.g. "1234 whole records" */
  detail?: string;
  error?: NodeJS.ErrnoException | null;
}

const RUN_STATE = { 'not started': 'no request was sent', stopped: 'the run was stopped', finished: 'the run had finished' } as const;

/**
 * Writes a run's artifacts atomically and keeps going when one fails (a full disk), so everything that can be
 * saved is; `failure()` then says in one line what failed, what was saved and where.
 */
export class ArtifactWriter {
  readonly saved: string[] = [];
  readonly failed: { name: string; error: unknown }[] = [];

  constructor(readonly dir: string) {}

  path(name: string): string {
    return join(this.dir, name);
  }

  async write(name: string, data: string | Iterable<string>): Promise<boolean> {
    try {
      await writeFileAtomic(this.path(name), data);
      this.saved.push(name);
      return true;
    } catch (error) {
      this.failed.push({ name, error });
      return false;
    }
  }

  /** The error to end the run with, or null when every file (and every kept file) was written. */
  failure(kept: readonly KeptFile[], run: 'not started' | 'stopped' | 'finished'): ArtifactWriteError | null {
    const keptFailed = kept.find((k) => k.error);
    const first = keptFailed ? { name: keptFailed.name, error: keptFailed.error } : this.failed[0];
    if (!first) return null;
    const savedNames = [...kept.map((k) => (k.detail ? `${k.name} (${k.detail})` : k.name)), ...this.saved];
    const notSaved = this.failed.map((f) => f.name);
    const parts = [
      `${writeFailureReason(first.error)} writing ${this.path(first.name)}; ${RUN_STATE[run]}.`,
      `Saved in ${this.dir}: ${savedNames.length > 0 ? savedNames.join(', ') : 'nothing'}.`,
      ...(notSaved.length > 0 ? [`Not saved: ${notSaved.join(', ')}.`] : []),
    ];
    return new ArtifactWriteError(parts.join(' '), { cause: first.error });
  }
}
