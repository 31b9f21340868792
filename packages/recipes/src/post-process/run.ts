import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { degradationKneeHandler } from './degradation-knee.js';
import { itlSurfaceFitHandler } from './itl-surface.js';
import { paretoSweepExportHandler } from './pareto-export.js';
import { ttftCurveFitHandler } from './ttft-curve.js';
import type { PostProcessHandler, PostProcessSpec } from './types.js';

export const builtinPostProcessHandlers: readonly PostProcessHandler[] = [degradationKneeHandler, ttftCurveFitHandler, itlSurfaceFitHandler, paretoSweepExportHandler];

const scrub = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));

/** Runs the handler and writes its JSON; a failure writes `post_process_errors.json` and never fails the run. */
export async function runPostProcess(
  spec: PostProcessSpec,
  aggregate: Record<string, unknown>,
  dir: string,
  warn: (line: string) => void,
  handlers: readonly PostProcessHandler[] = builtinPostProcessHandlers,
): Promise<string | null> {
  await mkdir(dir, { recursive: true });
  try {
    const handler = handlers.find((h) => h.name === spec.handler);
    if (!handler) throw new Error(`unknown post-process handler '${spec.handler}'; known: ${handlers.map((h) => h.name).join(', ')}`);
    const path = join(dir, spec.outputFilename);
    await writeFile(path, `${JSON.stringify(scrub(handler.process(aggregate, spec.params)), null, 2)}\n`);
    return path;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const type = error instanceof Error ? error.name : typeof error;
    await writeFile(
      join(dir, 'post_process_errors.json'),
      `${JSON.stringify({ handler: spec.handler, output_filename: spec.outputFilename, error: message, type }, null, 2)}\n`,
    );
    warn(`WARNING post-process '${spec.handler}' failed: ${message}`);
    return null;
  }
}
