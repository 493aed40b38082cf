// The one API (ARCHITECTURE.md §2): every channel with its request and response schema, every event
// with its payload schema. Main implements a handler per channel (a missing one is a compile error);
// Electron IPC, browser mode and the CLI all reach the same handlers.
import { z } from 'zod';
import { API_CHANNELS, API_EVENTS, type ApiChannel, type ApiEvent } from './channels';
import { projectChannels } from './contract/projects';
import { reviewChannels } from './contract/review';
import { runChannels } from './contract/runs';
import { sequenceChannels } from './contract/sequences';
import { transferChannels } from './contract/transfer';
import { BackendInfoSchema, JobFinishedSchema, JobProgressSchema } from './schemas';

export { API_CHANNELS, API_EVENTS, type ApiChannel, type ApiEvent };

/** Every API channel: `request` is validated in main before a handler runs; `response` documents the value. */
export const apiContract = {
  ...projectChannels,
  ...sequenceChannels,
  ...transferChannels,
  ...runChannels,
  ...reviewChannels,
} as const satisfies Record<ApiChannel, { request: z.ZodType; response: z.ZodType }>;

/** Every event main pushes to clients, with its payload schema. */
export const apiEvents = {
  'app.backend': BackendInfoSchema,
  'jobs.progress': JobProgressSchema,
  'jobs.finished': JobFinishedSchema,
  /** The project list changed (created, opened, forgotten, sample made). */
  'projects.changed': z.object({ reason: z.string() }),
} as const satisfies Record<ApiEvent, z.ZodType>;

/** The channel map's type. */
export type ApiContract = typeof apiContract;
/** What a caller passes to a channel (before schema defaults/transforms). */
export type ApiRequest<C extends ApiChannel> = z.input<ApiContract[C]['request']>;
/** What a handler receives (after validation). */
export type ApiParsedRequest<C extends ApiChannel> = z.output<ApiContract[C]['request']>;
/** What a channel answers with on success. */
export type ApiResponse<C extends ApiChannel> = z.output<ApiContract[C]['response']>;
/** An event's payload. */
export type ApiEventPayload<E extends ApiEvent> = z.output<(typeof apiEvents)[E]>;

/** True when `name` is an API channel. */
export function isApiChannel(name: unknown): name is ApiChannel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiContract, name);
}

/** True when `name` is an API event. */
export function isApiEvent(name: unknown): name is ApiEvent {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiEvents, name);
}
