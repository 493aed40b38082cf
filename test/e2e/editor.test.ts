// The annotation editor in real Chromium against a real project file: draw, move, resize, keyframes
// that interpolate, swap from frame t, split, merge, undo/redo of each, undo after a reload, the
// timeline jump and the shortcut sheet. Boxes are checked through the API, as stored.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticSequence } from '../../src-main/services/sample/sample';
import { artifactPath } from '../helpers/browser';
import { invokeInPage, TARGETS } from '../helpers/targets';
import { tempDir } from '../helpers/tmp';

const W = 640;
const H = 360;

interface Box {
  frame: number;
  trackId: number;
  x: number;
  y: number;
  w: number;
  h: number;
  flags: number;
}

for (const target of TARGETS) {
  describe.skipIf(target.unavailable !== undefined)(`${target.name} e2e${target.unavailable ? ` (SKIPPED: ${target.unavailable})` : ''}`, () => {
    it('draws, moves, resizes, interpolates, swaps, splits and merges, with undo/redo that survives a reload', async () => {
      const frames = join(tempDir(), 'walk');
      await writeSyntheticSequence(frames, { frames: 40, width: W, height: H, figures: 4, seed: 2 });
      const app = await target.start(tempDir());
      const { page } = app;
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        // A project with a frames-only sequence (no GT): everything below is drawn by hand.
        await page.getByPlaceholder('e.g. MOT17 pedestrians').fill('Editor');
        await page.getByRole('button', { name: 'Create project' }).click();
        await page.getByTestId('workspace').waitFor();
        await page.getByRole('combobox').selectOption('frames');
        await page.getByPlaceholder('/data/MOT17/train/MOT17-02-SDP').fill(join(frames, 'img1'));
        await page.getByRole('button', { name: 'Import' }).click();
        await page.getByRole('option', { name: /img1/ }).waitFor();
        await page.getByRole('button', { name: 'Undo' }).waitFor(); // the editor is on screen (toolbar above the canvas)
        await expect.poll(() => page.getByTestId('editor-message').textContent()).not.toBe('Loading annotations…');
        const project: string = await page.evaluate(() => new URLSearchParams(window.location.hash.split('?')[1]).get('path')!);
        const boxes = async (frame: number): Promise<Box[]> => (await invokeInPage<{ boxes: Box[] }>(page, 'annotations.frame', { project, sequence: 'img1', frame })).boxes;
        const frameNo = page.getByTestId('frame-number');
        const gotoFrame = async (f: number) => {
          await page.getByLabel('Jump to frame').fill(String(f));
          await page.getByLabel('Jump to frame').press('Enter');
          await expect.poll(() => frameNo.textContent()).toBe(`frame ${f} / 40`);
          await page.getByLabel('Jump to frame').blur(); // keys go to the editor again (not the field)
        };
        // Frame pixels -> page pixels (the stage fits the frame, centred).
        const stage = (await page.getByTestId('frame-stage').boundingBox())!;
        const scale = Math.min(stage.width / W, stage.height / H);
        const at = (x: number, y: number) => ({ x: stage.x + (stage.width - W * scale) / 2 + x * scale, y: stage.y + (stage.height - H * scale) / 2 + y * scale });
        const drag = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
          await page.mouse.move(from.x, from.y);
          await page.mouse.down();
          await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
          await page.mouse.move(to.x, to.y, { steps: 3 });
          await page.mouse.up();
        };
        const saved = (label: string | RegExp) => expect.poll(() => page.getByTestId('editor-message').textContent()).toMatch(label);

        // Draw a box (N) -> a new track 1.
        await page.keyboard.press('n');
        await drag(at(100, 100), at(160, 250));
        await saved('new track 1');
        let b = (await boxes(1))[0]!;
        expect(b).toMatchObject({ trackId: 1 });
        expect(b.x).toBeCloseTo(100, 0);
        expect(b.w).toBeCloseTo(60, 0);

        // Move it 40 px right, then resize from the bottom-right corner.
        await drag(at(130, 170), at(170, 170));
        await saved('move box');
        b = (await boxes(1))[0]!;
        expect(b.x).toBeCloseTo(140, 0);
        await drag(at(200, 250), at(220, 280));
        await saved('move box');
        b = (await boxes(1))[0]!;
        expect(b.x).toBeCloseTo(140, 0);
        // The transformer's anchor is grabbed a pixel or two off its exact corner.
        expect(Math.abs(b.w - 80)).toBeLessThan(3);
        expect(Math.abs(b.h - 180)).toBeLessThan(3);

        // Keyframe 10 frames later on the same (selected) track -> frames 2..10 interpolate.
        await gotoFrame(11);
        await page.keyboard.press('n');
        await drag(at(340, 100), at(420, 280));
        await saved('add box to track 1');
        const mid = (await boxes(6)).find((x) => x.trackId === 1)!;
        const k11 = (await boxes(11)).find((x) => x.trackId === 1)!;
        expect(mid.x).toBeCloseTo(b.x + (k11.x - b.x) / 2, 6); // halfway between the keyframes
        expect(mid.w).toBeCloseTo(b.w + (k11.w - b.w) / 2, 6);
        expect(mid.flags & 2).toBe(2); // INTERPOLATED

        // A second track over the same frames.
        await gotoFrame(1);
        await page.keyboard.press('Escape');
        await page.keyboard.press('n');
        await drag(at(450, 100), at(500, 220));
        await saved('new track 2');
        await gotoFrame(11);
        await page.keyboard.press('n');
        await drag(at(250, 100), at(300, 220));
        await saved('add box to track 2');
        await page.screenshot({ path: artifactPath(`${target.name}-editor-two-tracks.png`) });

        // Swap 1 <-> 2 from frame 6 (select both: click, Shift+click; X).
        await gotoFrame(6);
        const six = await boxes(6);
        const one = six.find((x) => x.trackId === 1)!;
        const two = six.find((x) => x.trackId === 2)!;
        const details = page.getByRole('complementary', { name: 'Details' });
        await page.mouse.click(at(one.x + one.w / 2, one.y + one.h / 2).x, at(one.x + one.w / 2, one.y + one.h / 2).y);
        await details.getByRole('heading', { name: 'Track #1' }).waitFor();
        await page.keyboard.down('Shift'); // mouse.click has no modifiers option
        await page.mouse.click(at(two.x + two.w / 2, two.y + two.h / 2).x, at(two.x + two.w / 2, two.y + two.h / 2).y);
        await page.keyboard.up('Shift');
        await details.getByText(/Tracks #1 and #2/).waitFor();
        expect(await page.getByTestId('editor-message').textContent()).toBe('add box to track 2'); // clicks select, never move
        await page.keyboard.press('x');
        await saved('swap 1↔2 from frame 6');
        expect((await boxes(6)).find((x) => x.trackId === 1)!.x).toBeCloseTo(two.x, 6);
        expect((await boxes(5)).find((x) => x.trackId === 1)!.x).not.toBeCloseTo(two.x, 0);

        // Undo and redo the swap with the keyboard.
        await page.keyboard.press('Control+z');
        await saved(/Undid: swap/);
        expect((await boxes(6)).find((x) => x.trackId === 1)!.x).toBeCloseTo(one.x, 6);
        await page.keyboard.press('Control+Shift+z');
        await saved(/Redid: swap/);
        expect((await boxes(6)).find((x) => x.trackId === 1)!.x).toBeCloseTo(two.x, 6);

        // Split track 1 at frame 8 (Alt+X), then merge the new track back (select both, M).
        await gotoFrame(8);
        const t1 = (await boxes(8)).find((x) => x.trackId === 1)!;
        await page.mouse.click(at(t1.x + t1.w / 2, t1.y + t1.h / 2).x, at(t1.x + t1.w / 2, t1.y + t1.h / 2).y);
        await page.keyboard.press('Alt+x');
        await saved('split track 1 at frame 8 (new track 3)');
        expect((await boxes(8)).map((x) => x.trackId).sort()).toEqual([2, 3]);
        await page.getByRole('list', { name: 'Track list' }).getByText('#3').click();
        await page.getByRole('list', { name: 'Track list' }).getByText('#1').click({ modifiers: ['Shift'] });
        await page.keyboard.press('m');
        await saved('merge track 3 into 1');
        expect((await boxes(8)).map((x) => x.trackId).sort()).toEqual([1, 2]);

        // Reload: history lives in the project file, so undo still works (merge, then split).
        await app.reload();
        await page.getByTestId('workspace').waitFor();
        await expect.poll(() => page.getByTestId('editor-message').textContent()).not.toBe('Loading annotations…');
        await page.keyboard.press('Control+z');
        await saved(/Undid: merge/);
        expect((await boxes(8)).map((x) => x.trackId).sort()).toEqual([2, 3]);
        await page.keyboard.press('Control+y');
        await saved(/Redid: merge/);

        // The timeline: a click on track 2's row at 3/4 of the way jumps there and selects it.
        const tl = (await page.getByLabel('Track timeline').boundingBox())!;
        const rowOf2 = 1; // rows: #1, #2
        await page.mouse.click(tl.x + 56 + (tl.width - 56) * 0.75, tl.y + rowOf2 * 16 + 8);
        await expect.poll(() => frameNo.textContent()).toBe('frame 30 / 40');
        await expect.poll(() => page.getByLabel('Selected track').textContent()).toMatch(/Track #2/);

        // Shortcuts: the sheet lists them; remapping a key onto another action shows the conflict.
        await page.keyboard.press('?');
        const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
        await sheet.waitFor();
        await sheet.getByRole('row', { name: /Back N frames/ }).getByRole('button').click();
        await page.getByLabel('New key for Back N frames').press('v');
        await expect.poll(() => sheet.getByRole('alert').textContent()).toMatch(/V is bound to Forward N frames and Back N frames/);
        await page.screenshot({ path: artifactPath(`${target.name}-editor-shortcuts.png`) });
        await sheet.getByRole('button', { name: 'Restore defaults' }).click();
        await sheet.getByRole('button', { name: 'Close' }).click();
        await page.keyboard.press('c');
        await expect.poll(() => frameNo.textContent()).toBe('frame 20 / 40');
        expect(errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
