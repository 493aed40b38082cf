// A project's workspace: view tabs (annotate, review, runs, train) over the current view. Annotate has
// the sequences (and import) on the left, the frame canvas in the middle with a frame bar below, tracks
// on the right; the other views are in src-renderer/views.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProjectSummary, SequenceSummary } from '../../src-shared/ipc/schemas';
import { errorMessage, unwrap } from '../api/client';
import { FrameStage } from '../canvas/FrameStage';
import { ExportDialog } from '../export/ExportDialog';
import { ImportPanel } from '../panels/ImportPanel';
import { useApi } from './api';
import { EditorView } from './EditorView';
import { WorkspaceNavContext, type WorkspaceNav } from './nav';
import type { Focus, View } from './route';
import { ReviewView } from '../views/ReviewView';
import { RunsView } from '../views/RunsView';
import { TrainView } from '../views/TrainView';

const TABS: readonly { view: View; label: string; title: string }[] = [
  { view: 'annotate', label: 'Annotate', title: 'Boxes, tracks, keyframes' },
  { view: 'review', label: 'Review', title: 'ID switches of an evaluation, by type' },
  { view: 'runs', label: 'Runs', title: 'Run history and comparison' },
  { view: 'train', label: 'Train', title: 'Train the appearance model or the graph tracker' },
];

/** Opens the project at `path` and lays out its workspace. */
export function Workspace({ path, view, focus, onNavigate, onClose }: { path: string; view: View; focus?: Focus | undefined; onNavigate: (view: View, focus?: Focus) => void; onClose: () => void }) {
  const api = useApi();
  const [project, setProject] = useState<ProjectSummary>();
  const [sequences, setSequences] = useState<SequenceSummary[]>([]);
  const [selected, setSelected] = useState<number>();
  const [error, setError] = useState<string>();
  const [exporting, setExporting] = useState(false);

  const refresh = useCallback(async () => {
    const list = unwrap(await api.invoke('sequences.list', { project: path }));
    setSequences(list);
    setSelected((s) => (s !== undefined && list.some((x) => x.id === s) ? s : list[0]?.id));
  }, [api, path]);

  useEffect(() => {
    let live = true;
    setProject(undefined);
    setError(undefined);
    void (async () => {
      try {
        const p = unwrap(await api.invoke('projects.open', { path }));
        if (!live) return;
        setProject(p);
        await refresh();
      } catch (e) {
        if (live) setError(errorMessage(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, path, refresh]);

  // Jobs add result sets (tracking, pre-annotation) and change counts: list the sequences again.
  useEffect(() => api.on('jobs.finished', (f) => void (f.project === path && f.state === 'succeeded' && refresh())), [api, path, refresh]);

  // A jump (from the review queue, a run comparison, ...) opens its sequence.
  useEffect(() => {
    if (focus) setSelected(focus.sequence);
  }, [focus]);
  const nav = useMemo<WorkspaceNav>(() => ({ project: path, view, go: onNavigate }), [path, view, onNavigate]);
  const seq = sequences.find((s) => s.id === selected);

  if (error) {
    return (
      <div className="card narrow">
        <p className="error" role="alert">
          {error}
        </p>
        <button onClick={onClose}>Back to projects</button>
      </div>
    );
  }
  return (
    <WorkspaceNavContext.Provider value={nav}>
      <div className="workspace-shell">
        <nav className="view-tabs" role="tablist" aria-label="Workspace views">
          {TABS.map((t) => (
            <button key={t.view} role="tab" aria-selected={view === t.view} className={view === t.view ? 'active' : ''} title={t.title} onClick={() => onNavigate(t.view)}>
              {t.label}
            </button>
          ))}
          <span className="spacer" />
          <button className="export" onClick={() => setExporting(true)} disabled={sequences.length === 0} title="Export MOTChallenge files or a TrackEval benchmark folder">
            Export…
          </button>
        </nav>
        {exporting && <ExportDialog project={path} sequences={sequences} onClose={() => setExporting(false)} />}
        {view === 'annotate' ? (
          <div className="workspace" data-testid="workspace">
            <aside className="panel panel-left" aria-label="Sequences">
              <h2>{project?.name ?? 'Opening…'}</h2>
              <h3>Sequences</h3>
              {sequences.length === 0 ? (
                <p className="muted">No sequences in this project yet. Import one below.</p>
              ) : (
                <ul className="list" role="listbox" aria-label="Sequence list">
                  {sequences.map((s) => (
                    <li key={s.id} role="option" aria-selected={s.id === selected} className={s.id === selected ? 'selected' : ''} onClick={() => setSelected(s.id)}>
                      <span className="name">{s.name}</span>
                      <span className="meta">
                        {s.frameCount} frames · {s.trackCount} tracks{s.hasFrames ? '' : ' · no images'}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              <h3>Import</h3>
              <ImportPanel project={path} onDone={() => void refresh()} />
            </aside>
            {seq ? (
              <EditorView key={`${path}/${seq.id}`} project={path} seq={seq} focus={focus?.sequence === seq.id ? focus : undefined} />
            ) : (
              <>
                <section className="canvas-area" aria-label="Frame">
                  <FrameStage emptyText="No sequence open" />
                </section>
                <aside className="panel panel-right" aria-label="Details">
                  <p className="muted">Import or open a sequence to annotate it.</p>
                </aside>
                <section className="timeline" aria-label="Timeline" />
              </>
            )}
          </div>
        ) : (
          <div className="workspace-view" data-testid={`view-${view}`}>
            {view === 'review' && <ReviewView sequences={sequences} onChanged={() => void refresh()} />}
            {view === 'runs' && <RunsView sequences={sequences} />}
            {view === 'train' && <TrainView sequences={sequences} />}
          </div>
        )}
      </div>
    </WorkspaceNavContext.Provider>
  );
}
