// The workspace on real things: the sample project made from the UI, frames stepped with the keyboard,
// and a real MOTChallenge sequence (1080p frames) imported by path.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { SHARED_DATA } from '../helpers/sharedData';
import { TARGETS } from '../helpers/targets';
import { tempDir } from '../helpers/tmp';

for (const target of TARGETS) {
  describe.skipIf(target.unavailable !== undefined)(`${target.name} e2e${target.unavailable ? ` (SKIPPED: ${target.unavailable})` : ''}`, () => {
    it('creates the sample project, steps through its frames, and imports a real sequence', async () => {
      const app = await target.start(tempDir());
      const { page } = app;
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      try {
        await page.getByRole('button', { name: 'Create the sample project' }).click();
        await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
        await page.getByRole('option', { name: /synthetic-walkers/ }).waitFor();
        const frameNo = page.getByTestId('frame-number');
        await expect(frameNo.textContent()).resolves.toBe('frame 1 / 300');
        const frameLoaded = page.waitForResponse((r) => r.url().includes('media/frame') && r.url().includes('frame=11') && r.status() === 200);
        for (let i = 0; i < 10; i++) await page.keyboard.press('f');
        await frameLoaded;
        await expect(frameNo.textContent()).resolves.toBe('frame 11 / 300');
        await page.keyboard.press('ArrowLeft');
        await expect(frameNo.textContent()).resolves.toBe('frame 10 / 300');
        expect(await page.getByRole('list', { name: 'Track list' }).getByRole('listitem').count()).toBe(20);
        await page.screenshot({ path: artifactPath(`${target.name}-sample.png`) });

        // Pre-annotate with ByteTrack over the sample's detections: new tracks after #20, one undo step.
        await page.getByRole('button', { name: /Pre-annotate/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Pre-annotate' });
        await dialog.getByRole('button', { name: 'Run tracker' }).click();
        await dialog.waitFor({ state: 'detached', timeout: 60_000 });
        await expect.poll(() => page.getByTestId('editor-message').textContent()).toMatch(/^pre-annotate with ByteTrack \(\d+ tracks\)$/);
        const added = Number(/\((\d+) tracks\)/.exec((await page.getByTestId('editor-message').textContent())!)![1]);
        expect(added).toBeGreaterThan(5);
        expect(await page.getByRole('list', { name: 'Track list' }).getByRole('listitem').count()).toBe(20 + added);
        await page.keyboard.press('Control+z');
        await expect.poll(() => page.getByRole('list', { name: 'Track list' }).getByRole('listitem').count()).toBe(20);

        await page.getByPlaceholder('/data/MOT17/train/MOT17-02-SDP').fill(join(SHARED_DATA, 'mot17_mini_images', 'MOT17-train', 'MOT17-04-FRCNN'));
        await page.getByRole('button', { name: 'Import' }).click();
        const real = page.getByRole('option', { name: /MOT17-04-FRCNN/ });
        await real.waitFor();
        // Frame 1 of the new sequence (the sample's frame 1 was fetched long before).
        const realFrame = page.waitForResponse((r) => r.url().includes('media/frame') && /[?&]frame=1$/.test(r.url()) && r.status() === 200);
        await real.click();
        await expect(frameNo.textContent()).resolves.toBe('frame 1 / 8');
        await realFrame;
        await page.waitForTimeout(300);
        await page.screenshot({ path: artifactPath(`${target.name}-mot17.png`) });
        expect(problems).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
