import { type FlagDef, flagName } from './flag-types.js';
import { PROFILE_FLAGS } from './flags.js';
import { REDACTED, isSensitiveHeader, mayBeUrl, redactUrl } from './redact.js';

const MULTI_VALUE_KINDS = new Set(['list', 'pairs', 'optional-list']);

function splitToken(token: string): [name: string, inline: string | undefined] {
  const at = token.indexOf('=');
  return at > 0 && token.startsWith('-') ? [token.slice(0, at), token.slice(at + 1)] : [token, undefined];
}

function flagByName(name: string, flags: readonly FlagDef[]): FlagDef | undefined {
  return flags.find((f) => f.names.includes(name));
}

/**
 * A short flag with its value attached (`-HX-Api-Key: S`, as curl users type it): the flag and the value.
 * Only for a short name of a flag that takes a value, and only when the whole token is not itself a flag.
 */
function splitAttachedShort(token: string, flags: readonly FlagDef[]): [FlagDef, string] | null {
  if (!/^-[A-Za-z][^=]/.test(token) || token.startsWith('--') || flagByName(token, flags)) return null;
  const flag = flagByName(token.slice(0, 2), flags);
  return flag && flag.kind !== 'boolean' && flag.kind !== 'count' ? [flag, token.slice(2)] : null;
}

/** `-1`, `-0.5`: a value (the user's mistake to report), not an option. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

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
    const attached = splitAttachedShort(token, flags);
    if (attached) {
      out.push(`${flagName(attached[0])}=${attached[1]}`);
      continue;
    }
    const [name, inline] = splitToken(token);
    const flag = flagByName(name, flags);
    // clipanion reads `--concurrency -1` as two options ("Command not found"); hand it the value to reject.
    if (flag && flag.kind !== 'boolean' && inline === undefined && NEGATIVE_NUMBER.test(argv[i + 1] ?? '')) {
      out.push(`${flagName(flag)}=${argv[++i]}`);
      continue;
    }
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

const showArg = (arg: string) => (mayBeUrl(arg) ? redactUrl(arg) : arg);
const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/**
 * The command line as typed, for the record: secret flag values (API key, auth headers) replaced by `***`, and
 * any argument that may be a URL shown with its userinfo and credential-like query values redacted.
 */
export function redactedCommandLine(argv: readonly string[], prefix = 'aiperf profile', flags: readonly FlagDef[] = PROFILE_FLAGS): string {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    const attached = splitAttachedShort(token, flags);
    const [name, inline] = attached ? [token.slice(0, 2), attached[1]] : splitToken(token);
    const flag = flagByName(name, flags);
    if (attached?.[0].secret) {
      out.push(`${name}${redactValue(attached[0], attached[1])}`);
    } else if (!flag?.secret) {
      out.push(inline !== undefined ? `${name}=${showArg(inline)}` : showArg(token));
    } else if (inline !== undefined) {
      out.push(`${name}=${redactValue(flag, inline)}`);
    } else {
      out.push(token);
      while (i + 1 < argv.length && !(argv[i + 1] as string).startsWith('-')) out.push(redactValue(flag, argv[++i] as string));
    }
  }
  return [prefix, ...out.map(quote)].join(' ').trim();
}
