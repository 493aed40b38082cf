// The export dialog in real Chromium on real MOTChallenge data (MOT15 TUD, with a tracker's results):
// the fidelity check first (findings shown, nothing written), then the benchmark folder with a
// progress bar; then a second project re-imports the folder and its annotations and results come back
// byte-identical when exported again.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { SHARED_DATA } from '../helpers/sharedData';
import { invokeInPage, TARGETS } from '../helpers/targets';
import { tempDir } from '../helpers/tmp';

const TUD = join(SHARED_DATA, 'mot15_tud');

for (const target of TARGETS) {
  describe.skipIf(target.unavailable !== undefined)(`${target.name} e2e${target.unavailable ? ` (SKIPPED: ${target.unavailable})` : ''}`, () => {
    it('checks, exports and re-imports a benchmark folder with a tracker', async () => {
      const app = await target.start(tempDir());
      const { page } = app;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await page.getByPlaceholder('e.g. MOT17 pedestrians').fill('TUD');
        await page.getByRole('button', { name: 'Create project' }).click();
        await page.getByTestId('workspace').waitFor();
        const project: string = await page.evaluate(`new URLSearchParams(window.location.hash.split('?')[1]).get('path')`);
        // Import through the import panel: the benchmark folder, then the tracker's results folder.
        const importPanel = page.getByRole('form', { name: 'Import' });
        await importPanel.getByRole('textbox').fill(join(TUD, 'MOT15-train'));
        await importPanel.getByRole('button', { name: 'Import' }).click();
        await page.getByRole('option', { name: /TUD-Stadtmitte/ }).waitFor();
        await importPanel.getByRole('combobox').selectOption('results');
        await importPanel.getByRole('textbox').fill(join(TUD, 'trackers', 'pymotmetrics_test'));
        await importPanel.getByRole('button', { name: 'Import' }).click();
        await importPanel.getByText(/Imported TUD-Campus, TUD-Stadtmitte/).waitFor();

        // The dialog: benchmark folder with the tracker; check first.
        await page.getByRole('button', { name: 'Export…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Export' });
        await dialog.getByRole('group', { name: 'Tracker result sets' }).getByLabel('pymotmetrics_test').check();
        const out = join(tempDir(), 'bench');
        await dialog.getByLabel('Destination').fill(out);
        expect(await dialog.getByRole('button', { name: 'Export' }).isDisabled()).toBe(true); // check first
        await dialog.getByRole('button', { name: 'Check' }).click();
        await expect.poll(() => dialog.getByTestId('export-check').textContent()).toMatch(/^Checked: \d+ rows in 7 file\(s\) · no errors/);
        expect(existsSync(out)).toBe(false); // a check writes nothing
        await page.screenshot({ path: artifactPath(`${target.name}-export-check.png`) });
        await dialog.getByRole('button', { name: 'Export' }).click();
        await expect.poll(() => dialog.getByTestId('export-done').textContent()).toMatch(/^Wrote \d+ rows in 7 file\(s\)/);
        expect(readFileSync(join(out, 'seqmaps', 'MOT15-train.txt'), 'utf8')).toBe('name\nTUD-Campus\nTUD-Stadtmitte\n');
        // The GT comes out as it went in (TUD's gt.txt is canonical MOT text).
        expect(readFileSync(join(out, 'MOT15-train', 'TUD-Campus', 'gt', 'gt.txt'), 'utf8')).toBe(readFileSync(join(TUD, 'MOT15-train', 'TUD-Campus', 'gt', 'gt.txt'), 'utf8'));
        await page.screenshot({ path: artifactPath(`${target.name}-export-done.png`) });

        // Changing the form needs a new check; an existing destination needs Overwrite.
        await dialog.getByRole('button', { name: 'Check' }).click();
        await expect.poll(() => dialog.getByTestId('export-check').textContent()).toContain('the destination exists: tick Overwrite');
        expect(await dialog.getByRole('button', { name: 'Export' }).isDisabled()).toBe(true);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'detached' });

        // Re-import into a second project; exporting it again gives the same bytes.
        const second = await invokeInPage<{ path: string }>(page, 'projects.create', { name: 'TUD again' });
        await invokeInPage(page, 'import.mot', { project: second.path, path: join(out, 'MOT15-train') });
        await invokeInPage(page, 'import.results', { project: second.path, folder: join(out, 'trackers', 'pymotmetrics_test') });
        const again = join(tempDir(), 'again');
        await invokeInPage(page, 'export.benchmark', { project: second.path, out: again, trackerSets: ['pymotmetrics_test'] });
        for (const rel of ['MOT15-train/TUD-Campus/gt/gt.txt', 'MOT15-train/TUD-Stadtmitte/gt/gt.txt', 'MOT15-train/TUD-Campus/seqinfo.ini', 'trackers/pymotmetrics_test/TUD-Stadtmitte.txt', 'seqmaps/MOT15-train.txt']) {
          expect(readFileSync(join(again, rel), 'utf8'), rel).toBe(readFileSync(join(out, rel), 'utf8'));
        }
        expect(project).not.toBe(second.path);
        expect(errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
