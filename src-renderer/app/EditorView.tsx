// The annotation editor of one sequence: canvas, frame bar and timeline, the selection's details, the
// shortcut registry and the cheat sheet. Data lives in main; the model mirrors it.
import { useEffect, useMemo, useState } from 'react';
import type { SequenceSummary } from '../../src-shared/ipc/schemas';
import { EditorStage } from '../canvas/EditorStage';
import { frameUrl, useFrameImage } from '../canvas/useFrameImage';
import { perform } from '../editor/actions';
import { EditorController } from '../editor/controller';
import { EditorStore } from '../editor/editorStore';
import { useEditorFields, useModelVersion } from '../editor/useEditor';
import { SequenceModel } from '../editor/sequenceModel';
import { actionFor, chordOf, loadKeyMap, saveKeyMap, type KeyMap } from '../editor/shortcuts';
import { PreAnnotateDialog } from '../panels/PreAnnotateDialog';
import { useSwitchMarkers } from '../review/useSwitchMarkers';
import { ShortcutSheet } from '../panels/ShortcutSheet';
import { Timeline } from '../panels/Timeline';
import { TrackDetails } from '../panels/TrackDetails';
import { TrackList } from '../panels/TrackList';
import { useApi } from './api';
import type { Focus } from './route';
import { FrameBar } from './FrameBar';

/** The editor for `seq` of `project`. */
export function EditorView({ project, seq, focus }: { project: string; seq: SequenceSummary; focus?: Focus | undefined }) {
  const api = useApi();
  const ctl = useMemo(() => new EditorController(api, { project, sequence: seq.id }, new SequenceModel(seq.frameCount), new EditorStore(seq.frameCount)), [api, project, seq.id, seq.frameCount]);
  const s = useEditorFields(ctl, 'frame', 'playing', 'tool', 'message');
  const [loaded, setLoaded] = useState(false);
  const [help, setHelp] = useState(false);
  const [preannotate, setPreannotate] = useState(false);
  const [keyMap, setKeyMap] = useState<KeyMap>(() => loadKeyMap());
  // ID-switch markers of the evaluation picked in the review view (issue 8).
  const markers = useSwitchMarkers(api, ctl, project, seq.name);

  useEffect(() => {
    let live = true;
    setLoaded(false);
    void ctl.load().then(
      () => live && setLoaded(true),
      (e: unknown) => live && ctl.store.say(e instanceof Error ? e.message : String(e), true),
    );
    return () => {
      live = false;
    };
  }, [ctl]);

  // A jump from elsewhere (review queue, run comparison): that frame, those tracks selected.
  useEffect(() => {
    if (!loaded || !focus) return;
    if (focus.frame !== undefined) ctl.store.goto(focus.frame);
    if (focus.tracks) ctl.store.set({ selected: focus.tracks.filter((id) => ctl.model.track(id)) });
  }, [loaded, focus, ctl]);

  // Re-render when the model changes (edits, undo): the toolbar shows the undo and redo labels.
  useModelVersion(ctl);

  // Playback at the sequence's frame rate.
  useEffect(() => {
    if (!s.playing) return;
    const t = setInterval(() => {
      const st = ctl.store.get();
      if (st.frame >= ctl.model.frameCount) ctl.store.set({ playing: false });
      else ctl.store.goto(st.frame + 1);
    }, 1000 / seq.fps);
    return () => clearInterval(t);
  }, [s.playing, ctl, seq.fps]);

  // One keyboard handler for the registry's actions.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (help || preannotate || (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA'))) return;
      const action = actionFor(keyMap, chordOf(e));
      if (!action) return;
      e.preventDefault();
      perform(ctl, action, {
        toggleHelp: () => setHelp((h) => !h),
        fit: () => ctl.store.set((st) => ({ viewport: { ...st.viewport, fit: true } })),
        actualSize: () => ctl.store.set((st) => ({ viewport: { scale: 1, x: st.viewport.x, y: st.viewport.y, fit: false } })),
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctl, keyMap, help, preannotate]);

  const url = seq.hasFrames ? frameUrl(project, seq.id, s.frame) : undefined;
  const ahead = useMemo(
    () => (seq.hasFrames ? [1, 2, 3, 4, 5, 6].filter((d) => s.frame + d <= seq.frameCount).map((d) => frameUrl(project, seq.id, s.frame + d)) : []),
    [seq, s.frame, project],
  );
  const { image } = useFrameImage(url, ahead);

  return (
    <>
      <section className="canvas-area" aria-label="Frame">
        <div className="toolbar">
          <button className={s.tool === 'draw' ? 'active' : ''} onClick={() => ctl.store.set({ tool: s.tool === 'draw' ? 'select' : 'draw' })} title="Draw a box (N)">
            ▭ Draw
          </button>
          <button onClick={() => ctl.store.set((st) => ({ viewport: { ...st.viewport, fit: true } }))} title="Zoom to fit (0)">
            Fit
          </button>
          <button onClick={() => void ctl.undo()} disabled={!ctl.undoLabel} title={`Undo ${ctl.undoLabel ?? ''} (Ctrl+Z)`} aria-label="Undo">
            ↶ Undo
          </button>
          <button onClick={() => void ctl.redo()} disabled={!ctl.redoLabel} title={`Redo ${ctl.redoLabel ?? ''} (Ctrl+Shift+Z)`} aria-label="Redo">
            ↷ Redo
          </button>
          <button onClick={() => setPreannotate(true)} title="Run a tracker over a detection set and add its tracks">
            ⚙ Pre-annotate…
          </button>
          <button onClick={() => setHelp(true)} title="Keyboard shortcuts (?)">
            ⌨ ?
          </button>
          <span className={`message ${s.message?.error ? 'error' : 'muted'}`} role="status" data-testid="editor-message">
            {!loaded ? 'Loading annotations…' : (s.message?.text ?? '')}
          </span>
        </div>
        <EditorStage ctl={ctl} image={image?.bitmap} imageCurrent={loaded && (!url || image?.url === url)} frameWidth={seq.width} frameHeight={seq.height} />
      </section>
      <aside className="panel panel-right" aria-label="Details">
        <h3>Selection</h3>
        <TrackDetails ctl={ctl} />
        <h3>Tracks</h3>
        <TrackList ctl={ctl} />
      </aside>
      <section className="timeline" aria-label="Timeline">
        <FrameBar ctl={ctl} fps={seq.fps} />
        <Timeline ctl={ctl} markers={markers} />
      </section>
      {preannotate && <PreAnnotateDialog ctl={ctl} project={project} seq={seq} onClose={() => setPreannotate(false)} />}
      {help && (
        <ShortcutSheet
          keyMap={keyMap}
          onChange={(m) => {
            saveKeyMap(m);
            setKeyMap(m);
          }}
          onClose={() => setHelp(false)}
        />
      )}
    </>
  );
}
