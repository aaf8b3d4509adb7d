import type { PhotoStorage } from '../../ports/photo-storage'
import { CloudbaseError, type CloudbaseApp } from './client'

/** What the SDK answers for a file that is not (or no longer) there. */
const MISSING = 'STORAGE_FILE_NONEXIST'

/* eslint-disable @typescript-eslint/no-explicit-any */
const failure = (what: string, raw: any): CloudbaseError => {
  const code = String(raw?.code ?? raw?.errCode ?? 'UNKNOWN')
  return new CloudbaseError(code, `CloudBase ${what} failed: ${code} ${String(raw?.message ?? raw?.errMsg ?? raw)}`, raw?.requestId)
}

/**
 * PhotoStorage on CloudBase storage (@cloudbase/node-sdk): read = temporary URL + download, write = uploadFile,
 * remove = deleteFile. The SDK either throws or answers `{ code }` (throwOnCode off); both become CloudbaseError,
 * except "no such file", which is an answer (null on read, nothing to do on remove).
 */
export function createCloudbaseStorage (app: CloudbaseApp): PhotoStorage {
  const sdk: any = app
  return {
    async read (fileId) {
      let res: any
      try {
        res = await sdk.downloadFile({ fileID: fileId })
      } catch (e: any) {
        if (e?.code === MISSING) return null
        throw failure(`download ${fileId}`, e)
      }
      if (res?.code === MISSING) return null
      if (res?.code || !res?.fileContent) throw failure(`download ${fileId}`, res ?? 'no content')
      return Buffer.isBuffer(res.fileContent) ? res.fileContent : Buffer.from(res.fileContent)
    },
    async write (path, bytes) {
      let res: any
      try {
        res = await sdk.uploadFile({ cloudPath: path, fileContent: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
      } catch (e) {
        throw failure(`upload ${path}`, e)
      }
      if (res?.code || typeof res?.fileID !== 'string') throw failure(`upload ${path}`, res ?? 'no file id')
      return res.fileID
    },
    async remove (fileIds) {
      if (fileIds.length === 0) return
      let res: any
      try {
        res = await sdk.deleteFile({ fileList: [...fileIds] })
      } catch (e) {
        throw failure(`delete ${fileIds.length} files`, e)
      }
      if (res?.code) throw failure(`delete ${fileIds.length} files`, res)
      const failed = ((res?.fileList ?? []) as Array<{ code?: string; fileID?: string }>).filter((f) => f.code && f.code !== 'SUCCESS' && f.code !== MISSING)
      if (failed.length > 0) throw failure(`delete ${failed[0].fileID}`, failed[0])
    }
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */
