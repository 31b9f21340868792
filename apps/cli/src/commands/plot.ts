import { Command } from 'clipanion';

export class PlotCommand extends Command {
  static override paths = [['plot']];
  static override usage = Command.Usage({ description: 'Plot the artifacts of one or more profile runs.' });

  async execute(): Promise<number> {
    this.context.stderr.write('aiperf plot: not implemented yet\n');
    return 1;
  }
}
