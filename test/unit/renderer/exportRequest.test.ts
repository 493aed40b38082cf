import { describe, expect, it } from 'vitest';
import type { SequenceSummary } from '../../../src-shared/ipc/schemas';
import { commonSets, defaultOut, exportRequest, formProblem, type ExportForm } from '../../../src-renderer/export/exportRequest';

const seq = (id: number, name: string, sets: [string, 'det' | 'res'][]): SequenceSummary =>
  ({ id, name, sets: sets.map(([n, kind], i) => ({ id: id * 10 + i, name: n, kind, rowCount: 1, columns: 10 })) }) as unknown as SequenceSummary;

const form: ExportForm = { format: 'benchmark', sequences: [1, 2], sets: [], out: '/x/bench', benchmark: '', split: 'train', overwrite: false };

describe('export dialog requests', () => {
  it('offers only the sets every chosen sequence has, by kind', () => {
    const a = seq(1, 'A', [['sort', 'res'], ['frcnn', 'det'], ['bt', 'res']]);
    const b = seq(2, 'B', [['bt', 'res'], ['frcnn', 'det']]);
    expect(commonSets([a, b], 'res')).toEqual(['bt']);
    expect(commonSets([a, b], 'det')).toEqual(['frcnn']);
    expect(commonSets([], 'res')).toEqual([]);
  });

  it('suggests a destination beside the project', () => {
    expect(defaultOut('/data/p/proj.tw.sqlite', 'benchmark', undefined)).toBe('/data/p/export/benchmark');
    expect(defaultOut('/data/p/proj.tw.sqlite', 'res', seq(1, 'MOT17-02', []))).toBe('/data/p/export/MOT17-02-res.txt');
    expect(defaultOut('C:\\p\\proj.tw.sqlite', 'gt', seq(1, 'S', []))).toBe('C:\\p\\export\\S-gt.txt');
  });

  it('says what is missing before anything is sent', () => {
    expect(formProblem(form)).toBeUndefined();
    expect(formProblem({ ...form, out: ' ' })).toBe('Choose where to write');
    expect(formProblem({ ...form, sequences: [] })).toBe('Choose at least one sequence');
    expect(formProblem({ ...form, format: 'res', sequences: [1] })).toBe('Choose a result set');
    expect(formProblem({ ...form, format: 'gt' })).toBe('One file is one sequence');
    expect(formProblem({ ...form, split: 'a b' })).toMatch(/split/);
  });

  it('builds the channel requests', () => {
    expect(exportRequest('/p.tw.sqlite', { ...form, sets: ['bt'] }, { check: true })).toEqual({
      channel: 'export.benchmark',
      request: { project: '/p.tw.sqlite', out: '/x/bench', overwrite: false, check: true, sequences: [1, 2], split: 'train', trackerSets: ['bt'] },
    });
    expect(exportRequest('/p.tw.sqlite', { ...form, format: 'det', sequences: [2], sets: ['frcnn'], out: '/x/d.txt' }, { check: false, progressId: 'e' })).toEqual({
      channel: 'export.file',
      request: { project: '/p.tw.sqlite', out: '/x/d.txt', overwrite: false, check: false, sequence: 2, source: { kind: 'det', name: 'frcnn' } },
    });
  });
});
