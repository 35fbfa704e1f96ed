// Tandem's training kernels for the reference MLP family: dense ReLU layers, a linear
// output layer, Adam. Compiled to WebAssembly with 128-bit SIMD (npm run build:kernels)
// and driven by ml/training/simd-mlp.ts, which owns the memory layout and the softmax.
//
// Why not XNNPACK's dense products: most inputs of the first layer are exact zeros (81 %
// of MNIST's pixels; after a ReLU about half of each hidden layer's activations), and a
// zero adds nothing to a product. Each row's non-zero inputs are listed once, and only
// they are multiplied: the same sums as a dense product, a fifth of the work.
//
// All matrices are row-major. Pointers are offsets into the module's own memory.
#include <stdint.h>
#include <wasm_simd128.h>

#define EXPORT __attribute__((visibility("default")))

// Units are handled 32 at a time, in 8 vectors that stay in registers.
#define BLOCK 32

/** v / 255 for each byte value v: a look-up instead of a division per pixel. */
static float unit_scale[256];

/**
 * The non-zero bytes of from[0 .. pixels), scaled to [0, 1], into index / value; returns
 * how many. 16 pixels at a time: a mask of the non-zero ones, walked bit by bit (no branch
 * per pixel to mispredict; MNIST's blank borders are skipped 16 at a time).
 */
static int list_bytes(const uint8_t *from, int pixels, int32_t *index, float *value) {
  if (unit_scale[255] == 0.0f) {
    for (int v = 0; v < 256; v++) unit_scale[v] = (float)v / 255.0f;
  }
  int n = 0;
  int i = 0;
  for (; i + 16 <= pixels; i += 16) {
    v128_t chunk = wasm_v128_load(from + i);
    uint32_t mask = wasm_i8x16_bitmask(wasm_i8x16_ne(chunk, wasm_i8x16_splat(0)));
    while (mask) {
      int at = i + __builtin_ctz(mask);
      index[n] = at;
      value[n] = unit_scale[from[at]];
      n++;
      mask &= mask - 1;
    }
  }
  for (; i < pixels; i++) {
    if (from[i] != 0) {
      index[n] = i;
      value[n] = unit_scale[from[i]];
      n++;
    }
  }
  return n;
}

/**
 * The non-zero pixels of `count` images, one after the other: row r lists counts[r] of
 * them at index / value + starts[r], starts[r] = r·pixels.
 */
EXPORT void rows_from_bytes(const uint8_t *images, int pixels, int count, int32_t *index,
                            float *value, int32_t *starts, int32_t *counts) {
  for (int r = 0; r < count; r++) {
    starts[r] = r * pixels;
    counts[r] = list_bytes(images + (intptr_t)r * pixels, pixels, index + starts[r],
                           value + starts[r]);
  }
}

/**
 * The non-zero pixels of `count` images, packed one image after the other from index /
 * value [0]: image r's list starts at starts[r] = base + the entries before it. Returns
 * the number of entries written. Done once for a training set, so that a batch only
 * picks its images' lists (select_rows).
 */
EXPORT int packed_rows_from_bytes(const uint8_t *images, int pixels, int count, int base,
                                  int32_t *index, float *value, int32_t *starts) {
  int n = 0;
  for (int r = 0; r < count; r++) {
    starts[r] = base + n;
    n += list_bytes(images + (intptr_t)r * pixels, pixels, index + n, value + n);
  }
  return n;
}

/** How many of bytes[0 .. n) are not zero, 16 at a time. */
EXPORT int count_nonzero(const uint8_t *bytes, int n) {
  int count = 0;
  int i = 0;
  for (; i + 16 <= n; i += 16) {
    v128_t chunk = wasm_v128_load(bytes + i);
    count += __builtin_popcount(wasm_i8x16_bitmask(wasm_i8x16_ne(chunk, wasm_i8x16_splat(0))));
  }
  for (; i < n; i++) count += bytes[i] != 0;
  return count;
}

/** A batch's lists out of packed ones: row r is sample order[r], whose list starts at
 * packed_starts[order[r]] and ends where the next sample's begins. */
EXPORT void select_rows(const int32_t *packed_starts, const int32_t *order, int count,
                        int32_t *starts, int32_t *counts) {
  for (int r = 0; r < count; r++) {
    int sample = order[r];
    starts[r] = packed_starts[sample];
    counts[r] = packed_starts[sample + 1] - packed_starts[sample];
  }
}

/** The non-zero entries of each row of x [count, width], listed as rows_from_bytes does. */
EXPORT void rows_from_floats(const float *x, int width, int count, int32_t *index,
                             float *value, int32_t *starts, int32_t *counts) {
  for (int r = 0; r < count; r++) {
    const float *from = x + (intptr_t)r * width;
    int32_t *row_index = index + (intptr_t)r * width;
    float *row_value = value + (intptr_t)r * width;
    int n = 0;
    int i = 0;
    for (; i + 4 <= width; i += 4) {
      v128_t chunk = wasm_v128_load(from + i);
      uint32_t mask = wasm_i32x4_bitmask(wasm_f32x4_ne(chunk, wasm_f32x4_splat(0.0f)));
      while (mask) {
        int at = i + __builtin_ctz(mask);
        row_index[n] = at;
        row_value[n] = from[at];
        n++;
        mask &= mask - 1;
      }
    }
    for (; i < width; i++) {
      if (from[i] != 0.0f) {
        row_index[n] = i;
        row_value[n] = from[i];
        n++;
      }
    }
    starts[r] = r * width;
    counts[r] = n;
  }
}

/** y[0 .. units) = bias + Σ value[k]·W[index[k], :], optionally through a ReLU. */
static void sparse_row_times(const int32_t *index, const float *value, int nonzero,
                             const float *weights, const float *bias, int units, int relu,
                             float *y) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  int j = 0;
  for (; j + BLOCK <= units; j += BLOCK) {
    v128_t a0 = wasm_v128_load(bias + j), a1 = wasm_v128_load(bias + j + 4);
    v128_t a2 = wasm_v128_load(bias + j + 8), a3 = wasm_v128_load(bias + j + 12);
    v128_t a4 = wasm_v128_load(bias + j + 16), a5 = wasm_v128_load(bias + j + 20);
    v128_t a6 = wasm_v128_load(bias + j + 24), a7 = wasm_v128_load(bias + j + 28);
    for (int k = 0; k < nonzero; k++) {
      const float *w = weights + (intptr_t)index[k] * units + j;
      v128_t s = wasm_f32x4_splat(value[k]);
      a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(s, wasm_v128_load(w)));
      a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(s, wasm_v128_load(w + 4)));
      a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(s, wasm_v128_load(w + 8)));
      a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(s, wasm_v128_load(w + 12)));
      a4 = wasm_f32x4_add(a4, wasm_f32x4_mul(s, wasm_v128_load(w + 16)));
      a5 = wasm_f32x4_add(a5, wasm_f32x4_mul(s, wasm_v128_load(w + 20)));
      a6 = wasm_f32x4_add(a6, wasm_f32x4_mul(s, wasm_v128_load(w + 24)));
      a7 = wasm_f32x4_add(a7, wasm_f32x4_mul(s, wasm_v128_load(w + 28)));
    }
    if (relu) {
      a0 = wasm_f32x4_max(a0, zero); a1 = wasm_f32x4_max(a1, zero);
      a2 = wasm_f32x4_max(a2, zero); a3 = wasm_f32x4_max(a3, zero);
      a4 = wasm_f32x4_max(a4, zero); a5 = wasm_f32x4_max(a5, zero);
      a6 = wasm_f32x4_max(a6, zero); a7 = wasm_f32x4_max(a7, zero);
    }
    wasm_v128_store(y + j, a0); wasm_v128_store(y + j + 4, a1);
    wasm_v128_store(y + j + 8, a2); wasm_v128_store(y + j + 12, a3);
    wasm_v128_store(y + j + 16, a4); wasm_v128_store(y + j + 20, a5);
    wasm_v128_store(y + j + 24, a6); wasm_v128_store(y + j + 28, a7);
  }
  for (; j + 4 <= units; j += 4) {
    v128_t a = wasm_v128_load(bias + j);
    for (int k = 0; k < nonzero; k++) {
      v128_t w = wasm_v128_load(weights + (intptr_t)index[k] * units + j);
      a = wasm_f32x4_add(a, wasm_f32x4_mul(wasm_f32x4_splat(value[k]), w));
    }
    wasm_v128_store(y + j, relu ? wasm_f32x4_max(a, zero) : a);
  }
  for (; j < units; j++) {
    float a = bias[j];
    for (int k = 0; k < nonzero; k++) a += value[k] * weights[(intptr_t)index[k] * units + j];
    y[j] = relu && a < 0.0f ? 0.0f : a;
  }
}

/**
 * out[r, :] = act(x[r, :]·W + bias) for `count` rows, x given by its row lists (row r's
 * at starts[r], counts[r] long); W is [inputs, units].
 */
EXPORT void dense_forward(const int32_t *index, const float *value, const int32_t *starts,
                          const int32_t *counts, int count, const float *weights,
                          const float *bias, int units, int relu, float *out) {
  for (int r = 0; r < count; r++) {
    sparse_row_times(index + starts[r], value + starts[r], counts[r], weights, bias, units,
                     relu, out + (intptr_t)r * units);
  }
}

/** g[index[k], :] += value[k]·d for each non-zero input k of one row. */
static void scatter_outer(const int32_t *index, const float *value, int nonzero,
                          const float *d, int units, float *g) {
  int j = 0;
  for (; j + BLOCK <= units; j += BLOCK) {
    v128_t d0 = wasm_v128_load(d + j), d1 = wasm_v128_load(d + j + 4);
    v128_t d2 = wasm_v128_load(d + j + 8), d3 = wasm_v128_load(d + j + 12);
    v128_t d4 = wasm_v128_load(d + j + 16), d5 = wasm_v128_load(d + j + 20);
    v128_t d6 = wasm_v128_load(d + j + 24), d7 = wasm_v128_load(d + j + 28);
    for (int k = 0; k < nonzero; k++) {
      float *row = g + (intptr_t)index[k] * units + j;
      v128_t s = wasm_f32x4_splat(value[k]);
      wasm_v128_store(row, wasm_f32x4_add(wasm_v128_load(row), wasm_f32x4_mul(s, d0)));
      wasm_v128_store(row + 4, wasm_f32x4_add(wasm_v128_load(row + 4), wasm_f32x4_mul(s, d1)));
      wasm_v128_store(row + 8, wasm_f32x4_add(wasm_v128_load(row + 8), wasm_f32x4_mul(s, d2)));
      wasm_v128_store(row + 12,
                      wasm_f32x4_add(wasm_v128_load(row + 12), wasm_f32x4_mul(s, d3)));
      wasm_v128_store(row + 16,
                      wasm_f32x4_add(wasm_v128_load(row + 16), wasm_f32x4_mul(s, d4)));
      wasm_v128_store(row + 20,
                      wasm_f32x4_add(wasm_v128_load(row + 20), wasm_f32x4_mul(s, d5)));
      wasm_v128_store(row + 24,
                      wasm_f32x4_add(wasm_v128_load(row + 24), wasm_f32x4_mul(s, d6)));
      wasm_v128_store(row + 28,
                      wasm_f32x4_add(wasm_v128_load(row + 28), wasm_f32x4_mul(s, d7)));
    }
  }
  for (; j + 4 <= units; j += 4) {
    v128_t dj = wasm_v128_load(d + j);
    for (int k = 0; k < nonzero; k++) {
      float *row = g + (intptr_t)index[k] * units + j;
      v128_t s = wasm_f32x4_splat(value[k]);
      wasm_v128_store(row, wasm_f32x4_add(wasm_v128_load(row), wasm_f32x4_mul(s, dj)));
    }
  }
  for (; j < units; j++) {
    for (int k = 0; k < nonzero; k++) g[(intptr_t)index[k] * units + j] += value[k] * d[j];
  }
}

/** Σ a[j]·b[j] over j < n, four lanes at a time. */
static float dot(const float *a, const float *b, int n) {
  v128_t sum = wasm_f32x4_splat(0.0f);
  int j = 0;
  for (; j + 4 <= n; j += 4) {
    sum = wasm_f32x4_add(sum, wasm_f32x4_mul(wasm_v128_load(a + j), wasm_v128_load(b + j)));
  }
  float total = wasm_f32x4_extract_lane(sum, 0) + wasm_f32x4_extract_lane(sum, 1) +
                wasm_f32x4_extract_lane(sum, 2) + wasm_f32x4_extract_lane(sum, 3);
  for (; j < n; j++) total += a[j] * b[j];
  return total;
}

/**
 * Backward through one dense layer, given dOut = ∂loss/∂(pre-activation) [count, units]
 * and the layer's input x as row lists: dW = xᵀ·dOut and dBias = Σ rows of dOut (both
 * overwritten). With dIn non-null, also dIn = (dOut·Wᵀ) ⊙ [x > 0]: the gradient at the
 * previous layer's pre-activation, as its ReLU passes it back (x is that ReLU's output).
 */
EXPORT void dense_backward(const int32_t *index, const float *value, const int32_t *starts,
                           const int32_t *counts, int inputs, int count,
                           const float *weights, int units, const float *dout,
                           float *dweights, float *dbias, float *din) {
  for (int i = 0; i < inputs * units; i++) dweights[i] = 0.0f;
  for (int j = 0; j < units; j++) dbias[j] = 0.0f;

  for (int r = 0; r < count; r++) {
    const int32_t *row_index = index + starts[r];
    const float *row_value = value + starts[r];
    const float *d = dout + (intptr_t)r * units;
    scatter_outer(row_index, row_value, counts[r], d, units, dweights);
    for (int j = 0; j < units; j++) dbias[j] += d[j];

    if (din) {
      float *dx = din + (intptr_t)r * inputs;
      for (int i = 0; i < inputs; i++) dx[i] = 0.0f;
      for (int k = 0; k < counts[r]; k++) {
        if (row_value[k] > 0.0f) {
          dx[row_index[k]] = dot(d, weights + (intptr_t)row_index[k] * units, units);
        }
      }
    }
  }
}

/**
 * Adam as tf.train.adam computes it, in place: m ← β1·m + (1 − β1)·g,
 * v ← β2·v + (1 − β2)·g², θ ← θ − stepSize·m / (√(v·vScale) + ε), where the caller
 * folds the bias corrections into stepSize = lr / (1 − β1ᵗ) and vScale = 1 / (1 − β2ᵗ).
 */
EXPORT void adam_update(float *params, float *m, float *v, const float *g, int n,
                        float beta1, float beta2, float step_size, float v_scale,
                        float epsilon) {
  const v128_t b1 = wasm_f32x4_splat(beta1), c1 = wasm_f32x4_splat(1.0f - beta1);
  const v128_t b2 = wasm_f32x4_splat(beta2), c2 = wasm_f32x4_splat(1.0f - beta2);
  const v128_t lr = wasm_f32x4_splat(step_size), vs = wasm_f32x4_splat(v_scale);
  const v128_t eps = wasm_f32x4_splat(epsilon);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t gi = wasm_v128_load(g + i);
    v128_t mi = wasm_f32x4_add(wasm_f32x4_mul(b1, wasm_v128_load(m + i)),
                               wasm_f32x4_mul(c1, gi));
    v128_t vi = wasm_f32x4_add(wasm_f32x4_mul(b2, wasm_v128_load(v + i)),
                               wasm_f32x4_mul(c2, wasm_f32x4_mul(gi, gi)));
    v128_t denominator = wasm_f32x4_add(wasm_f32x4_sqrt(wasm_f32x4_mul(vi, vs)), eps);
    v128_t change = wasm_f32x4_div(wasm_f32x4_mul(lr, mi), denominator);
    wasm_v128_store(m + i, mi);
    wasm_v128_store(v + i, vi);
    wasm_v128_store(params + i, wasm_f32x4_sub(wasm_v128_load(params + i), change));
  }
  for (; i < n; i++) {
    float gi = g[i];
    m[i] = beta1 * m[i] + (1.0f - beta1) * gi;
    v[i] = beta2 * v[i] + (1.0f - beta2) * gi * gi;
    params[i] -= step_size * m[i] / (__builtin_sqrtf(v[i] * v_scale) + epsilon);
  }
}
