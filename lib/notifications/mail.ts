import net from 'node:net'
import { db } from '@/lib/db/client'
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
  const body = link ? `${text}\n\n${process.env.PUBLIC_URL ?? ''}${link}\n` : `${text}\n`
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
    text: `${text}\n\n${process.env.PUBLIC_URL ?? ''}${link}\n` })
}

async function sendMail(mail: Mail): Promise<void> {
  const smtpUrl = process.env.SMTP_URL
  if (!smtpUrl) {
    // No SMTP configured (the embedded default): the e-mail is written to the log.
    logger.info({ mailTo: mail.to, subject: mail.subject }, 'e-mail (SMTP_URL not set)')
    return
  }
  await sendSmtp(new URL(smtpUrl), mail)
  logger.info({ subject: mail.subject }, 'e-mail sent')
}

/**
 * A plain SMTP conversation (RFC 5321) for a relay on the local network:
 * smtp://host:port, no TLS and no authentication. A relay that needs either
 * is not supported yet; such deployments must run a local relay in front of it.
 */
export function sendSmtp(url: URL, mail: Mail,
  from = process.env.SMTP_FROM ?? 'tandem@localhost') {
  const commands = [
    'EHLO tandem', `MAIL FROM:<${from}>`, `RCPT TO:<${mail.to}>`, 'DATA',
    [`From: ${from}`, `To: ${mail.to}`, `Subject: ${mail.subject.replace(/[\r\n]/g, ' ')}`,
      'Content-Type: text/plain; charset=utf-8', '',
      mail.text.replace(/^\./gm, '..'), '.'].join('\r\n'),
    'QUIT',
  ]
  return new Promise<void>((resolve, reject) => {
    const socket = net.connect(Number(url.port || 25), url.hostname)
    let buffer = ''
    let step = -1
    socket.setTimeout(10_000, () => socket.destroy(new Error('SMTP timed out')))
    socket.on('error', reject)
    socket.on('close', () => (step >= commands.length - 1 ? resolve() : reject(
      new Error('SMTP connection closed early'))))
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8')
      const lines = buffer.split('\r\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (/^\d{3}-/.test(line)) continue
        if (!/^[23]\d\d/.test(line)) {
          socket.destroy(new Error(`SMTP refused: ${line}`))
          return
        }
        step += 1
        if (step < commands.length) socket.write(`${commands[step]}\r\n`)
      }
    })
  })
}
