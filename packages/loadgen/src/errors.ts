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
