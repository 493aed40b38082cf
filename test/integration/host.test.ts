// Browser mode over real HTTP and WebSocket on loopback: tokens, cookies, schema errors, events.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackend, type Backend } from '../../src-main/compose';
import { startHost, type RunningHost } from '../../src-main/host/server';
import { builtApp } from '../helpers/built';
import { tempDir } from '../helpers/tmp';

let backend: Backend;
let host: RunningHost;

beforeAll(async () => {
  backend = createBackend({ dataDir: tempDir(), version: 'test', probeBackend: async () => ({ state: 'failed', message: 'stub' }) });
  host = await startHost({ handlers: backend.handlers, events: backend.events, rendererDir: builtApp().renderer + '/' });
});
afterAll(async () => {
  await host.close();
  backend.close();
});

/** A raw HTTP request (fetch would normalise paths and hide Host). */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}
const bearer = () => ({ Authorization: `Bearer ${host.token}` });
const api = (channel: string, body: unknown, headers: Record<string, string> = bearer()) =>
  raw(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser mode access', () => {
  it('prints a loopback URL carrying a long random token', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{43}$`));
    expect(host.warning).toBeUndefined();
  });

  it.each(['/', '/index.html', '/favicon.png', '/api/app.info'])('refuses %s without the token (401)', async (path) => {
    const r = await raw(path, { method: path.startsWith('/api/') ? 'POST' : 'GET' });
    expect(r.status).toBe(401);
  });

  it('refuses a wrong token and answers the API with an unauthorized envelope', async () => {
    const r = await api('app.info', {}, { Authorization: 'Bearer nope' });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong access token' } });
    expect((await raw('/?token=nope')).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly same-site cookie and drops it from the address', async () => {
    const r = await raw(`/?token=${host.token}`);
    expect(r.status).toBe(303);
    expect(r.headers['location']).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^trackwright_token_${host.port}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await raw('/', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'/);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await raw('/', { headers: { ...bearer(), Host: 'attacker.example:80' } })).status).toBe(403);
  });

  it('does not serve files outside the renderer build', async () => {
    expect((await raw('/%2e%2e/%2e%2e/package.json', { headers: bearer() })).status).toBe(404);
    expect((await raw('/..%2f..%2fpackage.json', { headers: bearer() })).status).toBe(404);
  });
});

describe('browser mode API', () => {
  it('answers a valid call with the Result envelope', async () => {
    const r = await api('app.info', {});
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'Trackwright', mode: 'browser' } });
  });

  it('answers a request failing its schema with invalid_request', async () => {
    const r = await api('projects.create', { name: ['not', 'a', 'string'] });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'invalid_request', details: { issues: [{ path: 'name' }] } } });
  });

  it('answers malformed JSON with 400 invalid_request, an unknown channel with 404 unknown_channel, GET with 405', async () => {
    const bad = await raw('/api/app.info', { method: 'POST', headers: bearer(), body: '{"a":' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const unknown = await api('projects.dropDatabase', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect((await raw('/api/app.info', { headers: bearer() })).status).toBe(405);
  });

  it('still serves after bad requests (no crash)', async () => {
    expect((await api('projects.list', {})).status).toBe(200);
  });
});

describe('browser mode events', () => {
  const url = () => `ws://127.0.0.1:${host.port}/api/events`;

  it('delivers events to a socket carrying the token', async () => {
    const ws = new WebSocket(url(), { headers: bearer() });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const got = new Promise<unknown>((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
    backend.events.emit('app.backend', { state: 'ready', name: 'cpu', detail: 'x', probeMs: 1 });
    expect(await got).toEqual({ event: 'app.backend', payload: { state: 'ready', name: 'cpu', detail: 'x', probeMs: 1 } });
    ws.close();
  });

  it.each([
    ['no token', false, {}, 401],
    ['a foreign Origin', true, { Origin: 'https://attacker.example' }, 403],
  ])('refuses a socket with %s', async (_why, withToken: boolean, extra: Record<string, string>, status) => {
    const ws = new WebSocket(url(), { headers: { ...(withToken ? bearer() : {}), ...extra } });
    const code = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(code).toBe(status);
    ws.on('error', () => undefined); // terminating a refused handshake reports an error: expected
    ws.terminate();
  });
});

describe('binding', () => {
  it('refuses a non-loopback address without allowRemote', async () => {
    await expect(startHost({ handlers: backend.handlers, events: backend.events, rendererDir: '.', host: '0.0.0.0' })).rejects.toThrow(
      /refusing to bind 0\.0\.0\.0.*--allow-remote/,
    );
  });

  it('binds it with allowRemote and warns', async () => {
    const h = await startHost({ handlers: backend.handlers, events: backend.events, rendererDir: '.', host: '0.0.0.0', allowRemote: true });
    expect(h.warning).toMatch(/WARNING: browser mode is listening on 0\.0\.0\.0/);
    await h.close();
  });
});
