// The desktop shell: app lifecycle, the window, the IPC adapter. The only main-side user of 'electron'
// besides the preload; everything else runs the same under plain Node.
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../src-shared/ipc/electronChannels';
import { err } from '../../src-shared/ipc/result';
import { dispatch, type Handlers } from '../services/api';
import type { EventBus } from '../services/events';
import { APP_ORIGIN, registerAppScheme, serveRenderer, type MediaRoute } from './protocol';

/** What the entry learns about the desktop environment before it builds the backend. */
export interface DesktopEnv {
  readonly userDataDir: string;
  readonly appPath: string;
  readonly isPackaged: boolean;
  readonly version: string;
}

/** The parts of the backend the shell needs. */
export interface DesktopBackend {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly media: MediaRoute;
  probeBackend(): Promise<unknown>;
  /** Work for a first start (the sample project). */
  firstRun(): Promise<unknown>;
  close(): void;
}

/** Paths of the built app, relative to the main bundle. */
export interface DesktopPaths {
  readonly rendererDir: string;
  readonly preload: string;
  readonly icon: string;
}

/** GitHub Desktop's isTrustedIPCSender: only our own page in our own window may call the API. */
function isTrustedSender(e: IpcMainInvokeEvent, windows: ReadonlySet<WebContents>): boolean {
  const frame = e.senderFrame;
  return frame !== null && windows.has(e.sender) && frame === e.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
}

function harden(): void {
  // No remote content: the app never loads anything from the network.
  session.defaultSession.webRequest.onBeforeRequest({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] }, (_d, cb) =>
    cb({ cancel: true }),
  );
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (ev, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) ev.preventDefault();
    });
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
  });
}

/** Starts the desktop app: one window over the backend that `makeBackend` builds. */
export function startDesktop(paths: DesktopPaths, makeBackend: (env: DesktopEnv) => DesktopBackend): void {
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const windows = new Set<WebContents>();
  let backend: DesktopBackend | undefined;

  const createWindow = (): void => {
    const win = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 960,
      minHeight: 600,
      title: 'Trackwright',
      icon: paths.icon,
      show: false,
      backgroundColor: '#16181d',
      webPreferences: {
        preload: paths.preload,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        spellcheck: false,
      },
    });
    const contents = win.webContents;
    windows.add(contents);
    win.on('closed', () => windows.delete(contents));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
  };

  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => backend?.close());

  void app.whenReady().then(() => {
    harden();
    backend = makeBackend({
      userDataDir: app.getPath('userData'),
      appPath: app.getAppPath(),
      isPackaged: app.isPackaged,
      version: app.getVersion(),
    });
    const b = backend;
    serveRenderer(paths.rendererDir, b.media);
    ipcMain.handle(IPC_INVOKE, (e, channel: unknown, request: unknown) => {
      if (!isTrustedSender(e, windows)) return err('unauthorized', 'IPC from an untrusted frame');
      return dispatch(b.handlers, channel, request, { transport: 'electron' });
    });
    b.events.subscribe((event, payload) => {
      for (const wc of windows) if (!wc.isDestroyed()) wc.send(IPC_EVENT, event, payload);
    });
    void b.probeBackend();
    void b.firstRun();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
