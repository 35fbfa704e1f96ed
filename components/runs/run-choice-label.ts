import { getTranslations } from 'next-intl/server'

type RunChoice = { name: string; preset: string; status: string }

/** How a run reads in a list of choices: its name (else its model) and its status. */
export async function runChoiceLabel(): Promise<(run: RunChoice) => string> {
  const t = await getTranslations('runs')
  return (run) => `${run.name || t(`presets.${run.preset}` as 'presets.reference')} · ` +
    t(`status.${run.status}` as 'status.QUEUED')
}
