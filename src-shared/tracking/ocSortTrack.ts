// One OC-SORT track: noahcao/OC_SORT @ 8462e7e7 trackers/ocsort_tracker/ocsort.py `KalmanBoxTracker`
// (observations by age, velocity direction over delta_t steps) on kalmanfilter.py `KalmanFilterNew`,
// whose observation-centric re-update (ORU) is reproduced here: on the first missed frame the filter
// state is frozen; when the track is observed again the state is restored and re-updated along a
// virtual trajectory interpolated linearly (centre, width, height) between the last observation and
// the new one, then updated with the new observation as usual.
import { SORT_NOISE, XysrKalman, tlbrToXysr, xysrToTlbr } from './kalmanXysr';

/** ocsort.py `convert_bbox_to_z` adds 1e-6 to h in the aspect ratio. */
const RATIO_EPS = 1e-6;

/** ocsort.py `speed_direction`: unit vector (dy, dx) from the centre of box a to the centre of box b (tlbr). */
export function speedDirection(a: ArrayLike<number>, b: ArrayLike<number>): [number, number] {
  const cx1 = (a[0]! + a[2]!) / 2, cy1 = (a[1]! + a[3]!) / 2;
  const cx2 = (b[0]! + b[2]!) / 2, cy2 = (b[1]! + b[3]!) / 2;
  const dy = cy2 - cy1;
  const dx = cx2 - cx1;
  const norm = Math.sqrt(dy * dy + dx * dx) + 1e-6;
  return [dy / norm, dx / norm];
}

/** The placeholder OC-SORT uses for "no observation" ([-1, -1, -1, -1, -1]). */
export const NO_OBSERVATION: Float64Array = Float64Array.of(-1, -1, -1, -1, -1);

/** numpy's sum of a 5-vector (sequential below 8 elements). */
function sum5(b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < 5; i++) s += b[i]!;
  return s;
}

/** An OC-SORT track. Observations are [x1, y1, x2, y2, score]. */
export class OcSortTrack {
  readonly kf: XysrKalman;
  readonly id: number;
  timeSinceUpdate = 0;
  hits = 0;
  hitStreak = 0;
  age = 0;
  lastObservation: Float64Array = NO_OBSERVATION;
  /** (dy, dx) direction, or null before two observations. */
  velocity: [number, number] | null = null;
  readonly #deltaT: number;
  /** The last `deltaT` observations and the ages they were made at (`self.observations`, pruned). */
  readonly #obsAge: number[] = [];
  readonly #obs: Float64Array[] = [];
  // KalmanFilterNew's ORU state: whether the last update had a measurement, the frozen state,
  // the last non-missing entry of `history_obs` and how many missing entries follow it.
  #observed = false;
  #frozen: { x: Float64Array; P: Float64Array } | null = null;
  #lastZ: Float64Array | null = null;
  #missedSinceZ = 0;
  readonly #z = new Float64Array(4);

  constructor(bbox: Float64Array, deltaT: number, id: number) {
    this.kf = new XysrKalman(tlbrToXysr(bbox, 0, new Float64Array(4), RATIO_EPS), SORT_NOISE);
    this.#deltaT = deltaT;
    this.id = id;
  }

  /** `KalmanBoxTracker.predict`; returns the predicted tlbr. */
  predict(out: Float64Array): Float64Array {
    const x = this.kf.x;
    if (x[6]! + x[2]! <= 0) x[6] = x[6]! * 0;
    this.kf.predict();
    this.age++;
    if (this.timeSinceUpdate > 0) this.hitStreak = 0;
    this.timeSinceUpdate++;
    return xysrToTlbr(x, out);
  }

  /** `k_previous_obs(observations, age, k)`: the observation k, k-1, ..., 1 steps ago, else the latest, else the placeholder. */
  previousObservation(k: number): Float64Array {
    if (this.#obs.length === 0) return NO_OBSERVATION;
    for (let i = 0; i < k; i++) {
      const j = this.#obsAge.indexOf(this.age - (k - i));
      if (j >= 0) return this.#obs[j]!;
    }
    return this.#obs[this.#obs.length - 1]!;
  }

  /** `KalmanBoxTracker.update(bbox)`; null marks a frame without a match. */
  update(bbox: Float64Array | null): void {
    if (bbox === null) {
      this.#kfUpdate(null);
      return;
    }
    if (sum5(this.lastObservation) >= 0) {
      let previous: Float64Array | null = null;
      for (let i = 0; i < this.#deltaT; i++) {
        const j = this.#obsAge.indexOf(this.age - (this.#deltaT - i));
        if (j >= 0) {
          previous = this.#obs[j]!;
          break;
        }
      }
      this.velocity = speedDirection(previous ?? this.lastObservation, bbox);
    }
    this.lastObservation = bbox;
    this.#obsAge.push(this.age);
    this.#obs.push(bbox);
    if (this.#obs.length > this.#deltaT) {
      this.#obsAge.shift();
      this.#obs.shift();
    }
    this.timeSinceUpdate = 0;
    this.hits++;
    this.hitStreak++;
    this.#kfUpdate(tlbrToXysr(bbox, 0, this.#z, RATIO_EPS));
  }

  /** The current Kalman box (tlbr). */
  state(out: Float64Array): Float64Array {
    return xysrToTlbr(this.kf.x, out);
  }

  /** `KalmanFilterNew.update` with its freeze/unfreeze. */
  #kfUpdate(z: Float64Array | null): void {
    if (z === null) {
      if (this.#observed) this.#frozen = this.kf.snapshot();
      this.#observed = false;
      this.#missedSinceZ++;
      return;
    }
    let virtualLast: Float64Array | null = null;
    if (!this.#observed && this.#frozen) virtualLast = this.#reupdate(z);
    this.#observed = true;
    this.kf.update(z);
    // After a re-update the history ends with the last virtual box, not with z (unfreeze replaced the list).
    if (virtualLast) this.#lastZ = virtualLast;
    else (this.#lastZ ??= new Float64Array(4)).set(z);
    this.#missedSinceZ = 0;
  }

  /** `unfreeze`: restore, then update along the virtual trajectory; returns its last box. */
  #reupdate(z: Float64Array): Float64Array {
    this.kf.restore(this.#frozen!);
    this.#frozen = null;
    const z1 = this.#lastZ!;
    const gap = this.#missedSinceZ + 1;
    const x1 = z1[0]!, y1 = z1[1]!, s1 = z1[2]!, r1 = z1[3]!;
    const w1 = Math.sqrt(s1 * r1), h1 = Math.sqrt(s1 / r1);
    const x2 = z[0]!, y2 = z[1]!, s2 = z[2]!, r2 = z[3]!;
    const w2 = Math.sqrt(s2 * r2), h2 = Math.sqrt(s2 / r2);
    const dx = (x2 - x1) / gap, dy = (y2 - y1) / gap, dw = (w2 - w1) / gap, dh = (h2 - h1) / gap;
    const box = new Float64Array(4);
    for (let i = 0; i < gap; i++) {
      const w = w1 + (i + 1) * dw;
      const h = h1 + (i + 1) * dh;
      box[0] = x1 + (i + 1) * dx;
      box[1] = y1 + (i + 1) * dy;
      box[2] = w * h;
      box[3] = w / h;
      this.kf.update(box);
      if (i !== gap - 1) this.kf.predict();
    }
    return box;
  }
}
