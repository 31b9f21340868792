/**
 * A plugin that cannot be used: not found, throws on import, exports the wrong shape, takes a registered name or
 * needs another aiperf. The user's to fix, so it is a usage error (one line, exit 2); the original error is kept
 * as `cause` and printed under `-v`.
 */
export class PluginLoadError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;

  constructor(
    readonly plugin: string,
    readonly where: string,
    why: string,
    options?: { cause?: unknown },
  ) {
    super(`plugin '${plugin}': ${why} (${where})`, options);
  }
}

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
