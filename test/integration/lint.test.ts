// The import directions of ARCHITECTURE.md §1 are enforced by `npm run lint`: planted violations fail.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/built';

const eslint = new ESLint({ cwd: ROOT });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

const planted: [file: string, code: string, why: RegExp][] = [
  ['src-shared/metrics/x.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;", /may not be imported here|only itself/],
  ['src-shared/model/x.ts', "import React from 'react';\nexport const r = React;", /only itself and small pure libraries/],
  ['src-shared/ipc/x.ts', "import { openDatabase } from '../../src-main/store/sqlite';\nexport const o = openDatabase;", /Only src-main may import src-main/],
  ['src-renderer/app/x.ts', "import { join } from 'path';\nexport const j = join;", /may not be imported here/],
  ['src-renderer/app/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", /may not be imported here/],
  ['src-renderer/app/x.ts', "import { createBackend } from '../../src-main/compose';\nexport const c = createBackend;", /Only src-main/],
  ['src-main/services/x.ts', "import { app } from 'electron';\nexport const a = app;", /'electron' may not be imported here/],
  ['src-main/services/x.ts', "import type { Database } from 'better-sqlite3';\nexport type D = Database;", /'better-sqlite3' may not/],
  ['src-main/services/x.ts', "import { startHost } from '../host/server';\nexport const s = startHost;", /services -> store, jobs, media only/],
  ['src-main/jobs/x.ts', "import { selectBackend } from '../learning/backend';\nexport const s = selectBackend;", /worker entry paths/],
  ['src-main/host/x.ts', "import { openLibrary } from '../store/library/libraryFile';\nexport const o = openLibrary;", /host\/ talks to services only/],
  ['src-main/store/x.ts', "import { dispatch } from '../services/api';\nexport const d = dispatch;", /store\/ depends on nothing else/],
  ['src-main/index.ts', "import { app } from 'electron';\nexport const a = app;", /'electron' may not be imported here/],
  ['src-main/media/x.ts', "import { App } from '../../src-renderer/app/App';\nexport const a = App;", /never imports src-renderer/],
  ['src-renderer/views/x.ts', "import { TF_BACKEND_NAMES } from '../../src-shared/ipc/schemas';\nexport const n = TF_BACKEND_NAMES;", /zod schemas stay out of the renderer/],
  ['src-renderer/views/x.ts', "import { z } from 'zod';\nexport const s = z.string();", /zod schemas stay out of the renderer/],
];

describe('layering lint', () => {
  it.each(planted)('%s: rejects %j', async (file, code, why) => {
    const errors = await importErrors(file, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(why);
  });

  it.each([
    ['src-shared/ipc/x.ts', "import { z } from 'zod';\nexport const s = z.string();"],
    ['src-main/store/x.ts', "import Database from 'better-sqlite3';\nexport const D = Database;"],
    ['src-main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src-main/services/x.ts', "import { openLibrary } from '../store/library/libraryFile';\nexport const o = openLibrary;"],
    ['src-main/cli/x.ts', "import { startHost } from '../host/server';\nexport const s = startHost;"],
    ['src-renderer/app/x.ts', "import { ok } from '../../src-shared/ipc/result';\nexport const o = ok;"],
    ['src-renderer/app/x.ts', "import type { RunSummary } from '../../src-shared/ipc/contract/runs';\nexport type R = RunSummary;"],
  ])('%s: allows %j', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
