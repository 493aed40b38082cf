// Export through the API on real data (MOT15 TUD): a check writes nothing and reports what would be
// written; a benchmark export with a progressId sends ordered jobs.progress events ending at total.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src-main/compose';
import { invoke } from '../../src-main/services/api';
import type { ApiChannel, ApiRequest, ApiResponse } from '../../src-shared/ipc/contract';
import type { JobProgress } from '../../src-shared/ipc/schemas';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

const backend = createBackend({ dataDir: tempDir(), version: 't', probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
const call = async <C extends ApiChannel>(c: C, r: ApiRequest<C>): Promise<ApiResponse<C>> => {
  const out = await invoke(backend.handlers, c, r, { transport: 'cli' });
  if (!out.ok) throw new Error(`${c}: ${out.error.message}`);
  return out.value;
};
afterAll(() => backend.close());

describe('export.benchmark', () => {
  it('checks without writing, then writes with progress events', async () => {
    const { path: project } = await call('projects.create', { name: 'export', directory: tempDir() });
    await call('import.mot', { project, path: join(SHARED_DATA, 'mot15_tud', 'MOT15-train') });
    const out = join(tempDir(), 'bench');

    const check = await call('export.benchmark', { project, out, check: true });
    expect(check).toMatchObject({ written: false, existed: false, findings: [] });
    expect(check.files.map((f) => f.slice(out.length + 1)).sort()).toEqual(
      ['MOT15-train/TUD-Campus/gt/gt.txt', 'MOT15-train/TUD-Campus/seqinfo.ini', 'MOT15-train/TUD-Stadtmitte/gt/gt.txt', 'MOT15-train/TUD-Stadtmitte/seqinfo.ini', 'seqmaps/MOT15-train.txt'].sort(),
    );
    expect(check.rows).toBe(359 + 1156);
    expect(existsSync(out)).toBe(false);

    const events: JobProgress[] = [];
    const off = backend.events.subscribe((e, p) => e === 'jobs.progress' && events.push(p as JobProgress));
    const written = await call('export.benchmark', { project, out, progressId: 'exp-1' });
    off();
    expect(written).toMatchObject({ written: true, existed: false, rows: check.rows, files: check.files });
    expect(events.every((e) => e.jobId === 'exp-1' && e.kind === 'export' && e.total === 5)).toBe(true);
    expect(events.map((e) => e.done)).toEqual([1, 2, 3, 4, 5]);
    expect(events.map((e) => e.message)).toEqual(['checked TUD-Campus', 'checked TUD-Stadtmitte', 'wrote TUD-Campus', 'wrote TUD-Stadtmitte', `wrote ${out}`]);

    // Now the destination exists: a check says so, a write without overwrite is refused.
    expect((await call('export.benchmark', { project, out, check: true })).existed).toBe(true);
    await expect(call('export.benchmark', { project, out })).rejects.toThrow(/exists; choose an empty destination or overwrite/);
  });
});
