import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { canOnProject } from '@/lib/access/projects'
import { requirePageUser } from '@/lib/auth/session'
import { env } from '@/lib/env'
import { getProjectOverview } from '@/lib/projects/queries'
import { uploadFormLabels } from '@/components/datasets/upload-labels'
import { UploadForm } from '@/components/datasets/upload-form'

export default async function NewDatasetPage(props: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await props.params
  const user = await requirePageUser(`/projects/${projectId}/datasets/new`)
  const decision = await canOnProject(user.id, projectId, 'upload_dataset')
  if (!decision.allowed && decision.code === 'not_found') notFound()
  const project = await getProjectOverview(projectId)
  if (!project) notFound()
  const t = await getTranslations('datasets')
  const labels = await uploadFormLabels(env().UPLOAD_LIMIT_MB)

  return (
    <article>
      <div className="page-heading">
        <p className="muted"><Link href={`/projects/${projectId}`}>{project.title}</Link></p>
        <h1>{t('upload.title')}</h1>
      </div>
      <section className="section">
        {decision.allowed ? (
          <UploadForm url={`/api/projects/${projectId}/datasets`} {...labels} />
        ) : <p className="notice">{decision.reason}</p>}
      </section>
    </article>
  )
}
