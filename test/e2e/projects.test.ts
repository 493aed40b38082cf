// Create a project in the real UI, reload, see it listed; the workspace shows a Konva stage and the
// status bar the tfjs backend the workers chose. Real SQLite file in a temp folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { TARGETS } from '../helpers/targets';
import { tempDir } from '../helpers/tmp';

for (const target of TARGETS) {
  const title = target.unavailable ? `${target.name} e2e (SKIPPED: ${target.unavailable})` : `${target.name} e2e`;
  if (target.unavailable) console.warn(`[e2e] ${title}`);
  describe.skipIf(target.unavailable !== undefined)(title, () => {
    it('creates a project, shows the workspace, and lists the project after a reload', async () => {
      const dataDir = tempDir();
      const app = await target.start(dataDir);
      const { page } = app;
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      try {
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
        });
        await page.reload();
        await page.getByRole('heading', { name: 'Projects' }).waitFor();
        await expect(page.getByText('No projects yet').isVisible()).resolves.toBe(true);

        await page.getByPlaceholder('e.g. MOT17 pedestrians').fill('PETS09 walkers');
        await page.getByRole('button', { name: 'Create project' }).click();
        await page.getByTestId('workspace').waitFor();
        await page.locator('[data-testid="frame-stage"] canvas').first().waitFor();
        await page.getByTestId('status-backend').filter({ hasText: /tfjs: (wasm|tensorflow|cpu)/ }).waitFor();
        await page.screenshot({ path: artifactPath(`${target.name}-workspace.png`) });
        expect(existsSync(join(dataDir, 'projects', 'PETS09-walkers.tw.sqlite'))).toBe(true);

        await app.reload();
        await page.getByTestId('workspace').waitFor(); // the route survives a reload
        await page.getByRole('button', { name: 'Trackwright' }).click();
        await app.reload();
        const row = page.getByRole('table', { name: 'Projects' }).getByRole('row', { name: /PETS09 walkers/ });
        await row.waitFor();
        expect(await row.textContent()).toContain(join(dataDir, 'projects', 'PETS09-walkers.tw.sqlite'));
        await page.screenshot({ path: artifactPath(`${target.name}-projects.png`) });
        expect(problems).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
