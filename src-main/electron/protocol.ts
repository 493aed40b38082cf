// The app:// protocol: serves the built renderer with the CSP header, so pages have a real origin
// ('self') instead of file://, and nothing outside out/renderer can be reached.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';

/** The scheme and host of every app page. */
export const APP_ORIGIN = 'app://trackwright';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** A handler of app://trackwright/media/<route>?<params> (frames and thumbnails). */
export type MediaRoute = (pathname: string, params: URLSearchParams) => Promise<{ status: number; mime: string; bytes: Uint8Array }>;

/** Serves `rendererDir` (and the media route) under app://trackwright/. */
export function serveRenderer(rendererDir: string, media: MediaRoute): void {
  const root = resolve(rendererDir); // no trailing separator
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'trackwright') return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/media/')) {
      const m = await media(url.pathname, url.searchParams);
      return new Response(m.bytes as Uint8Array<ArrayBuffer>, { status: m.status, headers: { 'Content-Type': m.mime, 'X-Content-Type-Options': 'nosniff' } });
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
