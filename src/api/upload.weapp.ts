import Taro from '@tarojs/taro'
import type { Result } from '../../core/errors'
import { thumbIdOf } from '../../core/photo-ids'
import { ApiError, NETWORK_MESSAGE } from './types'

export interface UploadHandle {
  done: Promise<{ fileId: string; url: string }>
  abort (): void
}

/** The share of the bar the upload itself fills; the rest is the photos function's work. */
const UPLOADED = 80

/**
 * WeChat: compress on the phone, upload straight to CloudBase storage (`uploads/`), then have the `photos` function
 * rewrite it as the gateway does locally (≤ 1,600 px, ≤ 400 KB, EXIF and GPS stripped, a thumbnail) and delete the
 * upload. Only the id it answers may go into a report: reports.submit refuses a raw upload.
 */
export function uploadPhoto (filePath: string, onProgress: (percent: number) => void): UploadHandle {
  let task: { abort?: () => void; onProgressUpdate?: (cb: (p: { progress: number }) => void) => void } | null = null
  let aborted = false
  const done = (async () => {
    const small = await Taro.compressImage({ src: filePath, quality: 80 }).then((r) => r.tempFilePath, () => filePath)
    const cloudPath = `uploads/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.jpg`
    const uploaded = await new Promise<string>((resolve, reject) => {
      task = Taro.cloud.uploadFile({
        cloudPath,
        filePath: small,
        success: (res) => resolve(res.fileID),
        fail: () => reject(new ApiError('NETWORK', NETWORK_MESSAGE))
      }) as unknown as typeof task
      task?.onProgressUpdate?.((p) => onProgress((p.progress * UPLOADED) / 100))
    })
    if (aborted) throw new ApiError('NETWORK', '已取消上传')
    onProgress(UPLOADED + 10)
    let answer: Result<{ fileId: string }>
    try {
      answer = (await Taro.cloud.callFunction({ name: 'photos', data: { fileId: uploaded } })).result as Result<{ fileId: string }>
    } catch {
      throw new ApiError('NETWORK', NETWORK_MESSAGE)
    }
    if (!answer.ok) throw new ApiError(answer.error.code, answer.error.message)
    onProgress(100)
    return { fileId: answer.data.fileId, url: answer.data.fileId }
  })()
  return { done, abort: () => { aborted = true; task?.abort?.() } }
}

/** cloud:// file ids display directly in <Image>; a processed photo's thumbnail sits beside it. */
export function photoUrl (fileId: string, thumb = false): string {
  return (thumb && thumbIdOf(fileId)) || fileId
}
