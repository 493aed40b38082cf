// The ID-switch review queue in real Chromium on the sample project (a seeded scene with exact truth):
// ByteTrack tracks the sample's detections; an annotator's mistake (two walkers' ids swapped where they
// pass each other) is put into the annotations; an evaluation from the review view shows it as two
// Type 3 switches; the queue is filtered to Type 3, the event selected with the keyboard, swapped back
// with X, and only that sequence is re-evaluated: the Type 3 count drops back to the tracker's own. Undo
// and redo go through the same refresh; Enter opens the editor there, whose timeline shows the switch
// markers, and a marker click jumps to its frame.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE, simulateScene } from '../../src-shared/synth/scene';
import { artifactPath } from '../helpers/browser';
import { invokeInPage, TARGETS } from '../helpers/targets';
import { tempDir } from '../helpers/tmp';

interface StoredSwitch {
  frame: number;
  gtId: number;
  partnerGtId: number | null;
  type: number;
  kind: string;
}

/**
 * Two walkers a < b that pass close by (centre distance <= their mean height, the Type 3 closeness of
 * METHODS.md §5.3) at frame t, both fully in view in t-3..t+3, and in no switch of the tracker: swapping
 * their ids from t is a mistake the evaluation can only blame on the annotation.
 */
function swapSite(blamed: ReadonlySet<number>): { t: number; a: number; b: number } {
  const frames = simulateScene(DEFAULT_SCENE).frames;
  const at = (f: number, id: number) => frames[f - 1]?.find((x) => x.id === id);
  for (let t = 4; t <= frames.length - 3; t++) {
    for (const A of frames[t - 1]!) {
      for (const B of frames[t - 1]!) {
        if (A.id >= B.id || blamed.has(A.id) || blamed.has(B.id)) continue;
        let visible = true;
        for (let f = t - 3; f <= t + 3; f++) visible &&= [A.id, B.id].every((id) => (at(f, id)?.visibility ?? 0) >= 0.9);
        const d = Math.hypot(A.x + A.w / 2 - B.x - B.w / 2, A.y + A.h / 2 - B.y - B.h / 2);
        if (visible && d <= (A.h + B.h) / 2) return { t, a: A.id, b: B.id };
      }
    }
  }
  throw new Error('the sample scene has no two walkers passing close by');
}

for (const target of TARGETS) {
  describe.skipIf(target.unavailable !== undefined)(`${target.name} e2e${target.unavailable ? ` (SKIPPED: ${target.unavailable})` : ''}`, () => {
    it('evaluates a tracker, filters the queue to Type 3, fixes a swapped annotation with X and sees the count drop', async () => {
      const app = await target.start(tempDir());
      const { page } = app;
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      try {
        await page.getByRole('button', { name: 'Create the sample project' }).click();
        await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
        const project: string = await page.evaluate('new URLSearchParams(window.location.hash.split("?")[1]).get("path")');
        const api = <T,>(channel: string, request: Record<string, unknown>) => invokeInPage<T>(page, channel, { project, ...request });
        const finished = async (job: { runId: number }) => {
          await expect.poll(async () => (await api<{ run: { state: string } }>('runs.get', { runId: job.runId })).run.state, { timeout: 60_000 }).toBe('succeeded');
          return job.runId;
        };

        // The tracker, and its own evaluation (API): the walkers its switches involve.
        await finished(await api('track.start', { detectionSet: 'det', tracker: 'bytetrack', resultSet: 'bytetrack' }));
        const own = await finished(await api<{ runId: number }>('eval.start', { resultSet: 'bytetrack' }));
        const ownEvents = (await api<{ events: Record<string, StoredSwitch[]> }>('runs.get', { runId: own, events: true })).events['synthetic-walkers']!.filter((e) => e.kind !== 'fragmentation');
        const ownType3 = ownEvents.filter((e) => e.type === 3).length;
        const blamed = new Set(ownEvents.flatMap((e) => [e.gtId, ...(e.partnerGtId === null ? [] : [e.partnerGtId])]));
        const { t, a, b } = swapSite(blamed);
        // The annotator's mistake: a and b swapped from frame t on.
        await api('annotations.applyEdits', { sequence: 'synthetic-walkers', label: 'a mistake', edits: [{ op: 'relabel', fromFrame: t, toFrame: 300, mapping: [[a, b], [b, a]] }] });

        // Evaluate from the review view.
        await page.getByRole('tab', { name: 'Review' }).click();
        await page.getByTestId('review').waitFor();
        await page.getByRole('button', { name: 'New evaluation…' }).click();
        await page.getByLabel('Result set to evaluate').selectOption('bytetrack');
        await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
        await expect.poll(() => page.getByLabel('Evaluation run').inputValue(), { timeout: 60_000 }).not.toBe(String(own));
        const type3 = page.getByTestId('type-filter-3');
        const count3 = async () => Number(await type3.getAttribute('data-count'));
        await expect.poll(count3).toBe(ownType3 + 2);

        // Type 3 only (key 3), then J down to the mistake's switch of walker a at frame t.
        await page.keyboard.press('3');
        await expect.poll(() => type3.getAttribute('aria-checked')).toBe('true');
        const rows = page.getByTestId('switch-queue').getByRole('option');
        await expect.poll(() => rows.count()).toBe(ownType3 + 2);
        expect(await page.getByTestId('switch-queue').locator('[data-type="1"], [data-type="2"]').count()).toBe(0);
        const selected = page.getByTestId('switch-queue').locator('[aria-selected="true"]');
        const wanted = new RegExp(`frame ${t}: GT (${a}|${b}) went`);
        for (let i = 0; i < ownType3 + 2; i++) {
          const title = (await selected.getAttribute('title')) ?? '';
          if (wanted.test(title)) break;
          await page.keyboard.press('j');
          await expect.poll(() => selected.getAttribute('title')).not.toBe(title); // one row at a time
        }
        await expect.poll(() => selected.getAttribute('title')).toMatch(wanted);
        const detail = page.getByTestId('switch-detail');
        await expect.poll(() => detail.getByRole('heading').textContent()).toMatch(new RegExp(`frame ${t} · GT (${a}|${b})`));
        await expect.poll(() => detail.getByRole('img', { name: /crop of GT/ }).count()).toBeGreaterThanOrEqual(2);
        await page.waitForTimeout(300); // the frames decode
        await page.screenshot({ path: artifactPath(`${target.name}-review-type3.png`) });

        // X: swap a and b back from t (one edit), re-evaluate only this sequence: the tracker's own count again.
        // (Fix keys wait while a sequence is being re-evaluated: the queue is about to change.)
        const idle = () => expect.poll(() => page.getByTestId('review-status').textContent()).not.toMatch(/Re-evaluating|Loading/);
        await idle();
        await page.keyboard.press('x');
        await expect.poll(() => page.getByTestId('review-status').textContent()).toMatch(/swap|Re-evaluating/);
        await expect.poll(count3).toBe(ownType3);
        await expect.poll(() => rows.count()).toBe(ownType3);
        // The headline says the sequence's numbers now come from a re-evaluation, at which annotation revision.
        await expect.poll(() => page.locator('.review-headline').textContent()).toMatch(/re-evaluated after edits \(revision \d+\)/);
        await page.screenshot({ path: artifactPath(`${target.name}-review-fixed.png`) });
        const history = await api<{ undoLabel: string | null }>('annotations.history', { sequence: 'synthetic-walkers' });
        expect(history.undoLabel).toMatch(new RegExp(`^swap (${a}↔${b}|${b}↔${a}) from frame ${t}$`));

        // Undo brings the mistake (and its two switches) back; redo fixes it again.
        await idle();
        await page.keyboard.press('Control+z');
        await expect.poll(count3).toBe(ownType3 + 2);
        await idle();
        await page.keyboard.press('Control+Shift+z');
        await expect.poll(count3).toBe(ownType3);
        await idle();

        // Enter opens the selected switch in the editor; its timeline carries the run's switch markers.
        const all = Number(await page.getByTestId('type-filter-all').getAttribute('data-count'));
        const first = (await selected.getAttribute('title'))!;
        const [, frame, gt] = /frame (\d+): GT (\d+)/.exec(first)!.map(Number);
        await page.keyboard.press('Enter');
        await page.getByTestId('workspace').waitFor();
        const frameNo = page.getByTestId('frame-number');
        await expect.poll(() => frameNo.textContent()).toBe(`frame ${frame} / 300`);
        const timeline = page.getByLabel('Track timeline');
        await expect.poll(() => timeline.getAttribute('data-markers')).toBe(String(all));
        // Step away, then click GT gt's marker: back at its frame with that track selected.
        await page.keyboard.press(frame! > 150 ? 'c' : 'v');
        await expect.poll(() => frameNo.textContent()).not.toBe(`frame ${frame} / 300`);
        const trackIds = (await api<{ trackId: number }[]>('annotations.tracks', { sequence: 'synthetic-walkers' })).map((x) => x.trackId).sort((x, y) => x - y);
        const row = trackIds.indexOf(gt!);
        await page.evaluate(`document.querySelector('[data-testid="timeline"]').scrollTop = ${Math.max(0, row - 2) * 16}`);
        await page.waitForTimeout(100);
        const box = (await timeline.boundingBox())!;
        const scrolled = Number(await page.evaluate('document.querySelector(\'[data-testid="timeline"]\').scrollTop'));
        const w = (box.width - 56) / 300;
        // 4 px right of the marker's centre: still the marker (it takes 6 px either side), while a click on
        // the row there would go to a later frame (a frame is ~3 px wide here).
        expect(w).toBeLessThan(8);
        await page.mouse.click(box.x + 56 + (frame! - 1) * w + w / 2 + 4, box.y + row * 16 - scrolled + 3);
        await expect.poll(() => frameNo.textContent()).toBe(`frame ${frame} / 300`);
        await expect.poll(() => page.getByRole('complementary', { name: 'Details' }).getByText(`Track #${gt}`, { exact: true }).count()).toBe(1);
        await page.screenshot({ path: artifactPath(`${target.name}-editor-switch-markers.png`) });

        // The markers follow the annotations: undoing the fix in the editor brings its two switches back
        // (the sequence is re-evaluated shortly after the last edit).
        await page.keyboard.press('Control+z');
        await expect.poll(() => page.getByTestId('editor-message').textContent()).toMatch(/^Undid: swap/);
        await expect.poll(() => timeline.getAttribute('data-markers')).toBe(String(all + 2));
        expect(problems).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
