import { describe, expect, it } from 'vitest'
import { decideProjectAction, type ProjectAction } from '@/lib/access/projects'

const ACTIONS: ProjectAction[] = ['view', 'upload_dataset', 'launch_run', 'edit',
  'manage_members', 'delete']

const EXPECTED: Record<string, ProjectAction[]> = {
  VIEWER: ['view'],
  RESEARCHER: ['view', 'upload_dataset', 'launch_run'],
  MANAGER: ['view', 'upload_dataset', 'launch_run', 'edit', 'manage_members'],
  OWNER: ACTIONS,
}

describe('project access by role', () => {
  for (const [role, allowed] of Object.entries(EXPECTED)) {
    for (const action of ACTIONS) {
      const expected = allowed.includes(action)
      it(`a ${role.toLowerCase()} ${expected ? 'may' : 'may not'} ${action}`, () => {
        const decision = decideProjectAction(
          { role: role as keyof typeof EXPECTED & 'OWNER', accessEndsAt: null }, action)

        expect(decision.allowed).toBe(expected)
      })
    }
  }

  it('a non-member is told the project does not exist', () => {
    const decision = decideProjectAction(null, 'view')

    expect(decision).toMatchObject({ allowed: false, code: 'not_found' })
  })

  it('a member whose access ended (an intern after the internship) is refused', () => {
    const ended = new Date('2026-01-31T00:00:00Z')

    const decision = decideProjectAction(
      { role: 'RESEARCHER', accessEndsAt: ended }, 'view', new Date('2026-02-01T00:00:00Z'))

    expect(decision).toMatchObject({ allowed: false, code: 'forbidden' })
    expect(decision.allowed || decision.reason).toContain('2026-01-31')
  })
})
