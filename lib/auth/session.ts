import { getToken } from 'next-auth/jwt'
import { redirect } from 'next/navigation'
import { db } from '@/lib/db/client'
import { AppError } from '@/lib/errors'
import { userIdForApiToken } from './api-tokens'
import { auth } from './config'
import { authSecret } from './secret'

export type CurrentUser = { id: string; email: string; name: string; locale: string }

async function findUser(id: string): Promise<CurrentUser | null> {
  return db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, locale: true },
  })
}

/** The signed-in user of a page or server action, or null. */
export async function currentUser(): Promise<CurrentUser | null> {
  const session = await auth()
  const id = session?.user?.id
  return id ? findUser(id) : null
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await currentUser()
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`)
  return user
}

/** For route handlers: a bearer API token or the session cookie, else 401. */
export async function requireApiUser(request: Request): Promise<CurrentUser> {
  const header = request.headers.get('authorization')
  if (header?.toLowerCase().startsWith('bearer ')) {
    const userId = await userIdForApiToken(header.slice(7).trim())
    const user = userId ? await findUser(userId) : null
    if (!user) {
      throw new AppError('unauthorized', 'The API token is unknown, revoked or expired. ' +
        'Create a new one on your account page.')
    }
    return user
  }

  const userId = await sessionUserId(request)
  const user = userId ? await findUser(userId) : null
  if (!user) {
    throw new AppError('unauthorized', 'Sign in, or send a personal API token as ' +
      '"Authorization: Bearer <token>".')
  }
  return user
}

/**
 * The user id in the request's session cookie. Read from the request itself,
 * so route handlers work the same inside and outside Next's request scope.
 * The cookie is `__Secure-`-prefixed when the site is served over HTTPS.
 */
async function sessionUserId(request: Request): Promise<string | null> {
  const secret = authSecret()
  for (const secureCookie of [false, true]) {
    const token = await getToken({ req: request, secret, secureCookie })
    if (token?.sub) return token.sub
  }
  return null
}
