// One shortcut registry (Excalidraw's ActionManager idea): every editor action has a default key set
// following the CVAT/DIVE consensus of PRODUCT.md §5, can be remapped (stored in localStorage), and
// two actions on one key are reported as a conflict, never silently resolved.

/** Every action that has a shortcut. */
export const ACTIONS = {
  nextFrame: { label: 'Next frame', keys: ['f', 'ArrowRight'] },
  prevFrame: { label: 'Previous frame', keys: ['d', 'ArrowLeft'] },
  stepForward: { label: 'Forward N frames', keys: ['v'] },
  stepBack: { label: 'Back N frames', keys: ['c'] },
  playPause: { label: 'Play / pause', keys: [' '] },
  firstFrame: { label: 'First frame (of the selected track)', keys: ['Home'] },
  lastFrame: { label: 'Last frame (of the selected track)', keys: ['End'] },
  nextKeyframe: { label: 'Next keyframe of the selected track', keys: ['r'] },
  prevKeyframe: { label: 'Previous keyframe of the selected track', keys: ['e'] },
  draw: { label: 'Draw a new box', keys: ['n'] },
  toggleKeyframe: { label: 'Toggle keyframe', keys: ['k'] },
  toggleOutside: { label: 'Outside (ends the track here)', keys: ['o'] },
  toggleOccluded: { label: 'Occluded', keys: ['q'] },
  toggleInterpolation: { label: 'Interpolation on/off for the track', keys: ['i'] },
  merge: { label: 'Merge the two selected tracks', keys: ['m'] },
  swap: { label: 'Swap the two selected tracks from this frame', keys: ['x'] },
  split: { label: 'Split the selected track at this frame', keys: ['Alt+x'] },
  deleteBox: { label: 'Delete the selected box', keys: ['Delete', 'Backspace'] },
  deleteFrom: { label: 'Delete the selected track from this frame', keys: ['Shift+Delete'] },
  undo: { label: 'Undo', keys: ['Ctrl+z'] },
  redo: { label: 'Redo', keys: ['Ctrl+Shift+z', 'Ctrl+y'] },
  save: { label: 'Save (edits are saved as you make them)', keys: ['Ctrl+s'] },
  nextObject: { label: 'Select the next object', keys: ['Tab'] },
  prevObject: { label: 'Select the previous object', keys: ['Shift+Tab'] },
  hide: { label: 'Hide / show the selected track', keys: ['h'] },
  lock: { label: 'Lock / unlock the selected track', keys: ['l'] },
  fit: { label: 'Zoom to fit', keys: ['0'] },
  actualSize: { label: 'Zoom 1:1', keys: ['1'] },
  escape: { label: 'Cancel (drawing, selection)', keys: ['Escape'] },
  help: { label: 'Keyboard shortcuts', keys: ['?'] },
} as const satisfies Record<string, { label: string; keys: readonly string[] }>;

/** An action id. */
export type ActionId = keyof typeof ACTIONS;
/** Action -> keys. */
export type KeyMap = Record<ActionId, readonly string[]>;

const STORAGE_KEY = 'trackwright.shortcuts.v1';

/** The defaults. */
export function defaultKeyMap(): KeyMap {
  return Object.fromEntries(Object.entries(ACTIONS).map(([id, a]) => [id, [...a.keys] as string[]])) as unknown as KeyMap;
}

/** Normalises a key chord: modifiers in a fixed order, letters lower-case ("Ctrl+Shift+z"). */
export function normalizeChord(chord: string): string {
  const parts = chord.split('+').filter((p, i, all) => p !== '' || (i === all.length - 1 && chord.endsWith('+')));
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((m) => m.toLowerCase()));
  const name = key.length === 1 ? key.toLowerCase() : key;
  return [mods.has('ctrl') || mods.has('meta') ? 'Ctrl' : '', mods.has('alt') ? 'Alt' : '', mods.has('shift') && key !== '?' ? 'Shift' : '', name].filter(Boolean).join('+');
}

/** The chord of a keyboard event, in normalised form. */
export function chordOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>): string {
  // With Alt held, some layouts change e.key (Alt+x -> ≈): use the physical key for letters.
  const key = e.altKey && /^Key[A-Z]$/.test(e.code) ? e.code.slice(3) : e.key;
  const shiftMatters = key.length !== 1 || /[a-z]/i.test(key);
  return normalizeChord([e.ctrlKey || e.metaKey ? 'Ctrl' : '', e.altKey ? 'Alt' : '', e.shiftKey && shiftMatters ? 'Shift' : '', key].filter(Boolean).join('+'));
}

/** Keys bound to more than one action. */
export function conflicts(map: KeyMap): { chord: string; actions: ActionId[] }[] {
  const by = new Map<string, ActionId[]>();
  for (const [id, keys] of Object.entries(map) as [ActionId, readonly string[]][]) {
    for (const k of keys) {
      const c = normalizeChord(k);
      by.set(c, [...(by.get(c) ?? []), id]);
    }
  }
  return [...by].filter(([, a]) => a.length > 1).map(([chord, actions]) => ({ chord, actions }));
}

/** The action a chord triggers (undefined when none, or when it is a conflict). */
export function actionFor(map: KeyMap, chord: string): ActionId | undefined {
  const found = (Object.entries(map) as [ActionId, readonly string[]][]).filter(([, keys]) => keys.some((k) => normalizeChord(k) === chord));
  return found.length === 1 ? found[0]![0] : undefined;
}

/** The user's map (defaults for actions they did not remap). */
export function loadKeyMap(storage: Pick<Storage, 'getItem'> = localStorage): KeyMap {
  const base = defaultKeyMap();
  try {
    const saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}') as Partial<Record<string, string[]>>;
    for (const [id, keys] of Object.entries(saved)) if (id in base && Array.isArray(keys)) base[id as ActionId] = keys.map(String);
  } catch {
    // a damaged entry: the defaults stand
  }
  return base;
}

/** Saves the map; returns its conflicts (the caller shows them). */
export function saveKeyMap(map: KeyMap, storage: Pick<Storage, 'setItem'> = localStorage): ReturnType<typeof conflicts> {
  storage.setItem(STORAGE_KEY, JSON.stringify(map));
  return conflicts(map);
}
