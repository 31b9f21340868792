import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderReportPage } from './page.js';
import { buildReportData } from './report-data.js';

export const HTML_REPORT_NAME = 'report.html';
const BUNDLE = join('dist-browser', 'report.global.js');

/** The bundled browser script, found from this module in `src/` (tests) or `dist/` (the built package). */
export function readBrowserBundle(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, BUNDLE))) return readFileSync(join(dir, BUNDLE), 'utf8');
    dir = dirname(dir);
  }
  throw new Error(`@aiperf/report: ${BUNDLE} is missing; build the package (pnpm build) to bundle the report script`);
}

/** Writes the self-contained report of the run, multi-run or sweep at `path`; returns the file written. */
export async function writeHtmlReport(path: string, outputFile?: string): Promise<string> {
  const data = buildReportData(path);
  const file = outputFile ?? join(data.source, HTML_REPORT_NAME);
  await writeFile(file, renderReportPage(data, readBrowserBundle()));
  return file;
}
