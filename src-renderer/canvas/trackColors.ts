// Stable, distinguishable colours per track id (golden-angle hues): id 7 is the same colour everywhere.
// Hues are quantised to 5° and the CSS strings precomputed: canvas parses a colour string on every
// strokeStyle assignment, and 1,000 distinct strings per frame cost more than the boxes themselves.

const STEPS = 72;
const PALETTE = Array.from({ length: STEPS }, (_, i) => hslHex(i * (360 / STEPS), 0.85, 0.58));

/** #rrggbb of an HSL colour (h in degrees, s and l in [0, 1]). */
function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): string => {
    const k = (n + h / 30) % 12;
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** The CSS colour of a track id. */
export function trackColor(id: number): string {
  return PALETTE[Math.round(((id * 137.508) % 360) / (360 / STEPS)) % STEPS]!;
}
