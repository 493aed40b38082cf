// Log-domain Sinkhorn with a dustbin row and column (METHODS.md §0.3-3), in float64, with the exact
// reverse-mode derivative of the unrolled iterations. The learning code wraps it as one tfjs op
// (tf.customGrad): a few hundred tiny tensor ops per transition would cost more than the CNN step on
// wasm, while this runs in microseconds and is differentiated exactly as "unrolling" prescribes.

/** A transport plan and what its derivative needs. */
export interface SinkhornResult {
  /** (N+1)×(M+1) row-major plan; real rows and columns sum to 1, F[N][M] is meaningless. */
  readonly plan: Float64Array;
  readonly rows: number;
  readonly cols: number;
  /** Gradient of Σ planBar ⊙ plan w.r.t. the N×M logits and the dustbin logit z. */
  backward(planBar: ArrayLike<number>): { logitsBar: Float64Array; zBar: number };
}

function lse(xs: Float64Array, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (xs[i]! > m) m = xs[i]!;
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(xs[i]! - m);
  return m + Math.log(s);
}

/**
 * Plan of the N×M logits `s` (row-major) with dustbin logit `z` after `iters` iterations.
 * N = 0 or M = 0 give the closed forms (all births / all deaths), whose derivative is zero.
 */
export function sinkhornDustbin(s: ArrayLike<number>, N: number, M: number, z: number, iters = 50): SinkhornResult {
  const R = N + 1;
  const C = M + 1;
  const plan = new Float64Array(R * C);
  if (N === 0 || M === 0) {
    for (let j = 0; j < M; j++) plan[j] = 1; // one dustbin row: every target is a birth
    for (let i = 0; i < N; i++) plan[i * C] = 1; // one dustbin column: every source is a death
    return { plan, rows: R, cols: C, backward: () => ({ logitsBar: new Float64Array(N * M), zBar: 0 }) };
  }
  const K = new Float64Array(R * C).fill(z);
  for (let i = 0; i < N; i++) for (let j = 0; j < M; j++) K[i * C + j] = s[i * M + j]!;
  const l = -Math.log(N + M);
  const logMu = new Float64Array(R).fill(l);
  logMu[N] = Math.log(M) + l;
  const logNu = new Float64Array(C).fill(l);
  logNu[M] = Math.log(N) + l;
  // us[k], vs[k]: iterates after iteration k (vs[0] = 0 is the start), kept for the backward pass.
  const us: Float64Array[] = [];
  const vs: Float64Array[] = [new Float64Array(C)];
  const rowBuf = new Float64Array(C);
  const colBuf = new Float64Array(R);
  for (let k = 0; k < iters; k++) {
    const v = vs[k]!;
    const u = new Float64Array(R);
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) rowBuf[j] = K[i * C + j]! + v[j]!;
      u[i] = logMu[i]! - lse(rowBuf, C);
    }
    const vNew = new Float64Array(C);
    for (let j = 0; j < C; j++) {
      for (let i = 0; i < R; i++) colBuf[i] = K[i * C + j]! + u[i]!;
      vNew[j] = logNu[j]! - lse(colBuf, R);
    }
    us.push(u);
    vs.push(vNew);
  }
  const uT = us[iters - 1] ?? new Float64Array(R);
  const vT = vs[iters]!;
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) plan[i * C + j] = Math.exp(K[i * C + j]! + uT[i]! + vT[j]! - l);

  const backward = (planBar: ArrayLike<number>): { logitsBar: Float64Array; zBar: number } => {
    const Kbar = new Float64Array(R * C);
    let ubar = new Float64Array(R);
    let vbar = new Float64Array(C);
    // plan = exp(K + u_T + v_T − l): d/dlogF = planBar ⊙ plan.
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) {
        const g = planBar[i * C + j]! * plan[i * C + j]!;
        Kbar[i * C + j] = g;
        ubar[i] = ubar[i]! + g;
        vbar[j] = vbar[j]! + g;
      }
    }
    for (let k = iters - 1; k >= 0; k--) {
      const u = us[k]!;
      const vPrev = vs[k]!;
      const v = vs[k + 1]!;
      // v_j = logNu_j − LSE_i(K_ij + u_i): ∂v_j/∂(K_ij, u_i) = −softmax_i, which is exp(K + u + v − logNu).
      for (let i = 0; i < R; i++) {
        let acc = 0;
        for (let j = 0; j < C; j++) {
          const q = Math.exp(K[i * C + j]! + u[i]! + v[j]! - logNu[j]!) * vbar[j]!;
          Kbar[i * C + j] = Kbar[i * C + j]! - q;
          acc += q;
        }
        ubar[i] = ubar[i]! - acc;
      }
      // u_i = logMu_i − LSE_j(K_ij + vPrev_j): ∂u_i/∂(K_ij, vPrev_j) = −softmax_j = −exp(K + vPrev + u − logMu).
      const vbarPrev = new Float64Array(C);
      for (let i = 0; i < R; i++) {
        for (let j = 0; j < C; j++) {
          const r = Math.exp(K[i * C + j]! + vPrev[j]! + u[i]! - logMu[i]!) * ubar[i]!;
          Kbar[i * C + j] = Kbar[i * C + j]! - r;
          vbarPrev[j] = vbarPrev[j]! - r;
        }
      }
      vbar = vbarPrev;
      ubar = new Float64Array(R);
    }
    const logitsBar = new Float64Array(N * M);
    let zBar = 0;
    for (let i = 0; i < R; i++) {
      for (let j = 0; j < C; j++) {
        if (i < N && j < M) logitsBar[i * M + j] = Kbar[i * C + j]!;
        else zBar += Kbar[i * C + j]!;
      }
    }
    return { logitsBar, zBar };
  };
  return { plan, rows: R, cols: C, backward };
}
