import type { BaseContext } from 'clipanion';

/**
 * What commands receive besides the streams: the raw arguments (for the recorded command line), the
 * environment and working directory. Optional so that commands written against clipanion's `BaseContext`
 * register unchanged; `runCli` always fills them in.
 */
export type AiperfContext = BaseContext & {
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
};
