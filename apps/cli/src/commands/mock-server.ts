import { Command } from 'clipanion';

export class MockServerCommand extends Command {
  static override paths = [['mock-server']];
  static override usage = Command.Usage({ description: 'Run a simulated OpenAI-compatible LLM server.' });

  async execute(): Promise<number> {
    this.context.stderr.write('aiperf mock-server: not implemented yet\n');
    return 1;
  }
}
