// The typed client every caller of the API sees, whatever the transport underneath.
import type { ApiChannel, ApiEvent, ApiEventPayload, ApiRequest, ApiResponse } from './contract';
import type { Result } from './result';

/** The API as a caller sees it: typed invoke and typed event subscription. */
export interface ApiClient {
  /** Calls a channel; resolves to its Result (never rejects for API errors). */
  invoke<C extends ApiChannel>(channel: C, request: ApiRequest<C>): Promise<Result<ApiResponse<C>>>;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}

/**
 * What the Electron preload exposes on `window.trackwright` (untyped on purpose: the preload checks
 * names against the allow-list, the renderer wraps it in an ApiClient).
 */
export interface BridgeApi {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The global name of the preload bridge. */
export const BRIDGE_GLOBAL = 'trackwright';
