// How runs read in the history and comparison: durations, summaries per kind, headline figures, the
// metric table with deltas and verdicts, switch counts per type.
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import { compareTable, formatFigure, runFigures, switchTypeCounts } from '../../../src-renderer/views/runs/compare';
import { configSummary, formatDuration, headline, isDiagnostics, lowerIsBetter, runDurationMs, summaryFigures, trainModel } from '../../../src-renderer/views/runs/runFormat';

const run = (o: Partial<RunSummary>): RunSummary => ({
  id: 1,
  jobId: 'j',
  parentId: null,
  kind: 'eval',
  state: 'succeeded',
  title: 't',
  config: {},
  backend: null,
  progress: null,
  summary: null,
  error: null,
  createdMs: 0,
  startedMs: 1000,
  finishedMs: 61_000,
  ...o,
});

describe('formatting', () => {
  it('formats durations from milliseconds to hours', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(245_000)).toBe('4 min 05 s');
    expect(formatDuration(7_380_000)).toBe('2 h 03 min');
    expect(formatDuration(null)).toBe('–');
  });

  it('measures a run from start to finish, or to now while it runs', () => {
    expect(runDurationMs(run({}), 99_000)).toBe(60_000);
    expect(runDurationMs(run({ state: 'running', finishedMs: null }), 31_000)).toBe(30_000);
    expect(runDurationMs(run({ state: 'queued', startedMs: null, finishedMs: null }), 5)).toBeNull();
  });

  it('summarises each kind of run in one line', () => {
    expect(configSummary(run({ config: { resultSet: 'bytetrack', sequences: ['A', 'B', 'C'], benchmark: 'MOT17' } }))).toBe('bytetrack on A +2 (MOT17)');
    expect(configSummary(run({ kind: 'train', config: { request: { loss: 'unitrack', steps: 500, learningRate: 0.001 }, trainSequences: ['S'], detectionSet: 'det', resumedFrom: 4 } }))).toBe('unitrack · 500 steps · lr 0.001 · S · det · resumes run 4');
    expect(configSummary(run({ kind: 'train', config: { model: 'mpn', request: { loss: 'baseline', steps: 10 }, trainSequences: ['S'] } }))).toBe('MPN · baseline · 10 steps · S');
    expect(configSummary(run({ config: { diagnostics: 'embeddings', modelRunId: 3, sequence: 'S', gap: 5 } }))).toBe('embeddings of run 3 on S, k = 5');
    expect(isDiagnostics(run({ config: { diagnostics: 'embeddings' } }))).toBe(true);
    expect(trainModel(run({ kind: 'train', config: { request: {} } }))).toBe('reid');
  });

  it('flattens summaries and picks the headline figures', () => {
    const ablate = run({ kind: 'ablate', summary: { arms: { baseline: { IDF1: 0.5 } }, deltaIDF1: { unitrack: 0.012, contrastive: -0.004 }, ci: false } });
    expect(summaryFigures(ablate)).toEqual({ 'arms.baseline.IDF1': 0.5, 'deltaIDF1.unitrack': 0.012, 'deltaIDF1.contrastive': -0.004 });
    expect(headline(ablate)).toEqual([
      ['ΔIDF1 unitrack', '+1.2'],
      ['ΔIDF1 contrastive', '-0.4'],
    ]);
    expect(headline(run({ summary: { HOTA: 0.4123, IDF1: 0.6, MOTA: 0.5, IDSW: 14 } }))).toEqual([
      ['HOTA', '41.2'],
      ['IDF1', '60.0'],
      ['MOTA', '50.0'],
      ['IDSW', '14'],
    ]);
    const train = run({ kind: 'train', summary: { steps: 3, losses: { total: 1.23456 }, validation: { step: 3, nnAccuracy: 0.8 }, cropsPerSec: 99.6 } });
    expect(summaryFigures(train)).toEqual({ steps: 3, 'losses.total': 1.23456, 'validation.nnAccuracy': 0.8, cropsPerSec: 99.6 });
    expect(headline(train)).toEqual([
      ['loss', '1.2346'],
      ['steps', '3'],
      ['crops/s', '100'],
    ]);
  });

  it('knows which figures are better when lower', () => {
    for (const k of ['IDSW', 'Frag', 'ML', 'type3', 'losses.total', 'interMean', 'arms.baseline.IDSW']) expect(lowerIsBetter(k), k).toBe(true);
    for (const k of ['HOTA', 'IDF1', 'MT', 'auc', 'validation.nnAccuracy', 'deltaIDF1.unitrack']) expect(lowerIsBetter(k), k).toBe(false);
  });
});

describe('comparison', () => {
  const events = {
    S1: [
      { frame: 3, gtId: 1, type: 1, prevTrackerId: 1, newTrackerId: 2, kind: 'fresh' },
      { frame: 3, gtId: 1, trackerId: 2, kind: 'fragmentation' },
      { frame: 9, gtId: 2, type: 3, prevTrackerId: 4, newTrackerId: 1, partnerGtId: 1, kind: 'recycled' },
    ],
    S2: [{ frame: 5, gtId: 7, type: 3, prevTrackerId: 9, newTrackerId: 8, partnerGtId: 6, kind: 'recycled' }],
  };

  it('counts switches per type, per sequence or over all', () => {
    expect(switchTypeCounts(events)).toEqual([1, 0, 2]);
    expect(switchTypeCounts(events, 'S2')).toEqual([0, 0, 1]);
  });

  it('tabulates figures with deltas to the first run and verdicts by direction', () => {
    const a = runFigures({ id: 1, title: 'a', summary: {} }, { COMBINED_SEQ: { HOTA: 0.5, IDSW: 10, other: 'x' } }, 'COMBINED_SEQ', events);
    const b = runFigures({ id: 2, title: 'b', summary: {} }, { COMBINED_SEQ: { HOTA: 0.55, IDSW: 12 } }, 'COMBINED_SEQ', { S1: [] });
    const c = runFigures({ id: 3, title: 'c', summary: { losses: { total: 2 } } }, {}, 'COMBINED_SEQ');
    expect(a.figures).toEqual({ HOTA: 0.5, IDSW: 10, type1: 1, type2: 0, type3: 2 });
    const rows = compareTable([a, b, c]);
    const hota = rows.find((r) => r.key === 'HOTA')!;
    expect(hota.deltas[1]).toBeCloseTo(0.05, 12);
    expect(hota.verdicts).toEqual([undefined, 1, undefined]);
    expect(hota.percent).toBe(true);
    expect(rows.find((r) => r.key === 'IDSW')!.verdicts).toEqual([undefined, -1, undefined]);
    expect(rows.find((r) => r.key === 'type3')!.verdicts).toEqual([undefined, 1, undefined]);
    expect(rows.map((r) => r.key)).toEqual(['HOTA', 'IDSW', 'type1', 'type2', 'type3', 'losses.total']);
  });

  it('formats fractions as percentages and counts as integers', () => {
    expect(formatFigure(0.41234, true)).toBe('41.23');
    expect(formatFigure(0.012, true, true)).toBe('+1.20');
    expect(formatFigure(12, false, true)).toBe('+12');
    expect(formatFigure(1.23456, false)).toBe('1.235');
    expect(formatFigure(undefined, false)).toBe('–');
  });
});
