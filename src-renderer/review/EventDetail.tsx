// The selected switch: what happened, the frames before and at the switch side by side with crops of the
// objects involved, and the one-key fixes for when the annotation is what is wrong.
import type { QueueEvent } from '../../src-shared/analysis/reviewQueue';
import { otherSubject, type FixKind } from '../../src-shared/editing/reviewFixes';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { SWITCH_TYPE_COLORS } from '../charts/ChartView';
import { signed } from './format';
import { PREDICTED_COLORS, SwitchFrame } from './SwitchFrame';

const TYPE_TEXT = {
  1: 'Type 1 — switch after an occlusion (the object was lost, then re-acquired under another id)',
  2: 'Type 2 — temporal inconsistency (the id jumped while the object was tracked)',
  3: 'Type 3 — swap between two subjects (the new id came from a nearby object)',
} as const;

const FIX_BUTTONS: readonly { kind: FixKind; key: string; label: (g: number, o: number | undefined, t: number) => string }[] = [
  { kind: 'swap', key: 'X', label: (g, o, t) => `Swap GT ${g} ↔ ${o ?? '?'} from frame ${t}` },
  { kind: 'split', key: 'Alt+X', label: (g, _o, t) => `Split GT ${g} at frame ${t}` },
  { kind: 'reassign', key: 'R', label: (g, o, t) => `GT ${g} from frame ${t} is GT ${o ?? '?'}` },
  { kind: 'merge', key: 'M', label: (g, o) => `Merge GT ${o ?? '?'} into ${g}` },
];

/** Details of `event`; `onFix` applies a fix, `onOpen` opens the editor there. */
export function EventDetail({
  project,
  seq,
  event,
  setId,
  gain,
  version,
  busy,
  onFix,
  onOpen,
}: {
  project: string;
  seq: SequenceSummary | undefined;
  event: QueueEvent;
  setId: number | undefined;
  gain: number | null;
  version: number;
  /** True while the sequence is re-evaluated (the event may be gone in a moment). */
  busy: boolean;
  onFix: (kind: FixKind) => void;
  onOpen: () => void;
}) {
  const other = otherSubject(event);
  const before = event.lastMatchedFrame;
  return (
    <section className="review-detail" aria-label="Selected switch" data-testid="switch-detail">
      <header>
        <h2>
          <span className="type-chip" style={{ background: SWITCH_TYPE_COLORS[event.type] }}>
            T{event.type}
          </span>{' '}
          {event.sequence} · frame {event.frame} · GT {event.gtId}: id {event.prevTrackerId} → {event.newTrackerId}
        </h2>
        <p className="muted">
          {TYPE_TEXT[event.type]}. Last matched at frame {before} (gap {event.gap}); the new id is {event.kind}
          {event.partnerGtId !== null ? `, held by GT ${event.partnerGtId} just before` : ''}
          {event.mutual ? ' (a mutual swap)' : ''}. Undoing it would change IDTP by {signed(event.idtpCost)}
          {gain !== null ? ` (IDF1 ${signed(gain * 100, 2)} pt on this sequence)` : ''}.
        </p>
      </header>
      {seq ? (
        <div className="switch-frames">
          <SwitchFrame project={project} seq={seq} frame={before} event={event} setId={setId} caption={`Before · frame ${before} · id ${event.prevTrackerId}`} version={version} />
          <SwitchFrame project={project} seq={seq} frame={event.frame} event={event} setId={setId} caption={`At the switch · frame ${event.frame} · id ${event.newTrackerId}`} version={version} />
        </div>
      ) : (
        <p className="error">The project has no sequence {event.sequence} any more.</p>
      )}
      <p className="legend muted">
        Solid: GT boxes (track colours) · dashed: predicted id <span style={{ color: PREDICTED_COLORS.old }}>{event.prevTrackerId}</span> and{' '}
        <span style={{ color: PREDICTED_COLORS.new }}>{event.newTrackerId}</span>
      </p>
      <div className="review-fixes" role="group" aria-label="Fix the annotation">
        <span className="muted">If the annotation is wrong:</span>
        {FIX_BUTTONS.map((b) => (
          <button key={b.kind} onClick={() => onFix(b.kind)} disabled={busy || (b.kind !== 'split' && other === undefined)} title={`${b.label(event.gtId, other, event.frame)} (${b.key})`}>
            <kbd>{b.key}</kbd>
            {b.label(event.gtId, other, event.frame)}
          </button>
        ))}
        <span className="spacer" />
        <button onClick={onOpen} title="Open the editor at this frame with both tracks selected (Enter)">
          <kbd>Enter</kbd>Open in editor
        </button>
      </div>
    </section>
  );
}
