import type { FieldSpec } from '@/components/action-form'

type Translate = (key: string) => string
type Need = {
  title: string; problem: string; goals: string; desiredOutcome: string; constraints: string
  dataAvailable: string; budgetMin: number | null; budgetMax: number | null; currency: string
  deadline: Date | null; tags: string[]; visibility: string; invitedOrganizationIds: string[]
}

/** The fields of the need form, shared by "post a need" and "edit a need". */
export function needFields(t: Translate, organizations: { id: string; name: string }[],
  need?: Need): FieldSpec[] {
  const options = organizations.map((o) => ({ value: o.id, label: o.name }))
  return [
    { name: 'title', label: t('fields.title'), defaultValue: need?.title },
    { name: 'problem', label: t('fields.problem'), type: 'textarea', defaultValue: need?.problem },
    { name: 'goals', label: t('fields.goals'), type: 'textarea', defaultValue: need?.goals },
    { name: 'desiredOutcome', label: t('fields.desiredOutcome'), type: 'textarea',
      defaultValue: need?.desiredOutcome },
    { name: 'constraints', label: t('fields.constraints'), type: 'textarea',
      defaultValue: need?.constraints },
    { name: 'dataAvailable', label: t('fields.dataAvailable'), type: 'textarea',
      defaultValue: need?.dataAvailable },
    { name: 'budgetMin', label: t('fields.budgetMin'), type: 'number',
      defaultValue: need?.budgetMin?.toString() },
    { name: 'budgetMax', label: t('fields.budgetMax'), type: 'number',
      defaultValue: need?.budgetMax?.toString() },
    { name: 'currency', label: t('fields.currency'), defaultValue: need?.currency ?? 'EUR' },
    { name: 'deadline', label: t('fields.deadline'), type: 'date',
      defaultValue: need?.deadline?.toISOString().slice(0, 10) },
    { name: 'tags', label: t('fields.tags'), hint: t('form.tagsHint'),
      defaultValue: need?.tags.join(', ') },
    { name: 'visibility', label: t('fields.visibility'), type: 'select',
      defaultValue: need?.visibility ?? 'PUBLIC', options: [
        { value: 'PUBLIC', label: t('visibility.PUBLIC') },
        { value: 'INVITED', label: t('visibility.INVITED') }] },
    { name: 'invitedOrganizationIds', label: t('fields.invitedOrganizations'),
      type: 'multiselect', options, defaultValue: need?.invitedOrganizationIds,
      hint: t('form.invitedHint') },
  ]
}
