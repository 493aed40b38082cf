// Worker entry of embedding diagnostics (embeddings.start): a trained appearance model embeds the
// annotated boxes of the chosen frames (crops cut exactly as in training, reidEmbedder.ts), then the
// same-object vs inter-object similarity figures are computed (src-shared/analysis/embeddingSimilarity.ts).
// The backend is chosen before the job starts, so the run records it.
import { checkEmbeddedBoxes, similarityStats } from '../../src-shared/analysis/embeddingSimilarity';
import type { DiagnosticsPayload, DiagnosticsProgress, DiagnosticsResult } from '../../src-shared/jobs/embeddingDiagnostics';
import { selectBackend, type SelectedBackend } from '../learning/backend';
import { decodeRgb } from '../media/images';
import { serveJob, type JobContext } from './protocol';
import { loadEmbedder } from './reidEmbedder';

async function diagnose(p: DiagnosticsPayload, ctx: JobContext): Promise<DiagnosticsResult> {
  const started = performance.now();
  const model = loadEmbedder(p.weights);
  try {
    const total = p.frames.reduce((n, f) => n + f.ids.length, 0);
    const frame = new Int32Array(total);
    const id = new Int32Array(total);
    const embeddings = new Float32Array(total * model.dim);
    let at = 0;
    let last = 0;
    for (let k = 0; k < p.frames.length; k++) {
      const f = p.frames[k]!;
      const n = f.ids.length;
      if (n > 0) {
        const img = await decodeRgb(f.file);
        embeddings.set(model.embedFrame(img, { count: n, tlbr: f.tlbr, score: new Float64Array(n).fill(1) }), at * model.dim);
        frame.fill(f.frame, at, at + n);
        id.set(f.ids, at);
        at += n;
      }
      if (ctx.signal.aborted) return { status: 'cancelled', boxes: { count: 0, dim: model.dim, frame: new Int32Array(0), id: new Int32Array(0), embeddings: new Float32Array(0) }, stats: null, durationMs: performance.now() - started, boxesPerSec: 0 };
      if (performance.now() - last > 250 || k === p.frames.length - 1) {
        last = performance.now();
        const progress: DiagnosticsProgress = { done: k + 1, total: p.frames.length, frame: f.frame, boxes: at };
        ctx.progress(progress);
      }
    }
    const boxes = { count: at, dim: model.dim, frame, id, embeddings };
    checkEmbeddedBoxes(boxes);
    const stats = similarityStats(boxes, p.anchors, p.gap, p.bins);
    const durationMs = performance.now() - started;
    return { status: 'completed', boxes, stats, durationMs, boxesPerSec: at / Math.max(1e-3, durationMs / 1000) };
  } finally {
    model.dispose();
  }
}

let backend: SelectedBackend | undefined;
selectBackend().then(
  (b) => {
    backend = b;
    serveJob(diagnose, () => ({ backend: backend?.name, backendDetail: backend?.detail }));
  },
  (e: unknown) =>
    serveJob(async () => {
      throw new Error(`no TensorFlow.js backend for embedding diagnostics: ${e instanceof Error ? e.message : String(e)}`);
    }),
);
