// Browsers still ask for /favicon.ico now and then (before a page's icon link is read, or
// for a bare API response): send them to the app's icon instead of a 404.
export function GET(): Response {
  return new Response(null, { status: 308, headers: { location: '/icon.svg' } })
}
