/** Derives a recipe's answer from the sweep aggregate; stateless, pure. */
export interface PostProcessHandler {
  readonly name: string;
  readonly description: string;
  process(sweepAggregate: Record<string, unknown>, params: Record<string, unknown>): Record<string, unknown>;
}

/** What a recipe asks for: which handler, its params, and the file it writes in the sweep-aggregate dir. */
export interface PostProcessSpec {
  handler: string;
  params: Record<string, unknown>;
  outputFilename: string;
}
