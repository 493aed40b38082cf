// The editor's UI state outside the annotations: current frame, selection, tool, view, hidden and
// locked tracks, playback. A tiny observable store read by React through useSyncExternalStore.

/** The view transform: frame pixels -> canvas pixels (scale, then offset). */
export interface Viewport {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
  /** True while the view follows the canvas size ("fit"). */
  readonly fit: boolean;
}

/** The editor's state. */
export interface EditorState {
  readonly frame: number;
  /** Selected track ids (the selected boxes are theirs in the current frame). */
  readonly selected: readonly number[];
  readonly tool: 'select' | 'draw';
  readonly viewport: Viewport;
  readonly hidden: ReadonlySet<number>;
  readonly locked: ReadonlySet<number>;
  readonly playing: boolean;
  /** Frames that V/C step. */
  readonly stepSize: number;
  /** A message for the status line (a refused command's reason, a saved edit's label). */
  readonly message: { readonly text: string; readonly error: boolean } | undefined;
}

/** A store with get/set/subscribe. */
export class EditorStore {
  #state: EditorState;
  readonly #listeners = new Set<() => void>();

  constructor(readonly frameCount: number) {
    this.#state = {
      frame: 1,
      selected: [],
      tool: 'select',
      viewport: { scale: 1, x: 0, y: 0, fit: true },
      hidden: new Set(),
      locked: new Set(),
      playing: false,
      stepSize: 10,
      message: undefined,
    };
  }

  /** The current state (a new object after every change). */
  get = (): EditorState => this.#state;

  /** Applies a partial change and notifies subscribers. */
  set(change: Partial<EditorState> | ((s: EditorState) => Partial<EditorState>)): void {
    const c = typeof change === 'function' ? change(this.#state) : change;
    this.#state = { ...this.#state, ...c };
    for (const l of this.#listeners) l();
  }

  /** Subscribes; returns the unsubscribe. */
  subscribe = (l: () => void): (() => void) => {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  };

  /** Goes to a frame (clamped to the sequence). */
  goto(frame: number): void {
    const f = Math.min(this.frameCount, Math.max(1, Math.round(frame)));
    if (f !== this.#state.frame) this.set({ frame: f });
  }

  /** Shows a status message. */
  say(text: string, error = false): void {
    this.set({ message: { text, error } });
  }
}
