// App-level facts: version, data folder, and the tfjs backend the workers use.
import type { AppInfo, BackendInfo } from '../../src-shared/ipc/schemas';
import type { EventBus } from './events';
import type { Transport } from './api';

/** The `app.*` channels. */
export class AppService {
  #backend: BackendInfo = { state: 'probing' };

  constructor(
    private readonly version: string,
    private readonly dataDir: string,
    private readonly events: EventBus,
  ) {}

  /** Starts the backend probe; its answer is stored and pushed as the `app.backend` event. */
  startBackendProbe(probe: () => Promise<BackendInfo>): Promise<BackendInfo> {
    return probe().then((info) => {
      this.#backend = info;
      this.events.emit('app.backend', info);
      return info;
    });
  }

  /** The backend as known now (`probing` until the probe answers). */
  get backend(): BackendInfo {
    return this.#backend;
  }

  /** What `app.info` answers. */
  info(transport: Transport): AppInfo {
    return {
      name: 'Trackwright',
      version: this.version,
      mode: transport,
      dataDir: this.dataDir,
      platform: `${process.platform}-${process.arch}`,
      backend: this.#backend,
    };
  }
}
