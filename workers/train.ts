// The training thread: trains and evaluates one run, posting its progress to the main
// thread, which alone writes to the database. Imports stay relative and free of lib/ so
// that this file compiles on its own (Turbopack under `next start`, tsx elsewhere).
import { parentPort } from 'node:worker_threads'
import * as tf from '@tensorflow/tfjs'
import { pixelsPerImage, takeFirst, type ImageDataset } from '../ml/datasets/image-dataset'
import { evaluateProbabilities } from '../ml/evaluation/evaluate'
import { predictProbabilities } from '../ml/models/predict'
import { setupBackend } from '../ml/training/backend'
import { trainModel } from '../ml/training/train'
import type {
  EvaluationReport, FromThread, MisclassifiedExample, ModelArtifacts, StartMessage, ToThread,
} from '../lib/runs/worker-protocol'

if (!parentPort) throw new Error('workers/train.ts runs as a worker thread only.')
const port = parentPort
const abort = new AbortController()
const post = (message: FromThread) => port.postMessage(message)
// Codes of ml/'s own errors, which the run page explains; anything else is reported as
// 'training_failed' with its message (a Node.js code such as ERR_… means nothing to users).
const KNOWN_CODES = ['dataset_incompatible', 'backend_unavailable', 'invalid_run_config']

port.on('message', (message: ToThread) => {
  if (message.type === 'cancel') abort.abort()
  else void run(message)
})

async function run(start: StartMessage): Promise<void> {
  try {
    const backend = await setupBackend(start.backend)
    post({ type: 'ready', backend: backend.name, tfjsVersion: backend.tfjsVersion,
      matMulFix: backend.matMulFix })

    const result = await trainModel({
      trainSet: start.train,
      config: start.config,
      signal: abort.signal,
      onEpoch: async (record) => {
        post({
          type: 'epoch',
          totalEpochs: record.epochs,
          record: { epoch: record.epoch, loss: record.loss, accuracy: record.accuracy,
            valLoss: record.valLoss, valAccuracy: record.valAccuracy, seconds: record.seconds },
        })
        // A turn of the event loop, so a cancel message is received even when epochs are
        // too short for the trainer's own yields.
        await new Promise((resolve) => setImmediate(resolve))
      },
    })

    const evaluateStarted = performance.now()
    const testSet = takeFirst(start.test, start.config.testLimit)
    const probabilities = predictProbabilities(result.model, testSet)
    const evaluation = evaluateProbabilities(probabilities, testSet)
    const evaluateSeconds = (performance.now() - evaluateStarted) / 1000
    const model = await exportModel(result.model)
    result.model.dispose()

    const report: EvaluationReport = {
      accuracy: evaluation.accuracy,
      loss: evaluation.loss,
      macroF1: evaluation.macroF1,
      perClass: evaluation.perClass,
      confusionMatrix: evaluation.confusionMatrix,
      trainSamples: result.trainSamples,
      testSamples: evaluation.samples,
      trainSeconds: result.trainSeconds,
      evaluateSeconds,
      samplesPerSecond: (result.trainSamples * start.config.epochs) / result.trainSeconds,
      misclassifiedCount: countMisclassified(evaluation.confusionMatrix),
    }
    const misclassified = evaluation.misclassified.slice(0, start.misclassifiedLimit)
      .map((entry) => withPixels(entry, testSet, probabilities))
    post({ type: 'done', report, misclassified, shape: testSet.shape, model })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'run_cancelled') return post({ type: 'cancelled' })
    post({
      type: 'failed',
      code: typeof code === 'string' && KNOWN_CODES.includes(code) ? code : 'training_failed',
      message: (error as Error).message ?? String(error),
    })
  }
}

function countMisclassified(matrix: number[][]): number {
  let wrong = 0
  matrix.forEach((row, label) => row.forEach((count, predicted) => {
    if (label !== predicted) wrong += count
  }))
  return wrong
}

function withPixels(
  entry: { index: number; label: number; predicted: number },
  testSet: ImageDataset,
  probabilities: Float32Array,
): MisclassifiedExample {
  const size = pixelsPerImage(testSet.shape)
  const numClasses = probabilities.length / testSet.count
  return {
    ...entry,
    confidence: probabilities[entry.index * numClasses + entry.predicted],
    pixels: Array.from(testSet.images.subarray(entry.index * size, (entry.index + 1) * size)),
  }
}

/** The model in TensorFlow.js's Layers format: model.json plus one weights file. */
async function exportModel(model: tf.LayersModel): Promise<ModelArtifacts> {
  let artifacts: ModelArtifacts | null = null
  await model.save(tf.io.withSaveHandler(async (saved) => {
    const weightData = saved.weightData
    const weights = weightData instanceof ArrayBuffer
      ? weightData
      : tf.io.concatenateArrayBuffers(weightData as ArrayBuffer[])
    artifacts = {
      weights,
      modelJson: {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
        convertedBy: null,
        modelTopology: saved.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: saved.weightSpecs }],
      },
    }
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
  }))
  if (!artifacts) throw new Error('The trained model could not be exported.')
  return artifacts
}
