// A checkbox list of sequences (training, validation, test sets of the training form).
import type { SequenceSummary } from '../../../src-shared/ipc/schemas';

/** Picks sequences by name; `disabled` ones are shown with the reason. */
export function SequencePicker({ label, sequences, value, onChange, disabledReason, locked = false }: { label: string; sequences: readonly SequenceSummary[]; value: readonly string[]; onChange: (names: string[]) => void; disabledReason?: (s: SequenceSummary) => string | undefined; locked?: boolean }) {
  return (
    <fieldset className="seq-picker" aria-label={label}>
      <legend>{label}</legend>
      {sequences.length === 0 && <span className="muted">No sequences.</span>}
      {sequences.map((s) => {
        const why = disabledReason?.(s);
        return (
          <label key={s.id} className="check" title={why}>
            <input
              type="checkbox"
              aria-label={`${label}: ${s.name}`}
              disabled={locked || why !== undefined}
              checked={value.includes(s.name)}
              onChange={(e) => onChange(e.target.checked ? [...value, s.name] : value.filter((n) => n !== s.name))}
            />
            <span>
              {s.name}
              <span className="muted">
                {' '}
                · {s.frameCount} frames · {s.trackCount} tracks{why ? ` · ${why}` : ''}
              </span>
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
