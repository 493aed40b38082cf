import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../../src-main/compose';
import { fileStemFor } from '../../../../src-main/services/projects';
import { invoke } from '../../../../src-main/services/api';
import type { ApiChannel, ApiRequest } from '../../../../src-shared/ipc/contract';
import { checkDatabaseLeaks } from '../../../helpers/leaks';
import { tempDir } from '../../../helpers/tmp';

checkDatabaseLeaks();

let backend: Backend | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});
function start(dataDir = tempDir()): Backend {
  backend = createBackend({ dataDir, version: 'test', probeBackend: async () => ({ state: 'failed', message: 'not probed in unit tests' }) });
  return backend;
}
const call = <C extends ApiChannel>(b: Backend, c: C, req: ApiRequest<C>) => invoke(b.handlers, c, req, { transport: 'cli' });

describe('projects service', () => {
  it('creates a project in the data folder, lists it, and keeps it across restarts', async () => {
    const dataDir = tempDir();
    const b = start(dataDir);
    const created = await call(b, 'projects.create', { name: 'MOT17 / train' });
    expect(created).toMatchObject({ ok: true, value: { name: 'MOT17 / train', path: join(dataDir, 'projects', 'MOT17-train.tw.sqlite'), available: true } });
    b.close();
    const again = start(dataDir);
    const list = await call(again, 'projects.list', {});
    expect(list.ok && list.value.map((p) => p.name)).toEqual(['MOT17 / train']);
  });

  it('refuses a second project with the same file name and a folder that does not exist', async () => {
    const b = start();
    expect((await call(b, 'projects.create', { name: 'a' })).ok).toBe(true);
    expect(await call(b, 'projects.create', { name: 'a' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await call(b, 'projects.create', { name: 'b', directory: '/nonexistent/folder' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('opens a project file from elsewhere, marks moved files unavailable, and forgets', async () => {
    const elsewhere = tempDir();
    const b = start();
    const made = await call(b, 'projects.create', { name: 'ext', directory: elsewhere });
    if (!made.ok) throw new Error(made.error.message);
    await call(b, 'projects.forget', { path: made.value.path });
    expect((await call(b, 'projects.list', {})).ok && (await call(b, 'projects.list', {}))).toMatchObject({ value: [] });
    const opened = await call(b, 'projects.open', { path: made.value.path });
    expect(opened).toMatchObject({ ok: true, value: { id: made.value.id, name: 'ext' } });
    await call(b, 'projects.forget', { path: made.value.path }); // closes the handle before the move
    await call(b, 'projects.open', { path: made.value.path });
    b.services.projects.close();
    renameSync(made.value.path, made.value.path + '.moved');
    expect(await call(b, 'projects.list', {})).toMatchObject({ ok: true, value: [{ available: false }] });
  });

  it('makes safe file names', () => {
    expect(fileStemFor('MOT17 / train v2')).toBe('MOT17-train-v2');
    expect(fileStemFor('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStemFor('Ünïcödé')).toBe('Unicode');
    expect(fileStemFor('///')).toBe('project');
    expect(fileStemFor('行人 追踪')).toBe('行人-追踪');
  });
});
