import { createHash } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';

// Defences of the dashboard's HTTP edge. A web page the user visits can point its own domain at 127.0.0.1 (DNS
// rebinding) and then read /api/* as same-origin; such requests carry the attacker's name in Host, so only the
// names this server is really reached by are served. The CSP keeps injected markup from running or phoning home.

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];
const WILDCARDS = ['0.0.0.0', '::', ''];

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.includes(host) || /^127\./.test(host) || host === '[::1]';
}

/** The host names a browser may put in Host for a server bound to `boundHost`. */
function allowedNames(boundHost: string): Set<string> {
  const names = new Set([boundHost.toLowerCase()]);
  if (isLoopbackHost(boundHost) || WILDCARDS.includes(boundHost)) for (const name of LOOPBACK_NAMES) names.add(name);
  if (WILDCARDS.includes(boundHost)) {
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) names.add(a.address.toLowerCase());
  }
  return names;
}

/** `Host` must name the bound address (or, for loopback/wildcard binds, this machine) and the bound port. */
export function hostChecker(boundHost: string, boundPort: () => number): (hostHeader: string | undefined) => boolean {
  const names = allowedNames(boundHost);
  return (hostHeader) => {
    if (!hostHeader) return false;
    const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
    if (!match) return false;
    const name = (match[1] as string).replace(/^\[(.*)\]$/, '$1');
    const port = match[2] === undefined ? 80 : Number(match[2]);
    return port === boundPort() && names.has(name);
  };
}

/** A policy that allows this server's scripts, styles, data and images only; inline `<style>` blocks by hash. */
export function contentSecurityPolicy(html = ''): string {
  const styleHashes = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => `'sha256-${createHash('sha256').update(css as string).digest('base64')}'`);
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${styleHashes.join(' ')}`.trim(),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The warning for a bind address other people can reach. */
export function exposureWarning(boundHost: string): string | null {
  if (isLoopbackHost(boundHost)) return null;
  return `WARNING: --host ${boundHost || '0.0.0.0'} is not loopback: anyone on the network who can reach this port can read these results (the dashboard has no login). Use --host 127.0.0.1 unless that is intended.`;
}
