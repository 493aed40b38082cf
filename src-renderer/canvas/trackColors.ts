// Stable, distinguishable colours per track id (golden-angle hues): id 7 is the same colour everywhere.

/** The CSS colour of a track id. */
export function trackColor(id: number): string {
  const hue = (id * 137.508) % 360;
  return `hsl(${hue.toFixed(1)}, 85%, 58%)`;
}
