import { defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3210)
const DATA_DIR = process.env.E2E_DATA_DIR ?? '.data-e2e'
export const baseURL = `http://127.0.0.1:${PORT}`

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--no-first-run',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ],
    },
  },
  // A fresh embedded database, migrated and seeded with the demo data, behind `next start`.
  webServer: {
    command: `rm -rf ${DATA_DIR} && npx tsx scripts/start.ts`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { DATA_DIR, PORT: String(PORT), LOG_LEVEL: 'warn', NEXT_TELEMETRY_DISABLED: '1' },
  },
})
