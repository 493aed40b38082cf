// Integration and e2e tests run the built app (`npm run build`, which `npm test` runs first).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

let warned = false;

/**
 * Paths of the build output; throws with the fix when it is missing, warns when older than the sources.
 * $TRACKWRIGHT_OUT_DIR points tests at another build (`electron-vite build --outDir <dir>`), so two
 * builds can be tested side by side; the CLI is then run from that build directly, not through bin/.
 */
export function builtApp(): { cli: string; bin: string; preload: string; renderer: string } {
  const custom = process.env['TRACKWRIGHT_OUT_DIR'];
  const out = custom ? resolve(ROOT, custom) : join(ROOT, 'out');
  const paths = {
    cli: join(out, 'main', 'cli.js'),
    bin: custom ? join(out, 'main', 'cli.js') : join(ROOT, 'bin', 'trackwright.js'),
    preload: join(out, 'preload', 'index.cjs'),
    renderer: join(out, 'renderer'),
  };
  if (!existsSync(paths.cli) || !existsSync(paths.preload) || !existsSync(join(paths.renderer, 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` (npm test does it first).');
  }
  const sources = Math.max(...['src-main', 'src-shared', 'src-renderer'].map((d) => newestMtime(join(ROOT, d))));
  if (statSync(paths.cli).mtimeMs < sources - 1000 && !warned) {
    warned = true;
    console.warn('[tests] the build in out/ is older than some sources: run `npm run build` if a result surprises you (npm test builds first).');
  }
  return paths;
}
