// Messages between the run executor (main thread, which owns the database) and the
// training thread (workers/train.ts, which never opens it). Types only: the thread
// imports this file without pulling in anything that touches Prisma.
import type { ImageDataset } from '../../ml/datasets/image-dataset'
import type { RunConfig } from '../../ml/models/config'

export type BackendChoice = 'auto' | 'tensorflow' | 'wasm' | 'cpu'

export type StartMessage = {
  type: 'start'
  runId: string
  config: RunConfig
  backend: BackendChoice
  train: ImageDataset
  test: ImageDataset
  /** How many wrongly predicted test images to send back (their pixels included). */
  misclassifiedLimit: number
}

export type CancelMessage = { type: 'cancel' }

export type ToThread = StartMessage | CancelMessage

export type EpochRecord = {
  epoch: number
  loss: number
  accuracy: number
  valLoss?: number
  valAccuracy?: number
  seconds: number
}

export type PerClassMetrics = {
  label: number
  precision: number
  recall: number
  f1: number
  support: number
}

/** What Run.metrics holds once a run succeeded. */
export type EvaluationReport = {
  accuracy: number
  loss: number
  macroF1: number
  perClass: PerClassMetrics[]
  confusionMatrix: number[][]
  trainSamples: number
  testSamples: number
  trainSeconds: number
  evaluateSeconds: number
  /** Training samples per second, over all epochs. */
  samplesPerSecond: number
  misclassifiedCount: number
}

export type MisclassifiedExample = {
  index: number
  label: number
  predicted: number
  confidence: number
  /** Raw 0–255 intensities, row-major, channels innermost. */
  pixels: number[]
}

export type ModelArtifacts = {
  /** model.json of the TensorFlow.js Layers format, weightsManifest pointing at weights.bin. */
  modelJson: unknown
  weights: ArrayBuffer
}

export type FromThread =
  | { type: 'ready'; backend: string; tfjsVersion: string; matMulFix: boolean }
  | { type: 'epoch'; record: EpochRecord; totalEpochs: number }
  | {
      type: 'done'
      report: EvaluationReport
      misclassified: MisclassifiedExample[]
      shape: readonly number[]
      model: ModelArtifacts | null
    }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string; code: string }
