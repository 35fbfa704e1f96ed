import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { needFor, setNeedStatus, updateNeed } from '@/lib/needs/needs'

type Context = { params: Promise<{ needId: string }> }

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { needId } = await context.params
  return NextResponse.json({ need: await needFor(user, needId, 'view') })
})

/** Changes fields of a need; `status` PUBLISHED or CLOSED publishes or closes it. */
export const PATCH = route<Context>(async (request, context) => {
  const user = await requireApiUser(request)
  const { needId } = await context.params
  const { status, ...fields } = await readJson(request, z.record(z.string(), z.unknown()))
  if (Object.keys(fields).length > 0) await updateNeed(user, needId, fields)
  const need = status === undefined
    ? await needFor(user, needId, 'view')
    : await setNeedStatus(user, needId, status)
  return NextResponse.json({ need })
})
