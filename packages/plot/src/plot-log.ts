import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

const timestamp = (date = new Date()): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
};

/** `aiperf_plot.log`: `YYYY-MM-DD HH:MM:SS - aiperf.plot - LEVEL - message`, INFO and up unless verbose. */
export class PlotLog {
  private writable: boolean;

  constructor(
    readonly path: string,
    private readonly verbose = false,
  ) {
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
      this.writable = true;
    } catch {
      this.writable = false;
    }
  }

  get available(): boolean {
    return this.writable;
  }

  write(level: LogLevel, message: string): void {
    if (level === 'DEBUG' && !this.verbose) return;
    if (!this.writable) return;
    appendFileSync(this.path, `${timestamp()} - aiperf.plot - ${level} - ${message}\n`);
  }
}
