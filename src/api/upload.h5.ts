import Taro from '@tarojs/taro'
import { getDevToken } from './call'
import { photoUrl as storedPhotoUrl } from './cloudbase'
import { cloudbase } from './cloudbase-sdk'
import { notifySignedOut } from './signed-out'
import { ApiError, NETWORK_MESSAGE } from './types'

export interface UploadHandle {
  done: Promise<{ fileId: string; url: string }>
  abort (): void
}

/** H5: multipart POST to the gateway, which resizes, strips EXIF and stores the photo. */
export function uploadPhoto (filePath: string, onProgress: (percent: number) => void): UploadHandle {
  // The build for CloudBase: to storage, then the photos function, as on the phone (src/api/cloudbase.ts).
  if (cloudbase) {
    const handle = cloudbase.uploadPhoto(filePath, onProgress)
    handle.done.catch((e: { code?: string }) => { if (e?.code === 'UNAUTHENTICATED') notifySignedOut() })
    return handle
  }
  let task: Taro.UploadTask | null = null
  const done = new Promise<{ fileId: string; url: string }>((resolve, reject) => {
    const token = getDevToken()
    task = Taro.uploadFile({
      url: '/api/upload',
      filePath,
      name: 'file',
      header: token ? { authorization: `Bearer ${token}` } : {},
      success: (res) => {
        try {
          const body = JSON.parse(res.data) as { ok: boolean; data?: { fileId: string; url: string }; error?: { code: string; message: string } }
          if (body.ok && body.data) resolve(body.data)
          else {
            if (body.error?.code === 'UNAUTHENTICATED') notifySignedOut()
            reject(new ApiError((body.error?.code ?? 'INTERNAL') as 'INTERNAL', body.error?.message ?? '上传失败，请重试'))
          }
        } catch {
          reject(new ApiError('INTERNAL', '上传失败，请重试'))
        }
      },
      fail: () => reject(new ApiError('NETWORK', NETWORK_MESSAGE))
    }) as unknown as Taro.UploadTask
    // On H5 the task is also a promise that rejects when the upload fails; `fail` above already answers that.
    void Promise.resolve(task as unknown as PromiseLike<unknown>).then(undefined, () => undefined)
    task?.onProgressUpdate?.((p) => onProgress(p.progress))
  })
  return { done, abort: () => task?.abort() }
}

/** The URL to show a stored photo (thumbnails by `?thumb=1`). */
export function photoUrl (fileId: string, thumb = false): string {
  if (cloudbase) return storedPhotoUrl(fileId, thumb)
  return fileId.startsWith('http') || fileId.startsWith('blob:') ? fileId : `/files/${fileId}${thumb ? '?thumb=1' : ''}`
}
