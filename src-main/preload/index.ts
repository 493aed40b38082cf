// The preload (sandboxed, context-isolated): exposes only `invoke` and `on`, and only for the
// channels and events of the API contract (VS Code rejects unknown channels the same way).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, type BridgeApi } from '../../src-shared/ipc/client';
import { API_CHANNELS, API_EVENTS } from '../../src-shared/ipc/channels';
import { IPC_EVENT, IPC_INVOKE } from '../../src-shared/ipc/electronChannels';

const channels = new Set<string>(API_CHANNELS);
const events = new Set<string>(API_EVENTS);
const listeners = new Map<string, Set<(payload: unknown) => void>>();

ipcRenderer.on(IPC_EVENT, (_e: IpcRendererEvent, event: string, payload: unknown) => {
  for (const l of listeners.get(event) ?? []) l(payload);
});

const bridge: BridgeApi = {
  invoke(channel, request) {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown API channel ${String(channel)}` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, request);
  },
  on(event, listener) {
    if (typeof event !== 'string' || !events.has(event)) throw new Error(`Unknown API event ${String(event)}`);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
