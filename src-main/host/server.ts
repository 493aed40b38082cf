// Browser mode (ARCHITECTURE.md §2): the built renderer and the same API over HTTP + WebSocket.
//   POST /api/<channel>   body: the request (wire JSON)  -> the Result (wire JSON)
//   GET  /api/events      WebSocket: every API event as { event, payload }
// Every request needs the access token (query `token`, cookie, or `Authorization: Bearer`).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeWire, decodeWire } from '../../src-shared/ipc/wire';
import { err, type Result } from '../../src-shared/ipc/result';
import { dispatch, type Handlers } from '../services/api';
import type { EventBus } from '../services/events';
import { authenticate, hostAllowed, isLoopbackHost, newAccessToken, originAllowed, tokenCookieName } from './auth';
import { SECURITY_HEADERS, serveStatic } from './static';

/** How to start browser mode. */
export interface HostOptions {
  readonly handlers: Handlers;
  readonly events: EventBus;
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Must be true to bind anything but loopback. */
  readonly allowRemote?: boolean;
  /** Default: a fresh random token. */
  readonly token?: string;
  /** Largest accepted request body. */
  readonly maxBodyBytes?: number;
  /** Serves GET /media/... (frames and thumbnails for the renderer). */
  readonly media?: MediaRoute;
}

/** A handler of GET /media/<route>?<params>. */
export type MediaRoute = (pathname: string, params: URLSearchParams) => Promise<{ status: number; mime: string; bytes: Uint8Array }>;

/** A running browser-mode server. */
export interface RunningHost {
  /** The URL to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Set when the server is reachable from other machines. */
  readonly warning?: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = encodeWire(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error(`request body larger than ${limit} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts browser mode; rejects when the address is not loopback and `allowRemote` is not set. */
export async function startHost(o: HostOptions): Promise<RunningHost> {
  const bindHost = o.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(bindHost);
  if (!loopback && !o.allowRemote) {
    throw new Error(
      `refusing to bind ${bindHost}: browser mode serves your projects to anyone who can reach that address; pass --allow-remote to do it anyway`,
    );
  }
  const token = o.token ?? newAccessToken();
  const maxBody = o.maxBodyBytes ?? 256 * 1024 * 1024;
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      console.error('[trackwright] browser mode request failed:', e);
      if (!res.headersSent) sendText(res, 500, 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!hostAllowed(req, loopback)) return sendText(res, 403, 'Forbidden: unexpected Host header');
    const source = authenticate(req, url, token, port);
    if (!source) {
      if (url.pathname.startsWith(API_PREFIX)) return sendJson(res, 401, err('unauthorized', 'missing or wrong access token'));
      return sendText(res, 401, 'Unauthorized: open the URL printed by `trackwright serve` (it carries the access token).');
    }
    if (source === 'query' && req.method === 'GET' && !url.pathname.startsWith(API_PREFIX)) {
      // Keep the token as a same-site cookie and take it out of the address bar (and of history).
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${tokenCookieName(port)}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`,
        Location: url.pathname + url.search,
      });
      return void res.end();
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') return sendJson(res, 405, err('invalid_request', 'API calls are POST requests'));
      const channel = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      let request: unknown;
      try {
        const body = await readBody(req, maxBody);
        request = body.trim() === '' ? {} : decodeWire(body);
      } catch (e) {
        return sendJson(res, 400, err('invalid_request', `request body is not valid JSON: ${(e as Error).message}`));
      }
      const result = await dispatch(o.handlers, channel, request, { transport: 'browser' });
      return sendJson(res, !result.ok && result.error.code === 'unknown_channel' ? 404 : 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    if (url.pathname.startsWith('/media/') && o.media) {
      const m = await o.media(url.pathname, url.searchParams);
      res.writeHead(m.status, { ...SECURITY_HEADERS, 'Content-Type': m.mime, 'Content-Length': m.bytes.byteLength, 'Cache-Control': 'private, max-age=60' });
      return void res.end(m.bytes);
    }
    if (await serveStatic(o.rendererDir, url.pathname, res)) return;
    sendText(res, 404, `Not found: ${url.pathname}`);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== `${API_PREFIX}events`) return refuse('404 Not Found');
    if (!hostAllowed(req, loopback) || !originAllowed(req)) return refuse('403 Forbidden');
    if (!authenticate(req, url, token, port)) return refuse('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws: WebSocket) => {
    const unsubscribe = o.events.subscribe((event, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(encodeWire({ event, payload }));
    });
    const ping = setInterval(() => ws.ping(), 30_000);
    ws.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
    ws.on('error', () => ws.terminate());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, bindHost, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = bindHost.includes(':') ? `[${bindHost}]` : bindHost === '0.0.0.0' ? '127.0.0.1' : bindHost;
  const warning = loopback
    ? undefined
    : `WARNING: browser mode is listening on ${bindHost}:${port}; anyone who can reach it and has the token can read and change your projects.`;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    ...(warning ? { warning } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
