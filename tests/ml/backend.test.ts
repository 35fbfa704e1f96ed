import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';

import { BackendUnavailableError, setupBackend } from '../../ml/training/backend';
import {
  installWasmMatMulFix,
  isWasmMatMulFixInstalled,
  removeWasmMatMulFix,
} from '../../ml/training/wasm-matmul-fix';

describe('setting up the TensorFlow.js backend', () => {
  it("refuses 'tensorflow' clearly where @tensorflow/tfjs-node is not installed", async () => {
    const setup = setupBackend('tensorflow');

    await expect(setup).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(setup).rejects.toMatchObject({ code: 'backend_unavailable' });
    await expect(setup).rejects.toThrow(/@tensorflow\/tfjs-node.*'wasm'/);
  });

  it("falls back from 'auto' to WASM with the matmul fix", async () => {
    const logged: object[] = [];
    const logger = { info: (fields: object) => logged.push(fields), warn() {}, debug() {} };

    const backend = await setupBackend('auto', { logger });

    expect(backend).toEqual({ name: 'wasm', tfjsVersion: tf.version.tfjs, matMulFix: true });
    expect(tf.getBackend()).toBe('wasm');
    expect(logged).toHaveLength(1);
  });

  it("runs on the pure-JS 'cpu' backend", async () => {
    const backend = await setupBackend('cpu');

    expect(backend.name).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
  });
});

describe('the WASM matmul fix', () => {
  const products = () => {
    const a = tf.randomNormal([300, 200], 0, 1, 'float32', 1);
    const b = tf.randomNormal([300, 64], 0, 1, 'float32', 2);
    const c = tf.randomNormal([64, 200], 0, 1, 'float32', 3);
    const bias = tf.randomNormal([64], 0, 1, 'float32', 4);
    return [
      tf.matMul(a, b, true, false),
      tf.matMul(c, a, false, true),
      tf.matMul(b, c),
      tf.fused.matMul({ a, b, transposeA: true, activation: 'relu' }),
      tf.fused.matMul({ a, b, transposeA: true, bias }),
    ].map((product) => product.dataSync());
  };

  it('gives the products the CPU backend gives, with either operand transposed', async () => {
    await setupBackend('cpu');
    const expected = products();

    await setupBackend('wasm');
    const fixed = products();

    expect(isWasmMatMulFixInstalled()).toBe(true);
    fixed.forEach((values, k) => {
      values.forEach((value, i) => expect(value).toBeCloseTo(expected[k][i], 3));
    });
  });

  it('can be removed to measure the stock backend, and installed again', async () => {
    await setupBackend('wasm', { matMulFix: false });
    expect(isWasmMatMulFixInstalled()).toBe(false);

    installWasmMatMulFix();

    expect(isWasmMatMulFixInstalled()).toBe(true);
    removeWasmMatMulFix();
    expect(tf.getKernel('BatchMatMul', 'wasm')).toBeDefined();
    installWasmMatMulFix();
  });
});
