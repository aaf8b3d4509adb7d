import { randomUUID } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileStore } from '../ports/files'

const SAFE_ID = /^f-[0-9a-f-]{36}$/

/** Files in a folder: `<id>` holds the bytes, `<id>.type` the content type. Ids are ours, never a client's path. */
export function createLocalFileStore (dir: string): FileStore {
  const ready = mkdir(dir, { recursive: true })
  return {
    async save ({ bytes, contentType }) {
      await ready
      const id = `f-${randomUUID()}`
      await writeFile(join(dir, id), bytes)
      await writeFile(join(dir, `${id}.type`), contentType)
      return id
    },
    async read (id) {
      if (!SAFE_ID.test(id)) return null
      try {
        const [bytes, type] = await Promise.all([readFile(join(dir, id)), readFile(join(dir, `${id}.type`), 'utf8')])
        return { bytes, contentType: type }
      } catch {
        return null
      }
    }
  }
}
