// The queue's filters: one type or all (with counts), one sequence or all, and the order.
import type { SwitchType } from '../../src-shared/analysis/idSwitches';
import type { QueueQuery } from '../../src-shared/analysis/reviewQueue';
import { SWITCH_TYPE_COLORS } from '../charts/ChartView';

/** Type buttons, sequence and sort selects. */
export function ReviewFilters({ query, counts, sequences, onChange }: { query: QueueQuery; counts: Readonly<Record<SwitchType, number>>; sequences: readonly string[]; onChange: (q: QueueQuery) => void }) {
  const all = counts[1] + counts[2] + counts[3];
  const types: readonly (SwitchType | 'all')[] = ['all', 1, 2, 3];
  return (
    <div className="review-filters">
      <div className="type-filter" role="radiogroup" aria-label="Switch type">
        {types.map((t) => (
          <button
            key={t}
            role="radio"
            aria-checked={query.type === t}
            className={query.type === t ? 'active' : ''}
            data-testid={`type-filter-${t}`}
            data-count={t === 'all' ? all : counts[t]}
            title={t === 'all' ? 'All types (0)' : `Type ${t} only (${t})`}
            onClick={() => onChange({ ...query, type: t })}
          >
            {t !== 'all' && <span className="dot" style={{ background: SWITCH_TYPE_COLORS[t] }} />}
            {t === 'all' ? 'All' : `Type ${t}`} <span className="muted">{t === 'all' ? all : counts[t]}</span>
          </button>
        ))}
      </div>
      <div className="row-inline">
        {sequences.length > 1 && (
          <select aria-label="Sequence" value={query.sequence ?? ''} onChange={(e) => {
              onChange({ ...query, sequence: e.target.value || null });
              e.currentTarget.blur(); // the queue keys (J/K, arrows) go to the queue again
            }}>
            <option value="">All sequences</option>
            {sequences.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
        <select aria-label="Sort" value={query.sort} onChange={(e) => {
            onChange({ ...query, sort: e.target.value as QueueQuery['sort'] });
            e.currentTarget.blur();
          }}>
          <option value="impact">Largest IDF1 impact first</option>
          <option value="frame">By sequence and frame</option>
        </select>
      </div>
    </div>
  );
}
