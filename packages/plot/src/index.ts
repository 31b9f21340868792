// Interface contract (filled in by the plot work; keep these names and shapes stable).
export type PlotTheme = 'light' | 'dark';
export type PlotMode = 'single_run' | 'multi_run';

export interface PlotOptions {
  /** Run directories or parents of run directories; default `['./artifacts']`. */
  paths: string[];
  /** Default: `<first path>/plots`. */
  outputDir?: string;
  theme?: PlotTheme;
  /** Explicit plot config YAML (highest priority). */
  configPath?: string;
  verbose?: boolean;
  /** Console lines (`Using config: …`, `Saved N plots to: …`); default: none. */
  log?: (line: string) => void;
}

export interface PlotResult {
  mode: PlotMode;
  outputDir: string;
  logPath: string;
  files: string[];
  skipped: { name: string; reason: string }[];
}

export async function plot(_options: PlotOptions): Promise<PlotResult> {
  throw new Error('plot: not implemented yet');
}
