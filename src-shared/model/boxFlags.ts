// Per-box annotation flags (a bit set stored with every annotation box). "Ignored" is not a flag:
// it is MOTChallenge's conf = 0 on a GT row, kept in the conf column so export writes it back.

/** A box the annotator placed or confirmed; interpolation runs between keyframes. */
export const KEYFRAME = 1;
/** A box computed by interpolation between two keyframes (recomputed when they move). */
export const INTERPOLATED = 2;
/** The object is outside the view in this frame (CVAT's "outside": ends a track segment). */
export const OUTSIDE = 4;
/** The object is occluded in this frame. */
export const OCCLUDED = 8;

/** Every flag bit, for validation. */
export const ALL_FLAGS = KEYFRAME | INTERPOLATED | OUTSIDE | OCCLUDED;
