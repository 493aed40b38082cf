import { describe, expect, it } from 'vitest';
import { parseMotText } from '../../../../src-shared/formats/parseMotText';
import { writeMotText } from '../../../../src-shared/formats/writeMotText';

const gt = (text: string, extra: Partial<Parameters<typeof parseMotText>[1]> = {}) => parseMotText(text, { kind: 'gt', fileName: 'gt.txt', ...extra });

describe('parseMotText', () => {
  it('reads MOT17 GT rows (9 columns: class, visibility) into columns', () => {
    // Rows as in MOT17-02 gt.txt: frame,id,left,top,w,h,conf,class,visibility
    const r = gt('1,1,912,484,97,109,0,7,1\n2,1,912,484,97,109,1,1,0.5\n');
    expect(r.errorCount).toBe(0);
    expect(r.gtLayout).toBe('class-visibility');
    expect(r.table.count).toBe(2);
    expect(Array.from(r.table.frame)).toEqual([1, 2]);
    expect(Array.from(r.table.conf)).toEqual([0, 1]);
    expect(Array.from(r.table.c8)).toEqual([7, 1]);
    expect(Array.from(r.table.c9)).toEqual([1, 0.5]);
    expect(Number.isNaN(r.table.c10[0]!)).toBe(true);
  });

  it('reads MOT15 GT (10 columns of world coordinates) and detections with 7 or 10 columns', () => {
    const m15 = gt('1,9,499,158,31.03,75.17,1,-4.1554,-7.3591,0\n');
    expect(m15.gtLayout).toBe('world');
    expect(m15.table.c8[0]).toBe(-4.1554);
    const det7 = parseMotText('1,-1,123,708,43.9,100.8,1\n', { kind: 'det', fileName: 'det.txt' });
    expect(det7.errorCount).toBe(0);
    expect(det7.table.columns).toBe(7);
    const det10 = parseMotText('1,-1,1359.1,413.27,120.26,362.77,2.3092,-1,-1,-1\n1,-1,1,1,1,1,0.3,-1,-1,-1', { kind: 'det', fileName: 'det.txt' });
    expect(det10.table.count).toBe(2);
  });

  it('accepts ", " separators, a BOM, CRLF line ends, blank lines and one trailing comma, like TrackEval', () => {
    const r = parseMotText('\uFEFF1, 3, 10.5, 20, 30, 40, 0.9, -1, -1, -1,\r\n\r\n2,3,11,20,30,40,0.8,-1,-1,-1\r\n', { kind: 'res', fileName: 'res.txt' });
    expect(r.errors).toEqual([]);
    expect(Array.from(r.table.x)).toEqual([10.5, 11]);
    expect(Array.from(r.table.line)).toEqual([1, 3]);
  });

  it('accepts integer-valued floats for frames and ids (TrackEval takes int(float(x)))', () => {
    const r = parseMotText('1.0,2e0,1,1,5,5,1,-1,-1,-1\n', { kind: 'res', fileName: 'r' });
    expect(r.errorCount).toBe(0);
    expect([r.table.frame[0], r.table.id[0]]).toEqual([1, 2]);
  });

  it.each([
    ['0,1,1,1,5,5,1,1,1', 1, 'frame', /a whole frame number >= 1/],
    ['1.5,1,1,1,5,5,1,1,1', 1, 'frame', /whole frame number/],
    ['1,0,1,1,5,5,1,1,1', 2, 'id', /a whole track id >= 1/],
    ['1,1,1,1,-5,5,1,1,1', 5, 'width', /a width > 0/],
    ['1,1,1,1,5,0,1,1,1', 6, 'height', /a height > 0/],
    ['1,1,1,1,5,5,1,14,1', 8, 'class', /class id from 1 to 13/],
    ['1,1,1,1,5,5,1,1,1.5', 9, 'visibility', /visibility from 0 to 1/],
    ['1,1,NaN,1,5,5,1,1,1', 3, 'bb_left', /finite decimal number/],
    ['1,1,1,inf,5,5,1,1,1', 4, 'bb_top', /finite decimal number/],
    ['1,1,1,1e999,5,5,1,1,1', 4, 'bb_top', /finite decimal number/],
    ['1,1,0x10,1,5,5,1,1,1', 3, 'bb_left', /finite decimal number/],
    ['1,1,,1,5,5,1,1,1', 3, 'bb_left', /empty field/],
  ])('reports %j at column %i (%s)', (line, column, field, expected) => {
    const r = gt(`1,7,1,1,5,5,1,1,1\n${line}\n`);
    expect(r.table.count).toBe(1);
    expect(r.errorCount).toBe(1);
    const e = r.errors[0]!;
    expect(e).toMatchObject({ file: 'gt.txt', line: 2, column, field });
    expect(e.expected).toMatch(expected);
    expect(e.message).toMatch(new RegExp(`^gt\\.txt:2: column ${column} \\(${field}\\): found `));
  });

  it('reports wrong column counts, mixed column counts and duplicate (frame, id) with the first line', () => {
    const r = gt('1,1,1,1,5,5,1,1,1\n1,2,1,1,5,5,1,1\n1,3,1,1,5,5,1,1,1,1\n2,1,1,1,5,5,1,1,1\n2,1,3,3,5,5,1,1,1\n');
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 0],
      [3, 0],
      [5, 2],
    ]);
    expect(r.errors[0]!.expected).toMatch(/9 to 10 comma-separated columns.*found 8/);
    expect(r.errors[1]!.expected).toMatch(/9 columns like the first data line \(line 1\), found 10/);
    expect(r.errors[2]!.expected).toMatch(/id 1 already appears in frame 2 at line 4/);
    expect(r.table.count).toBe(2);
  });

  it('finds duplicates in any row order (sorted by frame, by id, or neither)', () => {
    // Sorted by (id, frame), as MOT17's gt.txt is: no duplicate possible, none reported.
    expect(gt('1,1,1,1,5,5,1,1,1\n2,1,1,1,5,5,1,1,1\n1,2,1,1,5,5,1,1,1\n2,2,1,1,5,5,1,1,1\n').errorCount).toBe(0);
    // Unordered: the repeat of line 1 is found after both orders break.
    const r = gt('1,1,1,1,5,5,1,1,1\n1,2,1,1,5,5,1,1,1\n2,1,1,1,5,5,1,1,1\n1,1,2,2,5,5,1,1,1\n3,3,1,1,5,5,1,1,1\n2,1,1,1,5,5,1,1,1\n');
    expect(r.errors.map((e) => [e.line, e.expected])).toEqual([
      [4, 'one row per (frame, id): id 1 already appears in frame 1 at line 1'],
      [6, 'one row per (frame, id): id 1 already appears in frame 2 at line 3'],
    ]);
    expect(r.table.count).toBe(4);
  });

  it('refuses frames beyond seqLength when it is known', () => {
    const r = gt('600,1,1,1,5,5,1,1,1\n601,1,1,1,5,5,1,1,1\n', { seqLength: 600 });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.expected).toBe('a whole frame number from 1 to 600 (seqLength)');
  });

  it('allows repeated ids in detections (-1 or an index) but not in results', () => {
    const rows = '1,-1,1,1,5,5,0.5,-1,-1,-1\n1,-1,2,2,5,5,0.5,-1,-1,-1\n';
    expect(parseMotText(rows, { kind: 'det', fileName: 'd' }).errorCount).toBe(0);
    expect(parseMotText(rows, { kind: 'res', fileName: 'r' }).errorCount).toBe(2); // id -1 is not a track id
  });

  it('caps described errors but counts them all', () => {
    const r = gt('x\n'.repeat(500), { maxErrors: 10 });
    expect(r.errors).toHaveLength(10);
    expect(r.errorCount).toBe(500);
  });

  it('writes canonical text that reads back to the same bytes and values', () => {
    const text = '1,1,912,484,97,109,0,7,1\n1,2,0.5,-3.25,10.125,20,1,1,0.33333\n7,3,1e-7,1,2,3,1,1,1\n';
    const r = gt(text);
    expect(writeMotText(r.table)).toBe(text.replace('1e-7', '1e-7'));
    const again = gt(writeMotText(r.table));
    expect(Array.from(again.table.x)).toEqual(Array.from(r.table.x));
  });
});
