import { closestFlag, expandMultiValueArgs } from '@aiperf/config';
import { Builtins, Cli, type Command } from 'clipanion';
import { CompareCommand } from './commands/compare.js';
import { KubeGenerateCommand } from './commands/kube.js';
import { MergeCommand } from './commands/merge.js';
import { MockServerCommand } from './commands/mock-server.js';
import { PlotCommand } from './commands/plot.js';
import { PluginsListCommand, PluginsValidateCommand } from './commands/plugins.js';
import { ProfileCommand } from './commands/profile.js';
import { ReportCommand } from './commands/report.js';
import type { AiperfContext } from './context.js';
import { reportError } from './errors.js';
import { findMissingValue, findUnknownOption } from './profile-options.js';
import { version } from './version.js';

/** Builds the `aiperf` CLI; tests call `runCli` with their own streams. */
export function createCli(): Cli<AiperfContext> {
  const cli = new Cli<AiperfContext>({ binaryLabel: 'aiperf', binaryName: 'aiperf', binaryVersion: version, enableColors: false });
  cli.register(Builtins.HelpCommand);
  cli.register(Builtins.VersionCommand);
  cli.register(ProfileCommand);
  cli.register(PlotCommand);
  cli.register(MockServerCommand);
  cli.register(CompareCommand);
  cli.register(ReportCommand);
  cli.register(MergeCommand);
  cli.register(KubeGenerateCommand);
  cli.register(PluginsListCommand);
  cli.register(PluginsValidateCommand);
  return cli;
}

type HelpRenderer = { renderHelp?: (ctx: AiperfContext) => Promise<string> | string };

/** `aiperf X --help` parses into clipanion's HelpCommand; commands with a `renderHelp` print their own. */
async function customHelp(command: Command<AiperfContext>, ctx: AiperfContext): Promise<string | null> {
  const help = command as unknown as { commands?: number[]; contexts?: { commandClass: HelpRenderer }[] };
  if (!Array.isArray(help.commands) || !help.contexts) return null;
  const classes = new Set(help.commands.map((i) => help.contexts?.[i]?.commandClass));
  const [only] = classes;
  return classes.size === 1 && only?.renderHelp ? only.renderHelp(ctx) : null;
}

const VERBOSE = /^(-v+|--verbose)$/;

/** An unknown argument may be a mistyped secret (`-Hkey…`, `--api-kee=sk-…`): show only a plain option name. */
function unknownOptionText(name: string): string {
  const suggestion = closestFlag(name);
  const shown = /^--?[A-Za-z][\w-]{0,40}$/.test(name) ? name : `${name.slice(0, 2)}… (the rest not shown: it may hold a credential)`;
  return `aiperf profile: unknown option ${shown}${suggestion ? ` (did you mean ${suggestion}?)` : ''}\nSee \`aiperf profile --help\` for every option.\n`;
}

export async function runCli(argv: readonly string[], context: Partial<AiperfContext> = {}): Promise<number> {
  const cli = createCli();
  const ctx: AiperfContext = { ...Cli.defaultContext, env: process.env, cwd: process.cwd(), ...context, argv: argv.slice(1) };
  const profile = argv[0] === 'profile';
  const args = argv.length === 0 ? ['--help'] : profile ? ['profile', ...expandMultiValueArgs(argv.slice(1))] : [...argv];
  const unknown = profile ? findUnknownOption(args.slice(1)) : null;
  if (unknown !== null) {
    ctx.stderr.write(unknownOptionText(unknown));
    return 2;
  }
  const valueless = profile ? findMissingValue(args.slice(1)) : null;
  if (valueless !== null) {
    ctx.stderr.write(`aiperf profile: ${valueless} needs a value\nSee \`aiperf profile --help\` for every option.\n`);
    return 2;
  }
  let command: Command<AiperfContext>;
  try {
    command = cli.process(args, ctx);
  } catch (error) {
    ctx.stderr.write(cli.error(error, { colored: false }));
    return 2;
  }
  const help = await customHelp(command, ctx);
  if (help !== null) {
    ctx.stdout.write(help);
    return 0;
  }
  // What `Cli.run` does for a parsed command, minus its error printer: ours sorts errors into kinds.
  command.context = ctx;
  command.cli = {
    binaryLabel: cli.binaryLabel, binaryName: cli.binaryName, binaryVersion: cli.binaryVersion, enableCapture: false, enableColors: false,
    definitions: () => cli.definitions(), error: (e, o) => cli.error(e, o), format: (c) => cli.format(c),
    process: (input, sub) => cli.process(input, { ...ctx, ...sub }), run: (input, sub) => cli.run(input, { ...ctx, ...sub }), usage: (c, o) => cli.usage(c, o),
  };
  try {
    return (await command.validateAndExecute()) ?? 0;
  } catch (error) {
    return reportError(error, ctx.stderr, args.some((a) => VERBOSE.test(a)));
  }
}
