// The channel list, the handler map and the preload's allow-list are the same set (Insomnia-style
// IPC surface check). The preload is the built one, run against a stand-in for 'electron'.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_CHANNELS, API_EVENTS, apiContract, apiEvents } from '../../src-shared/ipc/contract';
import { BRIDGE_GLOBAL, type BridgeApi } from '../../src-shared/ipc/client';
import { IPC_INVOKE } from '../../src-shared/ipc/electronChannels';
import { createHandlers, type Services } from '../../src-main/services/handlers';
import { builtApp } from '../helpers/built';

function loadBuiltPreload() {
  const invoked: string[] = [];
  const exposed: Record<string, unknown> = {};
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
    ipcRenderer: {
      invoke: (ipc: string, channel: string) => {
        expect(ipc).toBe(IPC_INVOKE);
        invoked.push(channel);
        return Promise.resolve({ ok: true, value: null });
      },
      on: () => undefined,
    },
  };
  const module = { exports: {} };
  const required: string[] = [];
  runInNewContext(readFileSync(builtApp().preload, 'utf8'), {
    require: (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`the sandboxed preload cannot require ${id}`);
    },
    module,
    exports: module.exports,
    Promise,
    Set,
    Map,
    String,
    Error,
  });
  return { bridge: exposed[BRIDGE_GLOBAL] as BridgeApi, invoked, required, exposedNames: Object.keys(exposed) };
}

describe('API surface contract', () => {
  it('channel list = contract keys = handler map keys = preload allow-list', async () => {
    const handlerKeys = Object.keys(createHandlers({} as Services));
    const contractKeys = Object.keys(apiContract);
    const { bridge, invoked } = loadBuiltPreload();
    const candidates = new Set([...API_CHANNELS, ...handlerKeys, ...contractKeys, 'projects.delete', 'app.quit', '__proto__', '']);
    const answers = await Promise.all([...candidates].map(async (c) => [c, await bridge.invoke(c, {})] as const));
    const allowList = new Set(invoked);
    for (const [c, answer] of answers) {
      if (!allowList.has(c)) expect(answer).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    const sorted = (xs: Iterable<string>) => [...xs].sort();
    expect(sorted(contractKeys)).toEqual(sorted(API_CHANNELS));
    expect(sorted(handlerKeys)).toEqual(sorted(API_CHANNELS));
    expect(sorted(allowList)).toEqual(sorted(API_CHANNELS));
  });

  it('the preload exposes only `invoke` and `on`, only as window.trackwright, and requires only electron', () => {
    const { bridge, required, exposedNames } = loadBuiltPreload();
    expect(exposedNames).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('event list = event schemas = preload event allow-list', () => {
    const { bridge } = loadBuiltPreload();
    expect(Object.keys(apiEvents).sort()).toEqual([...API_EVENTS].sort());
    for (const e of API_EVENTS) expect(typeof bridge.on(e, () => undefined)).toBe('function');
    expect(() => bridge.on('app.secret', () => undefined)).toThrow(/Unknown API event/);
  });
});
