// `npm start`: builds the app, then runs the desktop app in Electron. Electron's binary is fetched on
// the first start (package.json's allowScripts skips its download at install time, so `npm ci` works
// offline); where it cannot be fetched, says so in one line and starts browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite } from './electron-native.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron'); // the electron package exports its binary's path
    return typeof path === 'string' && existsSync(path) ? { path } : { why: `binary not found at ${path}` };
  } catch (e) {
    return { why: String(e.message ?? e).split('\n')[0] };
  }
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let electron = electronBinary();
if (!electron.path) {
  // First start: let the electron package download its binary (quietly; we report the outcome).
  const dl = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, encoding: 'utf8' });
  electron = electronBinary();
  if (!electron.path && dl.status !== 0) {
    const reason = `${dl.stderr}`.split('\n').find((l) => /error/i.test(l)) ?? 'download failed';
    electron = { why: `its binary could not be downloaded: ${reason.trim().slice(0, 120)}` };
  }
}
let child;
if (electron.path) {
  ensureElectronSqlite();
  child = spawn(electron.path, ['.', ...args], { cwd: root, stdio: 'inherit' });
} else {
  console.log(`Electron is not available (${electron.why}); starting browser mode instead.`);
  child = spawn(process.execPath, [join(root, 'bin', 'trackwright.js'), 'serve', ...args], { cwd: root, stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
