// The editor timeline's ID-switch markers (issue 8): the switch events of the evaluation picked in the
// review view (else the latest one that covers this sequence), one marker per event on the GT track's
// row, coloured by type. After edits in the editor the sequence is re-evaluated (debounced), so the
// markers follow the annotations.
import { useEffect, useRef, useState } from 'react';
import type { QueueEvent } from '../../src-shared/analysis/reviewQueue';
import type { ApiClient } from '../../src-shared/ipc/client';
import { SWITCH_TYPE_COLORS } from '../charts/ChartView';
import type { EditorController } from '../editor/controller';
import { useModelVersion } from '../editor/useEditor';
import type { TimelineMarker } from '../panels/Timeline';
import { chosenRun, onChosenRun } from './chosenRun';
import { listEvaluations, loadReview, refreshSequence } from './loadReview';

/** Quiet time after the last edit before the sequence is evaluated again. */
const REFRESH_AFTER_MS = 1500;

/** A marker per switch event. */
export function markersOf(events: readonly QueueEvent[]): TimelineMarker[] {
  return events.map((e) => ({
    frame: e.frame,
    trackId: e.gtId,
    color: SWITCH_TYPE_COLORS[e.type],
    title: `Type ${e.type} switch at frame ${e.frame}: GT ${e.gtId} id ${e.prevTrackerId} → ${e.newTrackerId}${e.partnerGtId !== null ? ` (from GT ${e.partnerGtId})` : ''}, IDTP cost ${e.idtpCost}`,
  }));
}

/** Markers for `sequence` (by name) of `project`, kept current after edits through `ctl`. */
export function useSwitchMarkers(api: ApiClient, ctl: EditorController, project: string, sequence: string): readonly TimelineMarker[] {
  const [markers, setMarkers] = useState<readonly TimelineMarker[]>([]);
  const [runId, setRunId] = useState<number>();
  const [picked, setPicked] = useState(0);
  const version = useModelVersion(ctl);
  const loadedAt = useRef<number | undefined>(undefined);

  // Which evaluation: the picked one if it covers this sequence, else the newest that does.
  useEffect(() => {
    let live = true;
    void listEvaluations(api, project).then(
      (runs) => {
        const covers = runs.filter((r) => ((r.config as { sequences?: unknown } | null)?.sequences as string[] | undefined)?.includes(sequence));
        const want = chosenRun(project);
        if (live) setRunId(covers.find((r) => r.id === want)?.id ?? covers[0]?.id);
      },
      () => live && setRunId(undefined),
    );
    const off = onChosenRun(() => setPicked((n) => n + 1));
    return () => {
      live = false;
      off();
    };
  }, [api, project, sequence, picked]);

  const load = useRef<() => Promise<void>>(async () => undefined);
  load.current = async () => {
    if (runId === undefined) return setMarkers([]);
    const review = await loadReview(api, project, runId);
    setMarkers(markersOf(review.sequences.find((s) => s.sequence === sequence)?.events ?? []));
  };
  useEffect(() => {
    loadedAt.current = undefined;
    void load.current().catch(() => setMarkers([]));
  }, [runId]);

  // After the annotations change (not the first load), evaluate this sequence again, then reload.
  useEffect(() => {
    if (runId === undefined || version === 0) return;
    if (loadedAt.current === undefined) {
      loadedAt.current = version;
      return;
    }
    if (version === loadedAt.current) return;
    const t = setTimeout(() => {
      loadedAt.current = version;
      void refreshSequence(api, project, runId, sequence)
        .then(() => load.current())
        .catch((e: unknown) => ctl.store.say(`Could not update the switch markers: ${e instanceof Error ? e.message : String(e)}`, true));
    }, REFRESH_AFTER_MS);
    return () => clearTimeout(t);
  }, [version, runId, api, project, sequence, ctl]);
  return markers;
}
