import { degradationKneeHandler } from './degradation-knee.js';
import { itlSurfaceFitHandler } from './itl-surface.js';
import { paretoSweepExportHandler } from './pareto-export.js';
import { ttftCurveFitHandler } from './ttft-curve.js';
import type { PostProcessHandler, PostProcessSpec } from './types.js';

export const builtinPostProcessHandlers: readonly PostProcessHandler[] = [degradationKneeHandler, ttftCurveFitHandler, itlSurfaceFitHandler, paretoSweepExportHandler];

/** The file a post-process writes into the sweep-aggregate dir: its result, or `post_process_errors.json`. */
export interface PostProcessFile {
  fileName: string;
  json: string;
  /** Set when the handler failed (the run still succeeds; this is the warning). */
  error: string | null;
}

export const POST_PROCESS_ERRORS_FILE = 'post_process_errors.json';

const scrub = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));

/** Runs the handler (pure); a failure becomes the error file, never an exception, so the run's result stands. */
export function postProcess(
  spec: PostProcessSpec,
  aggregate: Record<string, unknown>,
  handlers: readonly PostProcessHandler[] = builtinPostProcessHandlers,
): PostProcessFile {
  try {
    const handler = handlers.find((h) => h.name === spec.handler);
    if (!handler) throw new Error(`unknown post-process handler '${spec.handler}'; known: ${handlers.map((h) => h.name).join(', ')}`);
    return { fileName: spec.outputFilename, json: `${JSON.stringify(scrub(handler.process(aggregate, spec.params)), null, 2)}\n`, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const type = error instanceof Error ? error.name : typeof error;
    const json = `${JSON.stringify({ handler: spec.handler, output_filename: spec.outputFilename, error: message, type }, null, 2)}\n`;
    return { fileName: POST_PROCESS_ERRORS_FILE, json, error: `post-process '${spec.handler}' failed: ${message}` };
  }
}
