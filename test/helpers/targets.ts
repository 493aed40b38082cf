// The two ways the UI runs: browser mode in Chromium (always), and the Electron app (where its
// binary exists). E2E specs run against each target that is available and name the reason otherwise.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { _electron, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import { launchChromium } from './browser';
import { ROOT } from './built';
import { startServe } from './cli';

/** A running app and its first page. */
export interface AppUnderTest {
  readonly page: Page;
  /** Reloads the page the way the user would (F5). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Calls the API from inside the page, the way the renderer does: the Electron bridge when present,
 * else browser mode's HTTP endpoint (the page's cookie carries the token). Throws on an error result.
 */
export async function invokeInPage<T = unknown>(page: Page, channel: string, request: unknown): Promise<T> {
  const r = (await page.evaluate(
    async ([c, req]) => {
      const bridge = (window as unknown as { trackwright?: { invoke(c: string, r: unknown): Promise<unknown> } }).trackwright;
      if (bridge) return bridge.invoke(c as string, req);
      const res = await fetch(`/api/${c as string}`, { method: 'POST', body: JSON.stringify(req), credentials: 'same-origin' });
      return res.json();
    },
    [channel, request] as const,
  )) as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value as T;
}

/** One way to run the UI. */
export interface Target {
  readonly name: 'browser' | 'electron';
  /** Undefined when available; otherwise why not. */
  readonly unavailable: string | undefined;
  /** Starts the app on `dataDir` (without the first-run sample project unless `sample`). */
  start(dataDir: string, o?: { sample?: boolean }): Promise<AppUnderTest>;
}

function electronBinary(): { path?: string; why?: string } {
  try {
    const p = createRequire(`${ROOT}/package.json`)('electron') as unknown;
    return typeof p === 'string' && existsSync(p) ? { path: p } : { why: `no binary at ${String(p)}` };
  } catch (e) {
    return { why: (e as Error).message.split('\n')[0] };
  }
}

const browserTarget: Target = {
  name: 'browser',
  unavailable: undefined,
  async start(dataDir, o = {}) {
    const serve = await startServe(['--data-dir', dataDir, ...(o.sample ? [] : ['--no-sample'])]);
    let browser: Browser | undefined;
    try {
      browser = await launchChromium();
      // Dark is the app's default theme (annotators work for hours); screenshots show it.
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
      await page.goto(serve.url);
      const b = browser;
      return {
        page,
        reload: async () => void (await page.reload()),
        close: async () => {
          await b.close();
          await serve.stop();
        },
      };
    } catch (e) {
      await browser?.close();
      await serve.stop();
      throw e;
    }
  },
};

const electron = electronBinary();
const electronTarget: Target = {
  name: 'electron',
  unavailable: electron.path ? undefined : `the Electron binary is not installed here (${electron.why})`,
  async start(dataDir, o = {}) {
    const app: ElectronApplication = await _electron.launch({
      executablePath: electron.path!,
      args: [ROOT],
      env: { ...process.env, TRACKWRIGHT_DATA_DIR: dataDir, ...(o.sample ? {} : { TRACKWRIGHT_NO_SAMPLE: '1' }) } as Record<string, string>,
    });
    const page = await app.firstWindow();
    return { page, reload: async () => void (await page.reload()), close: () => app.close() };
  },
};

/** Every target, available or not. */
export const TARGETS: readonly Target[] = [browserTarget, electronTarget];
