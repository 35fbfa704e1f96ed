import { allow, deny, type Decision } from './decision'

/**
 * An internship is recorded by a member of the host organization; it is seen by
 * the student, the supervisors and the host organization's members.
 */
export function decideInternshipView(
  user: { id: string; organizationIds: string[] },
  internship: { studentId: string; supervisorIds: string[]; hostOrganizationId: string },
): Decision {
  if (internship.studentId === user.id || internship.supervisorIds.includes(user.id)) {
    return allow()
  }
  if (user.organizationIds.includes(internship.hostOrganizationId)) return allow()
  return deny('This internship was not found.', 'not_found')
}

export function decideInternshipCreate(userOrganizationIds: string[],
  hostOrganizationId: string): Decision {
  return userOrganizationIds.includes(hostOrganizationId)
    ? allow()
    : deny('Only members of the host organization can record its internships.')
}

/** A joint course or lab is recorded by and visible to its organizations and people. */
export function decideProgramAction(
  user: { id: string; organizationIds: string[] },
  program: { organizationIds: string[]; peopleIds: string[] },
): Decision {
  if (program.peopleIds.includes(user.id)) return allow()
  if (program.organizationIds.some((id) => user.organizationIds.includes(id))) return allow()
  return deny('This course or lab was not found.', 'not_found')
}
