import { storage } from '@/lib/storage'
import type { MisclassifiedExample, ModelArtifacts } from './worker-protocol'

// A run's files, under one prefix: the model in TensorFlow.js's Layers format (model.json
// whose weights manifest names weights.bin, so the two load with tf.loadLayersModel) and
// the misclassified test images, which only users allowed to see samples may read.
export const runArtifactPrefix = (runId: string) => `runs/${runId}/`
export const MODEL_JSON = 'model/model.json'
export const MODEL_WEIGHTS = 'model/weights.bin'
export const MISCLASSIFIED = 'misclassified.json'

export type MisclassifiedFile = { shape: readonly number[]; examples: MisclassifiedExample[] }

/** Writes the artifacts; returns the prefix they live under. Cleans up on failure. */
export async function saveRunArtifacts(
  runId: string,
  artifacts: {
    model: ModelArtifacts | null
    misclassified: MisclassifiedExample[]
    shape: readonly number[]
  },
): Promise<string> {
  const prefix = runArtifactPrefix(runId)
  try {
    if (artifacts.model) {
      await storage().put(prefix + MODEL_WEIGHTS, Buffer.from(artifacts.model.weights))
      await storage().put(prefix + MODEL_JSON,
        Buffer.from(JSON.stringify(artifacts.model.modelJson)))
    }
    const file: MisclassifiedFile = { shape: artifacts.shape, examples: artifacts.misclassified }
    await storage().put(prefix + MISCLASSIFIED, Buffer.from(JSON.stringify(file)))
  } catch (error) {
    await storage().delete(prefix)
    throw error
  }
  return prefix
}

export async function readMisclassified(artifactKey: string): Promise<MisclassifiedFile | null> {
  const key = artifactKey + MISCLASSIFIED
  if (!(await storage().exists(key))) return null
  return JSON.parse((await storage().read(key)).toString('utf8')) as MisclassifiedFile
}

export async function readModelFile(
  artifactKey: string,
  file: 'model.json' | 'weights.bin',
): Promise<Buffer | null> {
  const key = artifactKey + (file === 'model.json' ? MODEL_JSON : MODEL_WEIGHTS)
  if (!(await storage().exists(key))) return null
  return storage().read(key)
}
