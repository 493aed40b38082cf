// Builds better-sqlite3 for Electron's ABI into .cache/electron-native/better_sqlite3.node, leaving the
// copy in node_modules built for Node (tests and the CLI need that one). The app passes this file to
// better-sqlite3 as `nativeBinding` when it runs unpackaged. Packaged apps are rebuilt by electron-builder.
// Needs network access to Electron's headers or better-sqlite3's prebuilt binaries, like any Electron rebuild.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

/** Returns the path of an Electron-ABI better_sqlite3.node, building it when missing or stale. */
export function ensureElectronSqlite(log = console.log) {
  const electronVersion = require('electron/package.json').version;
  const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const cache = join(root, '.cache', 'electron-native');
  const target = join(cache, 'better_sqlite3.node');
  const stampFile = join(cache, 'stamp.json');
  const stamp = JSON.stringify({ electronVersion, sqliteVersion, arch: process.arch });
  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return target;

  log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
  const work = join(cache, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
  cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${sqliteDir}/build`) });
  // npm's `nodedir` setting would point node-gyp at Node's headers instead of Electron's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(nodedir|target|runtime|disturl)$/i.test(k)));
  const run = (bin, args) => spawnSync(process.execPath, [require.resolve(bin), ...args], { cwd: work, env, stdio: 'inherit' }).status === 0;
  const ok =
    run('prebuild-install/bin.js', ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch]) ||
    run('node-gyp/bin/node-gyp.js', ['rebuild', '--release', '--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']);
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !existsSync(built)) throw new Error(`could not build better-sqlite3 for Electron ${electronVersion} (see the output above)`);
  cpSync(built, target);
  writeFileSync(stampFile, stamp);
  rmSync(work, { recursive: true, force: true });
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureElectronSqlite());
