// The shape of a CLI command and the pieces every command shares (parsing, --help, API calls).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Backend } from '../compose';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import { invoke } from '../services/api';

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** What a command gets to run. */
export interface CommandContext {
  /** Opens the backend on first use (commands that need no project files never open the library). */
  backend(): Backend;
  /** Lines for the user (stdout). */
  out(line: string): void;
  /** Lines about progress and warnings (stderr, so stdout stays parseable). */
  info(line: string): void;
  /** The folder of the built worker entries and renderer (`out/main/`). */
  readonly builtDir: URL;
  readonly version: string;
  /** Resolves when the user interrupts (Ctrl+C) or the process is asked to stop (SIGTERM). */
  untilStopped(): Promise<void>;
}

/** A `trackwright <name>` command. */
export interface Command {
  readonly name: string;
  /** One line for `trackwright --help`. */
  readonly summary: string;
  /** Usage lines and option descriptions for `trackwright <name> --help`. */
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Runs with parsed values and positionals; returns the exit code. */
  run(values: Record<string, unknown>, positionals: string[], ctx: CommandContext): Promise<number>;
}

/** A failure the CLI reports as one line with a non-zero exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Parses argv for a command (strict: unknown options and wrong types are CliErrors with exit code 2). */
export function parseCommandArgs(cmd: Command, argv: string[]): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...cmd.options },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, unknown>, positionals };
  } catch (e) {
    throw new CliError(`${(e as Error).message.split('\n')[0]} (see: trackwright ${cmd.name} --help)`, 2);
  }
}

/** Calls an API channel through the same dispatcher the transports use; AppErrors become CliErrors. */
export async function call<C extends ApiChannel>(ctx: CommandContext, channel: C, request: ApiRequest<C>): Promise<ApiResponse<C>> {
  const r = await invoke(ctx.backend().handlers, channel, request, { transport: 'cli' });
  if (!r.ok) throw new CliError(`${r.error.message}${r.error.code === 'invalid_request' ? '' : ` [${r.error.code}]`}`);
  return r.value;
}

/** Parses a non-negative integer option. */
export function intOption(name: string, raw: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === undefined) return undefined;
  const s = String(raw);
  if (!/^\d+$/.test(s)) throw new CliError(`--${name} must be a whole number, got ${JSON.stringify(s)}`, 2);
  const n = Number(s);
  if (n < min || n > max) throw new CliError(`--${name} must be between ${min} and ${max}, got ${n}`, 2);
  return n;
}

/** Formats rows as an aligned text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}
