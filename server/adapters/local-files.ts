import { randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileStore } from '../ports/files'

const SAFE_ID = /^f-[0-9a-f-]{36}$/

/**
 * Files in a folder: `<id>` holds the bytes, `<id>.thumb` the thumbnail, `<id>.json` type and owner.
 * Ids are ours, never a client's path.
 */
export function createLocalFileStore (dir: string): FileStore {
  const ready = mkdir(dir, { recursive: true })
  return {
    async save ({ bytes, contentType, thumb, ownerId }) {
      await ready
      const id = `f-${randomUUID()}`
      await writeFile(join(dir, id), bytes)
      if (thumb) await writeFile(join(dir, `${id}.thumb`), thumb.bytes)
      await writeFile(join(dir, `${id}.json`), JSON.stringify({ contentType, thumbType: thumb?.contentType ?? null, ownerId }))
      return id
    },
    async read (id, variant = 'full') {
      if (!SAFE_ID.test(id)) return null
      try {
        const meta = JSON.parse(await readFile(join(dir, `${id}.json`), 'utf8')) as { contentType: string; thumbType: string | null }
        if (variant === 'thumb' && meta.thumbType) return { bytes: await readFile(join(dir, `${id}.thumb`)), contentType: meta.thumbType }
        return { bytes: await readFile(join(dir, id)), contentType: meta.contentType }
      } catch {
        return null
      }
    }
  }
}
