// The `trackwright` command line: the same services as the app, called through the same dispatcher, no UI.
import { readFileSync } from 'node:fs';
import { createBackend, type Backend } from '../compose';
import { defaultDataDir } from '../dataDir';
import { CliError, parseCommandArgs, type Command, type CommandContext } from './command';
import { ablateCommand } from './commands/ablateCmd';
import { evalCommand } from './commands/eval';
import { exportCommand } from './commands/exportCmd';
import { importCommand } from './commands/importCmd';
import { infoCommand } from './commands/info';
import { projectsCommand } from './commands/projects';
import { runsCommand } from './commands/runs';
import { sampleCommand } from './commands/sampleCmd';
import { sequencesCommand } from './commands/sequencesCmd';
import { serveCommand } from './commands/serve';
import { trackCommand } from './commands/track';
import { trainCommand } from './commands/trainCmd';
import { tuneCommand } from './commands/tune';

/** Every command, in `--help` order. */
export const COMMANDS: readonly Command[] = [serveCommand, projectsCommand, importCommand, sequencesCommand, exportCommand, sampleCommand, trackCommand, tuneCommand, trainCommand, ablateCommand, runsCommand, evalCommand, infoCommand];

function version(builtDir: URL): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', builtDir), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: trackwright <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --help and --data-dir DIR (default: $TRACKWRIGHT_DATA_DIR or the app\'s data folder).',
  ].join('\n');
}

/** Runs the CLI on `argv` (without node and script); resolves to the exit code. */
export async function runCli(
  argv: string[],
  io: { out: (s: string) => void; err: (s: string) => void; untilStopped: () => Promise<void>; builtDir: URL },
): Promise<number> {
  const { builtDir } = io;
    const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.help : mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(version(builtDir));
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  let backend: Backend | undefined;
  try {
    if (!cmd) throw new CliError(`unknown command ${JSON.stringify(name)} (see: trackwright --help)`, 2);
    const { values, positionals } = parseCommandArgs(cmd, rest);
    if (values['help']) {
      io.out(cmd.help);
      return 0;
    }
    const dataDir = (values['data-dir'] as string | undefined) ?? defaultDataDir();
    const ctx: CommandContext = {
      backend: () => (backend ??= createBackend({ dataDir, version: version(builtDir), workersDir: builtDir })),
      out: io.out,
      info: io.err,
      builtDir,
      version: version(builtDir),
      untilStopped: io.untilStopped,
    };
    return await cmd.run(values, positionals, ctx);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`trackwright: error: ${e.message}`);
      return e.exitCode;
    }
    const m = e instanceof Error ? e.message : String(e);
    io.err(`trackwright: internal error: ${m.split('\n')[0]}`);
    if (process.env['TRACKWRIGHT_DEBUG']) console.error(e);
    return 1;
  } finally {
    backend?.close();
  }
}

