// The review view's keys: every action reachable, no chord bound twice, the editor's keys for the same
// commands (X swap, Alt+X split, M merge), and the picked evaluation kept per project.
import { describe, expect, it } from 'vitest';
import { chooseRun, chosenRun, onChosenRun } from '../../../../src-renderer/review/chosenRun';
import { signed } from '../../../../src-renderer/review/format';
import { REVIEW_KEYS, reviewActionFor } from '../../../../src-renderer/review/reviewKeys';
import { chordOf, defaultKeyMap, normalizeChord } from '../../../../src-renderer/editor/shortcuts';

const key = (k: string, o: Partial<Pick<KeyboardEvent, 'ctrlKey' | 'altKey' | 'shiftKey' | 'code'>> = {}) =>
  chordOf({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, code: '', ...o });

describe('review keys', () => {
  it('maps key events to the queue, fix and filter actions', () => {
    expect(reviewActionFor(key('j'))).toBe('next');
    expect(reviewActionFor(key('ArrowDown'))).toBe('next');
    expect(reviewActionFor(key('K', { shiftKey: true }))).toBeUndefined(); // Shift+K is not K
    expect(reviewActionFor(key('k'))).toBe('prev');
    expect(reviewActionFor(key('x'))).toBe('swap');
    expect(reviewActionFor(key('≈', { altKey: true, code: 'KeyX' }))).toBe('split'); // Alt+X on a Mac layout
    expect(reviewActionFor(key('Enter'))).toBe('open');
    expect(reviewActionFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(reviewActionFor(key('3'))).toBe('type3');
    expect(reviewActionFor(key('q'))).toBeUndefined();
  });

  it('binds no chord twice, and uses the editor’s keys for the commands both have', () => {
    const chords = REVIEW_KEYS.flatMap((k) => k.keys.map(normalizeChord));
    expect(new Set(chords).size).toBe(chords.length);
    const editor = defaultKeyMap();
    expect(editor.swap).toEqual(['x']);
    expect(editor.split).toEqual(['Alt+x']);
    expect(editor.merge).toEqual(['m']);
    expect(editor.undo).toEqual(REVIEW_KEYS.find((k) => k.action === 'undo')!.keys);
  });
});

describe('the picked evaluation', () => {
  it('is kept per project and announced to listeners', () => {
    const mem = new Map<string, string>();
    const storage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => void mem.set(k, v), removeItem: (k: string) => void mem.delete(k) };
    let told = 0;
    const off = onChosenRun(() => told++);
    chooseRun('/a.tw.sqlite', 7, storage);
    expect(chosenRun('/a.tw.sqlite', storage)).toBe(7);
    expect(chosenRun('/b.tw.sqlite', storage)).toBeUndefined();
    chooseRun('/a.tw.sqlite', undefined, storage);
    expect(chosenRun('/a.tw.sqlite', storage)).toBeUndefined();
    off();
    chooseRun('/a.tw.sqlite', 8, storage);
    expect(told).toBe(2);
  });
});

describe('signed', () => {
  it('writes the sign, a real minus, and none for zero', () => {
    expect([signed(3), signed(-2), signed(0), signed(0.0049, 2), signed(-0.108, 2)]).toEqual(['+3', '−2', '0', '0.00', '−0.11']);
  });
});
