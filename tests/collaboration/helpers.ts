import { AppError } from '@/lib/errors'
import { createOrganization, createUser } from '../helpers/fixtures'

/** The error a promise rejects with, for asserting on code and fields. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    const { toAppError } = await import('@/lib/http/respond')
    return toAppError(error)
  }
  throw new Error('expected a failure, but it succeeded')
}

/** A company and a university with people in each, as plain actors. */
export async function twoPartners() {
  const company = await createOrganization('COMPANY')
  const university = await createOrganization('UNIVERSITY')
  const outsiderOrg = await createOrganization('OTHER')
  const actor = async (organizationId: string, name: string) => {
    const user = await createUser({ organizationId, name })
    return { id: user.id, email: user.email, name: user.name }
  }
  return {
    company, university, outsiderOrg,
    companyLead: await actor(company.id, 'Company Lead'),
    companyColleague: await actor(company.id, 'Company Colleague'),
    researcher: await actor(university.id, 'Researcher'),
    student: await actor(university.id, 'Student'),
    outsider: await actor(outsiderOrg.id, 'Outsider'),
  }
}

export const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
