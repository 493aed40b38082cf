// The renderer's one way to the API: the Electron preload bridge when present, else browser mode.
import { BRIDGE_GLOBAL, type ApiClient, type BridgeApi } from '../../src-shared/ipc/client';
import type { ApiChannel, ApiEvent, ApiEventPayload, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import { isAppError, type Result } from '../../src-shared/ipc/result';
import { createBrowserTransport } from './browserTransport';

function fromBridge(bridge: BridgeApi): ApiClient {
  return {
    async invoke<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<Result<ApiResponse<C>>> {
      try {
        return (await bridge.invoke(channel, request)) as Result<ApiResponse<C>>;
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
      }
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
      return bridge.on(event, listener as (p: unknown) => void);
    },
  };
}

/** Builds the client for this page. */
export function createApiClient(): ApiClient {
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] as BridgeApi | undefined;
  return bridge ? fromBridge(bridge) : createBrowserTransport(window.location.origin);
}

/** Unwraps a Result or throws an Error carrying the AppError (for UI code that shows errors inline). */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value;
  const e = new Error(r.error.message) as Error & { appError: unknown };
  e.appError = r.error;
  throw e;
}

/** The user-facing message of anything caught around an API call. */
export function errorMessage(e: unknown): string {
  const appError = (e as { appError?: unknown } | null)?.appError;
  if (isAppError(appError)) return appError.message;
  return e instanceof Error ? e.message : String(e);
}
