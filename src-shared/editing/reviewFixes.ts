// One-key fixes of the review queue (PRODUCT.md §1 step 5, §4 item 2) for a switch event whose cause is
// the annotation, not the tracker. Each is an existing editor command (or a relabel like them), so it is
// one undoable revision:
//   swap      the annotator swapped two subjects at frame t: swap GT g and the other subject from t on;
//   split     the annotator continued g onto a different subject at t: g's boxes from t become a new track;
//   reassign  g from t is really the other subject (which has no boxes from t): give g's tail to it;
//   merge     the other track is the same subject as g (a duplicate or a broken track): merge it into g.
// "The other subject" is the event's Type 3 partner, else the nearest other GT object at the switch.
import { assertNever } from '../util/assertNever';
import { mergeTracks, splitAt, swapFrom } from './commands';
import { done, refuse, type AnnotationView, type CommandResult } from './view';

/** The fixes, by the key the review view gives them. */
export const FIXES = ['swap', 'split', 'reassign', 'merge'] as const;
/** A fix. */
export type FixKind = (typeof FIXES)[number];

/** What a fix reads of a switch event. */
export interface FixTarget {
  readonly frame: number;
  readonly gtId: number;
  readonly partnerGtId: number | null;
  readonly nearbyGtIds: readonly number[];
}

/** The second GT object a fix involves: the Type 3 partner, else the nearest GT object at the switch. */
export function otherSubject(e: FixTarget): number | undefined {
  return e.partnerGtId ?? e.nearbyGtIds.find((id) => id !== e.gtId);
}

/** Gives track a's boxes from frame t on to track b, which must have none there (else: swap). */
export function reassignFrom(v: AnnotationView, a: number, b: number, t: number): CommandResult {
  if (a === b) return refuse('choose two different tracks');
  if (!v.track(a)) return refuse(`no track ${a}`);
  if (!v.track(b)) return refuse(`no track ${b}`);
  if (!v.trackBoxes(a).some((x) => x.frame >= t)) return refuse(`track ${a} has no boxes from frame ${t}`);
  const clash = v.trackBoxes(b).find((x) => x.frame >= t);
  if (clash) return refuse(`track ${b} has boxes from frame ${clash.frame} on: swap the two tracks instead (X)`);
  return done(`give track ${a} from frame ${t} to track ${b}`, [{ op: 'relabel', fromFrame: t, toFrame: v.frameCount, mapping: [[a, b]] }]);
}

/** The edit that fixes event `e` the way `kind` says, or why it cannot. */
export function fixFor(v: AnnotationView, e: FixTarget, kind: FixKind): CommandResult {
  const g = e.gtId;
  if (!v.track(g)) return refuse(`GT track ${g} no longer exists`);
  if (kind === 'split') return splitAt(v, g, e.frame);
  const other = otherSubject(e);
  if (other === undefined) return refuse(`no other subject near GT ${g} at frame ${e.frame}: open the event in the editor (Enter)`);
  switch (kind) {
    case 'swap':
      return swapFrom(v, g, other, e.frame);
    case 'reassign':
      return reassignFrom(v, g, other, e.frame);
    case 'merge':
      return mergeTracks(v, other, g);
    default:
      return assertNever(kind);
  }
}
