import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

import type { MlLogger } from '../logger';
import { installWasmConvGradients } from './wasm-conv-gradients';
import {
  installWasmMatMulFix,
  isWasmMatMulFixInstalled,
  removeWasmMatMulFix,
} from './wasm-matmul-fix';

export const backendChoices = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
/** 'auto' takes the native 'tensorflow' backend where it is installed, else 'wasm'. */
export type BackendChoice = (typeof backendChoices)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

export interface BackendInfo {
  name: BackendName;
  tfjsVersion: string;
  /** Whether the WASM matmul fix (see wasm-matmul-fix.ts) is in place. */
  matMulFix: boolean;
}

export interface BackendOptions {
  /** Apply the WASM matmul fix; on by default, off only to measure the stock backend. */
  matMulFix?: boolean;
  logger?: MlLogger;
}

/** The backend that was asked for cannot run in this installation. */
export class BackendUnavailableError extends Error {
  readonly code = 'backend_unavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackendUnavailableError';
  }
}

// Held in a variable so that TypeScript does not look for the package's types: it cannot
// be installed on machines without access to Google's storage (see docs/STACK.md).
const TFJS_NODE_PACKAGE: string = '@tensorflow/tfjs-node';

export function isBackendChoice(value: string): value is BackendChoice {
  return (backendChoices as readonly string[]).includes(value);
}

/**
 * Makes TensorFlow.js compute on the chosen backend, for the whole process. Calling it
 * again with the same choice costs nothing.
 */
export async function setupBackend(
  choice: BackendChoice = 'auto',
  options: BackendOptions = {},
): Promise<BackendInfo> {
  // Production mode only silences TensorFlow.js's console warnings, which would bypass
  // the caller's logger.
  tf.enableProdMode();

  if (choice === 'auto') {
    try {
      return await setupTensorflow();
    } catch (error) {
      options.logger?.info({ reason: (error as Error).message }, 'native backend unavailable');
      return setupWasm(options);
    }
  }
  if (choice === 'tensorflow') return setupTensorflow();
  if (choice === 'wasm') return setupWasm(options);
  return setupCpu();
}

async function setupTensorflow(): Promise<BackendInfo> {
  try {
    await import(TFJS_NODE_PACKAGE);
  } catch (error) {
    const notInstalled = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    const problem = notInstalled
      ? 'which is not installed here (its install step downloads libtensorflow, which ' +
        "fails without access to Google's storage)"
      : `which failed to load: ${(error as Error).message}`;
    throw new BackendUnavailableError(
      `The 'tensorflow' backend needs the @tensorflow/tfjs-node package, ${problem}. ` +
        "Install it where that works, or choose the 'wasm' backend.",
      { cause: error },
    );
  }
  if (!(await tf.setBackend('tensorflow'))) {
    throw new BackendUnavailableError(
      "@tensorflow/tfjs-node is installed but its 'tensorflow' backend did not start. " +
        `Check that its version matches @tensorflow/tfjs ${tf.version.tfjs}.`,
    );
  }
  return { name: 'tensorflow', tfjsVersion: tf.version.tfjs, matMulFix: false };
}

async function setupWasm(options: BackendOptions): Promise<BackendInfo> {
  // The binaries must be located before the backend first starts; in Node the prefix is
  // a folder path ending in a separator.
  if (tf.findBackend('wasm') === null) setWasmPaths(`${wasmBinaryDirectory()}/`);

  if (!(await tf.setBackend('wasm'))) {
    throw new BackendUnavailableError(
      "The 'wasm' backend did not start: its .wasm files were not found in " +
        `${wasmBinaryDirectory()}. Reinstall @tensorflow/tfjs-backend-wasm.`,
    );
  }
  await tf.ready();
  installWasmConvGradients();

  if (options.matMulFix === false) removeWasmMatMulFix();
  else installWasmMatMulFix();
  return { name: 'wasm', tfjsVersion: tf.version.tfjs, matMulFix: isWasmMatMulFixInstalled() };
}

async function setupCpu(): Promise<BackendInfo> {
  await tf.setBackend('cpu');
  await tf.ready();
  return { name: 'cpu', tfjsVersion: tf.version.tfjs, matMulFix: false };
}

function wasmBinaryDirectory(): string {
  const require = createRequire(import.meta.url);
  // The package's main file sits beside its .wasm files. Resolving a .wasm path directly
  // makes Turbopack (next build) try to bundle it as a WebAssembly module, which fails;
  // and in a Turbopack bundle require.resolve answers a module id (a number), not a path,
  // so there the package is found from the working directory, the app's root.
  const resolved: unknown = require.resolve('@tensorflow/tfjs-backend-wasm');
  if (typeof resolved === 'string') return dirname(resolved);
  return join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
}
