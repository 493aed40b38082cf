// The queue: one row per switch event, only the rows in view mounted (an evaluation of a benchmark has
// thousands of switches). The selected row is kept in view as J/K move it.
import { useEffect, useRef, useState } from 'react';
import type { QueueEvent } from '../../src-shared/analysis/reviewQueue';
import { SWITCH_TYPE_COLORS } from '../charts/ChartView';
import { signed } from './format';

const ROW = 30;

/** The rows of `events`; `gain(e)` is the IDF1 gain (fraction) shown as impact. */
export function QueueList({
  events,
  selected,
  onSelect,
  onOpen,
  gain,
  showSequence,
}: {
  events: readonly QueueEvent[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (index: number) => void;
  gain: (e: QueueEvent) => number | null;
  showSequence: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  useEffect(() => {
    const el = box.current!;
    const update = (): void => setView({ top: el.scrollTop, height: el.clientHeight });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    el.addEventListener('scroll', update, { passive: true });
    update();
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el || selected < 0) return;
    const y = selected * ROW;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + ROW > el.scrollTop + el.clientHeight) el.scrollTop = y + ROW - el.clientHeight;
  }, [selected]);

  const first = Math.max(0, Math.floor(view.top / ROW) - 5);
  const last = Math.min(events.length, Math.ceil((view.top + view.height) / ROW) + 5);
  return (
    <div className="review-queue" ref={box} role="listbox" aria-label="Switch queue" tabIndex={-1} data-testid="switch-queue" data-count={events.length}>
      <div style={{ height: events.length * ROW, position: 'relative' }}>
        {events.slice(first, last).map((e, k) => {
          const i = first + k;
          const g = gain(e);
          return (
            <div
              key={e.key}
              role="option"
              aria-selected={i === selected}
              data-type={e.type}
              className={`review-row${i === selected ? ' selected' : ''}`}
              style={{ top: i * ROW, height: ROW }}
              onClick={() => onSelect(i)}
              onDoubleClick={() => onOpen(i)}
              title={`${e.sequence} frame ${e.frame}: GT ${e.gtId} went from id ${e.prevTrackerId} to ${e.newTrackerId}`}
            >
              <span className="type-chip" style={{ background: SWITCH_TYPE_COLORS[e.type] }}>
                T{e.type}
              </span>
              {showSequence && <span className="seq">{e.sequence}</span>}
              <span className="frame">f{e.frame}</span>
              <span className="ids">
                GT {e.gtId}: {e.prevTrackerId} → {e.newTrackerId}
                {e.partnerGtId !== null && <span className="muted"> · with GT {e.partnerGtId}</span>}
                {e.mutual && <span className="muted"> · mutual</span>}
              </span>
              <span className="impact" title="IDTP gained and the sequence's IDF1 gain if this switch were undone">
                {signed(e.idtpCost)}
                {g !== null && <span className="muted"> · {signed(g * 100, 2)} pt</span>}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
