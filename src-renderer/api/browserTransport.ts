// Browser mode: API calls as POST /api/<channel>, events over a WebSocket at /api/events. The access
// token travels as the cookie the server set when the page was opened with ?token=.
import type { ApiClient } from '../../src-shared/ipc/client';
import type { ApiChannel, ApiEvent, ApiEventPayload, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import type { Result } from '../../src-shared/ipc/result';
import { decodeWire, encodeWire } from '../../src-shared/ipc/wire';

type Listener = (payload: unknown) => void;

/** A client for the server at `origin`. Reconnects its event socket with backoff. */
export function createBrowserTransport(origin: string): ApiClient {
  const listeners = new Map<string, Set<Listener>>();
  let socket: WebSocket | undefined;
  let retryMs = 500;

  const connect = (): void => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api/events`);
    socket = ws;
    ws.onopen = () => {
      retryMs = 500;
    };
    ws.onmessage = (m) => {
      if (typeof m.data !== 'string') return;
      const { event, payload } = decodeWire(m.data) as { event: string; payload: unknown };
      for (const l of listeners.get(event) ?? []) l(payload);
    };
    ws.onclose = () => {
      socket = undefined;
      if (listeners.size === 0) return;
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 10_000);
    };
  };

  return {
    async invoke<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<Result<ApiResponse<C>>> {
      try {
        const res = await fetch(`${origin}/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: encodeWire(request),
          credentials: 'same-origin',
        });
        return decodeWire(await res.text()) as Result<ApiResponse<C>>;
      } catch (e) {
        return { ok: false, error: { code: 'io', message: `Cannot reach Trackwright: ${e instanceof Error ? e.message : String(e)}` } };
      }
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener);
      if (!socket) connect();
      return () => {
        set.delete(listener as Listener);
        if (set.size === 0) listeners.delete(event);
      };
    },
  };
}
