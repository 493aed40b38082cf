// Electron main entry and composition root: store -> services -> jobs -> the Electron transport.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createBackend } from './compose';
import { startDesktop } from './electron/app';

const builtDir = new URL('.', import.meta.url); // out/main/
const at = (rel: string): string => fileURLToPath(new URL(rel, builtDir));

startDesktop(
  { rendererDir: at('../renderer'), preload: at('../preload/index.cjs'), icon: at('../../resources/icon.png') },
  (env) => {
    // In development, better-sqlite3 in node_modules is built for Node; `npm start` builds a copy for
    // Electron's ABI (scripts/electron-native.mjs). Packaged apps are rebuilt by electron-builder.
    const electronBinding = at('../../.cache/electron-native/better_sqlite3.node');
    const sqlite = !env.isPackaged && existsSync(electronBinding) ? { nativeBinding: electronBinding } : {};
    // TRACKWRIGHT_DATA_DIR points the app at another library (tests, several setups side by side).
    const dataDir = process.env['TRACKWRIGHT_DATA_DIR'] || env.userDataDir;
    const backend = createBackend({ dataDir, version: env.version, sqlite, workersDir: builtDir });
    return {
      ...backend,
      media: (path, params) => backend.services.media.route(path, params),
      // TRACKWRIGHT_NO_SAMPLE=1 skips the first-run sample (tests; users who do not want it).
      firstRun: () => (process.env['TRACKWRIGHT_NO_SAMPLE'] ? Promise.resolve(undefined) : backend.services.sample.createIfFirstRun()),
    };
  },
);
