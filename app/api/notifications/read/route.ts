import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requireApiUser } from '@/lib/auth/session'
import { readJson, route } from '@/lib/http/respond'
import { markRead } from '@/lib/notifications/queries'

/** Marks the caller's notifications read: { ids } or, without ids, all of them. */
export const POST = route(async (request) => {
  const user = await requireApiUser(request)
  const input = await readJson(request, z.object({ ids: z.array(z.string()).max(500).optional() }))
  return NextResponse.json({ marked: await markRead(user.id, input.ids) })
})
