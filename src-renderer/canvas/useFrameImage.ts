// Loads frame images by URL and keeps a few decoded ahead, so stepping through frames does not flicker.
import { useEffect, useRef, useState } from 'react';

/** The media URL of a frame (relative: served by browser mode and by Electron's app:// protocol alike). */
export function frameUrl(project: string, sequence: number, frame: number): string {
  return `media/frame?${new URLSearchParams({ project, sequence: String(sequence), frame: String(frame) }).toString()}`;
}

/** The decoded image of `url` (undefined while loading; the previous image stays until the new one is ready). */
export function useFrameImage(url: string | undefined, prefetch: readonly string[] = []): { image: HTMLImageElement | undefined; error: string | undefined } {
  const cache = useRef(new Map<string, HTMLImageElement>());
  const [state, setState] = useState<{ image?: HTMLImageElement; error?: string }>({});
  const prefetchKey = prefetch.join('|');
  useEffect(() => {
    if (!url) return;
    let live = true;
    const load = (u: string): HTMLImageElement => {
      let img = cache.current.get(u);
      if (!img) {
        img = new Image();
        img.decoding = 'async';
        img.src = u;
        cache.current.set(u, img);
        if (cache.current.size > 48) cache.current.delete(cache.current.keys().next().value!);
      }
      return img;
    };
    const img = load(url);
    const done = (): void => void (live && setState({ image: img }));
    if (img.complete && img.naturalWidth > 0) done();
    else {
      img.onload = done;
      img.onerror = () => live && setState((s) => ({ ...s, error: `cannot load ${url}` }));
    }
    for (const u of prefetchKey ? prefetchKey.split('|') : []) load(u);
    return () => {
      live = false;
    };
  }, [url, prefetchKey]);
  return { image: state.image, error: state.error };
}
