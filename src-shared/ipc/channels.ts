// The API's channel and event names, without their schemas, so the sandboxed preload can carry its
// allow-list without bundling zod. contract.ts pairs each name with its schemas; the compiler keeps
// the two lists equal (`satisfies Record<ApiChannel, ...>`) and the contract test checks them at run time.

/** Every API channel name. */
export const API_CHANNELS = [
  'app.info',
  'projects.list',
  'projects.create',
  'projects.open',
  'projects.forget',
  'projects.createSample',
  'sequences.list',
  'sequences.frames',
  'sequences.delete',
  'annotations.frame',
  'annotations.tracks',
  'annotations.all',
  'annotations.trackBoxes',
  'annotations.applyEdits',
  'annotations.undo',
  'annotations.redo',
  'annotations.history',
  'sets.frame',
  'import.mot',
  'import.frames',
  'import.video',
  'import.file',
  'import.results',
  'export.file',
  'export.benchmark',
  'media.frame',
  'media.thumbnail',
  'runs.list',
  'runs.get',
  'runs.artifact',
  'runs.cancel',
  'runs.delete',
  'eval.start',
  'eval.refresh',
  'track.start',
  'tune.start',
  'train.start',
  'ablate.start',
  'sets.rows',
  'embeddings.start',
] as const;
/** An API channel name. */
export type ApiChannel = (typeof API_CHANNELS)[number];

/** Every API event name. */
export const API_EVENTS = ['app.backend', 'jobs.progress', 'jobs.finished', 'projects.changed'] as const;
/** An API event name. */
export type ApiEvent = (typeof API_EVENTS)[number];
