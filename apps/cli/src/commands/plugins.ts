import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import type { AiperfContext } from '../context.js';
import { flagPluginRefs } from '../plugins/refs.js';

/** `aiperf plugins`: what is loaded, from where, and what each adds. */
export class PluginsListCommand extends Command<AiperfContext> {
  static override paths = [['plugins'], ['plugins', 'list']];
  static override usage = Command.Usage({
    description: 'List the aiperf plugins that load here: name, version, what each contributes and where it came from.',
    details: `
      Installed packages that declare themselves aiperf plugins (the "aiperf-plugin" keyword or an "aiperf" field
      in package.json) are found in the node_modules folders of the current directory and its parents, the way
      Node resolves a package from here; --plugin adds one by npm name or path.
    `,
    examples: [['Everything that loads in this project', '$0 plugins']],
  });

  plugin = Option.Array('--plugin', [], { description: 'Also load this plugin (npm name or path; repeatable)' });
  // Read by the error printer: a failing plugin's original error is shown under -v.
  verbose = Option.Boolean('-v,--verbose', false, { description: 'On a load failure, also print the original error' });

  async execute(): Promise<number> {
    const cwd = this.context.cwd ?? process.cwd();
    const { setupPlugins } = await import('../plugins/setup.js');
    const { describeContributions } = await import('../plugins/register.js');
    const { plugins } = await setupPlugins(flagPluginRefs(this.plugin, cwd), cwd);
    if (plugins.length === 0) {
      this.context.stdout.write('No aiperf plugins found (installed packages with the "aiperf-plugin" keyword, or --plugin).\n');
      return 0;
    }
    for (const p of plugins) {
      this.context.stdout.write(`${p.name} ${p.version}\n  contributes: ${describeContributions(p.plugin)}\n  from: ${p.origin} (${p.entryPath})\n`);
    }
    return 0;
  }
}

/** `aiperf plugins validate DIR`: load a plugin package the way a run would, and say what is wrong or what it adds. */
export class PluginsValidateCommand extends Command<AiperfContext> {
  static override paths = [['plugins', 'validate']];
  static override usage = Command.Usage({
    description: 'Check a plugin package: it loads, exports a plugin, its names are free and its aiperf range fits.',
    examples: [['Check the plugin in ./my-plugin', '$0 plugins validate ./my-plugin']],
  });

  dir = Option.String({ name: 'DIR' });
  verbose = Option.Boolean('-v,--verbose', false, { description: 'On a load failure, also print the original error' });

  async execute(): Promise<number> {
    const cwd = this.context.cwd ?? process.cwd();
    const { importPlugin } = await import('../plugins/load.js');
    const { locatePlugin } = await import('../plugins/locate.js');
    const { registerPlugins, describeContributions } = await import('../plugins/register.js');
    const { createRunRegistries } = await import('../registries.js');
    const loaded = await importPlugin(locatePlugin(resolve(cwd, this.dir), cwd, 'validate'));
    registerPlugins([loaded], await createRunRegistries([loaded]));
    this.context.stdout.write(`${loaded.name} ${loaded.version}: OK\n  contributes: ${describeContributions(loaded.plugin)}\n  entry: ${loaded.entryPath}\n`);
    return 0;
  }
}
