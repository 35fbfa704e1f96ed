// An S3-compatible server for tests: s3rver on a free loopback port, one bucket.
// Run by tests/helpers/s3-emulator.ts with --openssl-legacy-provider, because s3rver
// encrypts ListObjectsV2 continuation tokens with DES, which OpenSSL 3 keeps there.
// Usage: node --openssl-legacy-provider s3-emulator-server.mjs <directory> <bucket>
import S3rver from '@20minutes/s3rver'

const [directory, bucket] = process.argv.slice(2)
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  directory,
  silent: true,
  configureBuckets: [{ name: bucket }],
})
const { port } = await server.run()
process.stdout.write(`${JSON.stringify({ port })}\n`)

// The test process holds our stdin: when it ends, for whatever reason, so do we.
process.stdin.resume()
process.stdin.on('end', () => process.exit(0))
