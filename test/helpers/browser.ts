// Launches Debian's Chromium through playwright-core (never a downloaded browser), with the flags
// ../shared/ENVIRONMENT.md gives for this machine class. playwright gives each launch a fresh profile.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './built';

/** The Chromium executable: $TRACKWRIGHT_CHROMIUM, else chromium / chromium-browser / google-chrome on PATH. */
export function chromiumPath(): string {
  const fromEnv = process.env['TRACKWRIGHT_CHROMIUM'];
  if (fromEnv) return fromEnv;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p && existsSync(p)) return p;
    } catch {
      // not on PATH: try the next name
    }
  }
  throw new Error('Chromium not found: install it (Debian: apt-get install -y chromium) or set TRACKWRIGHT_CHROMIUM');
}

/** Headless Chromium with vsync and frame-rate limits off (so measured frame rates are real). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-gpu-vsync',
      '--disable-frame-rate-limit',
    ],
  });
}

/** Where e2e screenshots go (test-artifacts/e2e, ignored by git). */
export function artifactPath(name: string): string {
  const dir = join(ROOT, 'test-artifacts', 'e2e');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
