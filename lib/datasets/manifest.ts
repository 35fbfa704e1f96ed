import { createHash } from 'node:crypto'

export type StoredFile = { name: string; sha256: string; sizeBytes: number }

/**
 * A version's checksum: sha256 over one line per file, "<sha256>  <name>\n", sorted by
 * name (the layout of `sha256sum` output), so anyone can recompute it from the files.
 */
export function manifestSha256(files: StoredFile[]): string {
  const lines = [...files]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((file) => `${file.sha256}  ${file.name}\n`)
  return createHash('sha256').update(lines.join('')).digest('hex')
}
