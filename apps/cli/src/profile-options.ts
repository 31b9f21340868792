import { type FlagDef, type FlagValues, PROFILE_FLAGS } from '@aiperf/config';
import { Option } from 'clipanion';

function descriptor(flag: FlagDef): string {
  return flag.names.join(',');
}

/** One clipanion option per row of the flag table (the profile command's help is rendered from the table). */
export function createProfileOptions(flags: readonly FlagDef[] = PROFILE_FLAGS): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const flag of flags) {
    // Hidden from clipanion's flat listing: `aiperf profile --help` renders the grouped table instead.
    const settings = { description: flag.description, hidden: true };
    options[flag.key] =
      flag.kind === 'boolean'
        ? Option.Boolean(descriptor(flag), settings)
        : flag.kind === 'count'
          ? Option.Counter(descriptor(flag), settings)
        : flag.kind === 'value'
          ? Option.String(descriptor(flag), settings)
          : Option.Array(descriptor(flag), settings);
  }
  return options;
}

/** Reads the parsed values back off the command instance, keyed like the table. */
export function readProfileOptions(command: object, flags: readonly FlagDef[] = PROFILE_FLAGS): FlagValues {
  const source = command as Record<string, unknown>;
  return Object.fromEntries(flags.map((f) => [f.key, source[f.key] as FlagValues[string]]));
}

/**
 * The rows of the table that `args` name: by a name, a `--no-` negation or a batch of short counters (`-vv`).
 * Over-inclusion is harmless (a value that looks like a flag adds that flag); every flag given is included.
 */
export function flagsNamedIn(args: readonly string[], flags: readonly FlagDef[] = PROFILE_FLAGS): FlagDef[] {
  const names = new Set<string>();
  for (const arg of args) {
    if (arg === '--') break;
    if (!arg.startsWith('-')) continue;
    const name = arg.split('=')[0] as string;
    names.add(name);
    if (name.startsWith('--no-')) names.add(`--${name.slice(5)}`);
    if (/^-\w{2,}$/.test(name)) for (const c of name.slice(1)) names.add(`-${c}`);
  }
  return flags.filter((f) => f.names.some((n) => names.has(n)));
}

const HELP_NAMES = new Set(['-h', '--help']);

/** The first option name that is not in the table (clipanion's own message for it lists every command). */
export function findUnknownOption(args: readonly string[], flags: readonly FlagDef[] = PROFILE_FLAGS): string | null {
  const known = new Set(flags.flatMap((f) => [...f.names, ...(f.kind === 'boolean' ? f.names.filter((n) => n.startsWith('--')).map((n) => `--no-${n.slice(2)}`) : [])]));
  // A batch of repeatable short switches (`-vv`) is clipanion's `-v -v`.
  const counters = new Set(flags.filter((f) => f.kind === 'count').flatMap((f) => f.names.filter((n) => /^-\w$/.test(n)).map((n) => n[1])));
  for (const arg of args) {
    if (arg === '--') break;
    const name = arg.split('=')[0] as string;
    if (/^-\w{2,}$/.test(name) && [...name.slice(1)].every((c) => counters.has(c))) continue;
    if (arg.startsWith('-') && !/^-\d/.test(arg) && !known.has(name) && !HELP_NAMES.has(name)) return name;
  }
  return null;
}

/**
 * The first value-taking option given without a value (last, or followed by another option): clipanion reports
 * it as "Command not found" and echoes every argument, secrets included.
 */
export function findMissingValue(args: readonly string[], flags: readonly FlagDef[] = PROFILE_FLAGS): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    const flag = flags.find((f) => f.names.includes(arg));
    if (!flag || flag.kind === 'boolean' || flag.kind === 'count' || flag.kind === 'optional-list') continue;
    const next = args[i + 1];
    if (next === undefined || (next.startsWith('-') && !/^-(\d|\.\d)/.test(next))) return arg;
  }
  return null;
}
