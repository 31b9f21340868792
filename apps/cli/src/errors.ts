import { isUsageError } from '@aiperf/config';

const REPORT_URL = 'https://github.com/ai-dynamo/aiperf/issues';
/** Error names (from @aiperf/loadgen, matched by name: it is loaded lazily) that end the run with their exitCode. */
const ENVIRONMENT_ERRORS = new Set(['ArtifactWriteError', 'ModelNotReadyError']);

/** A command that wants to end with a given exit status without an error message of its own. */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(readonly exitCode: number, message = `exit ${exitCode}`) {
    super(message);
  }
}

/** clipanion's parse errors (unknown option, missing value) are the user's fault, like our UsageError. */
function isParseError(error: unknown): error is Error {
  return error instanceof Error && (error as { clipanion?: { type?: string } }).clipanion?.type === 'usage';
}

/**
 * The three error kinds of the conventions: a usage error (message, exit 2, no stack), an exit with a code,
 * and anything else, which is a bug (message, stack, how to report; exit 1).
 */
export function reportError(error: unknown, stderr: NodeJS.WritableStream, verbose = false): number {
  if (error instanceof ExitError) return error.exitCode;
  // Artifacts that could not be written (a full disk), a model that never became ready: the environment's fault,
  // said in one line.
  if (error instanceof Error && ENVIRONMENT_ERRORS.has(error.name) && typeof (error as { exitCode?: unknown }).exitCode === 'number') {
    stderr.write(`aiperf: ${error.message}\n`);
    return (error as Error & { exitCode: number }).exitCode;
  }
  if (isUsageError(error) || isParseError(error)) {
    stderr.write(`aiperf: ${error.message}\n`);
    // The original error (a plugin's import failure, say) is the user's to read only when asked for (-v).
    if (verbose && error.cause !== undefined) stderr.write(`caused by: ${String((error.cause as Error)?.stack ?? error.cause)}\n`);
    return 2;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  stderr.write(`aiperf: internal error: ${err.message}\n${err.stack ?? ''}\n`);
  if (err.cause !== undefined) stderr.write(`caused by: ${String((err.cause as Error).stack ?? err.cause)}\n`);
  stderr.write(`This is a bug in aiperf; please report it with the command you ran at ${REPORT_URL}\n`);
  return 1;
}
