'use server'

import { revalidatePath } from 'next/cache'
import { requirePageUser } from '@/lib/auth/session'
import { markRead } from '@/lib/notifications/queries'

export async function markAllReadAction(): Promise<void> {
  const user = await requirePageUser('/notifications')
  await markRead(user.id)
  revalidatePath('/', 'layout')
}
