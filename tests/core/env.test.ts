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

  it('the S3 driver without a bucket is refused, naming S3_BUCKET', () => {
    expect(() => parseEnv({ STORAGE_DRIVER: 's3' }))
      .toThrow(/S3_BUCKET: is required when STORAGE_DRIVER=s3/)
    expect(() => parseEnv({ STORAGE_DRIVER: 's3', S3_BUCKET: '' })).toThrow(/S3_BUCKET/)
  })

  it('a missing bucket is named beside other bad variables', () => {
    expect(() => parseEnv({ STORAGE_DRIVER: 's3', PORT: 'eighty' }))
      .toThrow(/PORT: .*\n {2}S3_BUCKET: is required/)
  })

  it('an S3 access key without its secret is refused, naming the secret', () => {
    expect(() => parseEnv({ STORAGE_DRIVER: 's3', S3_BUCKET: 'tandem',
      S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }))
      .toThrow(/S3_SECRET_ACCESS_KEY: is required with S3_ACCESS_KEY_ID/)
  })

  it('the S3 driver with a bucket and an S3-compatible endpoint is accepted', () => {
    const config = parseEnv({ STORAGE_DRIVER: 's3', S3_BUCKET: 'tandem',
      S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' })

    expect(config).toMatchObject({ STORAGE_DRIVER: 's3', S3_BUCKET: 'tandem',
      S3_FORCE_PATH_STYLE: true, S3_REGION: 'us-east-1' })
  })

  it('the local driver needs no S3 variable, and path style is off by default', () => {
    const config = parseEnv({})

    expect(config.STORAGE_DRIVER).toBe('local')
    expect(config.S3_FORCE_PATH_STYLE).toBe(false)
  })

  it('an SMTP relay must be an smtp:// or smtps:// URL; a public URL must be a URL', () => {
    expect(() => parseEnv({ SMTP_URL: 'mail.example.org:25' })).toThrow(/SMTP_URL/)
    expect(() => parseEnv({ SMTP_URL: 'https://mail.example.org' })).toThrow(/SMTP_URL/)
    expect(() => parseEnv({ PUBLIC_URL: 'tandem' })).toThrow(/PUBLIC_URL/)
    const config = parseEnv({ SMTP_URL: 'smtps://u:p@mail.example.org:465',
      PUBLIC_URL: 'https://tandem.example.org' })
    expect(config.SMTP_URL).toBe('smtps://u:p@mail.example.org:465')
    expect(config.SMTP_FROM).toBe('Tandem <tandem@localhost>')
  })

  it('an empty variable counts as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined()
  })
})
