// Where Trackwright keeps its library and new projects when no --data-dir is given. Mirrors
// Electron's app.getPath('userData') for the app name, so the CLI and the desktop app share one library.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The default data folder for this platform (`TRACKWRIGHT_DATA_DIR` overrides it). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['TRACKWRIGHT_DATA_DIR']) return env['TRACKWRIGHT_DATA_DIR'];
  const home = homedir();
  if (process.platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Trackwright');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Trackwright');
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Trackwright');
}
