// `trackwright` entry (the package's bin loads the built copy of this file).
import { runCli } from './run';

// Signal handlers are installed only by commands that wait for them (serve): elsewhere Ctrl+C
// keeps its default meaning.
const untilStopped = (): Promise<void> =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
process.exitCode = await runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  untilStopped,
  // This file is built to out/main/cli.js, next to the worker entries; the renderer is in out/renderer.
  builtDir: new URL('.', import.meta.url),
});
