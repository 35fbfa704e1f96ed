import * as tf from '@tensorflow/tfjs';

// Convolution gradients for the WASM backend of TensorFlow.js 4.22, which otherwise
// cannot train a convolutional network in reasonable time, or at all:
//  - it has no Conv2DBackpropFilter kernel ("Kernel 'Conv2DBackpropFilter' not registered
//    for backend 'wasm'"). This adds one: an im2col matrix of the input, built in JS
//    straight into WASM memory, times the output gradient on XNNPACK:
//      dW[kh, kw, ci, co] = Σ_{b,y,x} x[b, y·s + kh − pad, x·s + kw − pad, ci] · dy[b, y, x, co]
//  - its Conv2DBackpropInput is a scalar loop (~2.4 GFLOP/s). At stride 1 the input
//    gradient is a plain convolution of dy with the filter turned 180° and its channel
//    axes swapped, padded by (size − 1 − pad), which XNNPACK runs ~15× faster. Other
//    strides keep the original kernel.

const BACKEND = 'wasm';

type KernelArgs = Parameters<tf.KernelFunc>[0];
type TensorInfo = tf.TensorInfo;
type Shape4D = [number, number, number, number];

interface WasmBackend {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(tensor: TensorInfo): tf.TypedArray;
  disposeData(dataId: TensorInfo['dataId']): boolean;
}

const originalInputGradients: tf.KernelConfig[] = [];

/** Registers both kernels; doing it again is a no-op. */
export function installWasmConvGradients(): void {
  if (tf.getKernel('Conv2DBackpropFilter', BACKEND) === undefined) {
    tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: BACKEND,
      kernelFunc: convFilterGradient });
  }
  if (originalInputGradients.length > 0) return;

  const original = wasmKernelConfig('Conv2DBackpropInput');
  originalInputGradients.push(original);
  tf.unregisterKernel('Conv2DBackpropInput', BACKEND);
  tf.registerKernel({ ...original, kernelFunc: (args) => convInputGradient(original, args) });
}

function convFilterGradient(args: KernelArgs): TensorInfo {
  const backend = args.backend as WasmBackend;
  const x = args.inputs.x as TensorInfo;
  const dy = args.inputs.dy as TensorInfo;
  const attrs = args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (attrs.dataFormat !== 'NHWC') {
    throw new Error('Conv2DBackpropFilter on WASM supports channels-last (NHWC) data only.');
  }

  const info = tf.backend_util.computeConv2DInfo(x.shape as Shape4D, attrs.filterShape,
    attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  const patchSize = info.filterHeight * info.filterWidth * info.inChannels;
  const positions = info.batchSize * info.outHeight * info.outWidth;

  const columns = backend.makeOutput([patchSize, positions], 'float32');
  fillTransposedIm2col(backend.typedArrayFromHeap(x), info,
    backend.typedArrayFromHeap(columns) as Float32Array);

  const dyMatrix = runKernel('Reshape', { x: dy }, backend,
    { shape: [positions, info.outChannels] });
  const product = runKernel('BatchMatMul', { a: columns, b: dyMatrix }, backend,
    { transposeA: false, transposeB: false });
  const filterGradient = runKernel('Reshape', { x: product }, backend,
    { shape: attrs.filterShape });

  for (const tensor of [columns, dyMatrix, product]) backend.disposeData(tensor.dataId);
  return filterGradient;
}

/**
 * Writes the input's patches as columns, row (kh, kw, ci) and column (b, y, x), so that
 * the product with dy as [positions, outChannels] comes out in the filter's layout.
 */
function fillTransposedIm2col(input: tf.TypedArray, info: tf.backend_util.Conv2DInfo,
  columns: Float32Array): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth, padInfo } = info;
  let column = 0;

  for (let kh = 0; kh < info.filterHeight; kh++) {
    for (let kw = 0; kw < info.filterWidth; kw++) {
      // Output columns x whose input column x·s + kw·d − left lies inside the image.
      const offsetX = kw * dilationWidth - padInfo.left;
      const firstX = Math.min(outWidth, Math.max(0, Math.ceil(-offsetX / strideWidth)));
      const endX = Math.max(firstX,
        Math.min(outWidth, Math.floor((inWidth - 1 - offsetX) / strideWidth) + 1));

      for (let ci = 0; ci < inChannels; ci++) {
        for (let b = 0; b < batchSize; b++) {
          for (let y = 0; y < outHeight; y++, column += outWidth) {
            const inY = y * strideHeight + kh * dilationHeight - padInfo.top;
            if (inY < 0 || inY >= inHeight) {
              columns.fill(0, column, column + outWidth);
              continue;
            }
            columns.fill(0, column, column + firstX);
            let source = ((b * inHeight + inY) * inWidth + firstX * strideWidth + offsetX) *
              inChannels + ci;
            for (let x = firstX; x < endX; x++, source += strideWidth * inChannels) {
              columns[column + x] = input[source];
            }
            columns.fill(0, column + endX, column + outWidth);
          }
        }
      }
    }
  }
}

function convInputGradient(original: tf.KernelConfig, args: KernelArgs): TensorInfo {
  const dy = args.inputs.dy as TensorInfo;
  const filter = args.inputs.filter as TensorInfo;
  const attrs = args.attrs as unknown as tf.Conv2DBackpropInputAttrs;
  const info = tf.backend_util.computeConv2DInfo(attrs.inputShape, filter.shape as Shape4D,
    attrs.strides, 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  const pads = [
    info.filterHeight - 1 - info.padInfo.top,
    info.filterHeight - 1 - info.padInfo.bottom,
    info.filterWidth - 1 - info.padInfo.left,
    info.filterWidth - 1 - info.padInfo.right,
  ];
  const supported = attrs.dataFormat === 'NHWC' && info.strideHeight === 1 &&
    info.strideWidth === 1 && pads.every((pad) => pad >= 0);
  if (!supported) return original.kernelFunc(args) as TensorInfo;

  const backend = args.backend as WasmBackend;
  const turned = runKernel('Reverse', { x: filter }, backend, { dims: [0, 1] });
  const swapped = runKernel('Transpose', { x: turned }, backend, { perm: [0, 1, 3, 2] });
  try {
    return runKernel('Conv2D', { x: dy, filter: swapped }, backend, {
      strides: 1,
      dilations: 1,
      pad: [[0, 0], [pads[0], pads[1]], [pads[2], pads[3]], [0, 0]],
      dataFormat: 'NHWC',
    });
  } finally {
    backend.disposeData(turned.dataId);
    backend.disposeData(swapped.dataId);
  }
}

function runKernel(kernelName: string, inputs: tf.NamedTensorInfoMap, backend: object,
  attrs: tf.NamedAttrMap): TensorInfo {
  return wasmKernelConfig(kernelName).kernelFunc({ inputs, backend, attrs }) as TensorInfo;
}

function wasmKernelConfig(kernelName: string): tf.KernelConfig {
  const kernel = tf.getKernel(kernelName, BACKEND);
  if (kernel === undefined) throw new Error(`The WASM backend has no ${kernelName} kernel.`);
  return kernel;
}
