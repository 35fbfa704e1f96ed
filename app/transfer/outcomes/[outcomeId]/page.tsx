import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { projectMembership } from '@/lib/access/projects'
import { decideTransferAction } from '@/lib/access/transfer'
import { requirePageUser } from '@/lib/auth/session'
import { AppError } from '@/lib/errors'
import { authorNames } from '@/lib/proposals/proposals'
import { getOutcome } from '@/lib/transfer/outcomes'
import { ActionForm } from '@/components/action-form'
import { evaluateAction } from '../../actions'

export default async function OutcomePage(props: PageProps<'/transfer/outcomes/[outcomeId]'>) {
  const { outcomeId } = await props.params
  const user = await requirePageUser(`/transfer/outcomes/${outcomeId}`)
  const outcome = await getOutcome(user, outcomeId).catch((error) => {
    if (error instanceof AppError) notFound()
    throw error
  })
  const membership = await projectMembership(user.id, outcome.projectId)
  const canEvaluate = decideTransferAction(membership, 'evaluate').allowed
  const names = await authorNames([...outcome.contributors.map((c) => c.userId),
    ...outcome.evaluations.map((e) => e.evaluatorId)])
  const t = await getTranslations('transfer')
  const tp = await getTranslations('proposals')
  const format = await getFormatter()
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' })

  return (
    <article>
      <div className="page-heading">
        <h1 data-testid="outcome-title">{outcome.title}</h1>
        <p className="muted">{t(`outcomeKinds.${outcome.kind}`)} ·{' '}
          <Link href={`/projects/${outcome.project.id}/transfer`}>
            {outcome.project.title}</Link></p>
      </div>
      <section className="section">
        {outcome.description && <p className="prose">{outcome.description}</p>}
        <h3>{t('fields.contributors')}</h3>
        {outcome.contributors.length === 0
          ? <p className="muted">{t('outcomes.noContributors')}</p> : (
            <ul className="plain-list" data-testid="contributors">
              {outcome.contributors.map((c) => (
                <li key={c.userId}>{names.get(c.userId)} · {c.organization.name}</li>))}
            </ul>
          )}
        <h3>{t('outcomes.evidence')}</h3>
        {outcome.evidence.length === 0 ? <p className="muted">{t('outcomes.noEvidence')}</p> : (
          <ul className="plain-list" data-testid="evidence">
            {outcome.evidence.map((e) => (
              <li key={e.id}>
                {e.run && <Link href={`/runs/${e.run.id}`}>{t('outcomes.run', {
                  name: e.run.name || e.run.id })}</Link>}
                {e.datasetVersion && t('outcomes.datasetVersion', {
                  name: e.datasetVersion.dataset.name, version: e.datasetVersion.version })}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section">
        <h2>{t('evaluations.title')}</h2>
        {outcome.evaluations.length === 0 ? <p className="muted">{t('evaluations.empty')}</p> : (
          <table className="data" data-testid="evaluations">
            <thead><tr><th>{t('fields.readinessLevel')}</th><th>{t('fields.notes')}</th>
              <th>{t('fields.evaluator')}</th><th>{t('fields.evaluatedAt')}</th></tr></thead>
            <tbody>
              {outcome.evaluations.map((e) => (
                <tr key={e.id}><td>{tp(`trl.${e.readinessLevel}`)}</td>
                  <td className="prose">{e.notes}</td><td>{names.get(e.evaluatorId)}</td>
                  <td>{date(e.evaluatedAt)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
        {canEvaluate && <>
          <h3>{t('evaluations.add')}</h3>
          <ActionForm action={evaluateAction.bind(null, outcomeId)} testId="evaluation-form"
            submitLabel={t('evaluations.add')} successMessage={t('form.saved')} fields={[
              { name: 'readinessLevel', label: t('fields.readinessLevel'), type: 'select',
                defaultValue: '4', options: Array.from({ length: 9 }, (_, i) => ({
                  value: String(i + 1), label: tp(`trl.${i + 1}`) })) },
              { name: 'notes', label: t('fields.notes'), type: 'textarea' },
              { name: 'evaluatedAt', label: t('fields.evaluatedAt'), type: 'date',
                hint: t('evaluations.dateHint') },
            ]} />
        </>}
      </section>

      <section className="section">
        <h2>{t('agreements.title')}</h2>
        {outcome.agreements.length === 0 ? <p className="muted">{t('agreements.empty')}</p> : (
          <ul className="plain-list">
            {outcome.agreements.map((a) => (
              <li key={a.id}><Link href={`/transfer/agreements/${a.id}`}>{a.title}</Link> ·{' '}
                {t(`agreementKinds.${a.kind}`)} · {t(`agreementStatus.${a.status}`)}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  )
}
