// Browser-mode access control: a random token printed in the URL, kept by the page as a cookie;
// loopback binding by default; Host and Origin checks against DNS rebinding and cross-site sockets.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** A fresh access token (256 random bits, URL-safe). */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

/** The cookie that carries the token (one per port: cookies are shared across ports of a host). */
export function tokenCookieName(port: number): string {
  return `trackwright_token_${port}`;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Where the request's token came from, if it carries the right one. */
export type TokenSource = 'query' | 'cookie' | 'header';

/** Checks the request's token (query `token`, the cookie, or `Authorization: Bearer`). */
export function authenticate(req: IncomingMessage, url: URL, token: string, port: number): TokenSource | undefined {
  const q = url.searchParams.get('token');
  if (q !== null && safeEqual(q, token)) return 'query';
  const c = cookieValue(req, tokenCookieName(port));
  if (c !== undefined && safeEqual(c, token)) return 'cookie';
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && safeEqual(auth.slice(7).trim(), token)) return 'header';
  return undefined;
}

/**
 * When bound to loopback, only loopback Host headers are served: a page on another site that
 * rebinds its DNS name to 127.0.0.1 sends its own name as Host and is refused.
 */
export function hostAllowed(req: IncomingMessage, boundToLoopback: boolean): boolean {
  if (!boundToLoopback) return true;
  const host = req.headers.host;
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return isLoopbackHost(name);
}

/** A WebSocket upgrade must come from a page of this server (browsers always send Origin). */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true; // not a browser (scripts, tests): the token still applies
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
