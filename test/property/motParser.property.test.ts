// The MOT parser against generated input: junk bytes, NaN, Infinity, huge numbers, negative sizes, wrong
// column counts, BOM, CRLF, empty lines. Never an uncaught exception; every non-blank line is either a
// good row or exactly one error; good rows satisfy the format's invariants; valid tables round-trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MotKind } from '../../src-shared/formats/motTable';
import { parseMotText } from '../../src-shared/formats/parseMotText';
import { writeMotText } from '../../src-shared/formats/writeMotText';

const token = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 2000 }).map(String) },
  { weight: 4, arbitrary: fc.double({ min: -1e4, max: 1e4, noNaN: true }).map(String) },
  fc.constantFrom('NaN', 'nan', 'Infinity', '-Infinity', 'inf', '1e999', '-1e999', '0x1F', '1e5', '', ' ', '  7 ', '+3', '-0', '1.', '.5', '1..2', '--1', 'e', 'abc', '1,5'),
  fc.constantFrom('9'.repeat(40), '9'.repeat(400), '1e308', '4294967297', '2147483648', '-2147483649'),
  fc.string({ maxLength: 6 }),
);
const line = fc.tuple(fc.array(token, { minLength: 0, maxLength: 12 }), fc.constantFrom(',', ', ', ' ,', ',\t')).map(([fields, sep]) => fields.join(sep));
const text = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.boolean(), fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([bom, lines, eol, trailing]) => (bom ? '\uFEFF' : '') + lines.join(eol) + (trailing ? eol : '')) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 400 }).map((b) => String.fromCharCode(...b)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300, unit: 'binary' }) },
);
const kind = fc.constantFrom<MotKind>('gt', 'det', 'res');

function nonBlankLines(t: string): number {
  // Blank = spaces and tabs only, as TrackEval's csv reader sees it (\v, \f are data, and errors).
  return t.replace(/^\uFEFF/, '').split('\n').filter((l) => !/^[ \t]*$/.test(l.replace(/\r$/, ''))).length;
}

describe('MOT parser on generated input', () => {
  it('never throws, accounts for every line, and keeps only valid rows (12,000 inputs)', () => {
    fc.assert(
      fc.property(text, kind, fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }), (t, k, seqLength) => {
        const r = parseMotText(t, { kind: k, fileName: 'f.txt', ...(seqLength ? { seqLength } : {}), maxErrors: 1000 });
        expect(r.table.count + r.errorCount).toBe(nonBlankLines(t));
        for (const e of r.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.message.startsWith(`f.txt:${e.line}:`)).toBe(true);
        }
        const seen = new Set<string>();
        for (let i = 0; i < r.table.count; i++) {
          const f = r.table.frame[i]!;
          expect(Number.isInteger(f) && f >= 1 && f <= (seqLength ?? 2 ** 31)).toBe(true);
          expect(r.table.w[i]! > 0 && r.table.h[i]! > 0).toBe(true);
          for (const col of [r.table.x, r.table.y, r.table.w, r.table.h, r.table.conf]) expect(Number.isFinite(col[i]!)).toBe(true);
          if (k !== 'det') {
            expect(r.table.id[i]!).toBeGreaterThanOrEqual(1);
            const key = `${f}/${r.table.id[i]}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
        }
      }),
      { numRuns: 12_000 },
    );
  });

  it('round-trips valid tables: parse(write(rows)) gives the same values (2,000 tables)', () => {
    const row = fc.record({
      frame: fc.integer({ min: 1, max: 5000 }),
      x: fc.double({ min: -2000, max: 4000, noNaN: true }),
      y: fc.double({ min: -2000, max: 4000, noNaN: true }),
      w: fc.double({ min: 0.001, max: 4000, noNaN: true }),
      h: fc.double({ min: 0.001, max: 4000, noNaN: true }),
      conf: fc.constantFrom(0, 1),
      cls: fc.integer({ min: 1, max: 13 }),
      vis: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(row, fc.integer({ min: 1, max: 500 })), { selector: ([r, id]) => `${r.frame}/${id}`, maxLength: 40 }), (rows) => {
        const text = rows.map(([r, id]) => [r.frame, id, r.x, r.y, r.w, r.h, r.conf, r.cls, r.vis].map(String).join(',')).join('\n') + (rows.length ? '\n' : '');
        const first = parseMotText(text, { kind: 'gt', fileName: 'a' });
        expect(first.errorCount).toBe(0);
        expect(writeMotText(first.table)).toBe(text); // String(x) is the canonical number form
        const again = parseMotText(writeMotText(first.table), { kind: 'gt', fileName: 'b' });
        for (const col of ['frame', 'id', 'x', 'y', 'w', 'h', 'conf', 'c8', 'c9'] as const) expect(Array.from(again.table[col])).toEqual(Array.from(first.table[col]));
      }),
      { numRuns: 2000 },
    );
  });
});
