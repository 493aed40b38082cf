// The review view's data: the project's evaluations, the one picked, its switch events per sequence, and
// incremental refreshes (one sequence re-evaluated after an edit, then the review reloaded).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../src-shared/ipc/client';
import type { RunSummary } from '../../src-shared/ipc/contract/runs';
import { errorMessage } from '../api/client';
import { chooseRun, chosenRun, onChosenRun } from './chosenRun';
import { listEvaluations, loadReview, refreshSequence, type LoadedReview } from './loadReview';

/** What the review view reads and does. */
export interface ReviewState {
  readonly runs: readonly RunSummary[] | undefined;
  readonly runId: number | undefined;
  readonly review: LoadedReview | undefined;
  /** Counts the reviews loaded (a new one after each refresh). */
  readonly version: number;
  /** Work under way ("Re-evaluating MOT17-02…"), for the status line. */
  readonly busy: string | undefined;
  readonly error: string | undefined;
  pick(runId: number): void;
  /** Lists the evaluations again and shows `runId` (a new evaluation). */
  reloadRuns(runId?: number): Promise<void>;
  /** Re-evaluates one sequence against the current annotations, then reloads (coalesced per sequence). */
  refresh(sequence: string): Promise<void>;
}

/** The review of `project`'s picked (default: latest) evaluation. */
export function useReview(api: ApiClient, project: string): ReviewState {
  const [runs, setRuns] = useState<RunSummary[]>();
  const [runId, setRunId] = useState<number>();
  const [review, setReview] = useState<LoadedReview>();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const pending = useRef(new Map<string, { again: boolean; done: Promise<void> }>());
  const shown = useRef<number | undefined>(undefined);

  const reloadRuns = useCallback(
    async (pickId?: number) => {
      try {
        const list = await listEvaluations(api, project);
        setRuns(list);
        const want = pickId ?? chosenRun(project);
        setRunId(list.find((r) => r.id === want)?.id ?? list[0]?.id);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [api, project],
  );
  useEffect(() => {
    void reloadRuns();
    return onChosenRun(() => setRunId((cur) => chosenRun(project) ?? cur));
  }, [reloadRuns, project]);

  const load = useCallback(
    async (id: number) => {
      try {
        const r = await loadReview(api, project, id);
        if (shown.current === id) {
          setReview(r);
          setVersion((v) => v + 1);
          setError(undefined);
        }
      } catch (e) {
        if (shown.current === id) setError(errorMessage(e));
      }
    },
    [api, project],
  );
  useEffect(() => {
    shown.current = runId;
    setReview(undefined);
    if (runId === undefined) return;
    setBusy('Loading the evaluation…');
    void load(runId).finally(() => setBusy(undefined));
  }, [runId, load]);

  const refresh = useCallback(
    async (sequence: string): Promise<void> => {
      const id = shown.current;
      if (id === undefined) return;
      const k = `${id}/${sequence}`;
      const running = pending.current.get(k);
      if (running) {
        running.again = true; // an edit landed while this refresh ran: run once more afterwards
        return running.done;
      }
      const entry = { again: false, done: Promise.resolve() };
      entry.done = (async () => {
        try {
          do {
            entry.again = false;
            setBusy(`Re-evaluating ${sequence}…`);
            await refreshSequence(api, project, id, sequence);
          } while (entry.again);
          await load(id);
        } catch (e) {
          setError(errorMessage(e));
        } finally {
          pending.current.delete(k);
          setBusy(undefined);
        }
      })();
      pending.current.set(k, entry);
      return entry.done;
    },
    [api, project, load],
  );

  const pick = useCallback(
    (id: number) => {
      chooseRun(project, id);
      setRunId(id);
    },
    [project],
  );
  return { runs, runId, review, version, busy, error, pick, reloadRuns, refresh };
}
