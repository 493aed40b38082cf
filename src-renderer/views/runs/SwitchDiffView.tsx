// The switch diff between two evaluations (src-shared/analysis/switchDiff.ts): which ID switches of run
// A the run B fixed, kept or introduced, matched by sequence, GT id and frame within a tolerance given
// in seconds (converted with each sequence's frame rate); every event opens the editor.
import { useMemo, useState } from 'react';
import { diffRunSwitches, storedSwitches, toleranceFrames, type StoredSwitch } from '../../../src-shared/analysis/switchDiff';
import type { ApiResponse } from '../../../src-shared/ipc/contract';
import type { SequenceSummary } from '../../../src-shared/ipc/schemas';
import { EventList, type EventRow } from './EventList';

type Details = ApiResponse<'runs.get'>;
type Tab = 'introduced' | 'fixed' | 'kept';

/** Frame rate of sequences this project does not have (an ablation's split names): a common MOT rate. */
const FALLBACK_FPS = 30;

function switchesOf(d: Details): Record<string, StoredSwitch[]> {
  return Object.fromEntries(Object.entries(d.events).map(([s, list]) => [s, storedSwitches(list, s)]));
}

/** The diff view over two of `evals` (oldest first). */
export function SwitchDiffView({ evals, sequences }: { evals: readonly Details[]; sequences: readonly SequenceSummary[] }) {
  const [aId, setA] = useState(evals[0]!.run.id);
  const [bId, setB] = useState(evals[1]!.run.id);
  const [seconds, setSeconds] = useState('0.2');
  const [tab, setTab] = useState<Tab>('introduced');
  const a = evals.find((d) => d.run.id === aId) ?? evals[0]!;
  const b = evals.find((d) => d.run.id === bId) ?? evals[1]!;
  const tol = Number(seconds);
  const tolOk = seconds.trim() !== '' && Number.isFinite(tol) && tol >= 0 && tol <= 10;

  const diff = useMemo(() => {
    if (!tolOk || a === b) return undefined;
    const fps = (s: string) => sequences.find((q) => q.name === s)?.fps ?? FALLBACK_FPS;
    return diffRunSwitches(switchesOf(a), switchesOf(b), (s) => toleranceFrames(tol, fps(s)));
  }, [a, b, tol, tolOk, sequences]);

  const rows = useMemo(() => {
    const out: Record<Tab, EventRow[]> = { introduced: [], fixed: [], kept: [] };
    if (!diff) return out;
    for (const [s, d] of Object.entries(diff.sequences)) {
      d.introduced.forEach((e, k) => out.introduced.push({ key: `${s}/i${k}`, sequence: s, event: e }));
      d.fixed.forEach((e, k) => out.fixed.push({ key: `${s}/f${k}`, sequence: s, event: e, note: `fixed by #${b.run.id}` }));
      d.kept.forEach((p, k) => out.kept.push({ key: `${s}/k${k}`, sequence: s, event: p.b, note: `#${a.run.id}: frame ${p.a.frame}, Type ${p.a.type}${p.frameDelta ? ` (Δ ${p.frameDelta > 0 ? '+' : ''}${p.frameDelta} frames)` : ''}` }));
    }
    return out;
  }, [diff, a, b]);
  const byType = (list: readonly EventRow[]) => [1, 2, 3].map((t) => list.filter((r) => r.event.type === t).length).join(' / ');

  const pick = (label: string, value: number, set: (id: number) => void) => (
    <label>
      {label}
      <select aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))}>
        {evals.map((d) => (
          <option key={d.run.id} value={d.run.id}>
            #{d.run.id} {d.run.title}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section data-testid="switch-diff">
      <h3>Switch diff</h3>
      <div className="diff-controls">
        {pick('Before (A)', a.run.id, setA)}
        {pick('After (B)', b.run.id, setB)}
        <button
          onClick={() => {
            setA(b.run.id);
            setB(a.run.id);
          }}
        >
          Swap
        </button>
        <label title="Two switches of one GT object in A and B are the same failure when their frames differ by at most this much (0 = exact frame)">
          Tolerance (s)
          <input aria-label="Tolerance in seconds" inputMode="decimal" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
        </label>
      </div>
      {!tolOk && <p className="error">The tolerance must be a number of seconds from 0 to 10.</p>}
      {a === b && <p className="muted">Pick two different runs.</p>}
      {diff && (
        <>
          <div className="diff-summary" data-testid="diff-summary">
            <span className="fixed">fixed {rows.fixed.length}</span>
            <span>kept {rows.kept.length}</span>
            <span className="introduced">introduced {rows.introduced.length}</span>
            <span className="muted">(Type 1 / 2 / 3: fixed {byType(rows.fixed)}, introduced {byType(rows.introduced)})</span>
          </div>
          {(diff.onlyInA.length > 0 || diff.onlyInB.length > 0) && (
            <p className="muted">
              Not compared (evaluated by one run only): {[...diff.onlyInA.map((s) => `${s} (A)`), ...diff.onlyInB.map((s) => `${s} (B)`)].join(', ')}
            </p>
          )}
          <div className="diff-tabs" role="tablist" aria-label="Switch diff">
            {(['introduced', 'fixed', 'kept'] as const).map((t) => (
              <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)}>
                {t} ({rows[t].length})
              </button>
            ))}
          </div>
          <EventList rows={rows[tab]} sequences={sequences} label={`Switches ${tab}`} />
        </>
      )}
    </section>
  );
}
