/**
 * A problem with the user's configuration. `where` names what the user typed: a flag (`--concurrency`), an
 * environment variable, or a YAML path (`benchmark.load.concurrency`). Messages say the value given and what
 * is allowed; the resolver collects all of them instead of stopping at the first.
 */
export interface ConfigIssue {
  where: string;
  message: string;
}

export function formatIssue(issue: ConfigIssue): string {
  return `${issue.where}: ${issue.message}`;
}

/** Renders a user-given value for a message: strings quoted, the rest as JSON. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/**
 * The user's fault (bad flag, bad YAML, missing file): the CLI prints the message and exits with status 2,
 * without a stack trace.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
  readonly issues: readonly ConfigIssue[];

  constructor(messageOrIssues: string | readonly ConfigIssue[], options?: { cause?: unknown }) {
    const issues = typeof messageOrIssues === 'string' ? [] : messageOrIssues;
    const message = typeof messageOrIssues === 'string' ? messageOrIssues : issues.map(formatIssue).join('\n');
    super(message, options);
    this.issues = issues;
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError || (error instanceof Error && error.name === 'UsageError' && 'exitCode' in error);
}
