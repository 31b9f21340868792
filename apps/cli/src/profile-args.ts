// `aiperf profile`'s arguments checked before clipanion parses them (loaded with the profile command: it needs the
// flag table): clipanion's own messages for these cases list every command and echo every argument.
import { closestFlag, expandMultiValueArgs } from '@aiperf/config';
import { findMissingValue, findUnknownOption } from './profile-options.js';

/** An unknown argument may be a mistyped secret (`-Hkey…`, `--api-kee=sk-…`): show only a plain option name. */
function unknownOptionText(name: string): string {
  const suggestion = closestFlag(name);
  const shown = /^--?[A-Za-z][\w-]{0,40}$/.test(name) ? name : `${name.slice(0, 2)}… (the rest not shown: it may hold a credential)`;
  return `aiperf profile: unknown option ${shown}${suggestion ? ` (did you mean ${suggestion}?)` : ''}\nSee \`aiperf profile --help\` for every option.\n`;
}

/** The arguments after `profile` with multi-value flags expanded, or the one-line usage error for them. */
export function checkProfileArgs(argv: readonly string[]): { args: string[] } | { error: string } {
  const args = expandMultiValueArgs(argv);
  const unknown = findUnknownOption(args);
  if (unknown !== null) return { error: unknownOptionText(unknown) };
  const valueless = findMissingValue(args);
  if (valueless !== null) return { error: `aiperf profile: ${valueless} needs a value\nSee \`aiperf profile --help\` for every option.\n` };
  return { args };
}
