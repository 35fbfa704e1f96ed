import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { canOnProject } from '@/lib/access/projects'
import { requirePageUser } from '@/lib/auth/session'
import { listOrganizations } from '@/lib/organizations/queries'
import { projectArtifacts, projectChoices } from '@/lib/projects/queries'
import { getProjectOrThrow } from '@/lib/projects/setup'
import { listProjectAgreements } from '@/lib/transfer/agreements'
import { listProjectOutcomes } from '@/lib/transfer/outcomes'
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, OUTCOME_KINDS } from '@/lib/transfer/schemas'
import { ActionForm } from '@/components/action-form'
import { ProjectTabs } from '@/components/project-tabs'
import { runChoiceLabel } from '@/components/runs/run-choice-label'
import { createAgreementAction, createOutcomeAction } from '../actions'

export default async function ProjectTransferPage(
  props: PageProps<'/projects/[projectId]/transfer'>,
) {
  const { projectId } = await props.params
  const user = await requirePageUser(`/projects/${projectId}/transfer`)
  if (!(await canOnProject(user.id, projectId, 'view')).allowed) notFound()
  const [canRecord, canAgree] = await Promise.all([
    canOnProject(user.id, projectId, 'record_outcome'),
    canOnProject(user.id, projectId, 'manage_agreements'),
  ])
  const [project, outcomes, agreements, choices, artifacts, organizations] = await Promise.all([
    getProjectOrThrow(projectId), listProjectOutcomes(projectId), listProjectAgreements(projectId),
    projectChoices(projectId), projectArtifacts(projectId), listOrganizations(),
  ])
  const t = await getTranslations('transfer')
  const runLabel = await runChoiceLabel()
  const format = await getFormatter()
  const none = { value: '', label: t('form.none') }
  const orgOptions = [none, ...organizations.map((o) => ({ value: o.id, label: o.name }))]

  return (
    <article>
      <ProjectTabs projectId={projectId} title={project.title} current="transfer" />

      <section className="section">
        <h2>{t('outcomes.title')}</h2>
        {outcomes.length === 0 ? <p className="muted">{t('outcomes.empty')}</p> : (
          <table className="data" data-testid="outcomes">
            <thead><tr>
              <th>{t('fields.title')}</th><th>{t('fields.kind')}</th>
              <th>{t('fields.readinessLevel')}</th><th>{t('agreements.title')}</th>
            </tr></thead>
            <tbody>
              {outcomes.map((outcome) => (
                <tr key={outcome.id}>
                  <td><Link href={`/transfer/outcomes/${outcome.id}`}>{outcome.title}</Link></td>
                  <td>{t(`outcomeKinds.${outcome.kind}`)}</td>
                  <td>{outcome.evaluations[0] ? `TRL ${outcome.evaluations[0].readinessLevel}`
                    : t('outcomes.notEvaluated')}</td>
                  <td>{outcome._count.agreements}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canRecord.allowed && <>
          <h3>{t('outcomes.add')}</h3>
          <ActionForm action={createOutcomeAction.bind(null, projectId)} testId="outcome-form"
            submitLabel={t('outcomes.add')} successMessage={t('form.saved')} fields={[
              { name: 'title', label: t('fields.title') },
              { name: 'kind', label: t('fields.kind'), type: 'select',
                options: OUTCOME_KINDS.map((k) => ({ value: k, label: t(`outcomeKinds.${k}`) })) },
              { name: 'description', label: t('fields.description'), type: 'textarea' },
              { name: 'contributorIds', label: t('fields.contributors'), type: 'multiselect',
                options: choices.members.map((m) => ({ value: m.id, label: m.name })),
                hint: t('form.multiHint') },
              { name: 'runIds', label: t('fields.runs'), type: 'multiselect',
                options: artifacts.runs.map((r) => ({ value: r.id,
                  label: runLabel(r) })) },
              { name: 'datasetVersionIds', label: t('fields.datasetVersions'),
                type: 'multiselect', options: artifacts.versions.map((v) => ({ value: v.id,
                  label: `${v.dataset.name} v${v.version}` })) },
            ]} />
        </>}
      </section>

      <section className="section">
        <h2>{t('agreements.title')}</h2>
        {agreements.length === 0 ? <p className="muted">{t('agreements.empty')}</p> : (
          <table className="data" data-testid="agreements">
            <thead><tr>
              <th>{t('fields.title')}</th><th>{t('fields.kind')}</th>
              <th>{t('fields.status')}</th><th>{t('fields.parties')}</th>
              <th>{t('fields.signedDate')}</th>
            </tr></thead>
            <tbody>
              {agreements.map((a) => (
                <tr key={a.id}>
                  <td><Link href={`/transfer/agreements/${a.id}`}>{a.title}</Link></td>
                  <td>{t(`agreementKinds.${a.kind}`)}</td>
                  <td><span className={`badge agreement-${a.status.toLowerCase()}`}>
                    {t(`agreementStatus.${a.status}`)}</span></td>
                  <td>{a.parties.map((p) => p.organization.name).join(', ')}</td>
                  <td>{a.signedDate
                    ? format.dateTime(a.signedDate, { dateStyle: 'medium' }) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canAgree.allowed && <>
          <h3>{t('agreements.add')}</h3>
          <ActionForm action={createAgreementAction.bind(null, projectId)}
            testId="agreement-form" submitLabel={t('agreements.add')}
            successMessage={t('form.saved')} fields={[
              { name: 'title', label: t('fields.title') },
              { name: 'kind', label: t('fields.kind'), type: 'select',
                options: AGREEMENT_KINDS.map((k) => ({ value: k,
                  label: t(`agreementKinds.${k}`) })) },
              { name: 'outcomeId', label: t('fields.outcome'), type: 'select',
                options: [none, ...outcomes.map((o) => ({ value: o.id, label: o.title }))] },
              { name: 'partyAId', label: t('fields.partyA'), type: 'select', options: orgOptions },
              { name: 'partyARole', label: t('fields.partyARole'),
                placeholder: t('form.licensor') },
              { name: 'partyBId', label: t('fields.partyB'), type: 'select', options: orgOptions },
              { name: 'partyBRole', label: t('fields.partyBRole'),
                placeholder: t('form.licensee') },
              { name: 'fieldOfUse', label: t('fields.fieldOfUse') },
              { name: 'territory', label: t('fields.territory') },
              { name: 'termsSummary', label: t('fields.termsSummary'), type: 'textarea' },
              { name: 'fees', label: t('fields.fees') },
              { name: 'royalty', label: t('fields.royalty') },
              { name: 'status', label: t('fields.status'), type: 'select',
                options: AGREEMENT_STATUSES.map((s) => ({ value: s,
                  label: t(`agreementStatus.${s}`) })) },
              { name: 'effectiveDate', label: t('fields.effectiveDate'), type: 'date' },
              { name: 'endDate', label: t('fields.endDate'), type: 'date' },
            ]} />
        </>}
      </section>
    </article>
  )
}
