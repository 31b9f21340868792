import { resolve } from 'node:path';
import { Command, Option } from 'clipanion';
import type { AiperfContext } from '../context.js';

export class ReportCommand extends Command<AiperfContext> {
  static override paths = [['report']];
  static override usage = Command.Usage({
    description: 'Write one self-contained HTML report of a run, a multi-run or a sweep.',
    details: `
      The report holds the summary tables, interactive charts (chart.js is inlined), the run configuration and the
      error summary in one file that opens offline and can be shared by mail: it makes no network request.
      Written to DIR/report.html unless --output names another file. \`aiperf profile --report html\` writes it
      after the run.
    `,
    examples: [
      ['Report of one run', '$0 report artifacts/Qwen_Qwen3-0.6B-openai-chat-concurrency8'],
      ['Report of a sweep into a chosen file', '$0 report artifacts/sweep --output sweep-report.html'],
    ],
  });

  dir = Option.String({ name: 'DIR' });
  output = Option.String('--output', { description: 'The HTML file to write (default: DIR/report.html)' });

  async execute(): Promise<number> {
    const at = (path: string) => resolve(this.context.cwd ?? process.cwd(), path);
    const { ReportInputError, writeHtmlReport } = await import('@aiperf/report');
    try {
      const file = await writeHtmlReport(at(this.dir), this.output ? at(this.output) : undefined);
      this.context.stdout.write(`HTML Report: ${file}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof ReportInputError)) throw error;
      this.context.stderr.write(`aiperf report: ${error.message}\n`);
      return 2;
    }
  }
}
