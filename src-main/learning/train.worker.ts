// Worker entry for training on clips sent in the start message (tests, benchmarks, small in-memory
// datasets); projects train through workers/train.worker.ts, which reads frames itself.
import { parentPort } from 'node:worker_threads';
import { inMemoryData } from './data';
import type { TrainWorkerRequest } from './trainMessages';
import { serveTraining } from './trainServe';

serveTraining(parentPort!, (m: Extract<TrainWorkerRequest, { type: 'start' }>) => inMemoryData(m.dataset));
