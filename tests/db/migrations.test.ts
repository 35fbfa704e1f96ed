import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db/client'
import { diffMigrationsToSchema } from '@/lib/db/migrations'
import { setupTestDatabase, type TestDatabase } from '../helpers/db'
import { createOrganization } from '../helpers/fixtures'

describe('database migrations', () => {
  let database: TestDatabase

  beforeAll(async () => {
    database = await setupTestDatabase()
  })
  afterAll(() => database.close())

  it('the committed migrations match the Prisma schema exactly', async () => {
    const missing = await diffMigrationsToSchema()

    expect(missing).toBe('')
  })

  it('a migrated database accepts and returns domain rows', async () => {
    const organization = await createOrganization('COMPANY', 'Migrated Co')

    const found = await db().organization.findUnique({ where: { id: organization.id } })

    expect(found?.kind).toBe('COMPANY')
  })

  it('audit events cannot be changed or deleted once written', async () => {
    const event = await db().auditEvent.create({
      data: { action: 'dataset.view', outcome: 'allow', resourceType: 'dataset',
        resourceId: 'd1' },
    })

    await db().auditEvent.updateMany({ where: { id: event.id }, data: { outcome: 'deny' } })
    await db().auditEvent.deleteMany({ where: { id: event.id } })

    const stored = await db().auditEvent.findUnique({ where: { id: event.id } })
    expect(stored?.outcome).toBe('allow')
  })
})
