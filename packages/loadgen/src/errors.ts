/**
 * Bad settings found by the benchmark engine (a tokenizer path that does not exist, an unknown goodput metric, an
 * unreadable dataset line): the user's fault, so the CLI prints the messages and exits 2 without a stack.
 * `errors` lists every problem, each starting with the flag.
 *
 * It has the shape `isUsageError` from @aiperf/config recognizes (`name` 'UsageError' and an `exitCode`) rather
 * than extending that class: worker threads load this module, and they must not need the config package at
 * runtime (it is only a type dependency of the engine).
 */
export class ProfileConfigError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
  readonly errors: readonly string[];

  constructor(errors: string | readonly string[], options?: { cause?: unknown }) {
    const list = typeof errors === 'string' ? [errors] : errors;
    super(list.join('\n'), options);
    this.errors = list;
  }
}

const DISK_REASONS: Record<string, string> = { ENOSPC: 'no space left on device', EDQUOT: 'disk quota exceeded', EIO: 'I/O error', EROFS: 'read-only file system' };

/** Why a write failed, in words (`no space left on device`), for the one line the user sees. */
export function writeFailureReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return DISK_REASONS[code] ?? (error as Error).message;
}

/**
 * Artifacts could not be written (a full disk): not a bug and not a usage mistake. The CLI prints the message —
 * one line saying what failed, what was saved and where — and exits with `exitCode`, without a stack.
 */
export class ArtifactWriteError extends Error {
  override readonly name = 'ArtifactWriteError';
  readonly exitCode = 1;
}
