// What each shortcut action does, given the controller: navigation, tools and commands.
import { OCCLUDED, OUTSIDE } from '../../src-shared/model/boxFlags';
import { isKeyframe } from '../../src-shared/editing/interpolation';
import type { EditorController } from './controller';
import type { ActionId } from './shortcuts';

/** Performs an action; returns false when it does not apply (nothing selected, ...). */
export function perform(ctl: EditorController, action: ActionId, ui: { toggleHelp: () => void; fit: () => void; actualSize: () => void }): boolean {
  const st = ctl.store.get();
  const { frame } = st;
  const sel = st.selected;
  const one = sel.length === 1 ? sel[0]! : undefined;
  const need = (n: number, what: string): boolean => {
    if (sel.length !== n) ctl.store.say(`Select ${what} first`, true);
    return sel.length === n;
  };
  const trackFrames = one !== undefined ? ctl.model.trackBoxes(one) : [];
  switch (action) {
    case 'nextFrame':
      return ctl.store.goto(frame + 1), true;
    case 'prevFrame':
      return ctl.store.goto(frame - 1), true;
    case 'stepForward':
      return ctl.store.goto(frame + st.stepSize), true;
    case 'stepBack':
      return ctl.store.goto(frame - st.stepSize), true;
    case 'playPause':
      return ctl.store.set({ playing: !st.playing }), true;
    case 'firstFrame':
      return ctl.store.goto(trackFrames[0]?.frame ?? 1), true;
    case 'lastFrame':
      return ctl.store.goto(trackFrames.at(-1)?.frame ?? ctl.model.frameCount), true;
    case 'nextKeyframe': {
      const k = trackFrames.find((b) => b.frame > frame && isKeyframe(b));
      if (k) ctl.store.goto(k.frame);
      return k !== undefined;
    }
    case 'prevKeyframe': {
      const k = [...trackFrames].reverse().find((b) => b.frame < frame && isKeyframe(b));
      if (k) ctl.store.goto(k.frame);
      return k !== undefined;
    }
    case 'draw':
      return ctl.store.set({ tool: 'draw' }), true;
    case 'escape':
      return ctl.store.set({ tool: 'select', selected: [] }), true;
    case 'toggleKeyframe':
      return need(1, 'a box') && (void ctl.commands.toggleKeyframe(frame, one!), true);
    case 'toggleOutside':
      return need(1, 'a box') && (void ctl.commands.toggleFlag(frame, one!, OUTSIDE), true);
    case 'toggleOccluded':
      return need(1, 'a box') && (void ctl.commands.toggleFlag(frame, one!, OCCLUDED), true);
    case 'toggleInterpolation':
      return need(1, 'a track') && (void ctl.commands.interpolation(one!, ctl.model.track(one!)?.attributes['interpolate'] !== true), true);
    case 'merge':
      // The first selected track is merged into the second (CVAT: M, then the target).
      return need(2, 'two tracks (click, then Shift+click)') && (void ctl.commands.merge(sel[0]!, sel[1]!), true);
    case 'swap':
      return need(2, 'two tracks (click, then Shift+click)') && (void ctl.commands.swapFrom(sel[0]!, sel[1]!, frame), true);
    case 'split':
      return need(1, 'a track') && (void ctl.commands.split(one!, frame), true);
    case 'deleteBox':
      return need(1, 'a box') && (void ctl.commands.deleteBox(frame, one!), true);
    case 'deleteFrom':
      return need(1, 'a track') && (void ctl.commands.deleteFrom(one!, frame), true);
    case 'undo':
      return void ctl.undo(), true;
    case 'redo':
      return void ctl.redo(), true;
    case 'save':
      return ctl.store.say('Every edit is saved as you make it'), true;
    case 'nextObject':
    case 'prevObject': {
      const ids = ctl.model.frameBoxes(frame).map((b) => b.trackId);
      if (ids.length === 0) return false;
      const i = one === undefined ? -1 : ids.indexOf(one);
      const j = action === 'nextObject' ? (i + 1) % ids.length : (i - 1 + ids.length) % ids.length;
      return ctl.store.set({ selected: [ids[j]!] }), true;
    }
    case 'hide':
    case 'lock': {
      if (!need(1, 'a track')) return false;
      const key = action === 'hide' ? 'hidden' : 'locked';
      const set = new Set(st[key]);
      if (set.has(one!)) set.delete(one!);
      else set.add(one!);
      return ctl.store.set({ [key]: set }), true;
    }
    case 'fit':
      return ui.fit(), true;
    case 'actualSize':
      return ui.actualSize(), true;
    case 'help':
      return ui.toggleHelp(), true;
  }
}
