import type { LogLevel } from '@aiperf/config';

const ORDER: readonly LogLevel[] = ['error', 'warning', 'info', 'debug', 'trace'];

/**
 * One run's log (`--log-level`, `-v` = debug, `-vv` = trace): lines at or above the level go to
 * `logs/aiperf.log`; errors, warnings and (when enabled) debug/trace lines also go to stderr, while the
 * console keeps info to the results table.
 */
export class RunLog {
  readonly lines: string[] = [];
  private readonly rank: number;

  constructor(
    private readonly stderr: NodeJS.WritableStream,
    level: LogLevel,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.rank = ORDER.indexOf(level);
  }

  enabled(level: LogLevel): boolean {
    return ORDER.indexOf(level) <= this.rank;
  }

  private emit(level: LogLevel, message: string): void {
    if (!this.enabled(level)) return;
    this.lines.push(`${this.now().toISOString()} ${level.toUpperCase().padEnd(7)} ${message}`);
    if (level !== 'info') this.stderr.write(`${level}: ${message}\n`);
  }

  error(message: string): void {
    this.emit('error', message);
  }
  warning(message: string): void {
    this.emit('warning', message);
  }
  info(message: string): void {
    this.emit('info', message);
  }
  debug(message: string): void {
    this.emit('debug', message);
  }
  trace(message: string): void {
    this.emit('trace', message);
  }
}
