import { type HookRegistry, orderedHooks } from './registry.js';
import type { CompletedRun, PostRunHook } from './types.js';

export interface HookFailure {
  name: string;
  error: unknown;
}

export interface RunHooksOptions {
  /** One line per failure (default: nothing). */
  log?: (line: string) => void;
  /** Rethrow the first failure after every hook ran; default: env `AIPERF_RAISE_ON_CALLBACK_ERROR=true`. */
  raiseOnError?: boolean;
}

export interface RunHooksResult {
  /** The outcome's exit code, forced to 1 when a hook failed and the code was 0. */
  exitCode: number;
  failures: HookFailure[];
  /** False when the outcome did not qualify (see `shouldRunPostRunHooks`); no hook ran. */
  fired: boolean;
}

/** Single run: only exit 0. Multi-run/sweep: at least one execution succeeded, even on partial failure. */
export function shouldRunPostRunHooks(outcome: CompletedRun): boolean {
  if (outcome.kind === 'single') return outcome.exitCode === 0;
  return outcome.runs.some((run) => run.exitCode === 0);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs the hooks in order, each isolated: a failure is reported, later hooks still run, the exit code turns non-zero. */
export async function runPostRunHooks(
  hooks: HookRegistry | readonly PostRunHook[],
  outcome: CompletedRun,
  options: RunHooksOptions = {},
): Promise<RunHooksResult> {
  if (!shouldRunPostRunHooks(outcome)) return { exitCode: outcome.exitCode, failures: [], fired: false };
  const list = orderedHooks(hooks);
  const failures: HookFailure[] = [];
  for (const hook of list) {
    try {
      await hook.run(outcome);
    } catch (error) {
      failures.push({ name: hook.name, error });
      options.log?.(`ERROR post-run hook '${hook.name}' failed: ${errorText(error)}`);
    }
  }
  const raise = options.raiseOnError ?? process.env.AIPERF_RAISE_ON_CALLBACK_ERROR?.toLowerCase() === 'true';
  if (raise && failures[0]) throw failures[0].error;
  const exitCode = failures.length > 0 && outcome.exitCode === 0 ? 1 : outcome.exitCode;
  return { exitCode, failures, fired: true };
}
