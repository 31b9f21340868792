// The report's data, computed in Node and embedded in the page as JSON; the browser script only draws it.

/** A table already formatted for display (numbers as text). */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: string[][];
}

export interface ChartSeries {
  label: string;
  /** [x, y] pairs. */
  points: Array<[number, number]>;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** `scatter`: points (per request); `line`: points joined in x order (sweeps); `bar`: one bar per x label. */
  type: 'scatter' | 'line' | 'bar';
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  /** Bar charts: the label of each x position. */
  categories?: string[];
}

export interface ReportErrorRow {
  code: string;
  type: string;
  message: string;
  count: number;
}

export interface ReportData {
  title: string;
  /** What was measured, one line (`single run`, `multi-run (3 runs, 95% CI)`, `sweep (3 cells)`). */
  subtitle: string;
  source: string;
  generatedAt: string;
  tables: ReportTable[];
  charts: ChartSpec[];
  /** The run configuration (`input_config`) as indented JSON, or null when the artifacts lack it. */
  config: string | null;
  errors: ReportErrorRow[];
}
