// Every gt, det and tracker file in ../shared/data imports and exports value-identically; canonical
// files round-trip byte for byte; a benchmark export re-imports to the same project content.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MotKind, MotTable } from '../../src-shared/formats/motTable';
import { parseMotText } from '../../src-shared/formats/parseMotText';
import { writeMotText } from '../../src-shared/formats/writeMotText';
import { createBackend, type Backend } from '../../src-main/compose';
import { invoke } from '../../src-main/services/api';
import type { ApiChannel, ApiRequest } from '../../src-shared/ipc/contract';
import { SHARED_DATA } from '../helpers/sharedData';
import { tempDir } from '../helpers/tmp';

let backend: Backend;
const ctx = { transport: 'cli' } as const;
const call = async <C extends ApiChannel>(c: C, r: ApiRequest<C>) => {
  const out = await invoke(backend.handlers, c, r, ctx);
  if (!out.ok) throw new Error(`${c}: ${out.error.message}`);
  return out.value;
};
beforeAll(() => {
  backend = createBackend({ dataDir: tempDir(), version: 't', probeBackend: async () => ({ state: 'failed', message: 'unused' }) });
});
afterAll(() => backend.close());

const rowsOf = (t: MotTable): string[] =>
  Array.from({ length: t.count }, (_, i) => [t.frame[i], t.id[i], t.x[i], t.y[i], t.w[i], t.h[i], t.conf[i], t.c8[i], t.c9[i], t.c10[i]].join(',')).sort();
const parseFile = (file: string, kind: MotKind) => parseMotText(readFileSync(file, 'utf8'), { kind, fileName: basename(file) }).table;

const DATASETS = [
  ['mot15_tud', 'MOT15-train', 'pymotmetrics_test'],
  ['mot15', 'MOT15-train', null],
  ['mot16_deepsort', 'MOT16-train', 'DeepSort_SimBim5'],
  ['mot17', 'MOT17-train', 'DeepSORT_AxelBogos'],
  ['mot17_mini_images', 'MOT17-train', 'DeepSORT_AxelBogos_trimmed'],
] as const;

describe.each(DATASETS)('%s', (dataset, bench, tracker) => {
  let project: string;
  beforeAll(async () => {
    project = (await call('projects.create', { name: `${dataset}`, directory: tempDir() })).path;
    await call('import.mot', { project, path: join(SHARED_DATA, dataset, bench) });
    if (tracker) await call('import.results', { project, folder: join(SHARED_DATA, dataset, 'trackers', tracker) });
  });

  it('imports every sequence of the seqmap with its GT, detections and tracker results', async () => {
    const seqmap = readFileSync(join(SHARED_DATA, dataset, 'seqmaps', `${bench}.txt`), 'utf8').trim().split('\n').slice(1);
    const seqs = await call('sequences.list', { project });
    expect(seqs.map((s) => s.name).sort()).toEqual([...seqmap].sort());
    for (const s of seqs) {
      const gt = parseFile(join(SHARED_DATA, dataset, bench, s.name, 'gt', 'gt.txt'), 'gt');
      expect(s.boxCount, s.name).toBe(gt.count);
      const dets = readdirSync(join(SHARED_DATA, dataset, bench, s.name)).includes('det') ? readdirSync(join(SHARED_DATA, dataset, bench, s.name, 'det')) : [];
      expect(s.sets.filter((x) => x.kind === 'det').map((x) => `${x.name}.txt`).sort()).toEqual(dets.sort());
      if (tracker) expect(s.sets.some((x) => x.kind === 'res' && x.name === tracker)).toBe(true);
    }
  });

  it('exports every gt, det and result file value-identically', async () => {
    const out = tempDir();
    let files = 0;
    for (const s of await call('sequences.list', { project })) {
      const gtFile = join(SHARED_DATA, dataset, bench, s.name, 'gt', 'gt.txt');
      const written = join(out, `${s.name}.gt.txt`);
      await call('export.file', { project, sequence: s.id, source: { kind: 'gt' }, out: written });
      expect(rowsOf(parseFile(written, 'gt')), `${s.name} gt`).toEqual(rowsOf(parseFile(gtFile, 'gt')));
      files++;
      for (const set of s.sets) {
        const w = join(out, `${s.name}.${set.kind}.${set.name}.txt`);
        await call('export.file', { project, sequence: s.id, source: { kind: set.kind, name: set.name }, out: w });
        expect(rowsOf(parseFile(w, set.kind)), `${s.name} ${set.name}`).toEqual(rowsOf(parseFile(String(set.origin['file']), set.kind)));
        files++;
      }
    }
    expect(files).toBeGreaterThan(0);
  });
});

describe('canonical files', () => {
  it('round-trip byte for byte (gt, det and res), and the benchmark folder re-imports identically', async () => {
    // Make canonical copies of a real sequence: parse the real files and write them canonically.
    const src = join(SHARED_DATA, 'mot17', 'MOT17-train', 'MOT17-09-SDP');
    const root = join(tempDir(), 'MOT17-train');
    const seqDir = join(root, 'MOT17-09-SDP');
    mkdirSync(join(seqDir, 'gt'), { recursive: true });
    mkdirSync(join(seqDir, 'det'), { recursive: true });
    copyFileSync(join(src, 'seqinfo.ini'), join(seqDir, 'seqinfo.ini'));
    const canonical = (file: string, kind: MotKind): string => {
      const t = parseFile(file, kind);
      // Canonical order: by frame then id (detections: by frame, file order within a frame).
      const idx = Array.from({ length: t.count }, (_, i) => i).sort((a, b) => t.frame[a]! - t.frame[b]! || (kind === 'det' ? a - b : t.id[a]! - t.id[b]!));
      return writeMotText(t, { order: idx });
    };
    const gtText = canonical(join(src, 'gt', 'gt.txt'), 'gt');
    const detText = canonical(join(src, 'det', 'det_yolox.txt'), 'det');
    const resText = canonical(join(SHARED_DATA, 'mot17', 'trackers', 'DeepSORT_AxelBogos', 'MOT17-09-SDP.txt'), 'res');
    writeFileSync(join(seqDir, 'gt', 'gt.txt'), gtText);
    writeFileSync(join(seqDir, 'det', 'det_yolox.txt'), detText);
    const resFile = join(tempDir(), 'MOT17-09-SDP.txt');
    writeFileSync(resFile, resText);

    const project = (await call('projects.create', { name: 'canonical', directory: tempDir() })).path;
    await call('import.mot', { project, path: seqDir });
    await call('import.file', { project, sequence: 'MOT17-09-SDP', kind: 'res', file: resFile, name: 'deepsort' });
    const out = tempDir();
    const sources = [
      [{ kind: 'gt' }, gtText],
      [{ kind: 'det', name: 'det_yolox' }, detText],
      [{ kind: 'res', name: 'deepsort' }, resText],
    ] as const;
    for (const [source, text] of sources) {
      const file = join(out, `${source.kind}.txt`);
      await call('export.file', { project, sequence: 'MOT17-09-SDP', source, out: file });
      expect(readFileSync(file, 'utf8') === text, `${source.kind} byte-identical`).toBe(true);
    }

    const bench = join(tempDir(), 'export');
    const report = await call('export.benchmark', { project, out: bench, trackerSets: ['deepsort'] });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(readFileSync(join(bench, 'MOT17-train', 'MOT17-09-SDP', 'gt', 'gt.txt'), 'utf8') === gtText).toBe(true);
    expect(readFileSync(join(bench, 'MOT17-train', 'MOT17-09-SDP', 'seqinfo.ini'), 'utf8')).toBe(readFileSync(join(src, 'seqinfo.ini'), 'utf8'));
    expect(readFileSync(join(bench, 'seqmaps', 'MOT17-train.txt'), 'utf8')).toBe('name\nMOT17-09-SDP\n');
    expect(readFileSync(join(bench, 'trackers', 'deepsort', 'MOT17-09-SDP.txt'), 'utf8') === resText).toBe(true);

    const again = (await call('projects.create', { name: 'reimported', directory: tempDir() })).path;
    const r = await call('import.mot', { project: again, path: join(bench, 'MOT17-train') });
    expect(r.sequences[0]).toMatchObject({ name: 'MOT17-09-SDP', boxCount: report.rows - resText.split('\n').length + 1 });
  });
});
