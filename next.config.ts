import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts')

const nextConfig: NextConfig = {
  agentRules: false,
  // Lets several local instances (tests, parallel work) build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Types are checked once, by `tsc --noEmit` in CI, not again by every build.
  typescript: { ignoreBuildErrors: true },
  // Kept out of the bundle: native binaries, WASM, and PGlite with its adapter
  // together (one copy of PGlite, or unique violations lose their Prisma code).
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/adapter-pg',
    'pg',
    'pg-boss',
    '@node-rs/argon2',
    '@tensorflow/tfjs',
    '@tensorflow/tfjs-backend-wasm',
    '@tensorflow/tfjs-node',
    'pino',
    'busboy',
    // The S3 driver's SDK, loaded on first use and only with STORAGE_DRIVER=s3.
    '@aws-sdk/client-s3',
    '@aws-sdk/lib-storage',
  ],
}

export default withNextIntl(nextConfig)
