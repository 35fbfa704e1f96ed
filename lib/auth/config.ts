import NextAuth, { CredentialsSignin } from 'next-auth'
import Credentials from 'next-auth/providers/credentials'
import { z } from 'zod'
import { db } from '@/lib/db/client'
import { logger } from '@/lib/logging'
import { verifyPassword } from './password'
import { authSecret } from './secret'

// Auth.js error types caused by the request rather than by the server.
const CLIENT_MISTAKES = new Set(['MissingCSRF', 'UnknownAction', 'InvalidCheck',
  'UntrustedHost'])

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1),
})

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 7 * 24 * 3600 },
  pages: { signIn: '/signin' },
  logger: {
    // A wrong password is an expected event, not an error with a stack trace; a request
    // a client got wrong (no CSRF token, an unknown auth action) is worth a warning only.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return
      const type = (error as { type?: string }).type ?? error.name
      if (CLIENT_MISTAKES.has(type)) {
        logger.warn({ type, message: error.message }, 'auth request refused')
        return
      }
      logger.error({ err: error }, 'auth error')
    },
    warn(code) {
      logger.warn({ code }, 'auth warning')
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw)
        if (!parsed.success) return null

        const user = await db().user.findUnique({ where: { email: parsed.data.email } })
        if (!user) return null
        if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null

        return { id: user.id, email: user.email, name: user.name }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id
      return token
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub
      return session
    },
  },
}))
