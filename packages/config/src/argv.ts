import { type FlagDef, flagName } from './flag-types.js';
import { PROFILE_FLAGS } from './flags.js';
import { REDACTED, isSensitiveHeader } from './redact.js';

const MULTI_VALUE_KINDS = new Set(['list', 'pairs', 'optional-list']);

function splitToken(token: string): [name: string, inline: string | undefined] {
  const at = token.indexOf('=');
  return at > 0 && token.startsWith('-') ? [token.slice(0, at), token.slice(at + 1)] : [token, undefined];
}

function flagByName(name: string, flags: readonly FlagDef[]): FlagDef | undefined {
  return flags.find((f) => f.names.includes(name));
}

/**
 * The spec lets list flags take several values after one flag (`--extra-inputs a:1 b:2`,
 * `--gpu-telemetry [url …]`); clipanion takes one value per occurrence. This rewrites such runs into
 * `--flag=value` occurrences (and a bare `--gpu-telemetry` into `--gpu-telemetry=`) before parsing.
 */
export function expandMultiValueArgs(argv: readonly string[], flags: readonly FlagDef[] = PROFILE_FLAGS): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const [name, inline] = splitToken(token);
    const flag = flagByName(name, flags);
    if (!flag || !MULTI_VALUE_KINDS.has(flag.kind)) {
      out.push(token);
      continue;
    }
    const values = inline === undefined ? [] : [inline];
    while (inline === undefined && i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-')) values.push(argv[++i] as string);
    if (values.length === 0) out.push(flag.kind === 'optional-list' ? `${flagName(flag)}=` : token);
    for (const value of values) out.push(`${flagName(flag)}=${value}`);
  }
  return out;
}

function redactValue(flag: FlagDef, value: string): string {
  if (flag.key !== 'header') return REDACTED;
  const at = value.indexOf(':');
  return at > 0 && !isSensitiveHeader(value.slice(0, at).trim()) ? value : `${value.slice(0, Math.max(at, 0))}:${REDACTED}`;
}

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** The command line as typed, for the record: secret flag values (API key, auth headers) replaced by `***`. */
export function redactedCommandLine(argv: readonly string[], prefix = 'aiperf profile', flags: readonly FlagDef[] = PROFILE_FLAGS): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const [name, inline] = splitToken(token);
    const flag = flagByName(name, flags);
    if (!flag?.secret) {
      out.push(token);
    } else if (inline !== undefined) {
      out.push(`${name}=${redactValue(flag, inline)}`);
    } else {
      out.push(token);
      while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-')) out.push(redactValue(flag, argv[++i] as string));
    }
  }
  return [prefix, ...out.map(quote)].join(' ').trim();
}
