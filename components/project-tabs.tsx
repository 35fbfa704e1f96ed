import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

const TABS = [
  { key: 'overview', path: '' },
  { key: 'plan', path: '/plan' },
  { key: 'members', path: '/members' },
  { key: 'transfer', path: '/transfer' },
  { key: 'activity', path: '/activity' },
  { key: 'settings', path: '/settings' },
] as const

export type ProjectTab = (typeof TABS)[number]['key']

/** The heading of every project page: title, partners and the tabs. */
export async function ProjectTabs(props: {
  projectId: string
  title: string
  subtitle?: string
  current: ProjectTab
}) {
  const t = await getTranslations('projects')
  return (
    <div className="page-heading">
      <h1 data-testid="project-title">{props.title}</h1>
      {props.subtitle && <p className="muted" data-testid="project-partners">{props.subtitle}</p>}
      <nav className="tabs" aria-label={t('tabs.label')}>
        {TABS.map((tab) => (
          <Link key={tab.key} href={`/projects/${props.projectId}${tab.path}`}
            aria-current={tab.key === props.current ? 'page' : undefined}
            data-testid={`tab-${tab.key}`}>
            {t(`tabs.${tab.key}`)}
          </Link>
        ))}
      </nav>
    </div>
  )
}
