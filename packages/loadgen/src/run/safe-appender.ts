import { createWriteStream, type WriteStream } from 'node:fs';
import { truncate } from 'node:fs/promises';

/**
 * An append-only file of whole lines that survives a failing disk: a write error (ENOSPC) is caught instead of
 * crashing the process as an unhandled 'error' event, reported once to `onError`, and on close the file is cut
 * back to the last batch that was written completely, so every line in it is whole.
 */
export class SafeAppender {
  committedBytes = 0;
  committedLines = 0;
  error: NodeJS.ErrnoException | null = null;
  private readonly out: WriteStream;

  constructor(
    readonly path: string,
    private readonly onError: (error: NodeJS.ErrnoException, path: string) => void,
  ) {
    this.out = createWriteStream(path, { flags: 'w' });
    this.out.on('error', (error) => this.fail(error));
  }

  /** Appends `text` (whole lines only, `lines` of them). */
  write(text: string, lines: number): void {
    if (this.error || text.length === 0) return;
    const bytes = Buffer.byteLength(text);
    this.out.write(text, (error) => {
      if (error) return this.fail(error);
      this.committedBytes += bytes;
      this.committedLines += lines;
    });
  }

  private fail(error: NodeJS.ErrnoException): void {
    if (this.error) return;
    this.error = error;
    this.onError(error, this.path);
  }

  async close(): Promise<void> {
    if (!this.error) await new Promise<void>((resolve) => this.out.end(() => resolve()));
    // A failed batch may have landed in part: drop it (a device such as /dev/full cannot be cut; nothing landed there).
    if (this.error) await truncate(this.path, this.committedBytes).catch(() => undefined);
  }
}
