// The Result/AppError envelope every API channel answers with (ARCHITECTURE.md §2, §6.4):
// expected failures are values with a code; bugs throw and become `internal` at the transport edge.

/** Every code an API call can fail with. Stable strings: tests, the CLI and the UI switch on them. */
export const APP_ERROR_CODES = [
  'invalid_request', // the request did not match the channel's schema
  'unknown_channel', // no such API channel
  'unauthorized', // browser mode: missing or wrong access token
  'not_found', // a project, sequence, run, file... that does not exist
  'conflict', // the thing to create already exists, or a concurrent change
  'invalid_file', // a file exists but is not what was expected (format, version, content)
  'io', // the file system refused (permissions, disk full)
  'unsupported', // valid request this installation cannot serve (missing ffmpeg, newer schema)
  'cancelled', // a job was cancelled by the user
  'internal', // a bug: logged in main with its stack
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** A failure that is part of the API: code for programs, message for people, details for both. */
export interface AppError {
  readonly code: AppErrorCode;
  readonly message: string;
  /** Plain data only (it crosses every transport): issue lists, file/line positions, ... */
  readonly details?: unknown;
}

/** The envelope of every API response. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an AppError as a failed Result. */
export function err<T = never>(code: AppErrorCode, message: string, details?: unknown): Result<T> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

/** True when `x` has the shape of an AppError (used on values that crossed a transport). */
export function isAppError(x: unknown): x is AppError {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o['message'] === 'string' && (APP_ERROR_CODES as readonly string[]).includes(o['code'] as string);
}

/**
 * An AppError carried by an exception, for code paths where unwinding is simpler than threading a
 * Result (deep inside a service). The dispatcher turns it back into `{ ok: false, error }`.
 */
export class AppErrorException extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppErrorException';
  }
}

/** Throws an AppErrorException (see its doc). */
export function fail(code: AppErrorCode, message: string, details?: unknown): never {
  throw new AppErrorException(details === undefined ? { code, message } : { code, message, details });
}
