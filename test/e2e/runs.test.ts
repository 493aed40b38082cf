// Run history and comparison in real Chromium on the sample project: two trackers run and evaluated
// through the API (ByteTrack, then the IoU tracker), the history filtered to evaluations, one opened
// (metrics per sequence, switches by type), both compared (metric deltas, switches per type, the switch
// diff with the counts the shared diff gives), and an introduced switch opened in the editor on its frame.
import { describe, expect, it } from 'vitest';
import { diffRunSwitches, storedSwitches, toleranceFrames, type StoredSwitch } from '../../src-shared/analysis/switchDiff';
import { artifactPath } from '../helpers/browser';
import { invokeInPage, TARGETS } from '../helpers/targets';
import { tempDir } from '../helpers/tmp';

interface Got {
  run: { id: number; state: string };
  events: Record<string, unknown[]>;
}

for (const target of TARGETS) {
  describe.skipIf(target.unavailable !== undefined)(`${target.name} e2e${target.unavailable ? ` (SKIPPED: ${target.unavailable})` : ''}`, () => {
    it('lists runs, compares two evaluations switch by switch, and opens an introduced switch in the editor', async () => {
      const app = await target.start(tempDir());
      const { page } = app;
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      try {
        await page.getByRole('button', { name: 'Create the sample project' }).click();
        await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
        const project: string = await page.evaluate('new URLSearchParams(window.location.hash.split("?")[1]).get("path")');
        const finished = async (runId: number): Promise<Got> => {
          let got: Got | undefined;
          await expect
            .poll(
              async () => {
                got = await invokeInPage<Got>(page, 'runs.get', { project, runId, events: true });
                return got.run.state;
              },
              { timeout: 60_000, interval: 250 },
            )
            .toBe('succeeded');
          return got!;
        };
        // Track with two trackers, then evaluate each result set (ByteTrack first: it is run A).
        const evals: Got[] = [];
        for (const tracker of ['bytetrack', 'iou'] as const) {
          const t = await invokeInPage<{ runId: number }>(page, 'track.start', { project, detectionSet: 'det', tracker, resultSet: tracker });
          await finished(t.runId);
          const e = await invokeInPage<{ runId: number }>(page, 'eval.start', { project, resultSet: tracker });
          evals.push(await finished(e.runId));
        }
        const [a, b] = evals as [Got, Got];
        const seqs = await invokeInPage<{ id: number; name: string; fps: number }[]>(page, 'sequences.list', { project });
        const sample = seqs[0]!;
        const switches = (g: Got) => Object.fromEntries(Object.entries(g.events).map(([s, l]) => [s, storedSwitches(l, s)]));
        const diff = diffRunSwitches(switches(a), switches(b), () => toleranceFrames(0.2, sample.fps)).sequences[sample.name]!;
        expect(diff.introduced.length, 'the IoU tracker introduces switches ByteTrack does not make').toBeGreaterThan(0);

        // The history: four runs; filtered to evaluations, two.
        await page.getByRole('tab', { name: 'Runs' }).click();
        const history = page.getByRole('table', { name: 'Run history' });
        await expect.poll(() => history.locator('tbody tr').count()).toBe(4);
        await page.getByLabel('Filter by kind').selectOption('eval');
        await expect.poll(() => history.locator('tbody tr').count()).toBe(2);

        // One evaluation opened: metrics per sequence and its switches, filterable by type.
        await history.locator(`tr[data-run-id="${b.run.id}"]`).click();
        const detail = page.getByTestId('run-detail');
        await detail.getByRole('table', { name: 'Metrics per sequence' }).getByText('combined').waitFor();
        const all = Object.values(switches(b)).flat();
        await expect.poll(() => detail.getByTestId('switch-event').count()).toBe(Math.min(all.length, 500));
        await detail.getByRole('group', { name: 'Filter switches by type' }).getByRole('button', { name: 'Type 3' }).click();
        await expect.poll(() => detail.getByTestId('switch-event').count()).toBe(all.filter((e) => e.type === 3).length);

        // Compare the two.
        await history.getByLabel(`Compare run ${a.run.id}`).check();
        await history.getByLabel(`Compare run ${b.run.id}`).check();
        await page.getByRole('button', { name: 'Compare (2)' }).click();
        const compare = page.getByTestId('compare');
        const table = compare.getByRole('table', { name: 'Metric comparison' });
        await table.getByRole('row', { name: /^IDF1/ }).waitFor();
        await compare.getByRole('img', { name: 'ID switches per type for each evaluation' }).waitFor();
        const summary = compare.getByTestId('diff-summary');
        await expect.poll(() => summary.textContent()).toMatch(new RegExp(`^fixed ${diff.fixed.length}kept ${diff.kept.length}introduced ${diff.introduced.length}`));
        const introduced = compare.getByRole('list', { name: 'Switches introduced' }).getByTestId('switch-event');
        await expect.poll(() => introduced.count()).toBe(diff.introduced.length);
        await page.screenshot({ path: artifactPath(`${target.name}-runs-compare.png`) });

        // Exact frames (tolerance 0) can only keep fewer switches.
        await compare.getByLabel('Tolerance in seconds').fill('0');
        const exact = diffRunSwitches(switches(a), switches(b), () => 0).sequences[sample.name]!;
        await expect.poll(() => summary.textContent()).toMatch(new RegExp(`^fixed ${exact.fixed.length}kept ${exact.kept.length}introduced ${exact.introduced.length}`));
        expect(exact.kept.length).toBeLessThanOrEqual(diff.kept.length);
        await compare.getByLabel('Tolerance in seconds').fill('0.2');

        // Open the first introduced switch: the editor shows its sequence at its frame.
        const first: StoredSwitch = diff.introduced[0]!;
        await expect.poll(() => introduced.first().textContent()).toContain(`frame ${first.frame} · GT ${first.gtId}:`);
        await introduced.first().getByRole('button', { name: 'Open' }).click();
        await page.getByTestId('workspace').waitFor();
        await expect.poll(() => page.getByTestId('frame-number').textContent()).toBe(`frame ${first.frame} / 300`);
        const hash = await page.evaluate('window.location.hash');
        expect(hash).toContain(`seq=${sample.id}`);
        expect(hash).toContain(`frame=${first.frame}`);
        expect(hash).toMatch(new RegExp(`tracks=${first.gtId}(%2C|,|$)`));
        await page.waitForTimeout(300);
        await page.screenshot({ path: artifactPath(`${target.name}-runs-open-switch.png`) });
        expect(problems).toEqual([]);
      } finally {
        await app.close();
      }
    }, 240_000);
  });
}
