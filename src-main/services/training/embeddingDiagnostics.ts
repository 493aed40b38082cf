// embeddings.start: embedding diagnostics of a trained appearance model on one sequence (FDTA's
// observation, METHODS.md §3). The service picks anchor frames t (spread over the annotated frames, t and
// t + gap both annotated), sends the frames' annotated boxes and the model's weights to
// workers/embeddings.worker.ts, and stores the similarity figures and the embeddings on a child run
// (kind eval) of the training run, so they stay with the model and go when it is deleted.
import { join } from 'node:path';
import { pickAnchors } from '../../../src-shared/analysis/embeddingSimilarity';
import type { ApiParsedRequest as Req, ApiResponse as Res } from '../../../src-shared/ipc/contract';
import { fail } from '../../../src-shared/ipc/result';
import { encodeEmbeddings, type DiagnosticsFrame, type DiagnosticsPayload, type DiagnosticsProgress, type DiagnosticsResult, type EmbeddingsArtifactMeta } from '../../../src-shared/jobs/embeddingDiagnostics';
import type { JobRunner } from '../../jobs/JobRunner';
import type { ProjectsService } from '../projects';
import { resolveSequence } from '../sequences/resolve';
import { sequenceSamples } from './frameBoxes';
import { loadReidWeights } from './trainArtifacts';

/** Histogram bins over [-1, 1]. */
const BINS = 40;

/** What a diagnostics run stores as its config. */
export interface DiagnosticsConfig {
  readonly diagnostics: 'embeddings';
  readonly modelRunId: number;
  readonly sequence: string;
  readonly gap: number;
  readonly anchors: number;
  readonly frames: number;
  readonly minVisibility: number;
}

/** Starts embedding diagnostics jobs. */
export class DiagnosticsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly runner: JobRunner,
    private readonly workersDir: URL | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** embeddings.start (see the file comment). */
  startEmbeddings(r: Req<'embeddings.start'>): Res<'embeddings.start'> {
    if (!this.workersDir) fail('unsupported', 'this build has no worker entries (run npm run build)');
    const store = this.projects.store(r.project);
    const model = store.runs.get(r.modelRunId);
    if (!model) fail('not_found', `No run ${r.modelRunId} in this project`);
    if (model.kind !== 'train' || (model.config as { model?: string } | null)?.model === 'mpn') fail('invalid_request', `Run ${r.modelRunId} is not a training run of the appearance model`);
    const weights = loadReidWeights(store, r.modelRunId);
    const seq = resolveSequence(store, r.sequence);
    if (!seq.framesDir) fail('invalid_request', `${seq.name} has no frame images: the model embeds crops of them`);
    const gap = r.gap ?? Math.max(1, Math.round(seq.fps / 2));
    if (gap >= seq.frameCount) fail('invalid_request', `gap ${gap} is not shorter than ${seq.name} (${seq.frameCount} frames)`);
    const minVisibility = r.minVisibility ?? 0.2;
    const samples = sequenceSamples(store, seq, { minVisibility });
    const annotated = [...samples.values()].filter((s) => s.keys.length > 0).map((s) => s.frameIndex);
    const anchors = pickAnchors(annotated, gap, r.anchors ?? 60);
    if (anchors.length === 0) fail('invalid_request', `${seq.name} has no frames t with annotated objects in both t and t + ${gap}`);
    const files = new Map(store.sequences.frameFiles(seq.id).map((f) => [f.frame, join(seq.framesDir!, f.file)]));
    const frames: DiagnosticsFrame[] = [...new Set(anchors.flatMap((t) => [t, t + gap]))]
      .sort((a, b) => a - b)
      .map((f) => {
        const s = samples.get(f)!;
        const file = files.get(f);
        if (!file) fail('invalid_request', `${seq.name} has no image for frame ${f}`);
        return { frame: f, file, ids: Int32Array.from(s.keys), tlbr: Float64Array.from(s.boxesXyxy) };
      });
    const payload: DiagnosticsPayload = { weights, frames, anchors, gap, bins: BINS };
    const config: DiagnosticsConfig = { diagnostics: 'embeddings', modelRunId: r.modelRunId, sequence: seq.name, gap, anchors: anchors.length, frames: frames.length, minVisibility };
    const job = this.runner.start(store, {
      kind: 'eval',
      parentRunId: r.modelRunId,
      title: r.title ?? `Embedding diagnostics on ${seq.name} (k = ${gap})`,
      config,
      worker: new URL('embeddings.worker.js', this.workersDir),
      payload,
      describeProgress: (p) => {
        const q = p as DiagnosticsProgress;
        return { done: q.done, total: q.total, message: `embedded frame ${q.frame} (${q.boxes} boxes so far)` };
      },
      onFinished: (res: DiagnosticsResult, runId) => {
        if (res.status === 'cancelled' || !res.stats) return { status: 'cancelled' };
        const meta: EmbeddingsArtifactMeta = { format: 'trackwright.embeddings', version: 1, count: res.boxes.count, dim: res.boxes.dim, gap, anchors };
        store.runs.putArtifact(runId, 'embeddings', encodeEmbeddings(res.boxes), meta, this.now());
        store.runs.putArtifact(runId, 'similarity', new TextEncoder().encode(JSON.stringify(res.stats)), { bins: res.stats.bins, gap }, this.now());
        const s = res.stats;
        return {
          sequence: seq.name,
          gap,
          boxes: res.boxes.count,
          sameMean: s.sameMean,
          interMean: s.interMean,
          interAbove09: s.interAbove09,
          auc: s.auc,
          rank1: s.rank1,
          framePairs: s.framePairs,
          boxesPerSec: Math.round(res.boxesPerSec),
          durationMs: Math.round(res.durationMs),
        };
      },
    });
    return { jobId: job.jobId, runId: job.runId };
  }
}
