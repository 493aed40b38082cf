// The review view's keys, always on screen (they act only in this view, so the editor's sheet does not list them).
import { REVIEW_KEYS } from './reviewKeys';

const show = (k: string): string => ({ ArrowDown: '↓', ArrowUp: '↑' })[k] ?? k.replace(/\b([a-z])$/, (m) => m.toUpperCase());

/** A compact legend of REVIEW_KEYS. */
export function KeyLegend() {
  return (
    <dl className="key-legend" aria-label="Review keys">
      {REVIEW_KEYS.map((k) => (
        <div key={k.action}>
          <dt>
            {k.keys.map((c) => (
              <kbd key={c}>{show(c)}</kbd>
            ))}
          </dt>
          <dd>{k.label}</dd>
        </div>
      ))}
    </dl>
  );
}
