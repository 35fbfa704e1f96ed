import { describe, expect, it } from 'vitest'
import { NextRequest } from 'next/server'
import { z } from 'zod'
import { GET as unknownApiGet, POST as unknownApiPost } from '@/app/api/[...path]/route'
import { parseDateText } from '@/lib/dates'
import { readJson, route } from '@/lib/http/respond'
import { proxy } from '@/proxy'

const echo = route(async (request: Request) =>
  Response.json(await readJson(request, z.object({ title: z.string() }))))

function post(body: string, headers: Record<string, string> = {}) {
  return new Request('http://tandem.test/api/things', { method: 'POST', body,
    headers: { host: 'tandem.test', 'content-type': 'application/json', ...headers } })
}

describe('dates typed by people', () => {
  it('reads calendar days and ISO times', () => {
    expect(parseDateText('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z')
    expect(parseDateText('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z')
    expect(parseDateText('2026-05-01T12:30:00Z')?.toISOString()).toBe('2026-05-01T12:30:00.000Z')
  })

  it('refuses days that do not exist instead of rolling them over', () => {
    expect(parseDateText('2026-02-30')).toBeNull()
    expect(parseDateText('2027-02-29')).toBeNull()
    expect(parseDateText('2026-13-01')).toBeNull()
    expect(parseDateText('2026-04-31T10:00:00Z')).toBeNull()
  })

  it('refuses years outside 1900 to 2999 and text that is no date', () => {
    expect(parseDateText('0001-01-01')).toBeNull()
    expect(parseDateText('3000-01-01')).toBeNull()
    expect(parseDateText('not a date')).toBeNull()
    expect(parseDateText('')).toBeNull()
  })
})

describe('JSON bodies', () => {
  it('are read when sent as application/json', async () => {
    const response = await echo(post('{"title":"Parcel sorting"}'), undefined)

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ title: 'Parcel sorting' })
  })

  it('refuse a NUL character with the field it is in, before the database sees it', async () => {
    const response = await echo(post('{"title":"a\\u0000b"}'), undefined)

    expect(response.status).toBe(422)
    const { error } = await response.json()
    expect(error.code).toBe('unprocessable_entity')
    expect(Object.keys(error.fields)).toEqual(['title'])
  })

  it('refuse text/plain and form bodies with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await echo(post('{"title":"x"}', { 'content-type': type }), undefined)

      expect(response.status).toBe(415)
      expect((await response.json()).error.code).toBe('unsupported_media_type')
    }
  })
})

describe('changes sent by another site', () => {
  it('are refused when the browser names a foreign origin', async () => {
    const response = await echo(post('{"title":"x"}', { origin: 'http://evil.example' }),
      undefined)

    expect(response.status).toBe(403)
    expect((await response.json()).error.reason).toBe('cross_site_request')
  })

  it('are taken from Tandem\'s own origin, and with an API token from anywhere', async () => {
    const own = await echo(post('{"title":"x"}', { origin: 'http://tandem.test' }), undefined)
    const withToken = await echo(post('{"title":"x"}', { origin: 'http://evil.example',
      authorization: 'Bearer tdm_x' }), undefined)

    expect(own.status).toBe(200)
    expect(withToken.status).toBe(200)
  })
})

describe('an API path that no route handles', () => {
  it('answers 404 in the API error shape, for any method', async () => {
    for (const handler of [unknownApiGet, unknownApiPost]) {
      const response = handler(new Request('http://tandem.test/api/nothing/here'))

      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toContain('application/json')
      expect((await response.json()).error).toMatchObject({ code: 'not_found',
        message: expect.stringContaining('/api/nothing/here') })
    }
  })
})

describe('validation messages of the API', () => {
  const limited = route(async (request: Request) =>
    Response.json(await readJson(request, z.object({ epochs: z.number().max(500),
      name: z.string().min(1, 'Give the run a name.') }))))

  it('come in the language the request asks for; messages a schema sets stay as they are',
    async () => {
      const body = '{"epochs":900,"name":""}'
      const english = await limited(post(body), undefined)
      const chinese = await limited(post(body, { cookie: 'tandem-locale=zh-CN' }), undefined)
      const byHeader = await limited(post(body, { 'accept-language': 'zh-CN,zh;q=0.9' }),
        undefined)

      expect((await english.json()).error.fields.epochs[0]).toMatch(/^Too big/)
      const fields = (await chinese.json()).error.fields
      expect(fields.epochs[0]).toContain('数值过大')
      expect(fields.name).toEqual(['Give the run a name.'])
      expect((await byHeader.json()).error.fields.epochs[0]).toContain('数值过大')
    })
})

describe('addresses with a NUL character', () => {
  it('are refused with 400 before any route reads them, in the API shape under /api',
    async () => {
      const api = proxy(new NextRequest('http://tandem.test/api/projects/%00'))
      const query = proxy(new NextRequest('http://tandem.test/api/needs?q=a%00b'))
      const page = proxy(new NextRequest('http://tandem.test/runs/compare?id=%00'))
      const fine = proxy(new NextRequest('http://tandem.test/api/needs?q=parcel%20sorting'))

      expect(api.status).toBe(400)
      expect((await api.json()).error.code).toBe('bad_request')
      expect(query.status).toBe(400)
      expect(page.status).toBe(400)
      expect(page.headers.get('content-type')).toContain('text/plain')
      expect(fine.headers.get('x-middleware-next')).toBe('1')
    })
})
