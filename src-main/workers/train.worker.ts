// Worker entry of training runs on a project: the start message carries the plan (boxes, identities,
// frame files, clips); frames are decoded here on demand, so the main process never holds pixels.
import { parentPort } from 'node:worker_threads';
import type { TrainJobPayload, PipelineStats } from '../../src-shared/learning/trainWire';
import { serveTraining, type TrainStart } from '../learning/trainServe';
import { projectTrainingData } from './planLoader';

type Start = TrainStart & Pick<TrainJobPayload, 'plan' | 'cacheBytes'>;

const pipelines = new Map<string, () => PipelineStats>();

serveTraining<Start>(
  parentPort!,
  (m) => {
    const { data, stats } = projectTrainingData(m.plan, m.cacheBytes);
    pipelines.set(m.jobId, stats);
    return data;
  },
  (m) => {
    const stats = pipelines.get(m.jobId);
    pipelines.delete(m.jobId);
    return stats ? { pipeline: stats() } : {};
  },
);
