import { FLAG_GROUPS, type FlagDef, defaultText } from './flag-types.js';
import { PROFILE_FLAGS } from './flags.js';
import { sweptFlagTarget } from './sweep-paths.js';

/** The description, plus the sweep note on every flag a comma list sweeps (the schema decides which). */
function meaning(flag: FlagDef): string {
  if (sweptFlagTarget(flag) === null || /comma list/.test(flag.description)) return flag.description;
  return `${flag.description}; a comma list sweeps it`;
}

function signature(flag: FlagDef): string {
  const names = flag.names.join(', ');
  return flag.valueName ? `${names} ${flag.valueName}` : names;
}

function explanation(flag: FlagDef): string {
  const parts = [meaning(flag)];
  if (flag.env) parts.push(`[env: ${flag.env}]`);
  parts.push(flag.required ? '(required)' : `(default: ${defaultText(flag)})`);
  return parts.join(' ');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** The grouped option list of `aiperf profile --help`, each flag with its default. */
export function renderFlagHelp(flags: readonly FlagDef[] = PROFILE_FLAGS): string {
  const out: string[] = [];
  for (const group of FLAG_GROUPS) {
    const members = flags.filter((f) => f.group === group);
    if (members.length === 0) continue;
    out.push('', `${group}:`);
    for (const flag of members) {
      out.push(`  ${signature(flag)}`);
      out.push(...wrap(explanation(flag), 86).map((line) => `      ${line}`));
    }
  }
  return out.join('\n').trimStart();
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
/** Plain text in a cell: also keep `<key>` from being read as HTML. */
const textCell = (text: string) => cell(text).replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same table as Markdown, for the README (a test keeps the README in sync). */
export function renderFlagMarkdown(flags: readonly FlagDef[] = PROFILE_FLAGS): string {
  const out: string[] = [];
  for (const group of FLAG_GROUPS) {
    const members = flags.filter((f) => f.group === group);
    if (members.length === 0) continue;
    out.push(`**${group}**`, '', '| flag | YAML key | default | meaning |', '| --- | --- | --- | --- |');
    for (const f of members) {
      const names = f.names.map((n) => `\`${n}\``).join(', ') + (f.valueName ? ` \`${cell(f.valueName)}\`` : '');
      const env = f.env ? ` (env \`${f.env}\`)` : '';
      out.push(`| ${names} | ${f.path ? `\`${f.path}\`` : '–'} | ${textCell(defaultText(f))} | ${textCell(meaning(f))}${env} |`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
