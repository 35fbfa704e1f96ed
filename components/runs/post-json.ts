export type PostResult =
  | { ok: true; body: unknown }
  | { ok: false; message: string; fields?: Record<string, string[]>; reasonKey?: string;
      reasonParams?: Record<string, string> }

/** POSTs JSON to one of our API routes; an error comes back in the API's one shape. */
export async function postJson(url: string, body: unknown = {}): Promise<PostResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const json = await response.json().catch(() => ({}))
    if (response.ok) return { ok: true, body: json }
    return { ok: false, message: json.error?.message ?? response.statusText,
      fields: json.error?.fields, reasonKey: json.error?.reasonKey,
      reasonParams: json.error?.reasonParams }
  } catch (error) {
    return { ok: false, message: (error as Error).message }
  }
}
