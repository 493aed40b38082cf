// The training form: a training run or an ablation of the appearance model (or the MPN graph tracker):
// model, loss (or arms), steps, learning rate, UniTrack window, seed(s), training / validation / test
// sequences, detection set, backend override. Resuming a run locks what a resumed run must keep.
import { useEffect, useState } from 'react';
import type { RunSummary } from '../../../src-shared/ipc/contract/runs';
import type { SequenceSummary } from '../../../src-shared/ipc/schemas';
import { TF_BACKEND_NAMES } from '../../../src-shared/ipc/backendNames';
import { errorMessage, unwrap } from '../../api/client';
import { useApi, useAppInfo } from '../../app/api';
import { SequencePicker } from './SequencePicker';
import { buildRequest, LOSSES_FOR, WINDOWED, type TrainFormState } from './trainRequest';

const LOSS_LABELS: Record<string, string> = {
  baseline: 'baseline (cross-entropy + triplet)',
  unitrack: '+ UniTrack graph loss',
  contrastive: '+ FDTA contrastive (identity adapter)',
  both: '+ UniTrack + contrastive',
  deepmot: '+ DeepMOT MOTA/MOTP proxies',
};

/** The form; `onStarted` gets the new job. */
export function TrainForm({ project, sequences, models, form, setForm, onStarted }: { project: string; sequences: readonly SequenceSummary[]; models: readonly RunSummary[]; form: TrainFormState; setForm: (f: TrainFormState) => void; onStarted: (job: { jobId: string; runId: number }) => void }) {
  const api = useApi();
  const { backend } = useAppInfo();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setError(undefined), [form]);
  const set = (patch: Partial<TrainFormState>): void => setForm({ ...form, ...patch });
  const resuming = form.resumeRunId !== undefined;
  const ablate = form.mode === 'ablate';
  const usable = (s: SequenceSummary): string | undefined => (!s.hasFrames ? 'no frame images' : s.trackCount === 0 ? 'no annotations' : undefined);
  const chosen = sequences.filter((s) => form.trainSequences.includes(s.name) || (ablate && form.testSequences.includes(s.name)));
  const detSets = [...new Set(chosen.flatMap((s) => s.sets.filter((x) => x.kind === 'det').map((x) => x.name)))].filter((n) => chosen.every((s) => s.sets.some((x) => x.kind === 'det' && x.name === n)));
  const backendNow = backend.state === 'ready' ? backend.name : backend.state;

  const start = async (): Promise<void> => {
    setBusy(true);
    try {
      const r = buildRequest(project, form);
      const job = r.channel === 'train.start' ? unwrap(await api.invoke('train.start', r.request)) : unwrap(await api.invoke('ablate.start', r.request));
      onStarted(job);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="train-form"
      aria-label="Training"
      onSubmit={(e) => {
        e.preventDefault();
        void start();
      }}
    >
      {resuming ? (
        <p className="resume-note" role="note">
          Resuming run #{form.resumeRunId} from step {form.resumeStep}: it keeps its model, loss, sequences, detection set, seed, learning rate and window; give more steps.{' '}
          <button type="button" className="link" onClick={() => setForm({ ...form, resumeRunId: undefined, resumeStep: undefined })}>
            Start a new run instead
          </button>
        </p>
      ) : (
        <div className="segmented" role="radiogroup" aria-label="What to start">
          {(['train', 'ablate'] as const).map((m) => (
            <label key={m} className="check">
              <input type="radio" name="mode" checked={form.mode === m} onChange={() => set({ mode: m })} />
              {m === 'train' ? 'Training run' : 'Ablation (compare losses)'}
            </label>
          ))}
        </div>
      )}
      <div className="form-grid">
        <label>
          Model
          <select aria-label="Model" value={form.model} disabled={resuming} onChange={(e) => set({ model: e.target.value as TrainFormState['model'], loss: 'baseline' })}>
            <option value="reid">Appearance CNN (ReID embedding)</option>
            <option value="mpn">MPN graph tracker</option>
          </select>
        </label>
        {!ablate && (
          <label>
            Loss
            <select aria-label="Loss" value={form.loss} disabled={resuming} onChange={(e) => set({ loss: e.target.value as TrainFormState['loss'] })}>
              {LOSSES_FOR[form.model].map((l) => (
                <option key={l} value={l}>
                  {LOSS_LABELS[l]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Steps
          <input aria-label="Steps" inputMode="numeric" value={form.steps} onChange={(e) => set({ steps: e.target.value })} />
        </label>
        {!ablate && (
          <>
            <label>
              Learning rate
              <input aria-label="Learning rate" inputMode="decimal" placeholder="3e-4" value={form.learningRate} disabled={resuming} onChange={(e) => set({ learningRate: e.target.value })} />
            </label>
            <label title="UniTrack's window W in frames (METHODS.md §1)">
              Window
              <input aria-label="Window" inputMode="numeric" placeholder="5" value={form.window} disabled={resuming || !WINDOWED.includes(form.loss)} onChange={(e) => set({ window: e.target.value })} />
            </label>
            <label>
              Seed
              <input aria-label="Seed" inputMode="numeric" value={form.seed} disabled={resuming} onChange={(e) => set({ seed: e.target.value })} />
            </label>
          </>
        )}
        {ablate && (
          <label>
            Seeds
            <input aria-label="Seeds" value={form.seeds} onChange={(e) => set({ seeds: e.target.value })} />
          </label>
        )}
        <label>
          Detection set
          <select aria-label="Detection set" value={form.detectionSet} disabled={resuming} onChange={(e) => set({ detectionSet: e.target.value })}>
            {!ablate && <option value="">annotations' own boxes</option>}
            {ablate && <option value="">choose…</option>}
            {detSets.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          Backend
          <select aria-label="Backend" value={form.backend} onChange={(e) => set({ backend: e.target.value as TrainFormState['backend'] })}>
            <option value="">auto ({backendNow})</option>
            {TF_BACKEND_NAMES.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        {form.model === 'mpn' && !ablate && (
          <label title="A trained appearance model whose embeddings are the MPN's node features">
            Node features
            <select aria-label="Node features" value={form.featureRunId} disabled={resuming} onChange={(e) => set({ featureRunId: e.target.value })}>
              <option value="">colour histograms</option>
              {models.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  run #{m.id} {m.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {ablate && (
        <fieldset className="seq-picker" aria-label="Arms">
          <legend>Arms (each against the baseline)</legend>
          {LOSSES_FOR[form.model].map((a) => (
            <label key={a} className="check">
              <input type="checkbox" aria-label={`Arm ${a}`} checked={form.arms.includes(a)} disabled={a === 'baseline'} onChange={(e) => set({ arms: e.target.checked ? [...form.arms, a] : form.arms.filter((x) => x !== a) })} />
              {LOSS_LABELS[a]}
            </label>
          ))}
        </fieldset>
      )}
      <div className="pickers">
        <SequencePicker label="Training sequences" sequences={sequences} value={form.trainSequences} onChange={(v) => set({ trainSequences: v })} disabledReason={usable} locked={resuming} />
        {ablate ? (
          <SequencePicker label="Test sequences" sequences={sequences} value={form.testSequences} onChange={(v) => set({ testSequences: v })} disabledReason={usable} />
        ) : (
          <SequencePicker label="Validation sequences (none: the last part of training)" sequences={sequences} value={form.validationSequences} onChange={(v) => set({ validationSequences: v })} disabledReason={usable} locked={resuming} />
        )}
      </div>
      <label>
        Title (optional)
        <input aria-label="Title" value={form.title} onChange={(e) => set({ title: e.target.value })} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {resuming ? `Resume run #${form.resumeRunId}` : ablate ? 'Start ablation' : 'Start training'}
      </button>
    </form>
  );
}
