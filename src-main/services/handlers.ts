// The handler map: one entry per API channel, each delegating to a service.
import type { Handlers } from './api';
import type { AppService } from './app';
import type { TransferService } from './imports/transferService';
import type { MediaService } from './media/mediaService';
import type { ProjectsService } from './projects';
import type { JobsService } from './runs/jobsService';
import type { RefreshService } from './runs/refreshService';
import type { RunsService } from './runs/runsService';
import type { SampleService } from './sample/sampleService';
import type { SequencesService } from './sequences/sequencesService';
import type { DiagnosticsService } from './training/embeddingDiagnostics';
import type { TrainingService } from './training/trainingService';

/** The services the handlers delegate to. */
export interface Services {
  readonly app: AppService;
  readonly projects: ProjectsService;
  readonly sequences: SequencesService;
  readonly transfer: TransferService;
  readonly media: MediaService;
  readonly sample: SampleService;
  readonly runs: RunsService;
  readonly jobs: JobsService;
  readonly refresh: RefreshService;
  readonly training: TrainingService;
  readonly diagnostics: DiagnosticsService;
}

/** Builds the handler map over the services. */
export function createHandlers(s: Services): Handlers {
  return {
    'app.info': (_req, ctx) => s.app.info(ctx.transport),
    'projects.list': () => s.projects.list(),
    'projects.create': (req) => s.projects.create(req),
    'projects.open': (req) => s.projects.open(req),
    'projects.forget': (req) => s.projects.forget(req),
    'projects.createSample': (req) => s.sample.create(req.directory),
    'sequences.list': (req) => s.sequences.list(req),
    'sequences.frames': (req) => s.sequences.frames(req),
    'sequences.delete': (req) => s.sequences.remove(req),
    'annotations.frame': (req) => s.sequences.frameBoxes(req),
    'annotations.tracks': (req) => s.sequences.tracks(req),
    'annotations.all': (req) => s.sequences.all(req),
    'annotations.trackBoxes': (req) => s.sequences.trackBoxes(req),
    'annotations.applyEdits': (req) => s.sequences.applyEdits(req),
    'annotations.undo': (req) => s.sequences.undo(req),
    'annotations.redo': (req) => s.sequences.redo(req),
    'annotations.history': (req) => s.sequences.history(req),
    'sets.frame': (req) => s.sequences.setFrame(req),
    'import.mot': (req) => s.transfer.importMot(req),
    'import.frames': (req) => s.transfer.importFrames(req),
    'import.video': (req) => s.transfer.importVideo(req),
    'import.file': (req) => s.transfer.importFile(req),
    'import.results': (req) => s.transfer.importResults(req),
    'export.file': (req) => s.transfer.exportFile(req),
    'export.benchmark': (req) => s.transfer.exportBenchmark(req),
    'media.frame': (req) => s.media.frame(req.project, req.sequence, req.frame),
    'media.thumbnail': (req) => s.media.thumbnail(req.project, req.sequence, req.frame, req.width),
    'runs.list': (req) => s.runs.list(req),
    'runs.get': (req) => s.runs.get(req),
    'runs.artifact': (req) => s.runs.artifact(req),
    'runs.cancel': (req) => s.runs.cancel(req),
    'runs.delete': (req) => s.runs.remove(req),
    'sets.rows': (req) => s.runs.setRows(req),
    'eval.start': (req) => s.jobs.startEval(req),
    'eval.refresh': (req) => s.refresh.refresh(req),
    'track.start': (req) => s.jobs.startTrack(req),
    'tune.start': (req) => s.jobs.startTune(req),
    'train.start': (req) => s.training.startTraining(req),
    'ablate.start': (req) => s.training.startAblation(req),
    'embeddings.start': (req) => s.diagnostics.startEmbeddings(req),
  };
}
