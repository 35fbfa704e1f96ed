import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { LocalStorage } from '@/lib/storage/local'
import { storageContract } from './contract'

const root = mkdtempSync(path.join(tmpdir(), 'tandem-storage-'))
const local = new LocalStorage(root)
afterAll(() => rmSync(root, { recursive: true, force: true }))

storageContract('local', () => local)
