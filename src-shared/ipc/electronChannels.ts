// The two Electron IPC channel names that carry the whole API (main <-> preload).

/** Renderer -> main: `(channel, request)` answered with a Result. */
export const IPC_INVOKE = 'trackwright:invoke';
/** Main -> renderer: `(event, payload)`. */
export const IPC_EVENT = 'trackwright:event';
