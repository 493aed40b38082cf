// A Conv2D gradient built only from ops every tfjs backend has. The wasm backend lacks the
// Conv2DBackpropFilter kernel (ENVIRONMENT.md), so the stock gradient cannot train there; the cpu
// backend's stock filter gradient is correct but orders of magnitude slower than this formulation.
import * as tf from '@tensorflow/tfjs';

type Pad = 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;

/**
 * dL/dfilter of `conv2d(x, filter, strides, pad)` (NHWC, dilation 1) as one forward conv2d:
 * the batch becomes the channel axis, `dy` becomes the filter and the stride becomes its dilation,
 * so out[ci, a, b, co] = Σ_{n,i,j} x[n, a + i·s − padTop, b + j·s − padLeft, ci] · dy[n, i, j, co].
 */
export function conv2dFilterGrad(x: tf.Tensor4D, dy: tf.Tensor4D, filterShape: [number, number, number, number], strides: number | [number, number], pad: Pad): tf.Tensor4D {
  return tf.tidy(() => {
    const info = tf.backend_util.computeConv2DInfo(x.shape, filterShape, strides, 1, pad as 'same', 'floor', false, 'channelsLast');
    const [kh, kw] = [filterShape[0], filterShape[1]];
    const { top, left } = info.padInfo;
    // Rows of x the forward pass never reaches (floor rounding) are dropped by a negative bottom pad.
    const extent = (inSize: number, before: number, outSize: number, stride: number, k: number): [number, number] => {
      const needed = (outSize - 1) * stride + k; // padded rows the forward conv touched
      return [before, needed - before - inSize];
    };
    const [pt, pbRaw] = extent(info.inHeight, top, info.outHeight, info.strideHeight, kh);
    const [pl, prRaw] = extent(info.inWidth, left, info.outWidth, info.strideWidth, kw);
    let [pb, pr] = [pbRaw, prRaw];
    let xs = x;
    if (pb < 0 || pr < 0) {
      xs = tf.slice(x, [0, 0, 0, 0], [-1, info.inHeight + Math.min(pb, 0), info.inWidth + Math.min(pr, 0), -1]);
      pb = Math.max(pb, 0);
      pr = Math.max(pr, 0);
    }
    if (pt < 0 || pl < 0) throw new Error('conv2dFilterGrad: negative leading padding is not supported');
    const xT = tf.transpose(xs, [3, 1, 2, 0]); // [Cin, H, W, B]
    const dyT = tf.transpose(dy, [1, 2, 0, 3]); // [Ho, Wo, B, Cout]
    const padding: tf.backend_util.ExplicitPadding = [[0, 0], [pt, pb], [pl, pr], [0, 0]];
    const g = tf.conv2d(xT, dyT, 1, padding, 'NHWC', [info.strideHeight, info.strideWidth]); // [Cin, kh, kw, Cout]
    return tf.transpose(g, [1, 2, 0, 3]);
  });
}

/**
 * dL/dx of `conv2d(x, filter, strides, pad)` (NHWC, dilation 1) as one stride-1 forward conv2d of the
 * zero-dilated `dy` with the spatially flipped, in/out-swapped filter. Used instead of conv2dTranspose
 * because wasm's Conv2DBackpropInput kernel is a plain loop, ~10× slower than its XNNPACK Conv2D.
 */
export function conv2dInputGrad(xShape: [number, number, number, number], dy: tf.Tensor4D, filter: tf.Tensor4D, strides: number | [number, number], pad: Pad): tf.Tensor4D {
  return tf.tidy(() => {
    const [kh, kw, , cout] = filter.shape;
    const info = tf.backend_util.computeConv2DInfo(xShape, filter.shape, strides, 1, pad as 'same', 'floor', false, 'channelsLast');
    const [B, H, W] = xShape;
    const [Ho, Wo, sh, sw] = [info.outHeight, info.outWidth, info.strideHeight, info.strideWidth];
    let d: tf.Tensor4D = dy;
    // Dilate: put s−1 zeros after every row (then column) of dy, by padding a unit axis and reshaping.
    if (sh > 1) d = tf.reshape(tf.pad(tf.reshape(d, [B, Ho, 1, Wo * cout]), [[0, 0], [0, 0], [0, sh - 1], [0, 0]]), [B, Ho * sh, Wo, cout]);
    if (sw > 1) d = tf.reshape(tf.pad(tf.reshape(d, [B * Ho * sh, Wo, 1, cout]), [[0, 0], [0, 0], [0, sw - 1], [0, 0]]), [B, Ho * sh, Wo * sw, cout]);
    // dx[p] = Σ_a' dyd[p + a' − (k−1−padBefore)] · f[k−1−a']: rows of dyd past H−1+padBefore never reach x.
    const rows = Math.min(Ho * sh, H + info.padInfo.top);
    const cols = Math.min(Wo * sw, W + info.padInfo.left);
    if (rows < Ho * sh || cols < Wo * sw) d = tf.slice(d, [0, 0, 0, 0], [B, rows, cols, cout]);
    const padding: tf.backend_util.ExplicitPadding = [
      [0, 0],
      [kh - 1 - info.padInfo.top, H + info.padInfo.top - rows],
      [kw - 1 - info.padInfo.left, W + info.padInfo.left - cols],
      [0, 0],
    ];
    const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D; // [kh, kw, cout, cin]
    
    return tf.conv2d(d, flipped, 1, padding);
  });
}

let registered = false;

/**
 * Replaces tfjs's Conv2D gradient (global, keyed by kernel name) with one that needs only Conv2D and
 * Conv2DBackpropInput kernels. Idempotent. Dilated or NCHW convolutions keep failing loudly, as before.
 */
export function registerTrainableConv2dGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerGradient({
    kernelName: 'Conv2D',
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy, saved, attrs) => {
      const [x, filter] = saved as [tf.Tensor4D, tf.Tensor4D];
      const a = attrs as unknown as { strides: [number, number] | number; pad: Pad; dilations: number | [number, number]; dataFormat: string };
      const dil = Array.isArray(a.dilations) ? a.dilations : [a.dilations, a.dilations];
      if (dil[0] !== 1 || dil[1] !== 1 || a.dataFormat !== 'NHWC') throw new Error('Conv2D gradient: only NHWC with dilation 1 is supported');
      const dy4 = dy as tf.Tensor4D;
      return {
        x: () => conv2dInputGrad(x.shape, dy4, filter, a.strides, a.pad),
        filter: () => conv2dFilterGrad(x, dy4, filter.shape, a.strides, a.pad),
      };
    },
  });
}
