// A list of ID-switch events, each opening the editor on its frame with the GT object (and its Type 3
// partner) selected.
import type { StoredSwitch } from '../../../src-shared/analysis/switchDiff';
import type { SequenceSummary } from '../../../src-shared/ipc/schemas';
import { SWITCH_TYPE_COLORS } from '../../charts/ChartView';
import { useWorkspaceNav } from '../../app/nav';

/** One row: an event of a sequence, with an optional note (e.g. "was frame 41 in run 3"). */
export interface EventRow {
  readonly key: string;
  readonly sequence: string;
  readonly event: StoredSwitch;
  readonly note?: string;
}

/** The chip of a switch type, in its colour. */
export function TypeChip({ type }: { type: 1 | 2 | 3 }) {
  return (
    <span className="type-chip" style={{ background: SWITCH_TYPE_COLORS[type] }}>
      Type {type}
    </span>
  );
}

/** The events as a clickable list (at most `limit` rows shown). */
export function EventList({ rows, sequences, label, limit = 500 }: { rows: readonly EventRow[]; sequences: readonly SequenceSummary[]; label: string; limit?: number }) {
  const nav = useWorkspaceNav();
  if (rows.length === 0) return <p className="muted">None.</p>;
  return (
    <>
      <ul className="event-list" aria-label={label}>
        {rows.slice(0, limit).map((r) => {
          const seq = sequences.find((s) => s.name === r.sequence);
          const e = r.event;
          const tracks = e.partnerGtId !== null ? [e.gtId, e.partnerGtId] : [e.gtId];
          return (
            <li key={r.key} data-testid="switch-event">
              <TypeChip type={e.type} />
              <span>
                {r.sequence} · frame {e.frame} · GT {e.gtId}: id {e.prevTrackerId} → {e.newTrackerId}
                {e.partnerGtId !== null ? ` · partner GT ${e.partnerGtId}` : ''}
                {r.note ? <span className="muted"> · {r.note}</span> : null}
              </span>
              <button
                disabled={!seq}
                title={seq ? `Open ${r.sequence} at frame ${e.frame} in the editor` : `${r.sequence} is not a sequence of this project`}
                onClick={() => seq && nav.go('annotate', { sequence: seq.id, frame: e.frame, tracks })}
              >
                Open
              </button>
            </li>
          );
        })}
      </ul>
      {rows.length > limit && <p className="muted">{rows.length - limit} more not shown.</p>}
    </>
  );
}
