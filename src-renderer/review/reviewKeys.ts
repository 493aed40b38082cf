// The review view's keys. The queue moves with J/K (and ↓/↑, DIVE's list keys); the fixes use the
// editor's keys for the same commands (X swap from t, Alt+X split, M merge; PRODUCT.md §5), R reassigns
// the tail (the "reassign from t" that CVAT and X-AnyLabeling users ask for); Enter opens the event in
// the editor; Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo. They act only while the review view is open.
import { normalizeChord } from '../editor/shortcuts';

/** What a key does in the review view. */
export type ReviewAction =
  | 'next'
  | 'prev'
  | 'open'
  | 'swap'
  | 'split'
  | 'reassign'
  | 'merge'
  | 'undo'
  | 'redo'
  | 'allTypes'
  | 'type1'
  | 'type2'
  | 'type3'
  | 'toggleSort';

/** Each action with its keys and what the legend says. */
export const REVIEW_KEYS: readonly { readonly action: ReviewAction; readonly keys: readonly string[]; readonly label: string }[] = [
  { action: 'next', keys: ['j', 'ArrowDown'], label: 'next switch' },
  { action: 'prev', keys: ['k', 'ArrowUp'], label: 'previous switch' },
  { action: 'open', keys: ['Enter'], label: 'open in the editor' },
  { action: 'swap', keys: ['x'], label: 'swap the two GT ids from this frame' },
  { action: 'split', keys: ['Alt+x'], label: 'split the GT track at this frame' },
  { action: 'reassign', keys: ['r'], label: 'give the GT track from this frame to the other subject' },
  { action: 'merge', keys: ['m'], label: 'merge the other subject’s track into this one' },
  { action: 'undo', keys: ['Ctrl+z'], label: 'undo' },
  { action: 'redo', keys: ['Ctrl+Shift+z', 'Ctrl+y'], label: 'redo' },
  { action: 'allTypes', keys: ['0'], label: 'all types' },
  { action: 'type1', keys: ['1'], label: 'Type 1 only' },
  { action: 'type2', keys: ['2'], label: 'Type 2 only' },
  { action: 'type3', keys: ['3'], label: 'Type 3 only' },
  { action: 'toggleSort', keys: ['s'], label: 'sort by impact / by frame' },
];

const BY_CHORD = new Map(REVIEW_KEYS.flatMap((k) => k.keys.map((c) => [normalizeChord(c), k.action] as const)));

/** The action of a normalised chord (editor/shortcuts.ts chordOf), if any. */
export function reviewActionFor(chord: string): ReviewAction | undefined {
  return BY_CHORD.get(chord);
}
