// Next.js calls register() once when the server starts. The web server runs one run
// worker beside itself (RUN_WORKER=inline, the default) so that a fresh clone trains with
// nothing else started; RUN_WORKER=off leaves the queue to `npm run worker` processes.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  if (process.env.RUN_WORKER === 'off') return

  const { startInlineRunWorker } = await import('./lib/queue/run-worker')
  startInlineRunWorker()
}
