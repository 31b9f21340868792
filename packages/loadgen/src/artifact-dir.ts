import { mkdir, stat, statfs, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ProfileConfigError } from './errors.js';

/** statfs magic numbers of kernel filesystems: nothing there is an artifact directory (and mkdir -p loops in /proc). */
const KERNEL_FILESYSTEMS = new Map([
  [0x9fa0, '/proc'],
  [0x62656572, '/sys'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x1cd1, 'devpts'],
]);

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENAMETOOLONG: 'the name is too long',
};

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? (error as Error).message;
}

/**
 * Makes sure a run can write its artifacts before it sends a request: creates the directory one level at a time
 * (Node's recursive mkdir spins forever under /proc), refuses kernel filesystems, and writes a probe file, so an
 * unwritable place is one usage error naming the directory and why, not a stack trace after the benchmark ran.
 */
export async function prepareArtifactDir(dir: string, flag = '--artifact-dir'): Promise<void> {
  const target = resolve(dir);
  const fail = (reason: string, cause?: unknown): never => {
    throw new ProfileConfigError(`${flag}: cannot write "${dir}": ${reason}`, { cause });
  };
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) fail(`${existing} is not a directory`);
      break;
    }
    if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') fail(reasonOf(info), info);
    missing.unshift(existing);
    if (dirname(existing) === existing) fail(reasonOf(info), info);
    existing = dirname(existing);
  }
  const fs = await statfs(existing).catch(() => null);
  const kernel = fs ? KERNEL_FILESYSTEMS.get(Number(fs.type)) : undefined;
  if (kernel !== undefined) fail(`${existing} is on a kernel filesystem (${kernel}), not a place for files`);
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => error.code === 'EEXIST' || fail(reasonOf(error), error));
  }
  const probe = join(target, `.aiperf-write-check-${process.pid}`);
  await writeFile(probe, '').catch((error) => fail(reasonOf(error), error));
  await unlink(probe).catch(() => undefined);
}
