import * as tf from '@tensorflow/tfjs';

export interface SeededDropoutArgs {
  rate: number;
  seed: number;
  name?: string;
}

/**
 * Dropout whose masks come from a seed, for reproducible runs. tf.layers.dropout draws
 * from Math.random unless seeded, and when seeded it draws the same mask at every step;
 * this layer derives a new seed for each training step instead. At inference it passes
 * its input through, so trained models are saved without it (see layers-model.ts).
 */
export class SeededDropout extends tf.layers.Layer {
  static readonly className = 'SeededDropout';
  private readonly rate: number;
  private readonly seed: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    this.rate = args.rate;
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    if (!kwargs.training || this.rate === 0) return input;

    this.calls += 1;
    return tf.dropout(input, this.rate, undefined, this.seed + this.calls * 7919);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}

tf.serialization.registerClass(SeededDropout);
