import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 4096 }

/**
 * Starts the training thread. Under `next start`, Turbopack compiles and bundles the
 * worker file only when it is named in the `new Worker(new URL(…))` expression itself
 * (through a variable it copies the raw .ts file). Elsewhere (`npm run worker`, tests)
 * the thread loads the TypeScript source through tsx's API: tsx's loader flags, passed
 * down in execArgv, do not reach a worker thread's own imports on Node 20.
 */
export function startTrainingThread(): Worker {
  if (process.env.NEXT_RUNTIME) {
    return new Worker(new URL('../../workers/train.ts', import.meta.url), {
      resourceLimits: RESOURCE_LIMITS,
    })
  }
  const source = pathToFileURL(
    path.join(path.dirname(fileURLToPath(import.meta.url)), '../../workers/train.ts')).href
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => ` +
    `tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`
  return new Worker(bootstrap, { eval: true, resourceLimits: RESOURCE_LIMITS })
}
