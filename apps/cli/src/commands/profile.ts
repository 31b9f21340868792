import { Command } from 'clipanion';

export class ProfileCommand extends Command {
  static override paths = [['profile']];
  static override usage = Command.Usage({ description: 'Benchmark an OpenAI-compatible inference server.' });

  async execute(): Promise<number> {
    this.context.stderr.write('aiperf profile: not implemented yet\n');
    return 1;
  }
}
