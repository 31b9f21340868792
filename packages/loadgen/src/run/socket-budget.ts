import { readFileSync } from 'node:fs';

/** Descriptors the process needs besides request sockets (stdio, artifact files, workers, the event loop). */
const RESERVED_FDS = 64;
/** Above this share of a budget a run still starts, with a warning that it may run out. */
const WARN_SHARE = 0.8;

export interface SocketBudget {
  /** The soft RLIMIT_NOFILE (`ulimit -n`), or null where it cannot be read. */
  openFiles: number | null;
  /** How many local ports one client may use towards one server address (the ephemeral range), or null. */
  localPorts: number | null;
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** The machine's limits on concurrent connections, from /proc (Linux); unknown elsewhere. */
export function readSocketBudget(): SocketBudget {
  const limits = readOrNull('/proc/self/limits');
  const soft = limits ? /^Max open files\s+(\d+|unlimited)/m.exec(limits)?.[1] : undefined;
  const range = readOrNull('/proc/sys/net/ipv4/ip_local_port_range')?.trim().split(/\s+/).map(Number);
  return {
    openFiles: soft === undefined || soft === 'unlimited' ? null : Number(soft),
    localPorts: range && range.length === 2 && range.every(Number.isFinite) ? (range[1] as number) - (range[0] as number) + 1 : null,
  };
}

/**
 * Every in-flight request holds one socket: one file descriptor and one local port towards the server. A
 * concurrency beyond either budget cannot be reached (and once made the client spin on EMFILE), so it is refused
 * naming the limit; close to it is a warning.
 */
export function checkConcurrencyBudget(concurrency: number | null, budget: SocketBudget, servers = 1): { error: string | null; warning: string | null } {
  if (concurrency === null) return { error: null, warning: null };
  const limits: string[] = [];
  const near: string[] = [];
  if (budget.openFiles !== null) {
    const usable = budget.openFiles - RESERVED_FDS;
    const text = `the limit on open files (ulimit -n) is ${budget.openFiles}`;
    if (concurrency > usable) limits.push(`${text}; raise it (ulimit -n) or lower --concurrency to at most ${Math.max(usable, 1)}`);
    else if (concurrency > usable * WARN_SHARE) near.push(text);
  }
  // Requests spread over the --url servers; each server address has its own port space.
  const perServer = Math.ceil(concurrency / servers);
  if (budget.localPorts !== null) {
    const text = `local ports towards one server number ${budget.localPorts} (net.ipv4.ip_local_port_range)`;
    if (perServer > budget.localPorts) limits.push(`${text}; use several --url addresses or lower --concurrency`);
    else if (perServer > budget.localPorts * WARN_SHARE) near.push(text);
  }
  if (limits.length > 0) return { error: `--concurrency: got ${concurrency}, but each in-flight request needs its own socket and ${limits.join('; and ')}`, warning: null };
  if (near.length > 0) return { error: null, warning: `--concurrency ${concurrency} is close to what this machine allows (${near.join('; ')}); requests may fail with EMFILE/EADDRNOTAVAIL` };
  return { error: null, warning: null };
}
