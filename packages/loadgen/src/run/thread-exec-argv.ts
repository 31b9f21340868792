/**
 * The flags an issuing thread starts with. A thread inherits its parent's `process.execArgv` unless given its own,
 * and two kinds must not reach it:
 * - `--conditions @aiperf/source` (tests): the worker script is built code and must import built packages;
 * - how the parent's own code was given (`--input-type`, `-e`/`--eval`, `-p`/`--print`): with `--input-type` the
 *   thread refuses to start ("--input-type can only be used with string input").
 * Given explicitly, though, the list is checked, and per-process flags such as V8's `--expose-gc` are refused
 * (ERR_WORKER_INVALID_EXEC_ARGV) where inherited ones are not: so inherit when nothing needs dropping, and keep
 * `fallback` (only the module-loading flags) for when the full list is refused.
 */
export type ThreadExecArgv = { inherit: true } | { inherit: false; execArgv: string[]; fallback: string[] };

const SOURCE_CONDITION = '@aiperf/source';
/** Flags followed by a value that say how the parent's code was given. */
const CODE_FLAGS_WITH_VALUE = new Set(['-e', '--eval', '-p', '--print', '--input-type']);
/** Module resolution and loading, which a thread needs as its parent does; each takes a value. */
const LOADING_FLAGS_WITH_VALUE = new Set(['--conditions', '-C', '--import', '--require', '-r', '--loader', '--experimental-loader']);

export function threadExecArgv(parent: readonly string[]): ThreadExecArgv {
  const kept: string[] = [];
  const fallback: string[] = [];
  let dropped = false;
  for (let i = 0; i < parent.length; i++) {
    const [name, inlineValue] = splitFlag(parent[i] ?? '');
    const takesNext = inlineValue === undefined && (CODE_FLAGS_WITH_VALUE.has(name) || LOADING_FLAGS_WITH_VALUE.has(name));
    const flag = parent.slice(i, takesNext ? i + 2 : i + 1);
    if (takesNext) i += 1;
    const value = inlineValue ?? flag[1];
    if (CODE_FLAGS_WITH_VALUE.has(name) || ((name === '--conditions' || name === '-C') && value === SOURCE_CONDITION)) {
      dropped = true;
      continue;
    }
    kept.push(...flag);
    if (LOADING_FLAGS_WITH_VALUE.has(name) || name === '--enable-source-maps') fallback.push(...flag);
  }
  return dropped ? { inherit: false, execArgv: kept, fallback } : { inherit: true };
}

/** `--name=value` → [name, value]; anything else → [arg, undefined]. */
function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}
