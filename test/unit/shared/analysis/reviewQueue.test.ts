// The review queue's pure logic: stored events read back (and refused with the event and field named),
// refreshed sequences taking over from the run, filters, the two orders, counts, the IDF1 gain, and where
// the selection goes when the queue changes.
import { describe, expect, it } from 'vitest';
import { idf1Gain, latestRefreshes, mergeEvaluation, parseSwitchEvents, queryQueue, reselect, typeCounts, type QueueEvent, type StoredEvaluation } from '../../../../src-shared/analysis/reviewQueue';

/** A stored switch event as the evaluation writes it (SwitchEvent fields). */
function stored(frame: number, gtId: number, type: 1 | 2 | 3, idtpCost: number, o: Partial<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    frame, gtId, prevTrackerId: 10 + gtId, newTrackerId: 20 + gtId, lastMatchedFrame: frame - 1, gap: 0, type,
    partnerGtId: type === 3 ? gtId + 1 : null, mutual: false, kind: type === 3 ? 'recycled' : 'fresh',
    occludedBefore: false, poseChange: false, fastMotion: false, nearby: [], idtpCost, gtLine: 1, trackerLine: 1, ...o,
  };
}
const frag = { frame: 5, gtId: 1, trackerId: 11, lastMatchedFrame: 2, sameId: true, kind: 'fragmentation' };
const ids = (l: readonly QueueEvent[]) => l.map((e) => `${e.sequence}@${e.frame}/${e.gtId}`);

const run: StoredEvaluation = {
  metrics: { 'seq-10': { IDTP: 100, IDFP: 20, IDFN: 40 }, 'seq-2': { IDTP: 50, IDFP: 0, IDFN: 0 }, COMBINED_SEQ: {} },
  events: {
    'seq-10': [stored(30, 1, 3, 5), frag, stored(12, 2, 1, 9), stored(40, 3, 2, 5)],
    'seq-2': [stored(7, 4, 3, 2), stored(3, 5, 1, 9)],
  },
};

describe('parseSwitchEvents', () => {
  it('keeps switch events with their sequence and a stable key, skipping fragmentations', () => {
    const out = parseSwitchEvents('seq-10', run.events['seq-10']!, 'run 1');
    expect(out.map((e) => e.frame)).toEqual([30, 12, 40]);
    expect(out[0]).toMatchObject({ sequence: 'seq-10', gtId: 1, prevTrackerId: 11, newTrackerId: 21, type: 3, partnerGtId: 2, kind: 'recycled', idtpCost: 5, key: 'seq-10:30:1:11:21' });
  });

  it('names the run, sequence, event and field of a damaged event', () => {
    expect(() => parseSwitchEvents('s', [stored(1, 1, 1, 0), stored(2, 1, 1, 0, { type: 4 })], 'run 7')).toThrow('run 7, s, event 2: type is 4, expected 1, 2 or 3');
    expect(() => parseSwitchEvents('s', [stored(1, 1, 1, 0, { frame: 'x' })], 'run 7')).toThrow('event 1: frame is "x", expected a number');
    expect(() => parseSwitchEvents('s', [stored(1, 1, 1, 0, { nearby: [{ id: 3 }] })], 'run 7')).toThrow('nearby');
    expect(() => parseSwitchEvents('s', [null], 'run 7')).toThrow('run 7, s, event 1: not an object');
  });
});

describe('refreshed sequences', () => {
  const cfg = (sequence: string, revision: number | null) => ({ refreshOf: 1, sequence, revision, resultSet: 'r', benchmark: 'MOT17', preprocess: true });
  it('takes the newest succeeded refresh of each sequence and ignores other children', () => {
    const latest = latestRefreshes([
      { id: 4, state: 'succeeded', config: cfg('seq-2', 3) },
      { id: 6, state: 'succeeded', config: cfg('seq-2', 5) },
      { id: 7, state: 'failed', config: cfg('seq-2', 6) },
      { id: 5, state: 'succeeded', config: cfg('seq-10', null) },
      { id: 8, state: 'succeeded', config: { trial: 1 } },
    ]);
    expect([...latest].sort()).toEqual([['seq-10', { runId: 5, revision: null }], ['seq-2', { runId: 6, revision: 5 }]]);
  });

  it('merges: a refreshed sequence comes from its re-evaluation, the others from the run, in natural order', () => {
    const child: StoredEvaluation = { metrics: { 'seq-2': { IDTP: 52, IDFP: 0, IDFN: 0 } }, events: { 'seq-2': [stored(3, 5, 1, 9)] } };
    const merged = mergeEvaluation(1, run, new Map([['seq-2', { runId: 6, revision: 5, evaluation: child }]]));
    expect(merged.map((s) => s.sequence)).toEqual(['seq-2', 'seq-10']);
    expect(merged[0]).toMatchObject({ metrics: { IDTP: 52 }, refreshedBy: { runId: 6, revision: 5 } });
    expect(merged[0]!.events).toHaveLength(1);
    expect(merged[1]).toMatchObject({ refreshedBy: null });
    expect(merged[1]!.events).toHaveLength(3);
  });

  it('refuses a re-evaluation without the sequence it claims to hold', () => {
    expect(() => mergeEvaluation(1, run, new Map([['seq-2', { runId: 6, revision: 5, evaluation: { metrics: {}, events: {} } }]]))).toThrow('run 6 has no metrics for seq-2');
  });
});

describe('queue queries', () => {
  const reviews = mergeEvaluation(1, run, new Map());
  it('by impact: IDTP cost, largest first, ties in sequence then frame order', () => {
    expect(ids(queryQueue(reviews, { type: 'all', sequence: null, sort: 'impact' }))).toEqual(['seq-2@3/5', 'seq-10@12/2', 'seq-10@30/1', 'seq-10@40/3', 'seq-2@7/4']);
  });
  it('by frame: sequences in natural order, then frames', () => {
    expect(ids(queryQueue(reviews, { type: 'all', sequence: null, sort: 'frame' }))).toEqual(['seq-2@3/5', 'seq-2@7/4', 'seq-10@12/2', 'seq-10@30/1', 'seq-10@40/3']);
  });
  it('filters by type and by sequence', () => {
    expect(ids(queryQueue(reviews, { type: 3, sequence: null, sort: 'frame' }))).toEqual(['seq-2@7/4', 'seq-10@30/1']);
    expect(ids(queryQueue(reviews, { type: 1, sequence: 'seq-10', sort: 'impact' }))).toEqual(['seq-10@12/2']);
    expect(queryQueue(reviews, { type: 2, sequence: 'seq-2', sort: 'impact' })).toEqual([]);
  });
  it('counts every type over the sequences shown', () => {
    expect(typeCounts(reviews, null)).toEqual({ 1: 2, 2: 1, 3: 2 });
    expect(typeCounts(reviews, 'seq-2')).toEqual({ 1: 1, 2: 0, 3: 1 });
  });
});

describe('idf1Gain', () => {
  it('is the IDF1 difference of undoing the switch: IDTP +c, IDFP and IDFN -c', () => {
    // TUD-Campus (pymotmetrics_test): IDTP 162, IDFP 60, IDFN 197 -> IDF1 = 162 / (162 + 128.5) = 0.557659...
    const m = { IDTP: 162, IDFP: 60, IDFN: 197 };
    const idf1 = (tp: number, fp: number, fn: number) => tp / (tp + 0.5 * fp + 0.5 * fn);
    expect(idf1Gain(4, m)).toBeCloseTo(idf1(166, 56, 193) - idf1(162, 60, 197), 15);
    expect(idf1Gain(4, m)).toBeCloseTo(4 / 290.5, 15);
    expect(idf1Gain(4, { IDTP: 1 })).toBeNull();
    expect(idf1Gain(1, { IDTP: 0, IDFP: 0, IDFN: 0 })).toBeNull();
  });
});

describe('reselect', () => {
  const list = parseSwitchEvents('s', [stored(1, 1, 1, 0), stored(2, 2, 1, 0), stored(3, 3, 1, 0)], 'r');
  it('keeps the same event, else the same position (the next one after a fixed event), else nothing', () => {
    expect(reselect(list, list[2]!.key, 0)).toBe(2);
    expect(reselect(list, 'gone', 1)).toBe(1);
    expect(reselect(list, 'gone', 7)).toBe(2);
    expect(reselect(list, undefined, -3)).toBe(0);
    expect(reselect([], 'x', 0)).toBe(-1);
  });
});
