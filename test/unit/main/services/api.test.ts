import { describe, expect, it, vi } from 'vitest';
import { API_CHANNELS } from '../../../../src-shared/ipc/contract';
import { fail } from '../../../../src-shared/ipc/result';
import { dispatch, type Handlers } from '../../../../src-main/services/api';

const info = { name: 'Trackwright', version: 't', mode: 'cli', dataDir: '/d', platform: 'p', backend: { state: 'probing' } } as const;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  // Channels these tests do not call answer with a bug, so a wrong dispatch shows.
  const unused = Object.fromEntries(
    API_CHANNELS.map((c) => [
      c,
      () => {
        throw new Error(`${c} is not used in this test`);
      },
    ]),
  ) as unknown as Handlers;
  const base = {
    ...unused,
    'app.info': () => info,
    'projects.list': () => [],
    'projects.create': () => fail('conflict', 'exists'),
    'projects.open': () => {
      throw new TypeError('boom');
    },
    'projects.forget': () => ({ forgotten: false }),
  } satisfies Partial<Handlers>;
  return { ...base, ...overrides } as Handlers;
}
const ctx = { transport: 'cli' } as const;

describe('dispatch', () => {
  it('answers a valid request with ok and the value', async () => {
    expect(await dispatch(handlers(), 'app.info', {}, ctx)).toEqual({ ok: true, value: info });
  });

  it('treats a missing request as an empty object', async () => {
    expect((await dispatch(handlers(), 'projects.list', undefined, ctx)).ok).toBe(true);
  });

  it('rejects a request failing its schema with invalid_request and the issue path', async () => {
    const r = await dispatch(handlers(), 'projects.create', { name: 42 }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request', details: { issues: [{ path: 'name' }] } } });
    if (!r.ok) expect(r.error.message).toMatch(/^projects\.create: name: /);
  });

  it('rejects unknown fields (strict schemas) and empty names', async () => {
    expect(await dispatch(handlers(), 'app.info', { extra: 1 }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await dispatch(handlers(), 'projects.create', { name: '   ' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'projects.create: name: name is empty' },
    });
  });

  it('answers unknown channels (and non-strings, and prototype names) with unknown_channel, never a crash', async () => {
    for (const ch of ['nope', '__proto__', 'constructor', 42, null, undefined]) {
      expect(await dispatch(handlers(), ch, {}, ctx)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('passes expected failures through as values', async () => {
    expect(await dispatch(handlers(), 'projects.create', { name: 'a' }, ctx)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'exists' },
    });
  });

  it('turns bugs into `internal` and reports them', async () => {
    const report = vi.fn();
    const r = await dispatch(handlers(), 'projects.open', { path: '/x' }, ctx, report);
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error in projects.open: boom' } });
    expect(report).toHaveBeenCalledWith('projects.open', expect.any(TypeError));
  });

  it('the channel list is non-empty and unique', () => {
    expect(new Set(API_CHANNELS).size).toBe(API_CHANNELS.length);
  });
});
