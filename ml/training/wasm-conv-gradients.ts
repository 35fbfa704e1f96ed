import * as tf from '@tensorflow/tfjs';

// The WASM backend of TensorFlow.js 4.22 has no Conv2DBackpropFilter kernel, so a
// convolutional network cannot train on it ("Kernel 'Conv2DBackpropFilter' not registered
// for backend 'wasm'"). This registers one: the filter gradient is an im2col matrix of the
// input, built in JS straight into WASM memory, times the output gradient, on XNNPACK:
//   dW[kh, kw, ci, co] = Σ_{b, y, x} x[b, y·s + kh − pad, x·s + kw − pad, ci] · dy[b, y, x, co]

const KERNEL = 'Conv2DBackpropFilter';
const BACKEND = 'wasm';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type TensorInfo = tf.TensorInfo;
type FilterShape = [number, number, number, number];

interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(tensor: TensorInfo): tf.TypedArray;
  disposeData(dataId: TensorInfo['dataId']): boolean;
}

/** Registers the kernel unless the WASM backend already has one. */
export function installWasmConvFilterGradient(): void {
  if (tf.getKernel(KERNEL, BACKEND) !== undefined) return;
  tf.registerKernel({ kernelName: KERNEL, backendName: BACKEND, kernelFunc: convFilterGradient });
}

function convFilterGradient(args: KernelArgs): TensorInfo {
  const backend = args.backend as WasmBackend;
  const x = args.inputs.x as TensorInfo;
  const dy = args.inputs.dy as TensorInfo;
  const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (attrs.dataFormat !== 'NHWC') {
    throw new Error(`${KERNEL} on WASM supports channels-last (NHWC) data only.`);
  }

  const info = tf.backend_util.computeConv2DInfo(x.shape as FilterShape, attrs.filterShape,
    attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  const patchSize = info.filterHeight * info.filterWidth * info.inChannels;
  const positions = info.batchSize * info.outHeight * info.outWidth;

  const columns = backend.makeOutput([patchSize, positions], 'float32');
  fillTransposedIm2col(backend.typedArrayFromHeap(x), info,
    backend.typedArrayFromHeap(columns) as Float32Array);

  const reshape = wasmKernel('Reshape');
  const matMul = wasmKernel('BatchMatMul');
  const dyMatrix = reshape({
    inputs: { x: dy },
    backend,
    attrs: { shape: [positions, info.outChannels] },
  });
  const product = matMul({
    inputs: { a: columns, b: dyMatrix },
    backend,
    attrs: { transposeA: false, transposeB: false },
  });
  const filterGradient = reshape({
    inputs: { x: product },
    backend,
    attrs: { shape: attrs.filterShape },
  });

  for (const tensor of [columns, dyMatrix, product]) backend.disposeData(tensor.dataId);
  return filterGradient;
}

/**
 * Writes the input's patches as columns: row (kh, kw, ci), column (b, y, x), so that the
 * product with dy as [positions, outChannels] is already the filter's layout.
 */
function fillTransposedIm2col(input: tf.TypedArray, info: tf.backend_util.Conv2DInfo,
  columns: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const positions = batchSize * outHeight * outWidth;

  for (let kh = 0; kh < info.filterHeight; kh++) {
    for (let kw = 0; kw < info.filterWidth; kw++) {
      for (let ci = 0; ci < inChannels; ci++) {
        const row = ((kh * info.filterWidth + kw) * inChannels + ci) * positions;
        let column = 0;
        for (let b = 0; b < batchSize; b++) {
          for (let y = 0; y < outHeight; y++) {
            const inY = y * strideHeight + kh * dilationHeight - info.padInfo.top;
            const rowInside = inY >= 0 && inY < inHeight;
            for (let x = 0; x < outWidth; x++, column++) {
              const inX = x * strideWidth + kw * dilationWidth - info.padInfo.left;
              columns[row + column] = rowInside && inX >= 0 && inX < inWidth
                ? input[((b * inHeight + inY) * inWidth + inX) * inChannels + ci]
                : 0;
            }
          }
        }
      }
    }
  }
}

function wasmKernel(kernelName: string) {
  const kernel = tf.getKernel(kernelName, BACKEND);
  if (kernel === undefined) throw new Error(`The WASM backend has no ${kernelName} kernel.`);
  return (args: KernelArgs) => kernel.kernelFunc(args) as TensorInfo;
}
