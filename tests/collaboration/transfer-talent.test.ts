import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canOnProject } from '@/lib/access/projects'
import { listProjectActivity } from '@/lib/activity/queries'
import { db } from '@/lib/db/client'
import { notifyMilestonesDueSoon } from '@/lib/notifications/due-soon'
import { SMTPServer } from 'smtp-server'
import { renderNotification, sendSmtp } from '@/lib/notifications/mail'
import { createMilestone } from '@/lib/milestones/milestones'
import { toCsv } from '@/lib/projects/csv'
import { createProject } from '@/lib/projects/setup'
import { VALIDATION } from '@/lib/projects/validation'
import {
  createInternship, createProgram, getInternship, getProgram, listInternshipsForUser,
} from '@/lib/talent/talent'
import { createAgreement, getAgreement, setAgreementStatus } from '@/lib/transfer/agreements'
import {
  createOutcome, evaluateOutcome, getOutcome, listOutcomesForUser,
} from '@/lib/transfer/outcomes'
import { listProjectsForUser } from '@/lib/projects/queries'
import { setupTestDatabase } from '../helpers/db'
import { day, failure, twoPartners } from './helpers'

let database: Awaited<ReturnType<typeof setupTestDatabase>>
let world: Awaited<ReturnType<typeof twoPartners>>
let projectId: string

beforeAll(async () => {
  database = await setupTestDatabase()
  world = await twoPartners()
  projectId = (await createProject(world.researcher, {
    title: 'Joint lab project', organizationId: world.university.id })).id
  await db().projectOrganization.create({ data: { projectId, organizationId: world.company.id } })
  await db().projectMember.createMany({ data: [
    { projectId, userId: world.companyLead.id, organizationId: world.company.id,
      role: 'RESEARCHER' },
    { projectId, userId: world.companyColleague.id, organizationId: world.company.id,
      role: 'VIEWER' },
  ] })
})
afterAll(async () => { await database.close() })

describe('technology transfer', () => {
  it('records an outcome with contributors, evaluates it, and hides it from outsiders',
    async () => {
      const outcome = await createOutcome(world.researcher, projectId, {
        kind: 'METHOD', title: 'Augmented MLP',
        contributorIds: [world.researcher.id, world.companyLead.id],
      })
      await evaluateOutcome(world.companyLead, outcome.id, { readinessLevel: '4' })

      const read = await getOutcome(world.companyColleague, outcome.id)
      expect(read.contributors.map((c) => c.organizationId).sort())
        .toEqual([world.company.id, world.university.id].sort())
      expect(read.evaluations[0].readinessLevel).toBe(4)
      expect((await failure(getOutcome(world.outsider, outcome.id))).code).toBe('not_found')
      expect((await failure(evaluateOutcome(world.companyColleague, outcome.id,
        { readinessLevel: '5' }))).code).toBe('forbidden')
      expect((await failure(evaluateOutcome(world.researcher, outcome.id,
        { readinessLevel: '10' }))).details?.fields?.readinessLevel)
        .toEqual([VALIDATION.outOfRange])
    })

  it('rejects a contributor who is not a member and evidence from elsewhere', async () => {
    const error = await failure(createOutcome(world.researcher, projectId, {
      kind: 'MODEL', title: 'x', contributorIds: [world.outsider.id] }))
    expect(error.details?.fields?.contributorIds).toEqual([VALIDATION.notAMember])

    const runs = await failure(createOutcome(world.researcher, projectId, {
      kind: 'MODEL', title: 'x', runIds: ['elsewhere'] }))
    expect(Object.keys(runs.details?.fields ?? {})).toEqual(['runIds'])
  })

  it('an agreement needs known parties and moves draft → negotiation → signed', async () => {
    const unknown = await failure(createAgreement(world.researcher, projectId, {
      kind: 'NDA', title: 'NDA', parties: [{ organizationId: 'nope' }] }))
    expect(unknown.details?.fields?.parties).toEqual([VALIDATION.unknownOrganization])
    expect((await failure(createAgreement(world.companyLead, projectId, {
      kind: 'NDA', title: 'NDA', parties: [{ organizationId: world.company.id }] }))).code)
      .toBe('forbidden')

    const agreement = await createAgreement(world.researcher, projectId, {
      kind: 'EXCLUSIVE_LICENCE', title: 'Licence', effectiveDate: day(1), endDate: day(400),
      parties: [{ organizationId: world.university.id, role: 'licensor' },
        { organizationId: world.company.id, role: 'licensee' }],
    })
    await setAgreementStatus(world.researcher, agreement.id, { status: 'NEGOTIATION' })
    const signed = await setAgreementStatus(world.researcher, agreement.id, { status: 'SIGNED' })

    expect(signed.signedDate).toBeInstanceOf(Date)
    expect((await getAgreement(world.companyColleague, agreement.id)).status).toBe('SIGNED')
    const kinds = (await listProjectActivity(projectId)).map((e) => e.kind)
    expect(kinds.filter((k) => k === 'agreement.status_changed')).toHaveLength(2)
    const note = await db().notification.findFirst({
      where: { kind: 'agreement.status_changed' } })
    expect(note).toBeNull() // the only manager-or-owner is the actor, who is not notified
  })
})

describe('talent', () => {
  it('an intern joins the project and their access ends with the internship', async () => {
    const internship = await createInternship(world.researcher, {
      title: 'Summer internship', studentEmail: world.student.email,
      hostOrganizationId: world.university.id, projectId,
      supervisorEmails: world.researcher.email, startDate: day(-30), endDate: day(-1),
    })

    const member = await db().projectMember.findUniqueOrThrow({
      where: { projectId_userId: { projectId, userId: world.student.id } } })
    expect(member.accessEndsAt!.getTime()).toBeLessThan(Date.now())
    const decision = await canOnProject(world.student.id, projectId, 'view')
    expect(decision.allowed).toBe(false)
    expect((await getInternship(world.student, internship.id)).id).toBe(internship.id)
    expect((await failure(getInternship(world.outsider, internship.id))).code)
      .toBe('not_found')
    expect((await listInternshipsForUser(world.researcher))[0].studentName).toBe('Student')
    expect((await listProjectsForUser(world.student.id)).map((p) => p.id))
      .not.toContain(projectId)
    expect(await listOutcomesForUser(world.student)).toEqual([])
  })

  it('rejects end before start, unknown people and a host one does not belong to', async () => {
    const error = await failure(createInternship(world.researcher, {
      title: 'x', studentEmail: world.student.email, hostOrganizationId: world.university.id,
      startDate: day(10), endDate: day(1) }))
    expect(error.details?.fields?.endDate).toEqual([VALIDATION.endBeforeStart])

    const unknownStudent = await failure(createInternship(world.researcher, {
      title: 'x', studentEmail: 'ghost@nowhere.example', hostOrganizationId: world.university.id,
      startDate: day(1), endDate: day(10) }))
    expect(unknownStudent.details?.fields?.studentEmail).toEqual([VALIDATION.unknownUser])

    expect((await failure(createInternship(world.outsider, {
      title: 'x', studentEmail: world.student.email, hostOrganizationId: world.university.id,
      startDate: day(1), endDate: day(10) }))).code).toBe('forbidden')
    expect((await failure(createInternship(world.researcher, {
      title: 'x', studentEmail: world.student.email, hostOrganizationId: 'nope',
      startDate: day(1), endDate: day(10) }))).details?.fields?.hostOrganizationId)
      .toEqual([VALIDATION.unknownOrganization])
  })

  it('a joint lab links organizations, people and projects; outsiders do not see it',
    async () => {
      const program = await createProgram(world.researcher, {
        kind: 'LAB', title: 'Vision lab', organizationIds: [world.university.id,
          world.company.id], peopleEmails: `${world.companyLead.email}`,
        projectIds: [projectId], startDate: day(0),
      })

      expect((await getProgram(world.companyColleague, program.id)).id).toBe(program.id)
      expect((await failure(getProgram(world.outsider, program.id))).code).toBe('not_found')
      expect((await failure(createProgram(world.outsider, { kind: 'COURSE', title: 'x',
        organizationIds: [world.university.id], startDate: day(0) }))).code).toBe('forbidden')
    })
})

describe('notifications and exports', () => {
  it('reminds managers once of a milestone due within a week', async () => {
    await createMilestone(world.researcher, projectId, { title: 'Soon', dueDate: day(3) })

    await notifyMilestonesDueSoon(world.researcher.id)
    await notifyMilestonesDueSoon(world.researcher.id)

    const reminders = await db().notification.count({
      where: { userId: world.researcher.id, kind: 'milestone.due_soon' } })
    expect(reminders).toBe(1)
  })

  it('delivers an e-mail through a real SMTP server, with authentication', async () => {
    const received: { from?: string; to: string[]; body: string; user?: string }[] = []
    const server = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth: (auth, _session, callback) => auth.username === 'tandem' &&
        auth.password === 'secret' ? callback(null, { user: auth.username })
        : callback(new Error('bad credentials')),
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const { mailFrom, rcptTo } = session.envelope
          received.push({ from: mailFrom ? mailFrom.address : undefined,
            to: rcptTo.map((rcpt) => rcpt.address),
            body: Buffer.concat(chunks).toString('utf8'), user: session.user as string })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.server.address() as { port: number }).port
    try {
      await sendSmtp(`smtp://tandem:secret@127.0.0.1:${port}`,
        { to: 'a@b.example', subject: 'Hello 你好', text: 'Body' }, 'tandem@lab.example')
      await expect(sendSmtp(`smtp://tandem:wrong@127.0.0.1:${port}`,
        { to: 'a@b.example', subject: 'Refused', text: 'Body' })).rejects.toThrow()
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }

    expect(received).toHaveLength(1)
    expect(received[0]).toMatchObject({ from: 'tandem@lab.example', to: ['a@b.example'],
      user: 'tandem' })
    expect(received[0].body).toMatch(/^Subject: =\?UTF-8\?/m)
    expect(received[0].body).toContain('Body')
  })

  it('renders known kinds with their values and unknown kinds by name', () => {
    expect(renderNotification('access.requested', { dataset: 'MNIST', level: 'TRAIN' }))
      .toBe('Access to the dataset “MNIST” (training) was requested; please decide.')
    expect(renderNotification('lab.exploded', {})).toContain('lab.exploded')
    expect(renderNotification('proposal', {})).toContain('proposal')
  })

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(toCsv(['a', 'b'], [['x, "y"', '=SUM(A1)']]))
      .toBe('a,b\r\n"x, ""y""",\'=SUM(A1)\r\n')
  })
})
