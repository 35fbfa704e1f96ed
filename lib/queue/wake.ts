// Route handlers and instrumentation.ts are bundled separately under Next.js, so a launch
// reaches this process's run worker through globalThis (set by run-worker.ts) instead of
// importing the worker, its executor and the training thread into every route.
const holder = globalThis as typeof globalThis & { __tandemRunWorker?: { wake(): void } }

/** Makes this process's inline worker, if any, look at the queue now. */
export function wakeInlineRunWorker(): void {
  holder.__tandemRunWorker?.wake()
}
