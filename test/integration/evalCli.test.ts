// `trackwright eval` as a user runs it (the built CLI): TrackEval's tables on stdout, --json equal to
// TrackEval's reference values for mot15_tud, --csv and --events, and one-line errors.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';
import { SHARED_DATA } from '../helpers/sharedData';

const DATA = SHARED_DATA;
const GT = join(DATA, 'mot15_tud', 'MOT15-train');
const TRACKER = join(DATA, 'mot15_tud', 'trackers', 'pymotmetrics_test');
const INTEGER_FIELDS = new Set(['CLR_TP', 'CLR_FN', 'CLR_FP', 'IDSW', 'MT', 'PT', 'ML', 'Frag', 'CLR_Frames', 'IDTP', 'IDFN', 'IDFP', 'Dets', 'GT_Dets', 'IDs', 'GT_IDs', 'Frames']);

describe('trackwright eval', () => {
  it('writes TrackEval’s values for mot15_tud with --json (benchmark and seqmap inferred) and prints its tables', () => {
    const out = join(tempDir(), 'tud.json');
    const r = runCli(['eval', '--gt', GT, '--trackers', TRACKER, '--json', out]);
    expect(r.stderr).toMatch(/^pymotmetrics_test: 2 sequence\(s\), MOT15, preprocessing on/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^HOTA: pymotmetrics_test-pedestrian +HOTA +DetA/m);
    expect(r.stdout).toMatch(/^COMBINED +39\.996 +39\.768/m); // HOTA 0.39996… ×100, 5 significant digits
    const ours = JSON.parse(readFileSync(out, 'utf8')) as Record<string, Record<string, number>>;
    const ref = (JSON.parse(readFileSync(join(DATA, 'reference', 'trackeval.json'), 'utf8')) as Record<string, { sequences: Record<string, Record<string, number>> }>)['mot15_tud/pymotmetrics_test']!.sequences;
    expect(Object.keys(ours)).toEqual(Object.keys(ref));
    for (const [seq, fields] of Object.entries(ref)) {
      expect(Object.keys(ours[seq]!).sort()).toEqual(Object.keys(fields).sort());
      for (const [f, want] of Object.entries(fields)) {
        if (INTEGER_FIELDS.has(f)) expect(ours[seq]![f], `${seq} ${f}`).toBe(want);
        else expect(Math.abs(ours[seq]![f]! - want), `${seq} ${f}`).toBeLessThanOrEqual(1e-9);
      }
    }
  });

  it('matches the no-preprocessing reference with --no-preproc, and writes --csv', () => {
    const dir = tempDir();
    const r = runCli(['eval', '--gt', GT, '--trackers', TRACKER, '--no-preproc', '--json', join(dir, 'a.json'), '--csv', join(dir, 'a.csv')]);
    expect(r.code).toBe(0);
    const ours = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as Record<string, Record<string, number>>;
    const ref = (JSON.parse(readFileSync(join(DATA, 'reference', 'trackeval_nopreproc.json'), 'utf8')) as Record<string, { sequences: Record<string, Record<string, number>> }>)['mot15_tud/pymotmetrics_test']!.sequences;
    expect(ours['COMBINED_SEQ']!['HOTA']).toBeCloseTo(ref['COMBINED_SEQ']!['HOTA']!, 12);
    const csv = readFileSync(join(dir, 'a.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^seq,HOTA,DetA,/);
    expect(csv.map((l) => l.split(',')[0])).toEqual(['seq', 'TUD-Campus', 'TUD-Stadtmitte', 'COMBINED_SEQ']);
  });

  it('lists ID switches by type with --events, adding up to IDSW', () => {
    const r = runCli(['eval', '--gt', GT, '--trackers', TRACKER, '--events']);
    expect(r.code).toBe(0);
    const totals = [...r.stdout.matchAll(/IDSW (\d+) = Type 1: (\d+) \+ Type 2: (\d+) \+ Type 3: (\d+)/g)];
    expect(totals).toHaveLength(2);
    for (const [, all, a, b, c] of totals) expect(Number(a) + Number(b) + Number(c)).toBe(Number(all));
    expect(r.stdout).toMatch(/^TUD-Campus +\d+ +\d+ +\d+ -> \d+ /m);
  });

  it('fails with one line: usage errors exit 2, missing folders and bad lines exit 1 naming file and line', () => {
    for (const args of [['eval', '--gt', GT], ['eval', '--gt', GT, '--trackers', TRACKER, '--benchmark', 'MOT99']]) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const missing = runCli(['eval', '--gt', GT, '--trackers', join(GT, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^trackwright: error: tracker folder not found: .*nope$/);

    // A copy of the tracker folder with one bad line.
    const dir = tempDir();
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    cpSync(TRACKER, bad, { recursive: true });
    const file = join(bad, 'TUD-Campus.txt');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[4] = '5,3,not-a-number,1,2,3,1,-1,-1,-1';
    writeFileSync(file, lines.join('\n'));
    const r = runCli(['eval', '--gt', GT, '--trackers', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/TUD-Campus\.txt:5: column 3 \(bb_left\)/);
  });
});
