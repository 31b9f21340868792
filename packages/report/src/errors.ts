/** Bad input (a path without results, an unknown metric in a rule, runs that cannot be compared): the user's fault. */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
  /** Shown without a stack, exit status 2. */
  readonly exitCode = 2;
}
