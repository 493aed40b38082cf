// Adam (Kingma & Ba) over named variables with its whole state as plain data, so a checkpoint can
// carry it and a resumed run continues bit-for-bit (tf.train.adam keeps state in anonymous variables).
import * as tf from '@tensorflow/tfjs';

/** Adam hyper-parameters. */
export interface AdamOptions {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}

/** Plain-data optimiser state: step count and first/second moments per variable name. */
export interface AdamState {
  readonly t: number;
  readonly m: Readonly<Record<string, Float32Array>>;
  readonly v: Readonly<Record<string, Float32Array>>;
}

/** Adam on a fixed set of named variables. */
export class Adam {
  private t = 0;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();

  constructor(
    private readonly vars: ReadonlyMap<string, tf.Variable>,
    private readonly opts: AdamOptions,
  ) {
    for (const [name, x] of vars) {
      // Inside tidy: the zeros are freed once the variables hold their data.
      this.m.set(name, tf.tidy(() => tf.variable(tf.zerosLike(x), false)));
      this.v.set(name, tf.tidy(() => tf.variable(tf.zerosLike(x), false)));
    }
  }

  /** One update; variables without a gradient keep their value and moments. */
  apply(grads: Readonly<Record<string, tf.Tensor | undefined>>): void {
    this.t++;
    const { learningRate: lr, beta1: b1, beta2: b2, epsilon } = this.opts;
    // Bias correction folded into the step size (the form tf.train.adam uses).
    const stepSize = (lr * Math.sqrt(1 - b2 ** this.t)) / (1 - b1 ** this.t);
    tf.tidy(() => {
      for (const [name, x] of this.vars) {
        const g = grads[name];
        if (!g) continue;
        const m = this.m.get(name)!;
        const v = this.v.get(name)!;
        m.assign(tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1)));
        v.assign(tf.add(tf.mul(v, b2), tf.mul(tf.square(g), 1 - b2)));
        x.assign(tf.sub(x, tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon)), stepSize)));
      }
    });
  }

  /** A copy of the state. */
  state(): AdamState {
    const read = (src: Map<string, tf.Variable>): Record<string, Float32Array> => Object.fromEntries([...src].map(([k, x]) => [k, Float32Array.from(x.dataSync())]));
    return { t: this.t, m: read(this.m), v: read(this.v) };
  }

  /** Restores a state taken from the same variable set (missing moments restart at zero). */
  load(s: AdamState): void {
    this.t = s.t;
    tf.tidy(() => {
      for (const [name, x] of this.m) x.assign(tf.tensor(s.m[name] ?? new Float32Array(x.size), x.shape));
      for (const [name, x] of this.v) x.assign(tf.tensor(s.v[name] ?? new Float32Array(x.size), x.shape));
    });
  }

  /** Frees the moment variables. */
  dispose(): void {
    tf.dispose([...this.m.values(), ...this.v.values()]);
  }
}
