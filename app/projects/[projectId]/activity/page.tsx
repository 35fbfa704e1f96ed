import { notFound } from 'next/navigation'
import { canOnProject } from '@/lib/access/projects'
import { listProjectActivity } from '@/lib/activity/queries'
import { requirePageUser } from '@/lib/auth/session'
import { getProjectOrThrow } from '@/lib/projects/setup'
import { ActivityList } from '@/components/activity-list'
import { ProjectTabs } from '@/components/project-tabs'

export default async function ActivityPage(props: PageProps<'/projects/[projectId]/activity'>) {
  const { projectId } = await props.params
  const user = await requirePageUser(`/projects/${projectId}/activity`)
  if (!(await canOnProject(user.id, projectId, 'view')).allowed) notFound()
  const [project, items] = await Promise.all([
    getProjectOrThrow(projectId), listProjectActivity(projectId, 200),
  ])

  return (
    <article>
      <ProjectTabs projectId={projectId} title={project.title} current="activity" />
      <section className="section"><ActivityList items={items} /></section>
    </article>
  )
}
