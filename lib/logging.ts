import pino from 'pino'

// One structured logger. Never log secrets, passwords, tokens or dataset bytes.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  redact: ['password', 'passwordHash', 'token', '*.password', '*.token', 'authorization'],
  base: undefined,
})
