import Taro from '@tarojs/taro'
import { ApiError, NETWORK_MESSAGE } from './types'

export interface UploadHandle {
  done: Promise<{ fileId: string; url: string }>
  abort (): void
}

/** WeChat: compress on the phone, then upload straight to CloudBase storage; the reports function re-checks it. */
export function uploadPhoto (filePath: string, onProgress: (percent: number) => void): UploadHandle {
  let task: { abort?: () => void; onProgressUpdate?: (cb: (p: { progress: number }) => void) => void } | null = null
  const done = (async () => {
    const small = await Taro.compressImage({ src: filePath, quality: 80 }).then((r) => r.tempFilePath, () => filePath)
    const cloudPath = `reports/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.jpg`
    return new Promise<{ fileId: string; url: string }>((resolve, reject) => {
      task = Taro.cloud.uploadFile({
        cloudPath,
        filePath: small,
        success: (res) => resolve({ fileId: res.fileID, url: res.fileID }),
        fail: () => reject(new ApiError('NETWORK', NETWORK_MESSAGE))
      }) as unknown as typeof task
      task?.onProgressUpdate?.((p) => onProgress(p.progress))
    })
  })()
  return { done, abort: () => task?.abort?.() }
}

/** cloud:// file ids display directly in <Image>. */
export function photoUrl (fileId: string, _thumb = false): string {
  return fileId
}
