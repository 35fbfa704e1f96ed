/**
 * Seeded randomness, so that the same configuration and seed reproduce the same run:
 * TensorFlow.js's own initializers and dropout draw from Math.random unless seeded, and
 * a seeded tf.layers.dropout repeats one mask at every step.
 */
export type Random = () => number;

/** Mulberry32: a 32-bit generator, fast and good enough for shuffling and init. */
export function createRandom(seed: number): Random {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Independent streams from one run seed: one each for init, shuffling, augmentation… */
export function deriveSeed(seed: number, stream: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + stream * 0x85ebca6b) | 0;
}

/** 0..count-1 in a random order (Fisher–Yates). */
export function shuffledIndices(count: number, random: Random): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  return order;
}

/** Glorot (Xavier) uniform, Keras's default kernel initializer: U(±√(6 / (in + out))). */
export function glorotUniform(size: number, fanIn: number, fanOut: number,
  random: Random): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = (2 * random() - 1) * limit;
  return values;
}
