// A real project file in a temp folder, with a sequence, for store and service tests.
import { join } from 'node:path';
import { makeSeqInfo } from '../../src-shared/formats/seqinfo';
import { createProjectFile } from '../../src-main/store/project/projectFile';
import type { ProjectStore } from '../../src-main/store/project/projectStore';
import { tempDir } from './tmp';

/** A new project file with one empty sequence of `frames` frames; returns the store and the sequence id. */
export function projectWithSequence(frames = 500, name = 'seq'): { store: ProjectStore; seq: number; path: string } {
  const path = join(tempDir(), 'p.tw.sqlite');
  const store = createProjectFile(path, { uuid: '00000000-0000-4000-8000-000000000001', name: 'test', createdMs: 1 });
  const info = makeSeqInfo({ name, imDir: 'img1', frameRate: 30, seqLength: frames, imWidth: 1920, imHeight: 1080, imExt: '.jpg' });
  const seq = store.transaction(() =>
    store.sequences.insert({
      name,
      frameCount: frames,
      fps: 30,
      width: 1920,
      height: 1080,
      sourceKind: 'none',
      sourcePath: null,
      framesDir: null,
      seqinfo: info.entries.map(([k, v]) => [k, v]),
      benchmark: 'MOT17',
      gtLayout: 'class-visibility',
      gtColumns: 9,
      createdMs: 1,
    }),
  );
  return { store, seq, path };
}
