import { NextResponse } from 'next/server'
import { db, databaseKind } from '@/lib/db/client'
import { route } from '@/lib/http/respond'

export const dynamic = 'force-dynamic'

/** Liveness and database reachability, for load balancers and the test harness. */
export const GET = route(async () => {
  await db().$queryRaw`SELECT 1`
  return NextResponse.json({ ok: true, database: databaseKind() ?? 'unknown' })
})
