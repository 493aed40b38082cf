// The ID-switch review queue (issue 9 point 1; PRODUCT.md §1 step 5, §4 items 1, 2 and 6): an
// evaluation's switch events by type, filtered and ranked by IDF1 impact; the selected one shown before
// and at the switch with crops; one key fixes the annotation (an undoable edit), after which only that
// sequence is evaluated again and the counts and the queue update.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { idf1Gain, queryQueue, reselect, typeCounts, type QueueEvent, type QueueQuery } from '../../src-shared/analysis/reviewQueue';
import { otherSubject, type FixKind } from '../../src-shared/editing/reviewFixes';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { useApi } from '../app/api';
import { useWorkspaceNav } from '../app/nav';
import { chordOf } from '../editor/shortcuts';
import { EvaluateForm } from '../review/EvaluateForm';
import { EventDetail } from '../review/EventDetail';
import { KeyLegend } from '../review/KeyLegend';
import { QueueList } from '../review/QueueList';
import { ReviewFilters } from '../review/ReviewFilters';
import { reviewActionFor, type ReviewAction } from '../review/reviewKeys';
import { TypeChart } from '../review/TypeChart';
import { useFixes } from '../review/useFixes';
import { useReview } from '../review/useReview';
import './review.css';

const FIX_OF: Partial<Record<ReviewAction, FixKind>> = { swap: 'swap', split: 'split', reassign: 'reassign', merge: 'merge' };
const pct = (v: unknown): string => (typeof v === 'number' ? (v * 100).toFixed(1) : '–');

/** The Review view of a project. */
export function ReviewView({ sequences, onChanged }: { sequences: readonly SequenceSummary[]; onChanged?: () => void }) {
  const api = useApi();
  const nav = useWorkspaceNav();
  const project = nav.project;
  const r = useReview(api, project);
  const [query, setQuery] = useState<QueueQuery>({ type: 'all', sequence: null, sort: 'impact' });
  const [sel, setSel] = useState<{ key: string | undefined; index: number }>({ key: undefined, index: 0 });
  const [evaluating, setEvaluating] = useState(false);
  const [lastEdited, setLastEdited] = useState<string>();
  const onEdited = useCallback(
    (sequence: string) => {
      setLastEdited(sequence);
      onChanged?.();
      void r.refresh(sequence);
    },
    [onChanged, r.refresh],
  );
  // The project's sequences as they are now: result sets appear from jobs the workspace did not see.
  const [fresh, setFresh] = useState<readonly SequenceSummary[]>();
  useEffect(() => {
    let live = true;
    void api.invoke('sequences.list', { project }).then((x) => live && x.ok && setFresh(x.value));
    return () => {
      live = false;
    };
  }, [api, project, r.review, sequences]);
  const seqs = fresh ?? sequences;
  const fixes = useFixes(api, project, seqs, onEdited);

  const reviews = useMemo(() => r.review?.sequences ?? [], [r.review]);
  const list = useMemo(() => queryQueue(reviews, query), [reviews, query]);
  const counts = useMemo(() => typeCounts(reviews, query.sequence), [reviews, query.sequence]);
  const index = reselect(list, sel.key, sel.index);
  const current: QueueEvent | undefined = list[index];
  useEffect(() => setSel((s) => (s.key === current?.key ? s : { key: current?.key, index })), [current?.key, index]);
  const metricsOf = useCallback((seq: string) => reviews.find((x) => x.sequence === seq)?.metrics ?? {}, [reviews]);
  const gain = useCallback((e: QueueEvent) => idf1Gain(e.idtpCost, metricsOf(e.sequence)), [metricsOf]);
  const select = (i: number): void => setSel({ key: list[i]?.key, index: i });
  const seqOf = (name: string): SequenceSummary | undefined => seqs.find((s) => s.name === name);
  const resultSet = (r.review?.run.config as { resultSet?: string } | undefined)?.resultSet;
  const open = (e: QueueEvent | undefined): void => {
    const s = e && seqOf(e.sequence);
    if (e && s) nav.go('annotate', { sequence: s.id, frame: e.frame, tracks: [e.gtId, otherSubject(e)].filter((t): t is number => t !== undefined) });
  };

  // The review view's keys (REVIEW_KEYS), while no dialog or form field has the focus.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.closest('[role="dialog"]'))) return;
      if (document.querySelector('.modal-backdrop')) return;
      const action = reviewActionFor(chordOf(e));
      if (!action) return;
      e.preventDefault();
      const fix = FIX_OF[action];
      // While a sequence is re-evaluated its queue is about to change: a fix would aim at a stale event.
      if (fix) return void (current && !r.busy && fixes.fix(current, fix));
      const undoSeq = lastEdited ?? current?.sequence;
      switch (action) {
        case 'next':
        case 'prev':
          return select(Math.min(list.length - 1, Math.max(0, index + (action === 'next' ? 1 : -1))));
        case 'open':
          return open(current);
        case 'undo':
        case 'redo':
          return void (undoSeq && fixes[action](undoSeq));
        case 'allTypes':
          return setQuery((q) => ({ ...q, type: 'all' }));
        case 'type1':
        case 'type2':
        case 'type3':
          return setQuery((q) => ({ ...q, type: Number(action.slice(4)) as 1 | 2 | 3 }));
        case 'toggleSort':
          return setQuery((q) => ({ ...q, sort: q.sort === 'impact' ? 'frame' : 'impact' }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const shownSeq = query.sequence ? reviews.find((x) => x.sequence === query.sequence) : reviews.length === 1 ? reviews[0] : undefined;
  const headline = shownSeq?.metrics ?? r.review?.combined ?? {};
  return (
    <div className="review" data-testid="review">
      <div className="review-bar">
        <label>
          Evaluation
          <select aria-label="Evaluation run" value={r.runId ?? ''} onChange={(e) => {
              r.pick(Number(e.target.value));
              e.currentTarget.blur();
            }} disabled={!r.runs?.length}>
            {r.runs?.length ? null : <option value="">none yet</option>}
            {r.runs?.map((run) => (
              <option key={run.id} value={run.id}>
                #{run.id} {run.title}
              </option>
            ))}
          </select>
        </label>
        <button onClick={() => setEvaluating((v) => !v)}>{evaluating ? 'Close' : 'New evaluation…'}</button>
        <span className="spacer" />
        <span className={`review-status ${r.error || fixes.message?.error ? 'error' : 'muted'}`} role="status" data-testid="review-status">
          {r.busy ?? r.error ?? fixes.message?.text ?? ''}
        </span>
      </div>
      {(evaluating || r.runs?.length === 0) && (
        <EvaluateForm
          project={project}
          onDone={(id) => {
            setEvaluating(false);
            void r.reloadRuns(id).then(() => r.pick(id));
          }}
        />
      )}
      {r.review && (
        <div className="review-main">
          <aside className="review-side">
            <p className="review-headline">
              {shownSeq ? shownSeq.sequence : `${resultSet ?? 'run'} · all sequences`}: HOTA {pct(headline['HOTA'])} · IDF1 {pct(headline['IDF1'])} · MOTA {pct(headline['MOTA'])}
              {shownSeq?.refreshedBy ? <span className="muted"> · re-evaluated after edits{shownSeq.refreshedBy.revision !== null ? ` (revision ${shownSeq.refreshedBy.revision})` : ''}</span> : null}
            </p>
            <TypeChart counts={counts} />
            <ReviewFilters query={query} counts={counts} sequences={reviews.map((x) => x.sequence)} onChange={setQuery} />
            <QueueList events={list} selected={index} onSelect={select} onOpen={(i) => open(list[i])} gain={gain} showSequence={reviews.length > 1 && query.sequence === null} />
            <KeyLegend />
          </aside>
          {current ? (
            <EventDetail
              project={project}
              seq={seqOf(current.sequence)}
              event={current}
              setId={seqOf(current.sequence)?.sets.find((s) => s.kind === 'res' && s.name === resultSet)?.id}
              gain={gain(current)}
              version={r.version + fixes.edits}
              busy={r.busy !== undefined}
              onFix={(kind) => void (!r.busy && fixes.fix(current, kind))}
              onOpen={() => open(current)}
            />
          ) : (
            <p className="muted review-empty">No ID switch matches the filters{list.length === 0 && counts[1] + counts[2] + counts[3] === 0 ? ': this evaluation has none here' : ''}.</p>
          )}
        </div>
      )}
    </div>
  );
}
