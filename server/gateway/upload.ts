import busboy from 'busboy'
import type { IncomingMessage } from 'node:http'
import type { FileStore } from '../ports/files'
import { AppError } from '../errors'

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** One image from a multipart form (field `file`), as Taro.uploadFile sends it. */
export function receiveImage (req: IncomingMessage, files: FileStore): Promise<string> {
  return new Promise((resolve, reject) => {
    let bb: busboy.Busboy
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_UPLOAD_BYTES } })
    } catch {
      reject(new AppError('VALIDATION', '请以表单方式上传图片'))
      return
    }
    let handled = false
    bb.on('file', (_name, stream, info) => {
      handled = true
      if (!/^image\/(jpeg|png|webp|gif)$/.test(info.mimeType)) {
        stream.resume()
        reject(new AppError('VALIDATION', '只能上传 JPG、PNG、WebP 或 GIF 图片'))
        return
      }
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => reject(new AppError('VALIDATION', '图片不能超过 10 MB，请压缩后再上传')))
      stream.on('end', () => {
        if ((stream as unknown as { truncated?: boolean }).truncated) return
        files.save({ bytes: Buffer.concat(chunks), contentType: info.mimeType }).then(resolve, reject)
      })
    })
    bb.on('error', () => reject(new AppError('VALIDATION', '上传的内容无法读取，请重试')))
    bb.on('close', () => { if (!handled) reject(new AppError('VALIDATION', '没有收到图片')) })
    req.pipe(bb)
  })
}
