import nodemailer from 'nodemailer'
import { db } from '@/lib/db/client'
import { env } from '@/lib/env'
import { logger } from '@/lib/logging'
import { fillTemplate, templateFor } from './render'
import messages from '@/messages/en/notifications.json'

type Mail = { to: string; subject: string; text: string }

/** English text of a notification; e-mails go out in English with the link. */
export function renderNotification(kind: string, params: Record<string, unknown>): string {
  const template = templateFor(messages.kinds, kind) ?? messages.unknownKind
  const values = messages.values as Record<string, string>
  return fillTemplate(template, { kind, ...params }, (raw) => values[raw] ?? raw)
}

export async function deliverEmails(
  userIds: string[],
  kind: string,
  params: Record<string, unknown>,
  link?: string,
): Promise<void> {
  const users = await db().user.findMany({
    where: { id: { in: userIds } },
    select: { email: true },
  })
  const text = renderNotification(kind, params)
  const body = link ? `${text}\n\n${absolute(link)}\n` : `${text}\n`
  for (const user of users) {
    await sendMail({ to: user.email, subject: `Tandem: ${text}`.slice(0, 150), text: body })
  }
}

/** An e-mail to an address without an account yet (an invitation to sign up and join). */
export async function deliverEmailToAddress(
  to: string,
  kind: string,
  params: Record<string, unknown>,
  link: string,
): Promise<void> {
  const text = renderNotification(kind, params)
  await sendMail({ to, subject: `Tandem: ${text}`.slice(0, 150),
    text: `${text}\n\n${absolute(link)}\n` })
}

/** A link in the app as people reach it from an e-mail (PUBLIC_URL, when set). */
function absolute(link: string): string {
  return `${env().PUBLIC_URL?.replace(/\/$/, '') ?? ''}${link}`
}

async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL } = env()
  if (!SMTP_URL) {
    // No SMTP configured (the embedded default): the e-mail is written to the log.
    logger.info({ mailTo: mail.to, subject: mail.subject }, 'e-mail (SMTP_URL not set)')
    return
  }
  await sendSmtp(SMTP_URL, mail)
  logger.info({ subject: mail.subject }, 'e-mail sent')
}

/** Sends one e-mail through the SMTP relay at `url` (nodemailer: TLS and auth from the URL). */
export async function sendSmtp(url: string, mail: Mail, from = env().SMTP_FROM): Promise<void> {
  const transport = nodemailer.createTransport(url)
  try {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text })
  } finally {
    transport.close()
  }
}
