// The training panel in real Chromium on the sample project (real SQLite, the built training worker):
// start a short training run from the form, watch its progress move (bar, numbers, backend, charts),
// cancel it, resume it for two more steps, find the cancelled run in the history, and run embedding
// diagnostics on its weights (histogram and similarity matrix).
import { describe, expect, it } from 'vitest';
import { artifactPath } from '../helpers/browser';
import { invokeInPage, TARGETS } from '../helpers/targets';
import { tempDir } from '../helpers/tmp';

/** "12 / 400 · ETA …" -> 12. */
const doneOf = (text: string | null): number => Number(/^(\d+) \/ \d+/.exec(text ?? '')?.[1] ?? -1);

for (const target of TARGETS) {
  describe.skipIf(target.unavailable !== undefined)(`${target.name} e2e${target.unavailable ? ` (SKIPPED: ${target.unavailable})` : ''}`, () => {
    it('starts a training run, shows its progress, cancels and resumes it, and lists it as cancelled', async () => {
      const app = await target.start(tempDir());
      const { page } = app;
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      try {
        await page.getByRole('button', { name: 'Create the sample project' }).click();
        await page.getByTestId('workspace').waitFor({ timeout: 60_000 });
        const project: string = await page.evaluate('new URLSearchParams(window.location.hash.split("?")[1]).get("path")');
        await page.getByRole('tab', { name: 'Train' }).click();
        const form = page.getByRole('form', { name: 'Training' });
        await expect.poll(() => form.getByRole('checkbox', { name: 'Training sequences: synthetic-walkers' }).isChecked()).toBe(true);

        // A bad value is refused in the form, with the reason.
        await form.getByLabel('Steps', { exact: true }).fill('0');
        await form.getByRole('button', { name: 'Start training' }).click();
        await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/steps must be a whole number from 1/);

        await form.getByLabel('Loss', { exact: true }).selectOption('baseline');
        await form.getByLabel('Steps', { exact: true }).fill('400');
        await form.getByLabel('Detection set', { exact: true }).selectOption('det');
        await form.getByRole('button', { name: 'Start training' }).click();

        // Progress moves: the numbers grow at least twice, the backend is shown, the loss chart draws.
        const live = page.getByTestId('live-run');
        const numbers = live.getByTestId('job-progress-numbers');
        await expect.poll(async () => doneOf(await numbers.textContent()), { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
        const first = doneOf(await numbers.textContent());
        await expect.poll(async () => doneOf(await numbers.textContent()), { timeout: 60_000 }).toBeGreaterThan(first);
        expect(await numbers.textContent()).toMatch(/^\d+ \/ 400 · ETA /);
        await expect.poll(() => live.getByTestId('run-backend').textContent()).toMatch(/^(tensorflow-gpu|tensorflow|wasm|cpu)$/);
        expect(await live.getByRole('progressbar', { name: 'Training progress' }).getAttribute('max')).toBe('400');
        await live.getByRole('img', { name: 'Loss per term' }).waitFor();
        await live.getByRole('table', { name: 'Latest losses' }).getByText('crossEntropy').waitFor();
        await page.screenshot({ path: artifactPath(`${target.name}-train-live.png`) });

        await live.getByRole('button', { name: 'Cancel' }).click();
        await expect.poll(() => live.getAttribute('data-state'), { timeout: 30_000 }).toBe('cancelled');
        const runId = Number(/^#(\d+)/.exec((await live.getByRole('heading').textContent())!)![1]);
        const stopped = await invokeInPage<{ run: { state: string; summary: { steps: number } }; artifacts: { name: string }[] }>(page, 'runs.get', { project, runId });
        expect(stopped.run.state).toBe('cancelled');
        const reached = stopped.run.summary.steps;
        expect(reached).toBeGreaterThanOrEqual(2);
        expect(reached).toBeLessThan(400);

        // Resume for two more steps: the form locks the run's settings; the new run continues from its checkpoint.
        await live.getByRole('button', { name: 'Resume…' }).click();
        await form.getByRole('note').getByText(`Resuming run #${runId} from step ${reached}`).waitFor();
        expect(await form.getByLabel('Loss', { exact: true }).isDisabled()).toBe(true);
        await form.getByLabel('Steps', { exact: true }).fill(String(reached + 2));
        await form.getByRole('button', { name: `Resume run #${runId}` }).click();
        await expect.poll(async () => Number(/^#(\d+)/.exec((await live.getByRole('heading').textContent()) ?? '')?.[1]), { timeout: 30_000 }).toBeGreaterThan(runId);
        await expect.poll(() => live.getAttribute('data-state'), { timeout: 90_000 }).toBe('succeeded');
        const resumedId = Number(/^#(\d+)/.exec((await live.getByRole('heading').textContent())!)![1]);
        const resumed = await invokeInPage<{ run: { config: { resumedFrom: number }; summary: { steps: number } } }>(page, 'runs.get', { project, runId: resumedId });
        expect(resumed.run.config.resumedFrom).toBe(runId);
        expect(resumed.run.summary.steps).toBe(reached + 2);
        await page.screenshot({ path: artifactPath(`${target.name}-train-resumed.png`) });

        // The history lists the first run as cancelled; its details show the curves and the diagnostics.
        await page.getByRole('tab', { name: 'Runs' }).click();
        const history = page.getByRole('table', { name: 'Run history' });
        const row = history.locator(`tr[data-run-id="${runId}"]`);
        await expect.poll(() => row.locator('.state').textContent()).toBe('cancelled');
        await page.getByLabel('Filter by kind').selectOption('train');
        await expect.poll(() => history.locator('tbody tr').count()).toBe(2);
        await row.click();
        const detail = page.getByTestId('run-detail');
        await detail.getByRole('img', { name: 'Loss per term' }).waitFor();
        await detail.getByLabel('Anchor frames').fill('8');
        await detail.getByLabel('Frame offset k').fill('5');
        await detail.getByRole('button', { name: 'Compute' }).click();
        await detail.getByTestId('similarity-figures').waitFor({ timeout: 90_000 });
        expect(await detail.getByTestId('similarity-figures').textContent()).toMatch(/AUC\d\.\d{3}.*frame pairs8 \(k = 5\)/);
        await detail.getByRole('img', { name: /Similarity matrix of frame \d+ against frame \d+/ }).waitFor();
        await detail.getByTestId('similarity').scrollIntoViewIfNeeded();
        await page.screenshot({ path: artifactPath(`${target.name}-runs-diagnostics.png`) });
        expect(problems).toEqual([]);
      } finally {
        await app.close();
      }
    }, 300_000);
  });
}
