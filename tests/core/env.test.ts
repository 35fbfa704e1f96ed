import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '@/lib/env'

describe('configuration', () => {
  it('an empty environment means the embedded defaults', () => {
    const config = parseEnv({})

    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.DATA_DIR).toBe('.data')
    expect(config.ML_BACKEND).toBe('auto')
    expect(config.PORT).toBe(3000)
  })

  it('a database URL that is neither PostgreSQL nor PGlite is refused by name', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://localhost/db' }))
      .toThrow(/DATABASE_URL: must start with postgresql:\/\/ or pglite:/)
  })

  it('several bad variables are all named in one message', () => {
    let message = ''

    try {
      parseEnv({ PORT: 'eighty', ML_BACKEND: 'gpu', AUTH_SECRET: 'short' })
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      message = (error as Error).message
    }

    expect(message).toContain('PORT')
    expect(message).toContain('ML_BACKEND')
    expect(message).toContain('AUTH_SECRET')
  })

  it('an empty variable counts as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })
})
