// V8 settings for the web server process, shared by `npm start` and bench/upload-rss.ts.
// Next.js copies every chunk of a request body; with a 1 MB semi-space V8 collects those
// short-lived copies at once, which keeps a 1 GB upload under 300 MB of resident memory
// (about 260 MB measured, against 296–328 MB with Node's default of 16 MB).
const SEMI_SPACE = '--max-semi-space-size=1'

/** NODE_OPTIONS for the server: the given ones, plus the semi-space size unless set. */
export function serverNodeOptions(existing: string | undefined): string {
  const options = existing?.trim() ?? ''
  if (options.includes('--max-semi-space-size')) return options
  return options ? `${options} ${SEMI_SPACE}` : SEMI_SPACE
}
