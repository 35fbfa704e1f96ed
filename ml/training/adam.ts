import * as tf from '@tensorflow/tfjs';

// Adam as tf.train.adam computes it: β1 0.9, β2 0.999, ε 1e-7, bias-corrected moments.
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-7;

/** Adam on parameters held in a JS array, updated in place: for small layers. */
export class ArrayAdam {
  private readonly firstMoment: Float32Array;
  private readonly secondMoment: Float32Array;
  private step = 0;

  constructor(size: number, private readonly learningRate: number) {
    this.firstMoment = new Float32Array(size);
    this.secondMoment = new Float32Array(size);
  }

  update(parameters: Float32Array, gradients: ArrayLike<number>): void {
    this.step += 1;
    const stepSize = this.learningRate / (1 - BETA1 ** this.step);
    const secondCorrection = 1 - BETA2 ** this.step;
    const m = this.firstMoment;
    const v = this.secondMoment;

    for (let i = 0; i < parameters.length; i++) {
      const g = gradients[i];
      m[i] = BETA1 * m[i] + (1 - BETA1) * g;
      v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
      parameters[i] -= (stepSize * m[i]) / (Math.sqrt(v[i] / secondCorrection) + EPSILON);
    }
  }
}

/**
 * Adam on a tensor in 10 element-wise kernels (tf.train.adam takes 18). It keeps the
 * moments scaled, u = m / (1 − β1) and s = v / (1 − β2), so that they update as
 * u ← β1·u + g and s ← β2·s + g², and folds every bias correction into two scalars:
 * θ ← θ − K·u / (√s + E) with c = √((1 − β2) / (1 − β2ᵗ)), K = lr·(1 − β1) / ((1 − β1ᵗ)·c)
 * and E = ε / c — algebraically tf.train.adam's update.
 */
export class TensorAdam {
  private firstMoment: tf.Tensor;
  private secondMoment: tf.Tensor;
  private readonly beta1: tf.Scalar;
  private readonly beta2: tf.Scalar;
  private step = 0;

  constructor(shape: number[], private readonly learningRate: number) {
    this.firstMoment = tf.zeros(shape);
    this.secondMoment = tf.zeros(shape);
    this.beta1 = tf.scalar(BETA1);
    this.beta2 = tf.scalar(BETA2);
  }

  /** The updated parameters; the caller disposes the old ones and the gradients. */
  apply<T extends tf.Tensor>(parameters: T, gradients: T): T {
    this.step += 1;
    const c = Math.sqrt((1 - BETA2) / (1 - BETA2 ** this.step));
    const stepSize = (this.learningRate * (1 - BETA1)) / ((1 - BETA1 ** this.step) * c);
    const epsilon = EPSILON / c;

    const [updated, firstMoment, secondMoment] = tf.tidy(() => {
      const u = tf.add(tf.mul(this.firstMoment, this.beta1), gradients);
      const s = tf.add(tf.mul(this.secondMoment, this.beta2), tf.square(gradients));
      const change = tf.mul(tf.div(u, tf.add(tf.sqrt(s), tf.scalar(epsilon))),
        tf.scalar(stepSize));
      return [tf.sub(parameters, change) as T, u, s];
    });

    this.firstMoment.dispose();
    this.secondMoment.dispose();
    this.firstMoment = firstMoment;
    this.secondMoment = secondMoment;
    return updated;
  }

  dispose(): void {
    tf.dispose([this.firstMoment, this.secondMoment, this.beta1, this.beta2]);
  }
}
