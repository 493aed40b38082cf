// The handler map and the one dispatcher every transport calls (ARCHITECTURE.md §2): look the channel
// up, validate the request with its zod schema, run the handler, and answer with a Result.
import type { z } from 'zod';
import {
  apiContract,
  isApiChannel,
  type ApiChannel,
  type ApiParsedRequest,
  type ApiRequest,
  type ApiResponse,
} from '../../src-shared/ipc/contract';
import { AppErrorException, err, ok, type Result } from '../../src-shared/ipc/result';

/** Which transport a call arrived through. */
export type Transport = 'electron' | 'browser' | 'cli';

/** Per-call context the transports fill in. */
export interface CallContext {
  readonly transport: Transport;
}

/** A channel's implementation: gets the validated request; throws AppErrorException for expected failures. */
export type Handler<C extends ApiChannel> = (request: ApiParsedRequest<C>, ctx: CallContext) => ApiResponse<C> | Promise<ApiResponse<C>>;

/** One handler per channel: a missing handler is a compile error. */
export type Handlers = { readonly [C in ApiChannel]: Handler<C> };

/** Where bugs are reported (main's log). */
export type BugReporter = (channel: string, error: unknown) => void;

const defaultReporter: BugReporter = (channel, error) => {
  console.error(`[trackwright] internal error in ${channel}:`, error);
};

/** Formats zod issues as `path: message` lines for AppError.details. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(request)', message: i.message }));
}

/**
 * Runs one API call. Never throws: unknown channels, invalid requests, expected failures and bugs all
 * come back as `{ ok: false, error }` (bugs as `internal`, reported with their stack).
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawRequest: unknown,
  ctx: CallContext,
  reportBug: BugReporter = defaultReporter,
): Promise<Result<unknown>> {
  if (!isApiChannel(channel)) {
    return err('unknown_channel', `Unknown API channel ${JSON.stringify(String(channel)).slice(0, 200)}`);
  }
  const parsed = apiContract[channel].request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    const first = issues[0];
    return err('invalid_request', `${channel}: ${first ? `${first.path}: ${first.message}` : 'invalid request'}`, { issues });
  }
  try {
    const handler = handlers[channel] as (req: unknown, ctx: CallContext) => unknown;
    return ok(await handler(parsed.data, ctx));
  } catch (e) {
    if (e instanceof AppErrorException) return { ok: false, error: e.appError };
    reportBug(channel, e);
    return err('internal', `Internal error in ${channel}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `dispatch` with the channel's types, for in-process callers (the CLI, tests, benchmarks). */
export function invoke<C extends ApiChannel>(handlers: Handlers, channel: C, request: ApiRequest<C>, ctx: CallContext): Promise<Result<ApiResponse<C>>> {
  return dispatch(handlers, channel, request, ctx) as Promise<Result<ApiResponse<C>>>;
}
