import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';

/**
 * Writes a file so that readers see the old version or the whole new one, never a 0-byte or half-written file:
 * the data goes to a temp file beside it, which is renamed over the target (atomic within one filesystem). On
 * failure (a full disk) the temp file is removed and the error rethrown. Hand-written: write-file-atomic adds
 * ownership and fsync options we do not need and a dependency in the worker bundle for these ten lines.
 */
/** `data` may be an iterable of strings, written one after another (a file too big for one string). */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
