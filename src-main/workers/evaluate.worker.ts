// Worker entry: evaluates a run's sequences (TrackEval-identical metrics and ID-switch events).
import { evaluateTables, isEvaluationError } from '../../src-shared/evaluation/evaluate';
import { fail } from '../../src-shared/ipc/result';
import type { EvaluatePayload } from '../../src-shared/jobs/messages';
import { serveJob } from './protocol';

serveJob<EvaluatePayload>(async (p, ctx) => {
  const r = evaluateTables(
    p.sequences.map((s) => ({ name: s.name, gt: s.gt!, tracker: s.tracker!, seqLength: s.seqLength, fps: s.fps, gtHasClassVisibility: s.gtHasClassVisibility })),
    { benchmark: p.benchmark, doPreproc: p.doPreproc, events: true, onSequence: (done, total, name) => ctx.progress({ done, total, name }) },
  );
  if (isEvaluationError(r)) fail('invalid_file', `${r.sequence} (${r.which === 'gt' ? 'annotations' : 'results'}) line ${r.line}: ${r.message}`);
  return r;
});
