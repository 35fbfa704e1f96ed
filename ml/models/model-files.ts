import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';

import * as tf from '@tensorflow/tfjs';

// A model on disk in TensorFlow.js's Layers format, as tfjs-node's file:// handler writes
// it: model.json (topology and weights manifest) beside one binary file of weights.
// Loadable by tf.loadLayersModel here, in a browser, or by tensorflowjs_converter.
export const MODEL_JSON_FILE = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

export interface SavedModelFiles {
  modelJson: string;
  weights: string;
  weightBytes: number;
}

/** An IOHandler that writes a model's files into a folder, creating the folder. */
export function directorySaveHandler(directory: string): tf.io.IOHandler {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      const weightData = artifacts.weightData === undefined
        ? new ArrayBuffer(0)
        : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: artifacts.modelTopology ?? {},
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata
          ? { userDefinedMetadata: artifacts.userDefinedMetadata }
          : {}),
      };

      await mkdir(directory, { recursive: true });
      // model.json last: a folder that has it holds a complete model.
      await writeFile(join(directory, WEIGHTS_FILE), new Uint8Array(weightData));
      await writeFile(join(directory, MODEL_JSON_FILE), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

/** An IOHandler that reads a model saved by directorySaveHandler (or tfjs-node). */
export function directoryLoadHandler(directory: string): tf.io.IOHandler {
  return {
    async load(): Promise<tf.io.ModelArtifacts> {
      const modelJsonPath = join(directory, MODEL_JSON_FILE);
      const modelJson = JSON.parse(await readFile(modelJsonPath, 'utf8')) as tf.io.ModelJSON;

      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs: tf.io.WeightsManifestEntry[] = [];
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          specs.push(...group.weights);
          for (const path of group.paths) {
            const bytes = await readFile(insideDirectory(directory, path));
            buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
          }
        }
        return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
      });
    },
  };
}

/** Writes a model as model.json + weights.bin into `directory`. */
export async function saveModel(model: tf.LayersModel, directory: string):
  Promise<SavedModelFiles> {
  const result = await model.save(directorySaveHandler(directory));
  return {
    modelJson: join(directory, MODEL_JSON_FILE),
    weights: join(directory, WEIGHTS_FILE),
    weightBytes: result.modelArtifactsInfo.weightDataBytes ?? 0,
  };
}

export function loadModel(directory: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(directoryLoadHandler(directory));
}

/** A weights path from model.json, refused if it points outside the model's folder. */
function insideDirectory(directory: string, path: string): string {
  const root = resolve(directory);
  const target = resolve(root, path);
  if (!target.startsWith(root + sep)) {
    throw new Error(`${MODEL_JSON_FILE} names weights file ${path}, which lies outside ` +
      `${directory}; a saved model keeps its weights beside model.json.`);
  }
  return target;
}
